// The one place the tests look for mecab-ko-dic: where the library itself looks
// (default_dictionary_dir), and the skip for a test that needs it when it is not there.
#ifndef SINMUN_TESTS_SUPPORT_DICTIONARY_H_
#define SINMUN_TESTS_SUPPORT_DICTIONARY_H_

#include <gtest/gtest.h>

#include <filesystem>

#include "analyzers/dictionary_location.h"

namespace sinmun::testing {

// $SINMUN_DICT, else ~/.local/share/sinmun/mecab-ko-dic (where scripts/fetch-dictionary.sh puts it).
inline std::filesystem::path dictionary_dir() { return default_dictionary_dir(); }

inline bool have_dictionary() { return std::filesystem::exists(dictionary_dir() / "sys.dic"); }

}  // namespace sinmun::testing

// Skips the current test (or the tests of a fixture, in SetUp) without the dictionary.
#define SINMUN_REQUIRE_DICTIONARY()                                                       \
  do {                                                                                    \
    if (!::sinmun::testing::have_dictionary()) {                                          \
      GTEST_SKIP() << "mecab-ko-dic not found at " << ::sinmun::testing::dictionary_dir() \
                   << " (run scripts/fetch-dictionary.sh or set SINMUN_DICT)";            \
    }                                                                                     \
  } while (false)

#endif  // SINMUN_TESTS_SUPPORT_DICTIONARY_H_
