#ifndef SINMUN_ANALYZERS_DETAIL_NORMALIZER_H_
#define SINMUN_ANALYZERS_DETAIL_NORMALIZER_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace sinmun {

// One code point of normalised text and the bytes of the original text it came from.
struct NormalizedChar {
  char32_t code_point = 0;
  std::size_t start = 0;  // byte offsets into the original text, [start, end)
  std::size_t end = 0;
};

// Normalises text for analysis: middle-dot variants (U+318D ㆍ, U+30FB ・, U+FF65, U+2027)
// become U+00B7 first, then NFKC with case folding (ICU's NFKC_Casefold), which also composes
// conjoining jamo into syllables, folds fullwidth Latin and removes default-ignorable code
// points such as the soft hyphen and the zero-width joiner. Invalid UTF-8 bytes become
// U+FFFD, one per byte.
//
// Every output character keeps the byte span of the original characters it was made from,
// so offsets stay exact for highlighting. Stateless and thread-safe; throws
// std::runtime_error only if ICU's normalisation data cannot be loaded.
std::vector<NormalizedChar> normalize(std::string_view utf8);

}  // namespace sinmun

#endif  // SINMUN_ANALYZERS_DETAIL_NORMALIZER_H_
