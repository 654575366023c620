// The charset decoder on arbitrary bytes: the first byte picks a declared label, the rest is
// the text; the result must be valid UTF-8.
#include <unicode/utf8.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "corpus/charset.h"

namespace {

bool valid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static constexpr std::array<std::string_view, 8> kLabels = {"",           "utf-8",    "euc-kr",  "cp949",
                                                              "iso-8859-1", "utf-16le", "x-bogus", "shift_jis"};
  if (size == 0) return 0;
  const std::string_view label = kLabels[data[0] % kLabels.size()];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const sinmun::DecodedText decoded = sinmun::decode_to_utf8(bytes, label, (data[0] & 0x80) != 0);
  if (!valid_utf8(decoded.text)) std::abort();
  (void)sinmun::describe_invalid(decoded);
  (void)sinmun::charset_from_html_meta(bytes);
  (void)sinmun::charset_from_content_type(bytes);
  return 0;
}
