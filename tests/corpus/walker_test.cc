#include "corpus/walker.h"

#include <gtest/gtest.h>

#include "corpus/readers.h"
#include "tests/corpus/collect.h"

namespace sinmun {
namespace {

using testing::Collected;
using testing::TempDir;

TEST(WalkerTest, ListsSupportedFilesSortedAndReportsTheRest) {
  TempDir dir;
  dir.write("b/z.txt", "제목\n본문");
  dir.write("a.jsonl", "{}");
  dir.write("b/a.HTML", "<title>t</title>");
  dir.write("notes.pdf", "%PDF");
  dir.write("b/notes.pdf", "%PDF");
  dir.write("b/photo.png", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
  dir.write(".hidden/x.txt", "숨김");
  Collected c;
  const auto files = walk_crawl_directory(dir.path(), c.report());
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].relative, "a.jsonl");
  EXPECT_EQ(files[0].format, FileFormat::kJsonLines);
  EXPECT_EQ(files[1].relative, "b/a.HTML");
  EXPECT_EQ(files[1].format, FileFormat::kHtml);
  EXPECT_EQ(files[2].relative, "b/z.txt");
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_NE(c.problems[0].reason.find("ignored 3 file(s) of other formats: .pdf ×2, .png ×1"), std::string::npos)
      << c.problems[0].reason;
}

// The first run a new user sees indexes corpus/sample, which holds a README.md: no
// "skipped" line for it.
TEST(WalkerTest, DocumentationAloneIsNotReported) {
  TempDir dir;
  dir.write("README.md", "# 설명");
  dir.write("LICENSE", "license text");
  dir.write("docs/NOTES.markdown", "메모");
  dir.write("feeds/README.txt", "이 폴더는 피드를 담는다");
  dir.write("feeds/a.jsonl", "{}");
  Collected c;
  const auto files = walk_crawl_directory(dir.path(), c.report());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].relative, "feeds/a.jsonl");
  EXPECT_TRUE(c.problems.empty()) << c.problem_text();
}

TEST(WalkerTest, DocumentationIsCountedWhenOtherFilesAreIgnored) {
  TempDir dir;
  dir.write("README.md", "# 설명");
  dir.write("photo.png", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
  Collected c;
  EXPECT_TRUE(walk_crawl_directory(dir.path(), c.report()).empty());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_NE(c.problems[0].reason.find("ignored 2 file(s) of other formats: .md ×1, .png ×1"), std::string::npos)
      << c.problems[0].reason;
}

TEST(WalkerTest, TheSampleCorpusWalksSilently) {
  Collected c;
  const auto files = walk_crawl_directory(std::filesystem::path(SINMUN_SOURCE_DIR) / "corpus" / "sample", c.report());
  EXPECT_EQ(files.size(), 17u);
  EXPECT_TRUE(c.problems.empty()) << c.problem_text();
}

TEST(WalkerTest, SymlinkLoopIsEnteredOnce) {
  TempDir dir;
  dir.write("d/a.txt", "제목\n본문");
  std::filesystem::create_directory_symlink(dir.path() / "d", dir.path() / "d" / "loop");
  std::filesystem::create_directory_symlink(dir.path(), dir.path() / "d" / "up");
  Collected c;
  const auto files = walk_crawl_directory(dir.path(), c.report());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].relative, "d/a.txt");
}

TEST(WalkerTest, LinksOutOfTheRootAreNotFollowedUnlessAsked) {
  TempDir outside;
  outside.write("secret.txt", "비밀\n보이면 안 되는 글");
  outside.write("elsewhere/b.txt", "제목\n다른 곳의 글");
  TempDir dir;
  dir.write("crawl/a.txt", "제목\n본문");
  const auto root = dir.path() / "crawl";
  std::filesystem::create_symlink(outside.path() / "secret.txt", root / "passwd.txt");
  std::filesystem::create_directory_symlink(outside.path() / "elsewhere", root / "more");
  std::filesystem::create_symlink(root / "a.txt", root / "same.txt");  // inside: followed
  Collected c;
  const auto files = walk_crawl_directory(root, c.report());
  std::vector<std::string> relative;
  for (const CrawlFile& f : files) relative.push_back(f.relative);
  EXPECT_EQ(relative, (std::vector<std::string>{"a.txt", "same.txt"}));
  ASSERT_EQ(c.problems.size(), 2u) << c.problem_text();
  for (const Problem& p : c.problems) {
    EXPECT_EQ(p.severity, Problem::Severity::kWarning);
    EXPECT_NE(p.reason.find("link out of the crawl root"), std::string::npos) << p.reason;
  }
  Collected followed;
  WalkOptions options;
  options.follow_symlinks_out_of_root = true;
  EXPECT_EQ(walk_crawl_directory(root, followed.report(), options).size(), 4u);
  EXPECT_TRUE(followed.problems.empty()) << followed.problem_text();
}

TEST(WalkerTest, MissingRootThrowsWithThePath) {
  Collected c;
  try {
    walk_crawl_directory("/nonexistent/sinmun/crawl", c.report());
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/sinmun/crawl: no such file or directory");
  }
}

TEST(WalkerTest, ASingleFileIsItsOwnCrawl) {
  TempDir dir;
  const auto file = dir.write("one.jsonl", "{\"title\": \"가\"}\n");
  Collected c;
  const auto files = walk_crawl_directory(file, c.report());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].relative, "one.jsonl");
  read_crawl_file(files[0], c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].id, "one.jsonl#1");
}

}  // namespace
}  // namespace sinmun
