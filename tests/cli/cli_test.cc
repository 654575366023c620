#include "cli/cli.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <stdexcept>

#include "base/errors.h"

namespace sinmun::cli {
namespace {

constexpr Program kProgram{"sinmun-test", "usage: sinmun-test [options]\n"};

// Runs `body` through run() and returns its status and what it printed on stderr.
std::pair<int, std::string> run_capturing(const std::function<int()>& body) {
  ::testing::internal::CaptureStderr();
  const int status = run(kProgram, body);
  return {status, ::testing::internal::GetCapturedStderr()};
}

TEST(CliRunTest, ReturnsTheBodysStatus) {
  EXPECT_EQ(run_capturing([] { return 0; }).first, 0);
  EXPECT_EQ(run_capturing([] { return 7; }).first, 7);
}

TEST(CliRunTest, UsageErrorsExitOneAndPointToHelp) {
  const auto [status, err] = run_capturing([]() -> int { throw UsageError("--limit must be between 1 and 10000"); });
  EXPECT_EQ(status, kExitUsage);
  EXPECT_EQ(err, "sinmun-test: --limit must be between 1 and 10000\n(see sinmun-test --help)\n");
}

TEST(CliRunTest, DataEnvironmentAndOtherErrorsExitTwo) {
  EXPECT_EQ(run_capturing([]() -> int { throw DataError("db: document 3 is damaged"); }),
            std::make_pair(kExitFailure, std::string("sinmun-test: db: document 3 is damaged\n")));
  EXPECT_EQ(run_capturing([]() -> int { throw EnvironmentError("/nope: no such database"); }),
            std::make_pair(kExitFailure, std::string("sinmun-test: /nope: no such database\n")));
  EXPECT_EQ(run_capturing([]() -> int { throw std::out_of_range("vector"); }).first, kExitFailure);
  const auto [status, err] = run_capturing([]() -> int { throw Xapian::DatabaseCorruptError("bad block"); });
  EXPECT_EQ(status, kExitFailure);
  EXPECT_NE(err.find("database error: "), std::string::npos) << err;
}

TEST(CliRunTest, ALockedDatabaseSaysAnotherIndexerHoldsIt) {
  const auto [status, err] =
      run_capturing([]() -> int { throw Xapian::DatabaseLockError("Unable to get write lock"); });
  EXPECT_EQ(status, kExitFailure);
  EXPECT_NE(err.find("another sinmun-index is writing to this database"), std::string::npos) << err;
}

TEST(CliParseTest, HelpAndVersionArePrintedAndStopTheProgram) {
  for (const char* flag : {"--help", "-h", "--version"}) {
    po::options_description options(kProgram.usage);
    po::variables_map vm;
    const char* argv[] = {"sinmun-test", flag};
    ::testing::internal::CaptureStdout();
    EXPECT_FALSE(parse_command_line(kProgram, 2, const_cast<char**>(argv), options, vm)) << flag;
    const std::string out = ::testing::internal::GetCapturedStdout();
    EXPECT_NE(out.find(flag == std::string("--version") ? "sinmun-test 0." : "usage: sinmun-test"), std::string::npos)
        << out;
  }
}

TEST(CliParseTest, AnalyzerOptionsAndBadOptions) {
  po::options_description options(kProgram.usage);
  AnalyzerConfig config;
  std::string analysis;
  add_analyzer_options(options, config, analysis, "mode");
  po::variables_map vm;
  const char* argv[] = {"sinmun-test", "--dict", "/d", "--user-dict", "none", "--analysis", "ngram"};
  EXPECT_TRUE(parse_command_line(kProgram, 7, const_cast<char**>(argv), options, vm));
  EXPECT_EQ(config.dictionary_dir, "/d");
  EXPECT_EQ(config.user_dictionary, "none");
  EXPECT_EQ(analysis, "ngram");

  po::options_description again(kProgram.usage);
  po::variables_map vm2;
  const char* bad[] = {"sinmun-test", "--no-such-option"};
  EXPECT_THROW(parse_command_line(kProgram, 2, const_cast<char**>(bad), again, vm2), UsageError);
}

}  // namespace
}  // namespace sinmun::cli
