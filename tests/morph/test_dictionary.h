// Shared by the morph tests: where the installed mecab-ko-dic is, and a skip when it is not.
#ifndef SINMUN_TESTS_MORPH_TEST_DICTIONARY_H_
#define SINMUN_TESTS_MORPH_TEST_DICTIONARY_H_

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "analyzers/morph/dictionary.h"

namespace sinmun::morph::testing {

// $SINMUN_DICT, else ~/.local/share/sinmun/mecab-ko-dic (where scripts/fetch-dictionary.sh puts it).
inline std::filesystem::path dictionary_dir() {
  if (const char* env = std::getenv("SINMUN_DICT"); env != nullptr && *env != '\0') return env;
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home != nullptr ? home : "/root") / ".local/share/sinmun/mecab-ko-dic";
}

inline bool have_dictionary() { return std::filesystem::exists(dictionary_dir() / "sys.dic"); }

// The system dictionary, opened once per test binary.
inline std::shared_ptr<const Dictionary> shared_dictionary() {
  static const std::shared_ptr<const Dictionary> dictionary = Dictionary::open(dictionary_dir());
  return dictionary;
}

inline std::filesystem::path fixture(const std::string& name) {
  return std::filesystem::path(SINMUN_SOURCE_DIR) / "tests/morph/fixtures" / name;
}

}  // namespace sinmun::morph::testing

#define SINMUN_REQUIRE_DICTIONARY()                                                             \
  do {                                                                                          \
    if (!::sinmun::morph::testing::have_dictionary()) {                                         \
      GTEST_SKIP() << "mecab-ko-dic not found at " << ::sinmun::morph::testing::dictionary_dir() \
                   << " (run scripts/fetch-dictionary.sh or set SINMUN_DICT)";                  \
    }                                                                                           \
  } while (false)

#endif  // SINMUN_TESTS_MORPH_TEST_DICTIONARY_H_
