#ifndef SINMUN_ANALYZERS_DETAIL_HANJA_ABBREVIATION_H_
#define SINMUN_ANALYZERS_DETAIL_HANJA_ABBREVIATION_H_

#include <vector>

#include "analyzers/detail/normalizer.h"

namespace sinmun {

// Spells out the one-character Hanja abbreviations of Korean headlines in Hangul, in place,
// so that a headline's 美 finds the article's 미국:
// - a lone Han character of the table stands for its word: 美 → 미국, 與 → 여당, 檢 → 검찰,
//   and glued to Hangul as well (美전문가들 → 미국전문가들, 삼성證 → 삼성증권, 金총리 → 김총리);
//   日 and 月 right after a digit are the day and the month (15日 → 15일);
// - a run of two or more Han characters that are all country or party abbreviations is the
//   run of their syllables, as Korean writes them together: 韓美日 → 한미일, 與野 → 여야;
// - anything else is left alone: Hanja words (大韓民國, 丙辰), and any Han character next to
//   kana, where it is Japanese.
// Each Hangul character written keeps the byte span of the Han character it replaces, so
// offsets still point into the original text. Stateless and thread-safe.
void expand_hanja_abbreviations(std::vector<NormalizedChar>& text);

}  // namespace sinmun

#endif  // SINMUN_ANALYZERS_DETAIL_HANJA_ABBREVIATION_H_
