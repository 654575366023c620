#include "analyzers/detail/unicode_class.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace sinmun {

bool is_hangul(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3131 && c <= 0x318E) ||
         (c >= 0xA960 && c <= 0xA97F) || (c >= 0xD7B0 && c <= 0xD7FF);
}

namespace {

UScriptCode script_of(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
  return U_SUCCESS(status) ? script : USCRIPT_INVALID_CODE;
}

}  // namespace

bool is_cjk(char32_t c) { return is_han(c) || is_kana(c); }

bool is_han(char32_t c) { return c >= 0x2E80 && script_of(c) == USCRIPT_HAN; }

bool is_kana(char32_t c) {
  if (c < 0x2E80) return false;
  const UScriptCode script = script_of(c);
  return script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
}

bool is_alnum(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c);
  return !is_hangul(c) && !is_cjk(c) && u_isalnum(static_cast<UChar32>(c));
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool is_whitespace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || u_isUWhiteSpace(static_cast<UChar32>(c));
}

void append_utf8(std::string& out, char32_t c) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
  if (error) {
    out += "\xEF\xBF\xBD";
    return;
  }
  out.append(buffer, static_cast<std::size_t>(length));
}

}  // namespace sinmun
