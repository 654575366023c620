#ifndef SINMUN_ANALYZERS_ANALYZER_H_
#define SINMUN_ANALYZERS_ANALYZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/morph/dictionary.h"
#include "analyzers/token.h"

namespace sinmun {

// The one analysis chain that the indexer and the searcher share:
//   normalize → pretokenize → per piece: alphanumeric word | Hangul/CJK morphemes and n-grams.
//
// Two position streams. Words and morphemes share the primary one: a word takes one
// position, a piece takes as many as its morpheme terms (compounds count their parts), a
// standalone word with no content term (및, 그리고) leaves a gap of one, and a glued particle
// (H200을) takes none. N-grams count in their own stream, one position per bigram, with a
// gap of one between pieces, so that no n-gram phrase runs across a word boundary. Without
// a dictionary there are no morphemes and words share the n-gram stream.
//
// Tokens come out ordered by start offset (positions rise within each stream).
// Immutable after construction; analyze() is const and safe to call from many threads
// (each thread keeps its own segmenter and a cache of analysed pieces).
enum class AnalysisMode {
  kNgram,          // words and bigrams, no dictionary
  kMorpheme,       // words and morphemes only (for measurement: no recall net)
  kMorphemeNgram,  // words, morphemes and bigrams: the default
};

// "ngram", "morph", "morph+ngram"; and back (std::invalid_argument for anything else).
std::string analysis_mode_name(AnalysisMode mode);
AnalysisMode parse_analysis_mode(const std::string& name);

class Analyzer {
 public:
  Analyzer();  // n-grams only
  // Throws std::invalid_argument when a morpheme mode is asked for without a dictionary.
  explicit Analyzer(std::shared_ptr<const morph::Dictionary> dictionary,
                    AnalysisMode mode = AnalysisMode::kMorphemeNgram);

  bool has_morphology() const { return dictionary_ != nullptr; }
  bool has_ngrams() const { return mode_ != AnalysisMode::kMorpheme; }

  // Recorded in the database so that searches analyse queries the way the index was.
  std::string mode() const { return analysis_mode_name(mode_); }

  std::vector<Token> analyze(std::string_view text) const;

 private:
  std::shared_ptr<const morph::Dictionary> dictionary_;
  AnalysisMode mode_;
  std::uint64_t id_;  // tells the per-thread caches of different analyzers apart
};

}  // namespace sinmun

#endif  // SINMUN_ANALYZERS_ANALYZER_H_
