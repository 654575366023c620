#ifndef SINMUN_BASE_TEXT_H_
#define SINMUN_BASE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

// Byte-level text helpers every module needs (no locale, no allocation beyond the result).
namespace sinmun {

// Replaces each byte that is not part of a well-formed UTF-8 sequence with U+FFFD.
// Returns how many bytes were replaced (0: `text` is unchanged).
std::size_t repair_utf8(std::string& text);

// ASCII letters lower-cased, everything else as it is (header names, labels, field values).
std::string lowercase_ascii(std::string_view text);

}  // namespace sinmun

#endif  // SINMUN_BASE_TEXT_H_
