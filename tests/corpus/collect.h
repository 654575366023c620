#ifndef SINMUN_TESTS_CORPUS_COLLECT_H_
#define SINMUN_TESTS_CORPUS_COLLECT_H_

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "corpus/article.h"

namespace sinmun::testing {

// Gathers what a reader delivers.
struct Collected {
  std::vector<Article> articles;
  std::vector<Problem> problems;

  ArticleSink sink() {
    return [this](Article&& a) { articles.push_back(std::move(a)); };
  }
  ProblemSink report() {
    return [this](const Problem& p) { problems.push_back(p); };
  }
  std::string problem_text() const {
    std::string out;
    for (const Problem& p : problems) out += describe(p) + "\n";
    return out;
  }
};

// A fresh directory under the system temp dir, removed with the object.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("sinmun-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  std::filesystem::path write(const std::string& relative, const std::string& content) const {
    const std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace sinmun::testing

#endif  // SINMUN_TESTS_CORPUS_COLLECT_H_
