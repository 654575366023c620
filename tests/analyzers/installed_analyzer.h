// Shared by the tests that need morphology: the analyzer over the installed mecab-ko-dic
// (with the shipped user dictionary), or nothing when the dictionary is not installed.
#ifndef SINMUN_TESTS_ANALYZERS_INSTALLED_ANALYZER_H_
#define SINMUN_TESTS_ANALYZERS_INSTALLED_ANALYZER_H_

#include <filesystem>
#include <map>
#include <string>
#include <utility>

#include "analyzers/dictionary_location.h"

namespace sinmun::testing {

// One analyzer per mode and test binary; null without the dictionary.
inline const Analyzer* installed_analyzer(AnalysisMode mode = AnalysisMode::kMorphemeNgram,
                                          const std::string& user_dictionary = "") {
  const std::filesystem::path dir = default_dictionary_dir();
  if (!std::filesystem::exists(dir / "sys.dic")) return nullptr;
  static std::map<std::pair<AnalysisMode, std::string>, Analyzer> made;
  const auto key = std::make_pair(mode, user_dictionary);
  auto it = made.find(key);
  if (it == made.end()) {
    it = made.emplace(key, make_analyzer({dir.string(), user_dictionary, mode}, [](const std::string&) {})).first;
  }
  return &it->second;
}

}  // namespace sinmun::testing

#define SINMUN_SKIP_WITHOUT_DICTIONARY(analyzer) \
  if (!(analyzer)) GTEST_SKIP() << "mecab-ko-dic not installed (scripts/fetch-dictionary.sh)"

#endif  // SINMUN_TESTS_ANALYZERS_INSTALLED_ANALYZER_H_
