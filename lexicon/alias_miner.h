#ifndef SINMUN_LEXICON_ALIAS_MINER_H_
#define SINMUN_LEXICON_ALIAS_MINER_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sinmun::lexicon {

// A pair mined from a gloss: 딥시크(DeepSeek) → {딥시크, deepseek}; 한국은행(한은) → {한국은행, 한은}.
struct Alias {
  std::string word;       // the Hangul word before the parenthesis
  std::string alias;      // Latin lower-cased (spaces become '-': one synonym word), or a Hangul abbreviation
  std::size_t count = 0;  // glosses seen
  std::string gloss;      // one as written, for people
};

// Counts glosses in texts fed one by one, then lists the pairs seen at least `min_count`
// times, most frequent first. A gloss is a run of Hangul syllables glued to "(", then, before
// ")", either Latin (letters, digits, space, '-', '.', '&'; at least two letters, at most 40
// bytes) or a Hangul abbreviation of the word (shorter, same first syllable, its syllables in
// the word's order: 한은 of 한국은행). Junk is dropped: years and numbers, credits (사진=,
// 제공, 뉴스1, 기자), one-syllable words, a Latin gloss of a common word that the news uses
// for many words (the same alias glossing several words keeps only its most frequent word).
// Not thread-safe.
class AliasMiner {
 public:
  void add(std::string_view text);
  std::vector<Alias> aliases(std::size_t min_count) const;

 private:
  std::map<std::pair<std::string, std::string>, Alias> seen_;
};

}  // namespace sinmun::lexicon

#endif  // SINMUN_LEXICON_ALIAS_MINER_H_
