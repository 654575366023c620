// sinmun-search --format (CSV read back by Python's csv module, TSV, JSONL, an export of
// 10,000 rows in bounded memory) and --show, with the real executables over corpora written
// here.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/programs.h"
#include "tests/support/run_command.h"
#include "tests/support/sanitizers.h"
#include "tests/support/temp_dir.h"

extern char** environ;

namespace sinmun {
namespace {

using sinmun::testing::kIndex;
using sinmun::testing::kSearch;
using testing::CommandResult;
using testing::shell_quote;
using testing::TempDir;

std::string record(const nlohmann::json& fields) { return fields.dump() + "\n"; }

// Fields that a careless writer breaks: commas, quotes, line breaks, tabs, Hangul.
const nlohmann::json kTricky = {
    {"id", "tricky-1"},
    {"title", "\"따옴표\" 제목, 쉼표까지"},
    {"body", "첫 문단에 특수문자가 있다, 쉼표와 \"따옴표\".\n\n둘째 문단\t탭 뒤에 특수문자."},
    {"date", "2025-12-09"},
    {"source", "한빛일보"},
    {"author", "김기자, 이기자\t(공동)"},
    {"category", "경제"},
    {"url", "https://news.example.com/a?x=1,2"}};

class ExportCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    std::string lines = record(kTricky);
    lines += record({{"id", "plain-2"},
                     {"title", "평범한 특수문자 기사"},
                     {"body", "특수문자 없는 본문."},
                     {"date", "2025-12-10"},
                     {"source", "동해신문"}});
    lines += record({{"id", "other-3"}, {"title", "다른 기사"}, {"body", "관계없는 본문."}});
    dir_->write("crawl/a.jsonl", lines);
    const CommandResult r = run(kIndex + " --quiet --analysis ngram --db " + shell_quote(db()) + " " +
                                shell_quote((dir_->path() / "crawl").string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static std::string db() { return (dir_->path() / "db").string(); }
  static CommandResult run(const std::string& command) { return testing::run_command(command, dir_->path()); }
  static CommandResult search(const std::string& args) {
    return run(kSearch + " --db " + shell_quote(db()) + " " + args);
  }

  static TempDir* dir_;
};

TempDir* ExportCliTest::dir_ = nullptr;

TEST_F(ExportCliTest, CsvReadsBackWithPythonsCsvModule) {
  if (std::system("command -v python3 >/dev/null 2>&1") != 0) GTEST_SKIP() << "python3 is not installed";
  const CommandResult csv = search("--format csv --all --sort date 특수문자");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  ASSERT_EQ(csv.out.rfind("\xEF\xBB\xBF"
                          "id,date,source,author,category,title,url,body\r\n",
                          0),
            0u)
      << csv.out;
  const std::filesystem::path file = dir_->write("out.csv", csv.out);
  // utf-8-sig drops the BOM; newline='' lets the csv module see the line breaks inside fields.
  const std::string script =
      "import csv, json, sys\n"
      "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
      "    print(json.dumps(list(csv.DictReader(f, strict=True)), ensure_ascii=False))\n";
  const std::filesystem::path program = dir_->write("read.py", script);
  const CommandResult read = run("python3 " + shell_quote(program.string()) + " " + shell_quote(file.string()));
  ASSERT_EQ(read.exit_code, 0) << read.err;
  const nlohmann::json rows = nlohmann::json::parse(read.out);
  ASSERT_EQ(rows.size(), 2u) << read.out;
  EXPECT_EQ(rows[0]["id"], "plain-2");  // newest first
  const nlohmann::json& tricky = rows[1];
  for (const char* field : {"id", "title", "date", "source", "author", "category", "url"}) {
    EXPECT_EQ(tricky[field], kTricky[field]) << field;
  }
  const std::string body = tricky["body"];
  EXPECT_NE(body.find("쉼표와 \"따옴표\"."), std::string::npos) << body;
  EXPECT_NE(body.find('\n'), std::string::npos) << "the paragraphs stay apart: " << body;
  // The same rows as JSON Lines: two independent encodings of the stored article agree.
  const CommandResult jsonl = search("--format jsonl --all --sort date 특수문자");
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  std::istringstream lines(jsonl.out);
  std::string line;
  std::vector<nlohmann::json> objects;
  while (std::getline(lines, line)) objects.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[1], tricky);
}

TEST_F(ExportCliTest, TsvEscapesTabsAndLineBreaksAndFieldsChooseTheColumns) {
  const CommandResult tsv = search("--format tsv --fields id,body,author --sort date 특수문자");
  ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
  std::istringstream in(tsv.out);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 3u) << tsv.out;
  EXPECT_EQ(lines[0], "id\tbody\tauthor");
  EXPECT_EQ(lines[2].rfind("tricky-1\t", 0), 0u);
  EXPECT_NE(lines[2].find("따옴표\".\\n둘째 문단"), std::string::npos) << lines[2];
  EXPECT_EQ(std::count(lines[2].begin(), lines[2].end(), '\t'), 2) << lines[2];
  EXPECT_EQ(lines[2].substr(lines[2].rfind('\t') + 1), "김기자, 이기자\\t(공동)");
}

TEST_F(ExportCliTest, BadFormatsAndFieldsAreUsageErrors) {
  for (const char* args :
       {"--format xml 특수문자", "--format csv --fields id,nope 특수문자", "--format csv --fields id,id 특수문자"}) {
    const CommandResult r = search(args);
    EXPECT_EQ(r.exit_code, 1) << args << ": " << r.err;
    EXPECT_FALSE(r.err.empty()) << args;
  }
}

TEST_F(ExportCliTest, ShowPrintsTheStoredArticleWithTheQueryMarked) {
  const CommandResult shown = search("--show tricky-1 특수문자");  // stdout is a pipe: **marks**
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(shown.out.rfind("\"따옴표\" 제목, 쉼표까지\n2025-12-09 · 한빛일보 · 김기자, 이기자\t(공동) · 경제\n", 0),
            0u)
      << shown.out;
  EXPECT_NE(shown.out.find("id: tricky-1\nurl: https://news.example.com/a?x=1,2\n\n첫 문단에 **특수문자**가"),
            std::string::npos)
      << shown.out;
  EXPECT_NE(shown.out.find("따옴표\".\n둘째 문단"), std::string::npos) << "paragraphs kept: " << shown.out;
  EXPECT_EQ(shown.out.find('\033'), std::string::npos) << "no escape codes into a pipe";

  const CommandResult plain = search("--show plain-2");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out.find("**"), std::string::npos) << plain.out;
  EXPECT_EQ(plain.out.find("url:"), std::string::npos) << "no URL, no line: " << plain.out;

  const CommandResult json = search("--json --show tricky-1 특수문자");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json article = nlohmann::json::parse(json.out);
  EXPECT_EQ(article["author"], kTricky["author"]);
  EXPECT_EQ(article["url"], kTricky["url"]);
  EXPECT_NE(article["body_html"].get<std::string>().find("<mark>특수문자</mark>"), std::string::npos);
  EXPECT_NE(article["title_html"].get<std::string>().find("&quot;따옴표&quot;"), std::string::npos);
}

TEST_F(ExportCliTest, ShowOfAnIdThatIsNoArticleFailsClearly) {
  const CommandResult r = search("--show no-such-id");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no article with id 'no-such-id'"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

// Runs `argv` with stdout into `out_path`; returns the exit status and the peak RSS (KiB).
std::pair<int, long> run_measured(const std::vector<std::string>& argv, const std::string& out_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    ADD_FAILURE() << "cannot run " << argv[0] << ": " << std::strerror(spawned);
    return {-1, 0};
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) ADD_FAILURE() << "wait4: " << std::strerror(errno);
  if (!WIFEXITED(status)) ADD_FAILURE() << argv[0] << " ended by signal " << WTERMSIG(status);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, usage.ru_maxrss};
}

TEST(ExportMemoryTest, TenThousandRowsStreamInBoundedMemory) {
  // The sanitizers' own memory (shadow, quarantine of freed blocks) would swamp the bound.
  if (testing::kAddressSanitizer) GTEST_SKIP() << "peak RSS means nothing under AddressSanitizer";
  TempDir dir;
  constexpr int kArticles = 10500;
  // Bodies of ~3 KB: held all at once they would take over 30 MB; streamed, one page.
  {
    std::filesystem::create_directories(dir.path() / "crawl");
    std::ofstream out(dir.path() / "crawl/many.jsonl");
    for (int i = 0; i < kArticles; ++i) {
      std::string body;
      for (int line = 0; body.size() < 3200; ++line) {
        body += "대량 보도 " + std::to_string(i) + "번 기사의 " + std::to_string(line) + "번째 문장 " +
                std::to_string((i * 7919 + line * 104729) % 1000003) + "\n";
      }
      out << nlohmann::json({{"id", "bulk-" + std::to_string(i)},
                             {"title", "대량 보도 " + std::to_string(i)},
                             {"body", body},
                             {"date", "2025-12-01"}})
                 .dump()
          << '\n';
    }
  }
  const std::string db = (dir.path() / "db").string();
  const CommandResult indexed =
      testing::run_command(kIndex + " --quiet --analysis ngram --compact never --db " + shell_quote(db) + " " +
                               shell_quote((dir.path() / "crawl").string()),
                           dir.path());
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;

  const std::string all_path = (dir.path() / "all.csv").string();
  const auto [all_status, all_rss] =
      run_measured({kSearch, "--db", db, "--format", "csv", "--all", "--no-collapse", "대량"}, all_path);
  ASSERT_EQ(all_status, 0);
  const std::string page_path = (dir.path() / "page.csv").string();
  const auto [page_status, page_rss] =
      run_measured({kSearch, "--db", db, "--format", "csv", "--limit", "1000", "--no-collapse", "대량"}, page_path);
  ASSERT_EQ(page_status, 0);

  std::ifstream all(all_path, std::ios::binary);
  std::size_t rows = 0;
  std::uintmax_t bytes = 0;
  for (std::string line; std::getline(all, line);) {
    bytes += line.size() + 1;
    if (line.rfind("bulk-", 0) == 0) ++rows;
  }
  EXPECT_EQ(rows, static_cast<std::size_t>(kArticles));
  EXPECT_GT(bytes, 30u << 20) << "the export is larger than the memory bound below";
  EXPECT_LT(all_rss, 200L * 1024) << "peak RSS " << all_rss << " KiB";
  // Ten times the rows of one page, in about the memory of one page.
  EXPECT_LT(all_rss, page_rss + 20L * 1024) << "all: " << all_rss << " KiB, one page: " << page_rss << " KiB";
}

}  // namespace
}  // namespace sinmun
