// Where the tests find the programs they run and the source files they read: the build
// tree's executables (SINMUN_BINARY_DIR) and the checkout (SINMUN_SOURCE_DIR), both given
// to every test by tests/CMakeLists.txt.
#ifndef SINMUN_TESTS_SUPPORT_PROGRAMS_H_
#define SINMUN_TESTS_SUPPORT_PROGRAMS_H_

#include <string>

namespace sinmun::testing {

inline const std::string kIndex = std::string(SINMUN_BINARY_DIR) + "/indexer/sinmun-index";
inline const std::string kSearch = std::string(SINMUN_BINARY_DIR) + "/searcher/sinmun-search";
inline const std::string kServe = std::string(SINMUN_BINARY_DIR) + "/server/sinmun-serve";
inline const std::string kLexicon = std::string(SINMUN_BINARY_DIR) + "/lexicon/sinmun-lexicon";
inline const std::string kSample = std::string(SINMUN_SOURCE_DIR) + "/corpus/sample";  // the sample corpus
inline const std::string kWeb = std::string(SINMUN_SOURCE_DIR) + "/web";               // the page's files

}  // namespace sinmun::testing

#endif  // SINMUN_TESTS_SUPPORT_PROGRAMS_H_
