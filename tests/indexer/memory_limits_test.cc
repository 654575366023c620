// Peak memory of a sinmun-index run on hostile input, measured from outside (the child's
// ru_maxrss): a gzip bomb, a record far over the record limit, records whose bodies are cut.
// The promise is 1.5 GB whatever the crawl holds; the bound here is lower still and generous
// for what a run needs (~100-500 MB), while the code before streaming peaked at 2.5-10 GB.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <gtest/gtest.h>

#include <fcntl.h>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "tests/support/gzip_writer.h"
#include "tests/support/programs.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

using sinmun::testing::kIndex;

constexpr long kBoundKilobytes = 1000 * 1000;  // 1 GB

struct IndexRun {
  int exit_code = -1;
  long peak_kilobytes = 0;
  std::string err;
};

// Runs sinmun-index on `crawl` into `db` and measures the peak resident set of that process.
IndexRun run_index(const std::filesystem::path& crawl, const std::filesystem::path& db,
                   const testing::TempDir& scratch) {
  const std::string err_path = (scratch.path() / "stderr.txt").string();
  std::vector<std::string> args = {kIndex,   "--db", db.string(), "--analysis",  "ngram",
                                   "--jobs", "2",    "-q",        crawl.string()};
  const pid_t child = fork();
  if (child == 0) {
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(err, STDERR_FILENO);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  IndexRun run;
  int status = 0;
  rusage usage{};
  if (wait4(child, &status, 0, &usage) == child && WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  run.peak_kilobytes = usage.ru_maxrss;
  std::ifstream in(err_path);
  run.err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return run;
}

std::string record(const std::string& id, const std::string& body) {
  return R"({"id": ")" + id + R"(", "title": "기사 )" + id + R"(", "body": ")" + body + "\"}\n";
}

// `bytes` of sentences drawn from a few words: text the analyser has to work through.
std::string prose(std::mt19937& rng, std::size_t bytes) {
  static const std::vector<std::string> kWords = {"반도체",   "수출이",   "늘었다", "정부는", "지역",
                                                  "축제를",   "열었다",   "시장",   "금리",   "인상",
                                                  "발표했다", "주민들이", "모였다"};
  std::string text;
  while (text.size() < bytes) {
    text += kWords[rng() % kWords.size()];
    text += rng() % 9 == 0 ? ". " : " ";
  }
  return text;
}

TEST(MemoryLimitsTest, AGzipBombPeaksLowAndTheRecordsBeforeItAreIndexed) {
  testing::TempDir dir;
  // About 1 GiB each once inflated, a few MiB compressed: empty lines, and one endless line.
  const std::string good = record("good-1", "폭탄 앞의 기사 본문이다.") + record("good-2", "둘째 기사 본문이다.");
  dir.write("crawl/lines.jsonl.gz", testing::gzip_member(good, std::string(1 << 20, '\n'), 1024));
  dir.write("crawl/line.jsonl.gz",
            testing::gzip_member(record("good-3", "셋째 기사.") + R"({"body": ")", std::string(1 << 20, 'a'), 1024));
  const IndexRun run = run_index(dir.path() / "crawl", dir.path() / "db", dir);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_LT(run.peak_kilobytes, kBoundKilobytes) << run.err;
  EXPECT_NE(run.err.find("lines.jsonl.gz:byte "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("(--max-inflate-ratio): a decompression bomb?"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("line.jsonl.gz:line 2: record of "), std::string::npos) << run.err;
  EXPECT_EQ(Xapian::Database((dir.path() / "db").string()).get_doccount(), 3u);
}

TEST(MemoryLimitsTest, ARecordOverTheLimitIsSkippedAndBigBodiesAreCutWithBoundedMemory) {
  testing::TempDir dir;
  std::mt19937 rng(5);
  {
    std::filesystem::create_directories(dir.path() / "crawl");
    std::ofstream out(dir.path() / "crawl" / "huge.jsonl", std::ios::binary);
    out << record("before", "앞 기사 본문이다.") << record("huge", prose(rng, 50 << 20))
        << record("after", "뒤 기사 본문이다.");
  }
  dir.write("crawl/big.jsonl", record("big-1", prose(rng, 15 << 20)) + record("big-2", prose(rng, 15 << 20)));
  const IndexRun run = run_index(dir.path() / "crawl", dir.path() / "db", dir);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_LT(run.peak_kilobytes, kBoundKilobytes) << run.err;
  EXPECT_NE(run.err.find("skipped: huge.jsonl:line 2: record of "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("warning: big.jsonl:id big-1: body of "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("warning: big.jsonl:id big-2: body of "), std::string::npos) << run.err;
  const Xapian::Database db((dir.path() / "db").string());
  EXPECT_EQ(db.get_doccount(), 4u);
}

}  // namespace
}  // namespace sinmun
