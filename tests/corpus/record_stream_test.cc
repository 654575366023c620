// Files read as a stream of record chunks: JSON Lines and WARC, plain and gzip (one member
// or many), with the per-record and per-file limits, lying WARC lengths and damaged members.
#include "corpus/record_stream.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/readers.h"
#include "tests/corpus/collect.h"
#include "tests/support/gzip_writer.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

using testing::Collected;
using testing::gzip_member;

std::string line(const std::string& id, const std::string& title) {
  return R"({"id": ")" + id + R"(", "title": ")" + title +
         R"(", "body": "본문 문장이다."})"
         "\n";
}

std::vector<std::string> ids_of(const Collected& c) {
  std::vector<std::string> ids;
  for (const Article& a : c.articles) ids.push_back(a.id);
  return ids;
}

// Reads `file` chunk by chunk as the indexer does, counting the chunks.
std::size_t read_streamed(const CrawlFile& file, std::size_t chunk_bytes, const ReadLimits& limits, Collected& c) {
  RecordStream stream(file, limits);
  RecordChunk chunk;
  std::size_t chunks = 0;
  while (stream.next(chunk_bytes, chunk)) {
    EXPECT_LE(chunk.lines.size(), chunk_bytes + limits.max_record_bytes + 1);
    read_record_chunk(file, chunk, c.sink(), c.report());
    ++chunks;
  }
  return chunks;
}

CrawlFile file_of(const testing::TempDir& dir, const std::string& name, const std::string& bytes) {
  const auto path = dir.write(name, bytes);
  return {path, name, format_of(path), bytes.size()};
}

TEST(RecordStreamTest, AMultiMemberGzipFeedIsReadInChunksWithItsLineNumbers) {
  testing::TempDir dir;
  std::string bytes;
  std::string plain;
  for (int m = 0; m < 3; ++m) {
    std::string member;
    for (int i = 0; i < 40; ++i) member += line("m" + std::to_string(m) + "-" + std::to_string(i), "기사");
    member += R"({"title": "아이디 없는 기사", "body": "본문."})"
              "\n{broken\n\n";
    plain += member;
    bytes += gzip_member(member);
  }
  const CrawlFile file = file_of(dir, "feed.jsonl.gz", bytes);
  Collected streamed;
  EXPECT_GT(read_streamed(file, 500, {}, streamed), 10u);
  Collected whole;
  read_json_lines(plain, "feed.jsonl.gz", whole.sink(), whole.report());
  EXPECT_EQ(ids_of(streamed), ids_of(whole));
  EXPECT_EQ(streamed.articles.size(), 123u);
  EXPECT_EQ(streamed.articles[40].id, "feed.jsonl.gz#41");
  EXPECT_EQ(streamed.articles[81].id, "feed.jsonl.gz#84");
  EXPECT_EQ(streamed.problem_text(), whole.problem_text());
  EXPECT_NE(streamed.problem_text().find("feed.jsonl.gz:line 128: invalid JSON"), std::string::npos)
      << streamed.problem_text();
}

TEST(RecordStreamTest, ALineOverTheRecordLimitIsSkippedByItsLineAndTheRestRead) {
  testing::TempDir dir;
  const std::string big = R"({"id": "big", "title": "큰", "body": ")" + std::string(5000, 'x') + "\"}\n";
  for (const bool gzip : {false, true}) {
    const std::string content = line("a", "첫") + big + line("b", "둘") + big.substr(0, big.size() - 1);
    const CrawlFile file = file_of(dir, gzip ? "f.jsonl.gz" : "f.jsonl", gzip ? gzip_member(content) : content);
    Collected c;
    read_streamed(file, 100, {.max_record_bytes = 1000}, c);
    EXPECT_EQ(ids_of(c), (std::vector<std::string>{"a", "b"}));
    const std::string size = std::to_string(big.size() - 1);
    EXPECT_EQ(c.problem_text(), file.relative + ":line 2: record of " + size +
                                    " bytes is larger than the limit of 1000 (--max-record-bytes); skipped\n" +
                                    file.relative + ":line 4: record of " + size +
                                    " bytes is larger than the limit of 1000 (--max-record-bytes); skipped\n");
  }
}

TEST(RecordStreamTest, AGzipBombIsStoppedAtTheInflateRatioAndWhatCameBeforeIsKept) {
  testing::TempDir dir;
  // 80 MiB of empty lines after two records: a few hundred KiB compressed, far over 100×.
  const std::string bytes = gzip_member(line("a", "첫") + line("b", "둘"), std::string(1 << 20, '\n'), 80);
  ASSERT_LT(bytes.size(), std::size_t{1} << 20);
  const CrawlFile file = file_of(dir, "bomb.jsonl.gz", bytes);
  Collected c;
  read_crawl_file(file, c.sink(), c.report());
  EXPECT_EQ(ids_of(c), (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(c.problems.size(), 1u) << c.problem_text();
  EXPECT_NE(c.problems[0].reason.find("(--max-inflate-ratio): a decompression bomb?"), std::string::npos)
      << c.problem_text();
  Collected unbounded;
  read_crawl_file(file, unbounded.sink(), unbounded.report(), {.max_inflate_ratio = 0});
  EXPECT_EQ(unbounded.articles.size(), 2u);
  EXPECT_EQ(unbounded.problem_text(), "");
}

TEST(RecordStreamTest, ADamagedMemberLosesItAndWhatFollowsNotWhatCameBefore) {
  testing::TempDir dir;
  std::string second = gzip_member(line("b", "둘"));
  second[second.size() - 6] ^= 1;  // the CRC
  const std::string bytes = gzip_member(line("a", "첫")) + second + gzip_member(line("c", "셋"));
  Collected c;
  read_crawl_file(file_of(dir, "f.jsonl.gz", bytes), c.sink(), c.report());
  EXPECT_EQ(ids_of(c), (std::vector<std::string>{"a"}));
  EXPECT_EQ(c.problem_text(), "f.jsonl.gz:byte " + std::to_string(bytes.find("\x1f\x8b", 1)) +
                                  ": damaged gzip member (CRC mismatch); it and anything after it are lost\n");
}

TEST(RecordStreamTest, EmptyAndBinaryFilesAreSaidSoOnce) {
  testing::TempDir dir;
  for (const std::string name : {"e.jsonl", "e.warc"}) {
    for (const std::string& content : {std::string(), std::string("\n\n \n")}) {
      Collected c;
      read_streamed(file_of(dir, name, content), 10, {}, c);
      EXPECT_EQ(c.problem_text(), name + ": empty file\n") << content.size();
    }
  }
  Collected gz;
  read_streamed(file_of(dir, "e.jsonl.gz", gzip_member("\n\n\n")), 10, {}, gz);
  EXPECT_EQ(gz.problem_text(), "e.jsonl.gz: empty file\n");
  Collected binary;
  read_streamed(file_of(dir, "b.jsonl", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11)), 10, {}, binary);
  EXPECT_EQ(binary.problem_text(), "b.jsonl: binary content, not text\n");
}

TEST(RecordStreamTest, AWholeFileFormatOverTheRecordLimitIsSkipped) {
  testing::TempDir dir;
  const std::string page = "<html><title>제목</title><p>" + std::string(3000, 'x') + "</p></html>";
  Collected c;
  read_crawl_file(file_of(dir, "p.html.gz", gzip_member(page)), c.sink(), c.report(), {.max_record_bytes = 1000});
  EXPECT_TRUE(c.articles.empty());
  EXPECT_EQ(c.problem_text(),
            "p.html.gz: larger than the limit of 1000 bytes for one record (--max-record-bytes); skipped\n");
  Collected fits;
  read_crawl_file(file_of(dir, "p.html", page), fits.sink(), fits.report(), {.max_record_bytes = page.size()});
  EXPECT_EQ(fits.articles.size(), 1u) << fits.problem_text();
}

// --- WARC: Content-Length that lies ----------------------------------------------------------

std::string warc_record(const std::string& uri, const std::string& block, const std::string& length) {
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
         "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + length + "\r\n\r\n" + block +
         "\r\n\r\n";
}

std::string page(int n) {
  return "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><title>기사 " + std::to_string(n) +
         "</title><p>본문 문장이다. 둘째 문장도 있다.</p></html>";
}

std::string honest(int n) {
  return warc_record("https://x/" + std::to_string(n), page(n), std::to_string(page(n).size()));
}

TEST(WarcResyncTest, AContentLengthThatLiesCostsItsRecordAndTheNextAreRead) {
  const std::string body = page(2);
  const std::vector<std::pair<std::string, std::string>> lies = {
      {std::to_string(body.size() - 30), "too short"},
      {std::to_string(body.size() + 150), "too long"},
      {"12x", "not a number"},
      {"99999999", "beyond the file"},
  };
  for (const auto& [length, what] : lies) {
    const std::string warc = honest(1) + warc_record("https://x/2", body, length) + honest(3) + honest(4);
    Collected c;
    read_warc(warc, "w.warc", c.sink(), c.report());
    EXPECT_EQ(ids_of(c), (std::vector<std::string>{"https://x/1", "https://x/3", "https://x/4"})) << what;
    ASSERT_EQ(c.problems.size(), 1u) << what << "\n" << c.problem_text();
    EXPECT_EQ(c.problems[0].location, "record 2 at byte " + std::to_string(honest(1).size())) << what;
    EXPECT_EQ(c.problems[0].severity, Problem::Severity::kSkipped);
  }
}

TEST(WarcResyncTest, ALieReportsWhereTheNextRecordWasFound) {
  const std::string first = warc_record("https://x/1", page(1), std::to_string(page(1).size() + 150));
  Collected c;
  read_warc(first + honest(2), "w.warc", c.sink(), c.report());
  EXPECT_EQ(c.problem_text(), "w.warc:record 1 at byte 0: Content-Length " + std::to_string(page(1).size() + 150) +
                                  " is wrong: the next record header is at byte " + std::to_string(first.size()) +
                                  "; record skipped\n");
}

TEST(WarcResyncTest, AStreamedGzipPerRecordWarcResynchronisesToo) {
  testing::TempDir dir;
  std::string bytes;
  for (int n = 1; n <= 30; ++n) {
    bytes += gzip_member(n == 7 ? warc_record("https://x/7", page(7), "5") : honest(n));
  }
  Collected c;
  read_streamed(file_of(dir, "c.warc.gz", bytes), 700, {}, c);
  EXPECT_EQ(c.articles.size(), 29u) << c.problem_text();
  EXPECT_EQ(c.articles[6].id, "https://x/8");
  ASSERT_EQ(c.problems.size(), 1u) << c.problem_text();
  EXPECT_TRUE(c.problems[0].location.starts_with("record 7 at byte ")) << c.problem_text();
}

TEST(WarcResyncTest, ARecordOverTheLimitIsSkippedAndTheNextRead) {
  const std::string big =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<title>큰</title>" + std::string(5000, 'x');
  const std::string warc = honest(1) + warc_record("https://x/big", big, std::to_string(big.size())) + honest(3);
  testing::TempDir dir;
  Collected c;
  read_streamed(file_of(dir, "l.warc", warc), 100, {.max_record_bytes = 1000}, c);
  EXPECT_EQ(ids_of(c), (std::vector<std::string>{"https://x/1", "https://x/3"}));
  EXPECT_EQ(c.problem_text(), "l.warc:record 2 at byte " + std::to_string(honest(1).size()) + ": record of " +
                                  std::to_string(big.size()) +
                                  " bytes is larger than the limit of 1000 (--max-record-bytes); skipped\n");
}

}  // namespace
}  // namespace sinmun
