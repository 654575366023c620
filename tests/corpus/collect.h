#ifndef SINMUN_TESTS_CORPUS_COLLECT_H_
#define SINMUN_TESTS_CORPUS_COLLECT_H_

#include <string>
#include <vector>

#include "corpus/article.h"
#include "tests/support/temp_dir.h"

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

}  // namespace sinmun::testing

#endif  // SINMUN_TESTS_CORPUS_COLLECT_H_
