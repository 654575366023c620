#ifndef SINMUN_ANALYZERS_DETAIL_UNICODE_CLASS_H_
#define SINMUN_ANALYZERS_DETAIL_UNICODE_CLASS_H_

#include <string>

namespace sinmun {

bool is_hangul(char32_t c);  // syllables and jamo (conjoining and compatibility)
bool is_cjk(char32_t c);     // Han ideographs and kana
bool is_han(char32_t c);     // Han ideographs (Hanja) only
bool is_kana(char32_t c);    // Hiragana and Katakana only
bool is_alnum(char32_t c);   // letters or digits of any other script
bool is_digit(char32_t c);   // ASCII 0-9 (NFKC has already folded other digit forms)
bool is_whitespace(char32_t c);

void append_utf8(std::string& out, char32_t c);

}  // namespace sinmun

#endif  // SINMUN_ANALYZERS_DETAIL_UNICODE_CLASS_H_
