#ifndef SINMUN_ANALYZERS_DICTIONARY_LOCATION_H_
#define SINMUN_ANALYZERS_DICTIONARY_LOCATION_H_

#include <filesystem>
#include <functional>
#include <string>

#include "analyzers/analyzer.h"

namespace sinmun {

// Where the analysis resources come from; the defaults suit a machine set up by
// scripts/setup.sh.
struct AnalyzerConfig {
  // mecab-ko-dic directory. Empty: $SINMUN_DICT, else ~/.local/share/sinmun/mecab-ko-dic.
  std::string dictionary_dir;
  // User dictionary TSV. Empty: $SINMUN_USER_DICT, else the one shipped with Sinmun
  // (analyzers/data/user-dictionary.tsv); "none": no user dictionary.
  std::string user_dictionary;
  AnalysisMode mode = AnalysisMode::kMorphemeNgram;
};

// $SINMUN_DICT, else ~/.local/share/sinmun/mecab-ko-dic (where scripts/fetch-dictionary.sh
// installs it).
std::filesystem::path default_dictionary_dir();

// Builds the analyzer. A dictionary named explicitly (dictionary_dir) that cannot be
// loaded, or an explicit user dictionary that cannot be read, throws std::runtime_error. A
// missing dictionary at the default place is not an error in the default mode: the
// analyzer then uses n-grams only and `report` is told once, with what to do (in mode
// kMorpheme it throws). Bad user-dictionary lines go to `report`.
Analyzer make_analyzer(const AnalyzerConfig& config, const std::function<void(const std::string&)>& report);

}  // namespace sinmun

#endif  // SINMUN_ANALYZERS_DICTIONARY_LOCATION_H_
