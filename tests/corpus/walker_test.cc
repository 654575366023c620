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
