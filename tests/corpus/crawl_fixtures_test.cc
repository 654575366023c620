// Reads the whole fixtures directory as one crawl, as the indexer does: every valid record is
// delivered, every defect reported once, nothing else.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "corpus/readers.h"
#include "corpus/walker.h"
#include "tests/corpus/collect.h"
#include "tests/corpus/fixtures.h"

namespace sinmun {
namespace {

using testing::Collected;

TEST(CrawlFixturesTest, EveryArticleAndEveryProblemExactly) {
  Collected c;
  for (const CrawlFile& file : walk_crawl_directory(testing::fixture_dir(), c.report())) {
    read_crawl_file(file, c.sink(), c.report());
  }
  std::vector<std::string> ids;
  for (const Article& a : c.articles) ids.push_back(a.id);
  const std::vector<std::string> expected_ids = {
      "gz-1",
      "gz/page.html.gz",
      "html/article_time.html",
      "html/broadcast.html",
      "html/cp949.html",
      "html/euc_kr.html",
      "html/newspaper.html",
      "html/portal.html",
      "html/text_only.html",
      "j-1",
      "j-6",
      "feed-1",
      "feed-2",
      "feed-3",
      "feed-4",
      "feed-5",
      "txt/broadcast-dump.txt",
      "txt/scraper-dump.txt",
      "https://news.example.com/seoultimes/2025/12/03/sejong-lights",
      "https://news.example.com/donghae/2025/12/02/uljin-crab",
      "https://news.example.com/hanbit/2026/01/12/cheongju-airport",
  };
  EXPECT_EQ(ids, expected_ids);
  EXPECT_EQ(c.problem_text(),
            "bad/empty.txt: empty file\n"
            "bad/image.html: binary content, not text\n"
            "gz/feed-bad-crc.jsonl.gz:byte 106: damaged gzip member (CRC mismatch); it and anything after it are lost\n"
            "jsonl/broken.jsonl:line 2: invalid JSON: syntax error while parsing value - invalid string: missing "
            "closing quote; last read: '\"따옴표가 닫히지 않'\n"
            "jsonl/broken.jsonl:line 4: not a JSON object\n"
            "jsonl/broken.jsonl:line 5: record has neither title nor body\n"
            "jsonl/portal-feed.jsonl:line 4: unreadable date \"어제 오후\"; indexed without a date\n"
            "warc/crawl.warc:record 9 at byte 4028: truncated record: 312 of 842 content bytes present\n");
  for (const Article& a : c.articles) {
    EXPECT_FALSE(a.title.empty()) << a.id;
    EXPECT_FALSE(a.body.empty()) << a.id;
    EXPECT_EQ(a.body.find("\xEF\xBF\xBD"), std::string::npos) << a.id;
  }
}

TEST(CrawlFixturesTest, GzippedPageAndFeedKeepTheirFormat) {
  EXPECT_EQ(format_of("a.jsonl.gz"), FileFormat::kJsonLines);
  EXPECT_EQ(format_of("page.HTML.gz"), FileFormat::kHtml);
  EXPECT_EQ(format_of("crawl.warc.gz"), FileFormat::kWarc);
  EXPECT_EQ(format_of("crawl.warc"), FileFormat::kWarc);
  EXPECT_EQ(format_of("notes.txt.gz"), FileFormat::kText);
  EXPECT_EQ(format_of("dump.gz"), FileFormat::kUnsupported);
}

TEST(CrawlFixturesTest, FilesWithoutAUsefulNameAreSniffed) {
  EXPECT_EQ(sniff_format("\xEF\xBB\xBF  <!DOCTYPE html><html>"), FileFormat::kHtml);
  EXPECT_EQ(sniff_format("<HTML><head>"), FileFormat::kHtml);
  EXPECT_EQ(sniff_format("WARC/1.1\r\n"), FileFormat::kWarc);
  EXPECT_EQ(sniff_format("%PDF-1.7"), FileFormat::kUnsupported);
  EXPECT_EQ(sniff_format(""), FileFormat::kUnsupported);
  testing::TempDir dir;
  dir.write("site/article.php?id=5", "<!doctype html><title>제목</title><p>본문이다.</p>");
  dir.write("site/robots", "User-agent: *");
  Collected c;
  const auto files = walk_crawl_directory(dir.path(), c.report());
  ASSERT_EQ(files.size(), 1u) << c.problem_text();
  EXPECT_EQ(files[0].relative, "site/article.php?id=5");
  EXPECT_EQ(files[0].format, FileFormat::kHtml);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_NE(c.problems[0].reason.find("ignored 1 file(s) of other formats: (no extension) ×1"), std::string::npos)
      << c.problems[0].reason;
}

TEST(CrawlFixturesTest, AFiftyMegabyteFileIsReadWhole) {
  testing::TempDir dir;
  const std::string record = R"({"title": "대용량 피드 기사", "body": ")" + std::string(2000, 'x') +
                             R"(", "date": "2025-12-05"})"
                             "\n";
  const std::size_t count = 50u * 1024 * 1024 / record.size() + 1;
  {
    std::ofstream out(dir.path() / "big.jsonl", std::ios::binary);
    for (std::size_t i = 0; i < count; ++i) out << record;
  }
  Collected c;
  const auto files = walk_crawl_directory(dir.path(), c.report());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_GE(files[0].size, 50u * 1024 * 1024);
  std::size_t articles = 0;
  std::string last_id;
  read_crawl_file(
      files[0],
      [&](Article&& a) {
        ++articles;
        last_id = a.id;
      },
      c.report());
  EXPECT_EQ(articles, count);
  EXPECT_EQ(last_id, "big.jsonl#" + std::to_string(count));
  EXPECT_TRUE(c.problems.empty()) << c.problem_text();
}

}  // namespace
}  // namespace sinmun
