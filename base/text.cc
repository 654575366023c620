#include "base/text.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace sinmun {

std::size_t repair_utf8(std::string& text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  std::size_t bad = 0;
  std::string repaired;
  int32_t copied = 0;
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0) continue;
    // One U+FFFD per bad byte keeps byte counts meaningful in messages and resynchronises on
    // the very next byte.
    if (bad == 0) repaired.reserve(text.size() + 16);
    repaired.append(text, static_cast<std::size_t>(copied), static_cast<std::size_t>(start - copied));
    repaired += "\xEF\xBF\xBD";
    i = start + 1;
    copied = i;
    ++bad;
  }
  if (bad > 0) {
    repaired.append(text, static_cast<std::size_t>(copied), std::string::npos);
    text = std::move(repaired);
  }
  return bad;
}

std::string lowercase_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace sinmun
