#ifndef SINMUN_ANALYZERS_DETAIL_NGRAM_H_
#define SINMUN_ANALYZERS_DETAIL_NGRAM_H_

#include <cstdint>
#include <vector>

#include "analyzers/detail/normalizer.h"
#include "analyzers/detail/pretokenizer.h"
#include "analyzers/token.h"

namespace sinmun {

// Appends the bigrams of a Hangul or CJK piece at consecutive positions from
// `first_position` (a one-character piece gives that character alone, so one-syllable words
// stay findable). Bigrams never span two pieces. Returns the number of positions used.
std::uint32_t append_ngrams(const std::vector<NormalizedChar>& text, const Piece& piece, std::uint32_t first_position,
                            std::vector<Token>& out);

}  // namespace sinmun

#endif  // SINMUN_ANALYZERS_DETAIL_NGRAM_H_
