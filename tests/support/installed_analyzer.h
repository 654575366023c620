// Shared by the tests that need morphology: the analyzer over the installed mecab-ko-dic
// (with the shipped user dictionary), or nothing when the dictionary is not installed.
#ifndef SINMUN_TESTS_SUPPORT_INSTALLED_ANALYZER_H_
#define SINMUN_TESTS_SUPPORT_INSTALLED_ANALYZER_H_

#include <map>
#include <string>
#include <utility>

#include "analyzers/dictionary_location.h"
#include "tests/support/dictionary.h"

namespace sinmun::testing {

// One analyzer per mode and test binary; null without the dictionary (SINMUN_REQUIRE_DICTIONARY
// skips the test then).
inline const Analyzer* installed_analyzer(AnalysisMode mode = AnalysisMode::kMorphemeNgram,
                                          const std::string& user_dictionary = "") {
  if (!have_dictionary()) return nullptr;
  static std::map<std::pair<AnalysisMode, std::string>, Analyzer> made;
  const auto key = std::make_pair(mode, user_dictionary);
  auto it = made.find(key);
  if (it == made.end()) {
    it = made.emplace(key, make_analyzer({dictionary_dir().string(), user_dictionary, mode}, [](const std::string&) {}))
             .first;
  }
  return &it->second;
}

}  // namespace sinmun::testing

#endif  // SINMUN_TESTS_SUPPORT_INSTALLED_ANALYZER_H_
