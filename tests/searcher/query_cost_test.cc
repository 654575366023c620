// Query cost is bounded however the query is written: the shapes that once took minutes and
// gigabytes (10,000 NOTs: 119 s and 11 GB; 10,000 ORed words: 8.5 s) are refused at once
// with a clear message, and the largest queries allowed stay cheap. Real executables over
// corpus/sample; the time bounds are generous (a shared machine, sanitizer builds).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "searcher/query_builder.h"
#include "tests/support/programs.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

using sinmun::testing::kIndex;
using sinmun::testing::kSample;
using sinmun::testing::kSearch;
using testing::CommandResult;
using testing::shell_quote;
using testing::TempDir;

std::string joined(const std::string& prefix, std::size_t count, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += (i ? separator : "") + prefix + std::to_string(i);
  return out;
}

class QueryCostTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const CommandResult r =
        testing::run_command(kIndex + " --quiet --db " + shell_quote(db()) + " " + shell_quote(kSample), dir_->path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return (dir_->path() / "sample.db").string(); }

  // sinmun-search --json QUERY, and how long it took.
  static CommandResult search(const std::string& query, double* seconds) {
    const auto start = std::chrono::steady_clock::now();
    CommandResult r =
        testing::run_command(kSearch + " --db " + shell_quote(db()) + " --json -- " + shell_quote(query), dir_->path());
    *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
  }

  static TempDir* dir_;
};

TempDir* QueryCostTest::dir_ = nullptr;

TEST_F(QueryCostTest, QueriesOfTooManyWordsAreRefusedAtOnce) {
  std::string nots;
  for (int i = 0; i < 10000; ++i) nots += "NOT a ";
  for (const std::string& query : {nots, joined("w", 10000, " OR "), joined("낱말", kMaxQueryWords + 1, " ")}) {
    double seconds = 0;
    const CommandResult r = search(query, &seconds);
    EXPECT_EQ(r.exit_code, 1) << query.substr(0, 40);
    EXPECT_NE(r.err.find("at most 1024 are searched"), std::string::npos) << r.err;
    EXPECT_LT(seconds, 20) << query.substr(0, 40);
  }
}

TEST_F(QueryCostTest, TheLargestQueriesAllowedStayCheap) {
  std::string phrase = "\"";
  for (int i = 0; i < 1000; ++i) phrase += "수출 허가 ";
  phrase += "\"";
  std::string phrases;
  for (int i = 0; i < 500; ++i) phrases += "\"수출 허가" + std::to_string(i) + "\" ";
  for (const std::string& query : {joined("w", kMaxQueryWords, " OR "), joined("낱말", 1000, " "), phrase,
                                   joined("수출", kMaxQueryWords, " -"), phrases}) {
    double seconds = 0;
    const CommandResult r = search(query, &seconds);
    EXPECT_EQ(r.exit_code, 0) << query.substr(0, 40) << ": " << r.err;
    EXPECT_LT(seconds, 20) << query.substr(0, 40);  // about 0.5 s in a release build
  }
}

}  // namespace
}  // namespace sinmun
