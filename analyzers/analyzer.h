#ifndef SINMUN_ANALYZERS_ANALYZER_H_
#define SINMUN_ANALYZERS_ANALYZER_H_

#include <string_view>
#include <vector>

#include "analyzers/token.h"

namespace sinmun {

// The one analysis chain that the indexer and the searcher share:
// normalize → pretokenize → per piece: alphanumeric word | Hangul/CJK n-grams.
//
// Positions: each piece starts at the next free position; a word takes one, an n-gram run
// takes one per bigram. Tokens come out ordered by start offset, then position.
//
// Immutable after construction; analyze() is const and safe to call from many threads.
class Analyzer {
 public:
  std::vector<Token> analyze(std::string_view text) const;
};

}  // namespace sinmun

#endif  // SINMUN_ANALYZERS_ANALYZER_H_
