// The indexer on files it reads as a stream of chunks: a multi-member .jsonl.gz and a .warc.gz
// bigger than a chunk give every record, in order, once; a re-run reads nothing; progress
// counts the file's own bytes.
#include <gtest/gtest.h>

#include <string>

#include "indexer/indexer.h"
#include "schema/schema.h"
#include "tests/support/gzip_writer.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

TEST(StreamedFilesTest, AMultiMemberGzipFeedAndWarcAreIndexedWholeInChunks) {
  testing::TempDir dir;
  std::string feed;
  for (int m = 0; m < 20; ++m) {
    std::string member;
    for (int r = 0; r < 15; ++r) {
      member += "{\"title\": \"기사 " + std::to_string(m * 15 + r) + "\", \"body\": \"반도체 수출이 늘었다.\"}\n";
    }
    feed += testing::gzip_member(member);
  }
  dir.write("crawl/feed.jsonl.gz", feed);
  std::string warc;
  for (int n = 1; n <= 12; ++n) {
    const std::string page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<title>페이지 " + std::to_string(n) +
                             "</title><p>본문 문장이다.</p>";
    warc += testing::gzip_member("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://x/" + std::to_string(n) +
                                 "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
                                 std::to_string(page.size()) + "\r\n\r\n" + page + "\r\n\r\n");
  }
  dir.write("crawl/pages.warc.gz", warc);
  const Analyzer analyzer;  // n-grams only
  const auto root = std::filesystem::absolute(dir.path() / "crawl");
  const auto run = [&] {
    Indexer indexer(dir.path() / "db", analyzer, {.jobs = 2, .chunk_bytes = 300});
    std::string problems;
    const IndexStats stats = indexer.index({{root, walk_crawl_directory(root, [](const Problem&) {})}},
                                           [&](const Problem& p) { problems += describe(p) + "\n"; });
    EXPECT_EQ(problems, "");
    return std::pair(stats, indexer.document_count());
  };
  const auto [first, documents] = run();
  EXPECT_EQ(first.files_indexed, 2u);
  EXPECT_EQ(first.articles_added, 312u);
  EXPECT_EQ(documents, 312u);
  EXPECT_EQ(first.bytes_done, feed.size() + warc.size());
  EXPECT_EQ(first.bytes_done, first.bytes_total);
  const Xapian::Database db((dir.path() / "db").string());
  EXPECT_TRUE(db.term_exists(schema::id_term("feed.jsonl.gz#300")));
  EXPECT_TRUE(db.term_exists(schema::id_term("https://x/12")));
  const auto [again, same] = run();
  EXPECT_EQ(again.files_unchanged, 2u);
  EXPECT_EQ(again.articles_added, 0u);
  EXPECT_EQ(same, 312u);
}

}  // namespace
}  // namespace sinmun
