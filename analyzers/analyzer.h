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
//   normalize → Hanja abbreviations (美 → 미국) → pretokenize → per piece: alphanumeric word |
//   Hangul/CJK morphemes and n-grams.
//
// Two position streams. Words and morphemes share the primary one: a word takes one
// position, a piece takes as many as its morpheme terms (compounds count their parts), a
// standalone word with no content term (및, 그리고) leaves a gap of one, and a glued particle
// (H200을) takes none. N-grams count in their own stream, one position per bigram, with a
// gap of one between pieces, so that no n-gram phrase runs across a word boundary. Without
// a dictionary there are no morphemes and words share the n-gram stream.
//
// Tokens come out ordered by start offset (positions rise within each stream), each with
// its piece and compound structure (analyzers/token.h).
// Immutable after construction; analyze() is const and safe to call from many threads, each
// with its own AnalysisContext.
enum class AnalysisMode {
  kNgram,          // words and bigrams, no dictionary
  kMorpheme,       // words and morphemes only (for measurement: no recall net)
  kMorphemeNgram,  // words, morphemes and bigrams: the default
};

// "ngram", "morph", "morph+ngram"; and back (UsageError for anything else).
std::string analysis_mode_name(AnalysisMode mode);
AnalysisMode parse_analysis_mode(const std::string& name);

// Raised whenever the same text comes to give other terms, so that a database can say it
// was indexed by an older analysis: 1 until recorded, 2 spells out headline Hanja (美 → 미국).
inline constexpr int kAnalysisRevision = 2;

class Analyzer;

// The scratch of analysis on one thread: a segmenter and a cache of analysed pieces (pieces
// repeat a lot in news: 수출을, 밝혔다). Its owner creates it, sizes it and frees it; the
// cache never holds more than `cache_bytes` (estimated: keys, terms and bookkeeping), and is
// emptied when it would. Results never depend on the cache.
//
// Not thread-safe: one context per thread. It may serve several analyzers in turn (it is
// emptied when the analyzer changes) and may outlive them.
class AnalysisContext {
 public:
  static constexpr std::size_t kDefaultCacheBytes = std::size_t{32} << 20;

  explicit AnalysisContext(std::size_t cache_bytes = kDefaultCacheBytes);
  ~AnalysisContext();
  AnalysisContext(const AnalysisContext&) = delete;
  AnalysisContext& operator=(const AnalysisContext&) = delete;

  // What the cache holds now, in the same estimate as the bound.
  std::size_t cache_bytes_used() const;

 private:
  friend class Analyzer;
  struct Internal;
  std::unique_ptr<Internal> internal_;
};

class Analyzer {
 public:
  Analyzer();  // n-grams only
  // Throws UsageError when a morpheme mode is asked for without a dictionary.
  explicit Analyzer(std::shared_ptr<const morph::Dictionary> dictionary,
                    AnalysisMode mode = AnalysisMode::kMorphemeNgram);

  bool has_morphology() const { return dictionary_ != nullptr; }
  bool has_ngrams() const { return mode_ != AnalysisMode::kMorpheme; }

  // Recorded in the database so that searches analyse queries the way the index was.
  std::string mode() const { return analysis_mode_name(mode_); }

  // The tokens of `text`, using (and filling) `context`'s cache.
  std::vector<Token> analyze(std::string_view text, AnalysisContext& context) const;
  // The same with a context of its own that keeps nothing: for one-off texts (a query).
  std::vector<Token> analyze(std::string_view text) const;

 private:
  std::shared_ptr<const morph::Dictionary> dictionary_;
  AnalysisMode mode_;
  std::uint64_t id_;  // tells contexts which analyzer filled their cache
};

}  // namespace sinmun

#endif  // SINMUN_ANALYZERS_ANALYZER_H_
