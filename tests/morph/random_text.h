// Shared by the morph tests: random text drawn from characters a news text can hold.
#ifndef SINMUN_TESTS_MORPH_RANDOM_TEXT_H_
#define SINMUN_TESTS_MORPH_RANDOM_TEXT_H_

#include <random>
#include <string>

namespace sinmun::morph::testing {

inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xc0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xe0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  }
}

// Valid UTF-8 of `length` characters from a pool weighted towards Hangul (syllables, jamo,
// particles) with Latin, digits, punctuation, whitespace, Hanja, kana, emoji, ZWSP and BOM.
inline std::string random_mix(std::mt19937& rng, std::size_t length) {
  const std::u32string pool = U"가나다라마바사아자차카타파하의을를이가은는에서 한국경제반도체수출ㄱㄴㅎㅏㅓ"
                              U"\u1100\u1161\u11ab ABCxyzGPT0123456789.,-()\"'“”·ㆍ%  \n\t漢字ア😀\u200b\ufeff";
  std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
  std::string text;
  for (std::size_t i = 0; i < length; ++i) append_utf8(text, pool[pick(rng)]);
  return text;
}

}  // namespace sinmun::morph::testing

#endif  // SINMUN_TESTS_MORPH_RANDOM_TEXT_H_
