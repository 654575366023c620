#include "analyzers/detail/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <stdexcept>
#include <string>

namespace sinmun {
namespace {

const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU NFKC_Casefold data unavailable: ") + u_errorName(status));
    }
    return n;
  }();
  return *instance;
}

// Before NFKC: NFKC would turn the arae-a dot into a jungseong vowel and leave the
// katakana dot alone, while Korean text uses all of them as the list separator `·`.
char32_t unify_middle_dot(char32_t c) {
  switch (c) {
    case 0x318D:
    case 0x30FB:
    case 0xFF65:
    case 0x2027:
      return 0x00B7;
    default:
      return c;
  }
}

struct Decoded {
  char32_t code_point;
  std::size_t start;
  std::size_t end;
};

std::vector<Decoded> decode(std::string_view utf8) {
  std::vector<Decoded> out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      // U8_NEXT may swallow several bytes of a bad sequence; resynchronise byte by byte so
      // that one bad byte never hides a good character after it.
      i = start + 1;
      c = 0xFFFD;
    }
    out.push_back(
        {unify_middle_dot(static_cast<char32_t>(c)), static_cast<std::size_t>(start), static_cast<std::size_t>(i)});
  }
  return out;
}

}  // namespace

std::vector<NormalizedChar> normalize(std::string_view utf8) {
  const icu::Normalizer2& normalizer = nfkc_casefold();
  const std::vector<Decoded> input = decode(utf8);
  std::vector<NormalizedChar> out;
  out.reserve(input.size());

  std::size_t i = 0;
  while (i < input.size()) {
    const Decoded& first = input[i];
    // A normalisation segment runs until the next character that starts a new one; only
    // whole segments can be normalised independently.
    std::size_t j = i + 1;
    while (j < input.size() && input[j].code_point >= 0x80 &&
           !normalizer.hasBoundaryBefore(static_cast<UChar32>(input[j].code_point))) {
      ++j;
    }
    if (j == i + 1) {
      char32_t c = first.code_point;
      if (c < 0x80) {  // the hot path for Latin, digits and spaces
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
        out.push_back({c, first.start, first.end});
        ++i;
        continue;
      }
      if (normalizer.isInert(static_cast<UChar32>(c))) {
        out.push_back({c, first.start, first.end});
        ++i;
        continue;
      }
    }
    icu::UnicodeString segment;
    for (std::size_t k = i; k < j; ++k) segment.append(static_cast<UChar32>(input[k].code_point));
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString normalized = normalizer.normalize(segment, status);
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU normalisation failed: ") + u_errorName(status));
    }
    for (int32_t k = 0; k < normalized.length();) {
      const UChar32 c = normalized.char32At(k);
      out.push_back({static_cast<char32_t>(c), first.start, input[j - 1].end});
      k += U16_LENGTH(c);
    }
    i = j;
  }
  return out;
}

}  // namespace sinmun
