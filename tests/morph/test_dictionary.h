// Shared by the morph tests: the installed system dictionary, opened once, and their fixtures.
// Where the dictionary is, and the skip without it, are the suites' shared ones
// (tests/support/dictionary.h).
#ifndef SINMUN_TESTS_MORPH_TEST_DICTIONARY_H_
#define SINMUN_TESTS_MORPH_TEST_DICTIONARY_H_

#include <filesystem>
#include <memory>
#include <string>

#include "analyzers/morph/dictionary.h"
#include "tests/support/dictionary.h"

namespace sinmun::morph::testing {

using ::sinmun::testing::dictionary_dir;
using ::sinmun::testing::have_dictionary;

// The system dictionary, opened once per test binary.
inline std::shared_ptr<const Dictionary> shared_dictionary() {
  static const std::shared_ptr<const Dictionary> dictionary = Dictionary::open(dictionary_dir());
  return dictionary;
}

inline std::filesystem::path fixture(const std::string& name) {
  return std::filesystem::path(SINMUN_SOURCE_DIR) / "tests/morph/fixtures" / name;
}

}  // namespace sinmun::morph::testing

#endif  // SINMUN_TESTS_MORPH_TEST_DICTIONARY_H_
