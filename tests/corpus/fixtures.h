#ifndef SINMUN_TESTS_CORPUS_FIXTURES_H_
#define SINMUN_TESTS_CORPUS_FIXTURES_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace sinmun::testing {

// tests/corpus/fixtures (written by hand, or by tests/corpus/make_fixtures.py for bytes that
// are not UTF-8 text).
inline std::filesystem::path fixture_dir() {
  return std::filesystem::path(SINMUN_SOURCE_DIR) / "tests" / "corpus" / "fixtures";
}

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return std::move(out).str();
}

inline std::string fixture(const std::string& relative) { return read_bytes(fixture_dir() / relative); }

// The first and the last line of a body.
inline std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }
inline std::string last_line(const std::string& text) { return text.substr(text.rfind('\n') + 1); }

}  // namespace sinmun::testing

#endif  // SINMUN_TESTS_CORPUS_FIXTURES_H_
