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

// The length of the UTF-8 sequence that `lead` starts: 2-4 for a lead byte, 1 for anything
// else (ASCII, or a stray byte, stepped over alone).
constexpr std::size_t utf8_sequence_length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  return lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// ASCII letters lower-cased, everything else as it is (header names, labels, field values).
std::string lowercase_ascii(std::string_view text);

}  // namespace sinmun

#endif  // SINMUN_BASE_TEXT_H_
