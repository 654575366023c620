#include <gtest/gtest.h>

#include "corpus/readers.h"
#include "tests/corpus/collect.h"
#include "tests/corpus/fixtures.h"

namespace sinmun {
namespace {

using testing::Collected;

// crawl.warc: warcinfo, request, chunked UTF-8 page, PNG, 404, metadata, CP949 page with the
// charset only in the HTTP header, 301, and a last record cut in half.
TEST(WarcReaderTest, ReadsHtmlResponsesAndReportsTheTruncatedLastRecord) {
  Collected c;
  read_warc(testing::fixture("warc/crawl.warc"), "warc/crawl.warc", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 2u) << c.problem_text();
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "https://news.example.com/seoultimes/2025/12/03/sejong-lights");
  EXPECT_EQ(a.url, a.id);
  EXPECT_EQ(a.file, "warc/crawl.warc");
  EXPECT_EQ(a.title, "세종 호수공원 야간 산책로 조명 새로 단다");
  EXPECT_EQ(a.date, "2025-12-03");
  EXPECT_EQ(a.source, "서울타임스");
  EXPECT_EQ(a.author, "정하율");
  EXPECT_EQ(testing::first_line(a.body), "세종시가 호수공원 야간 산책로 2.4km 구간의 조명을 발광다이오드로 바꾼다.");
  const Article& b = c.articles[1];
  EXPECT_EQ(b.id, "https://news.example.com/donghae/2025/12/02/uljin-crab");
  EXPECT_EQ(b.title, "울진 대게 조업 시작…첫날 위판량 12t");
  EXPECT_NE(b.body.find("똠방각하"), std::string::npos) << "CP949 decoded by the HTTP charset";
  EXPECT_EQ(b.body.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(c.problem_text(),
            "warc/crawl.warc:record 9 at byte 4028: truncated record: 312 of 842 content bytes present\n");
}

TEST(WarcReaderTest, GzipPerRecordWithGzipContentEncoding) {
  testing::TempDir dir;
  const auto path = dir.write("pages.warc.gz", testing::fixture("warc/pages.warc.gz"));
  Collected c;
  read_crawl_file({path, "pages.warc.gz", format_of(path), 0}, c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 1u) << c.problem_text();
  EXPECT_TRUE(c.problems.empty()) << c.problem_text();
  EXPECT_EQ(c.articles[0].id, "https://news.example.com/hanbit/2026/01/12/cheongju-airport");
  EXPECT_EQ(c.articles[0].title, "청주 공항 국제선 노선 두 곳 신설");
  EXPECT_EQ(c.articles[0].author, "유다인");
}

std::string record(const std::string& type, const std::string& uri, const std::string& block) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + std::to_string(block.size()) +
         "\r\n\r\n" + block + "\r\n\r\n";
}

const std::string kPage = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<title>제목</title><p>본문 문장이다.</p>";

TEST(WarcReaderTest, AGarbledRecordIsSkippedAndTheNextOneRead) {
  const std::string warc = record("response", "<https://x/1>", kPage) + "garbage line\r\n\r\n" +
                           "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nxx\r\n\r\n" +
                           record("response", "https://x/2", kPage);
  Collected c;
  read_warc(warc, "w.warc", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 2u) << c.problem_text();
  EXPECT_EQ(c.articles[0].id, "https://x/1") << "WARC 1.0 angle brackets removed";
  EXPECT_EQ(c.articles[1].id, "https://x/2");
  ASSERT_EQ(c.problems.size(), 2u) << c.problem_text();
  EXPECT_EQ(c.problems[0].reason, "not a WARC record header; skipped to the next record");
  EXPECT_EQ(c.problems[1].reason, "missing or bad Content-Length; skipped to the next record");
}

TEST(WarcReaderTest, AUtf8PageServedAsEucKrIsReadAsUtf8WithAWarning) {
  const std::string page =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=euc-kr\r\n\r\n"
      "<meta charset=euc-kr><title>지역 축제 개막</title><p>주말 동안 축제가 열린다.</p>";
  Collected c;
  read_warc(record("response", "https://x/1", page), "w.warc", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 1u) << c.problem_text();
  EXPECT_EQ(c.articles[0].title, "지역 축제 개막");
  EXPECT_EQ(c.problem_text(),
            "w.warc:record 1 at byte 0: declared charset euc-kr does not match the bytes, which are UTF-8: read as "
            "such\n");
  EXPECT_EQ(c.problems[0].severity, Problem::Severity::kWarning);
}

TEST(WarcReaderTest, BadHttpAndEmptyPagesAreReported) {
  const std::string warc =
      record("response", "https://x/1", "HTTP/1.1 abc\r\n\r\n") +
      record("response", "https://x/2", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html></html>");
  Collected c;
  read_warc(warc, "w.warc", c.sink(), c.report());
  EXPECT_TRUE(c.articles.empty());
  EXPECT_EQ(c.problem_text(),
            "w.warc:record 1 at byte 0: bad HTTP status line\n"
            "w.warc:record 2 at byte 153: no title or visible text in the page\n");
}

TEST(WarcReaderTest, DatesOfPagesAreReadAndAnUnreadableOneIsAWarningOfItsRecord) {
  const std::string good =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<title>가</title>"
      "<div>입력 2025. 12. 3. 오후 11:50</div><p>본문 문장이다.</p>";
  const std::string bad =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<title>나</title>\n"
      "<meta name=\"date\" content=\"" +
      std::string(50000, ' ') + "미정\"><p>본문 문장이다.</p>";
  const std::string warc = record("response", "https://x/1", good) + record("response", "https://x/2", bad);
  Collected c;
  read_warc(warc, "w.warc", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 2u) << c.problem_text();
  EXPECT_EQ(c.articles[0].date, "2025-12-03");
  EXPECT_EQ(c.articles[1].date, "");
  EXPECT_EQ(c.problem_text(), "w.warc:record 2 at byte " +
                                  std::to_string(record("response", "https://x/1", good).size()) +
                                  ", page line 2: unreadable date \"미정\"; indexed without a date\n");
}

TEST(WarcReaderTest, EmptyFileIsReported) {
  Collected c;
  read_warc("", "e.warc", c.sink(), c.report());
  EXPECT_EQ(c.problem_text(), "e.warc: empty file\n");
}

}  // namespace
}  // namespace sinmun
