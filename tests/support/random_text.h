// Random input for the tests that check invariants on any input: text drawn from characters a
// news text can hold, raw bytes, and damaged copies of good input. Every function takes the
// generator, so a test with a fixed seed sees the same inputs on every run.
#ifndef SINMUN_TESTS_SUPPORT_RANDOM_TEXT_H_
#define SINMUN_TESTS_SUPPORT_RANDOM_TEXT_H_

#include <algorithm>
#include <cstddef>
#include <random>
#include <string>
#include <vector>

namespace sinmun::testing {

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
  const std::u32string pool =
      U"가나다라마바사아자차카타파하의을를이가은는에서 한국경제반도체수출ㄱㄴㅎㅏㅓ"
      U"\u1100\u1161\u11ab ABCxyzGPT0123456789.,-()\"'“”·ㆍ%  \n\t漢字ア😀\u200b\ufeff";
  std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
  std::string text;
  for (std::size_t i = 0; i < length; ++i) append_utf8(text, pool[pick(rng)]);
  return text;
}

// `length` bytes, each 0..255.
inline std::string random_bytes(std::mt19937& rng, std::size_t length) {
  std::uniform_int_distribution<int> byte(0, 255);
  std::string text;
  for (std::size_t i = 0; i < length; ++i) text += static_cast<char>(byte(rng));
  return text;
}

// `bytes` damaged 1 to `max_edits` times: a bit flipped, a byte replaced, bytes inserted or
// removed, a run repeated, the end cut off, or one of `pieces` (markup, header lines, …)
// inserted anywhere.
inline std::string mutate(std::mt19937& rng, std::string bytes, const std::vector<std::string>& pieces = {},
                          int max_edits = 4) {
  const auto below = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  const int edits = std::uniform_int_distribution<int>(1, max_edits)(rng);
  for (int edit = 0; edit < edits; ++edit) {
    const std::size_t at = below(bytes.size() + 1);  // a position, the end included
    switch (below(7)) {
      case 0:
        if (at < bytes.size()) bytes[at] = static_cast<char>(bytes[at] ^ (1 << below(8)));
        break;
      case 1:
        if (at < bytes.size()) bytes[at] = static_cast<char>(below(256));
        break;
      case 2:
        bytes.insert(at, random_bytes(rng, 1 + below(8)));
        break;
      case 3:
        bytes.erase(at, 1 + below(16));
        break;
      case 4: {
        const std::string run = bytes.substr(at, 1 + below(64));
        bytes.insert(below(bytes.size() + 1), run);
        break;
      }
      case 5:
        bytes.resize(at);
        break;
      default:
        if (!pieces.empty()) bytes.insert(at, pieces[below(pieces.size())]);
        break;
    }
  }
  return bytes;
}

}  // namespace sinmun::testing

#endif  // SINMUN_TESTS_SUPPORT_RANDOM_TEXT_H_
