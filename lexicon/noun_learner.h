#ifndef SINMUN_LEXICON_NOUN_LEARNER_H_
#define SINMUN_LEXICON_NOUN_LEARNER_H_

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"

namespace sinmun::lexicon {

// The right parts (particles, copula forms) that mark what precedes them in an eojeol as a
// noun: one a line, '#' comments. Throws DataError for a line that is not Hangul.
std::set<std::string> parse_right_parts(std::string_view text);
// The list shipped with Sinmun (lexicon/data/right-parts.txt, compiled in).
const std::set<std::string>& default_right_parts();

struct LearnOptions {
  std::size_t min_count = 5;  // noun occurrences (left part before a right part or alone)
  std::size_t limit = 200;    // 0: all
};

// One learned word.
struct NounCandidate {
  std::string word;
  std::size_t count = 0;  // eojeols where it stands alone or before a right part
  double score = 0;
  std::size_t right_parts = 0;                 // distinct right parts ("" included)
  std::string analysis;                        // what the analyzer makes of it now ("엔+비디아")
  std::string first_seen;                      // YYYY-MM-DD of its first dated article, "" if none
  std::map<std::string, std::size_t> monthly;  // YYYY-MM → occurrences (dated articles only)
  std::string example;                         // a sentence of its first article, cut to ~120 bytes
};

// One article's text and date (YYYY-MM-DD or "").
struct LearnText {
  std::string_view text;
  std::string_view date;
};
// Calls its argument once for every article; called twice by learn_nouns (the counting pass
// and the pass that dates the chosen words), and must give the same articles both times.
using ForEachText = std::function<void(const std::function<void(const LearnText&)>&)>;

// soynlp's L-R noun extraction over the texts: every eojeol (a run of Hangul syllables that
// starts a space-separated word and is not glued to Latin letters or digits) is split into
// left part L and right part R at every syllable boundary; an L of 2-12 syllables counts as
// a noun occurrence when R is empty or one of `right_parts`, against it when R is anything
// else except a 하다/되다 form or 적 (which nouns take too). Kept, best first (score =
// noun ratio × log2(1 + count) × (1 + entropy of the right parts)): words with at least
// min_count noun occurrences, two distinct right parts (or none ever, when the word does not
// end in one: 대장동 사건, never 대장동은) and a noun ratio of 0.6, that
//   - `analyzer` does not already analyse as one word (a morpheme covering all of it, or one
//     content morpheme plus suffixes and particles whose stem stands alone in the corpus),
//   - are not an established word plus a right part (민주당은),
//   - are not a prefix of a longer kept word that they rarely occur without (노란봉투 of
//     노란봉투법).
// Thread-compatible; `analyzer` is only read.
std::vector<NounCandidate> learn_nouns(const ForEachText& for_each, const Analyzer& analyzer,
                                       const std::set<std::string>& right_parts, const LearnOptions& options);

// When and how often `word` occurs as a noun (alone or before a right part).
struct WordTimeline {
  std::size_t count = 0;
  std::string first_seen;                      // "" when no dated article has it
  std::map<std::string, std::size_t> monthly;  // YYYY-MM → occurrences
};
WordTimeline word_timeline(const ForEachText& for_each, const std::string& word,
                           const std::set<std::string>& right_parts);

// Splits text into Hangul eojeol runs as learn_nouns sees them (for tests and aliases).
std::vector<std::string_view> hangul_eojeols(std::string_view text);

}  // namespace sinmun::lexicon

#endif  // SINMUN_LEXICON_NOUN_LEARNER_H_
