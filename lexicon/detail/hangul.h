#ifndef SINMUN_LEXICON_DETAIL_HANGUL_H_
#define SINMUN_LEXICON_DETAIL_HANGUL_H_

#include <cstddef>
#include <string_view>

// Byte-level Hangul tests for the lexicon's miners, which walk UTF-8 text a syllable at a
// time (every precomposed syllable, U+AC00..U+D7A3, is 3 bytes of UTF-8).
namespace sinmun::lexicon {

inline constexpr std::size_t kSyllableBytes = 3;

// True when `text` holds a precomposed Hangul syllable at byte `i`.
inline bool is_syllable_at(std::string_view text, std::size_t i) {
  if (i + kSyllableBytes > text.size()) return false;
  const auto b0 = static_cast<unsigned char>(text[i]);
  const auto b1 = static_cast<unsigned char>(text[i + 1]);
  const auto b2 = static_cast<unsigned char>(text[i + 2]);
  if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
  const unsigned cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
  return cp >= 0xAC00 && cp <= 0xD7A3;
}

}  // namespace sinmun::lexicon

#endif  // SINMUN_LEXICON_DETAIL_HANGUL_H_
