#include "corpus/readers.h"

#include <gtest/gtest.h>

#include "tests/corpus/collect.h"

namespace sinmun {
namespace {

using testing::Collected;

TEST(JsonLinesReaderTest, ReadsRecordsWithAliasesAndNormalisesDates) {
  Collected c;
  read_json_lines(
      R"({"id": "a1", "title": " 제목 ", "body": "본문", "date": "2025-12-05", "source": "한빛일보", "url": "https://x/1", "author": "김기자", "category": "경제"})"
      "\n"
      R"({"id": 7, "title": "둘", "content": ["첫 문장.", "둘째 문장."], "press": "동해신문", "published_at": "2025-12-04T20:00:00Z", "reporter": "이기자"})"
      "\n",
      "feeds/a.jsonl", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 2u) << c.problem_text();
  EXPECT_TRUE(c.problems.empty()) << c.problem_text();
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.title, "제목");
  EXPECT_EQ(a.body, "본문");
  EXPECT_EQ(a.date, "2025-12-05");
  EXPECT_EQ(a.source, "한빛일보");
  EXPECT_EQ(a.url, "https://x/1");
  EXPECT_EQ(a.author, "김기자");
  EXPECT_EQ(a.category, "경제");
  EXPECT_EQ(a.file, "feeds/a.jsonl");
  const Article& b = c.articles[1];
  EXPECT_EQ(b.id, "7");
  EXPECT_EQ(b.body, "첫 문장.\n둘째 문장.");
  EXPECT_EQ(b.source, "동해신문");
  EXPECT_EQ(b.date, "2025-12-05");
  EXPECT_EQ(b.author, "이기자");
}

TEST(JsonLinesReaderTest, ABrokenLineIsReportedAndItsNeighboursKept) {
  Collected c;
  read_json_lines(
      "{\"title\": \"하나\", \"body\": \"가\"}\n"
      "{\"title\": \"둘\", \"body\": \n"
      "\n"
      "[1, 2]\n"
      "{\"title\": \"\", \"body\": \"\"}\n"
      "{\"title\": \"셋\", \"body\": \"다\"}",
      "x.jsonl", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[0].id, "x.jsonl#1");
  EXPECT_EQ(c.articles[1].id, "x.jsonl#6");
  ASSERT_EQ(c.problems.size(), 3u) << c.problem_text();
  EXPECT_EQ(c.problems[0].location, "line 2");
  EXPECT_NE(c.problems[0].reason.find("invalid JSON"), std::string::npos);
  EXPECT_EQ(c.problems[1].location, "line 4");
  EXPECT_EQ(c.problems[1].reason, "not a JSON object");
  EXPECT_EQ(c.problems[2].location, "line 5");
  EXPECT_EQ(c.problems[2].reason, "record has neither title nor body");
}

TEST(JsonLinesReaderTest, InvalidUtf8IsRepairedWithAWarningAndTheRecordKept) {
  Collected c;
  read_json_lines("{\"title\": \"수\xFF출\", \"body\": \"본문\"}\n", "bad.jsonl", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].title, "수\xEF\xBF\xBD출");
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].severity, Problem::Severity::kWarning);
  EXPECT_EQ(describe(c.problems[0]), "bad.jsonl:line 1: invalid UTF-8: 1 byte(s) replaced by U+FFFD");
}

TEST(JsonLinesReaderTest, EmptyFileIsReported) {
  Collected c;
  read_json_lines("\n  \n", "empty.jsonl", c.sink(), c.report());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(describe(c.problems[0]), "empty.jsonl: empty file");
}

TEST(JsonReaderTest, OneObjectWithoutIdIsNamedByItsPath) {
  Collected c;
  read_json(R"({"title": "제목", "content": "본문", "press": "새누리경제"})", "json/one.json", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].id, "json/one.json");
  EXPECT_EQ(c.articles[0].source, "새누리경제");
}

TEST(JsonReaderTest, ArraysAndArticleListsNumberTheirRecords) {
  Collected c;
  read_json(R"({"articles": [{"title": "가"}, {"id": "k", "title": "나"}, "junk"]})", "list.json", c.sink(),
            c.report());
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[0].id, "list.json#1");
  EXPECT_EQ(c.articles[1].id, "k");
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(describe(c.problems[0]), "list.json:record 3: not a JSON object");
}

TEST(JsonReaderTest, InvalidJsonIsReported) {
  Collected c;
  read_json("{\"title\": ", "broken.json", c.sink(), c.report());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].file, "broken.json");
  EXPECT_NE(c.problems[0].reason.find("invalid JSON"), std::string::npos);
}

TEST(TextReaderTest, FirstLineIsTheTitle) {
  Collected c;
  read_text("\xEF\xBB\xBF\n  날씨 소식 \n\n오늘은 눈이 온다.\n내일은 맑다.\n", "txt/a.txt", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].id, "txt/a.txt");
  EXPECT_EQ(c.articles[0].title, "날씨 소식");
  EXPECT_EQ(c.articles[0].body, "오늘은 눈이 온다.\n내일은 맑다.");
}

TEST(TextReaderTest, EmptyFileIsReported) {
  Collected c;
  read_text("", "txt/empty.txt", c.sink(), c.report());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(describe(c.problems[0]), "txt/empty.txt: empty file");
}

constexpr const char* kPage = R"(<!doctype html>
<html><head>
<title>반도체 수출 늘었다 - 한빛일보</title>
<meta property="og:site_name" content="한빛일보">
<meta property="article:published_time" content="2025-12-05T10:31:00+09:00">
<meta name="author" content="홍길동">
<link rel="canonical" href="https://news.example.com/a/1">
<script>var x = "<p>스크립트</p>";</script>
</head><body>
<nav><a href="/">홈</a> <a href="/eco">경제</a></nav>
<article><h1>반도체 수출 늘었다</h1>
<p>반도체 <b>수출</b>이 늘었다.</p><p>둘째 문단이다.</p></article>
<footer>무단 전재 및 재배포 금지</footer>
</body></html>)";

TEST(HtmlReaderTest, ExtractsMetadataAndArticleText) {
  Collected c;
  read_html(kPage, "html/a.html", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 1u) << c.problem_text();
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "html/a.html");
  EXPECT_EQ(a.title, "반도체 수출 늘었다");
  EXPECT_EQ(a.source, "한빛일보");
  EXPECT_EQ(a.date, "2025-12-05");
  EXPECT_EQ(a.author, "홍길동");
  EXPECT_EQ(a.url, "https://news.example.com/a/1");
  EXPECT_EQ(a.body, "반도체 수출이 늘었다.\n둘째 문단이다.") << "the headline is the title, not body text";
}

TEST(ReadCrawlFileTest, BinaryContentIsSkippedWithAReason) {
  testing::TempDir dir;
  const auto path = dir.write("bin.html", std::string("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", 16));
  Collected c;
  read_crawl_file({path, "bin.html", FileFormat::kHtml, 16}, c.sink(), c.report());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(describe(c.problems[0]), "bin.html: binary content, not text");
}

// One NUL byte once cost a JSON Lines file all its 50 records as "binary content".
TEST(ReadCrawlFileTest, ANulInJsonLinesIsOneBadRecordNotABinaryFile) {
  testing::TempDir dir;
  std::string lines;
  for (int i = 1; i <= 50; ++i) {
    lines += "{\"id\": \"r" + std::to_string(i) + "\", \"title\": \"제목\", \"body\": \"본문 " +
             (i == 3 ? std::string("널\0바이트", 10) : std::string("보통")) + "\"}\n";
  }
  const auto path = dir.write("feed.jsonl", lines);
  Collected c;
  read_crawl_file({path, "feed.jsonl", FileFormat::kJsonLines, lines.size()}, c.sink(), c.report());
  EXPECT_EQ(c.articles.size(), 49u);
  ASSERT_EQ(c.problems.size(), 1u) << c.problem_text();
  EXPECT_EQ(c.problems[0].location, "line 3");
  // A file that is binary from its first byte is still refused whole.
  const auto png = dir.write("image.jsonl", std::string("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", 16));
  Collected binary;
  read_crawl_file({png, "image.jsonl", FileFormat::kJsonLines, 16}, binary.sink(), binary.report());
  ASSERT_EQ(binary.problems.size(), 1u);
  EXPECT_EQ(describe(binary.problems[0]), "image.jsonl: binary content, not text");
}

TEST(ReadCrawlFileTest, UnreadableFileIsReported) {
  Collected c;
  read_crawl_file({"/nonexistent/x.txt", "x.txt", FileFormat::kText, 0}, c.sink(), c.report());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(describe(c.problems[0]), "x.txt: cannot open: No such file or directory");
}

}  // namespace
}  // namespace sinmun

namespace sinmun {
namespace {

// A one-line story loses the text contest to its byline (an e-mail adds weight); the
// cleaning removes the byline, and the story line must still become the body.
TEST(HtmlReaderTest, AOneLineStoryKeepsItsBodyWhenTheBylineOutweighsIt) {
  const std::string page = R"(<html><head><title>홍길동, 시즌 2승 정조준 - 새누리경제</title></head><body>
<header><a href="/">새누리경제</a><nav><a href="/a">정치</a> <a href="/b">경제</a></nav></header>
<div id="wrap"><div id="ct">
<div class="head"><h2 class="headline"><span>홍길동, 시즌 2승 정조준…첫날 단독 선두</span></h2>
<div class="stamp"><span>입력 2025.06.01 10:16</span></div></div>
<div id="article"><div id="dic_area">(서울=통신) 홍 기자 = 홍길동이 2승을 노린다.</div></div>
<div class="byline"><p class="byline_p"><span>윤영민 기자 (reporter1108@news.example.com)</span></p></div>
<div class="more"><a href="#">기사 원문</a> <a href="#">좋아요</a></div>
</div></div>
<footer><p>Copyright ⓒ 새누리경제. 무단 전재 및 재배포 금지</p></footer>
</body></html>)";
  testing::Collected c;
  read_html(page, "one-line.html", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 1u) << c.problem_text();
  EXPECT_EQ(c.articles[0].body, "(서울=통신) 홍 기자 = 홍길동이 2승을 노린다.");
}

}  // namespace
}  // namespace sinmun

namespace sinmun {
namespace {

using testing::Collected;

// Dates readers meet daily, in every alias, as numbers and strings (issue 16).
TEST(JsonLinesReaderTest, DatesInEveryDailyForm) {
  Collected c;
  read_json_lines(R"({"title": "가", "date": 1764689400})"
                  "\n"
                  R"({"title": "가", "date": 1764687599999})"
                  "\n"
                  R"({"title": "가", "timestamp": "1764689400"})"
                  "\n"
                  R"({"title": "가", "published_at": "1764689400000"})"
                  "\n"
                  R"({"title": "가", "date": "2025년 12월 3일"})"
                  "\n"
                  R"({"title": "가", "date": "2025. 12. 3."})"
                  "\n"
                  R"({"title": "가", "datetime": "입력 2025-12-03 오후 11:50"})"
                  "\n"
                  R"({"title": "가", "published": "2025-12-02T20:00:00Z"})"
                  "\n"
                  R"({"title": "가", "pubDate": "Wed, 03 Dec 2025 15:10:00 +0900"})"
                  "\n"
                  R"({"title": "가", "date": 1764689400.5})"
                  "\n",
                  "d.jsonl", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 10u) << c.problem_text();
  EXPECT_TRUE(c.problems.empty()) << c.problem_text();
  const std::vector<std::string> expected = {"2025-12-03", "2025-12-02", "2025-12-03", "2025-12-03", "2025-12-03",
                                             "2025-12-03", "2025-12-03", "2025-12-03", "2025-12-03", "2025-12-03"};
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(c.articles[i].date, expected[i]) << "line " << i + 1;
}

TEST(JsonLinesReaderTest, AnUnreadableDateIsAWarningAndTheRecordIsIndexedWithoutIt) {
  Collected c;
  read_json_lines(R"({"id": "a", "title": "가", "date": "2025-12-03"})"
                  "\n"
                  R"({"id": "b", "title": "나", "date": "어제"})"
                  "\n"
                  R"({"id": "c", "title": "다", "date": "모름", "published": "2025.12.03"})"
                  "\n"
                  R"({"id": "d", "title": "라", "date": {"$date": "soon"}})"
                  "\n"
                  R"({"id": "e", "title": "마", "date": ""})"
                  "\n",
                  "w.jsonl", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 5u) << c.problem_text();
  EXPECT_EQ(c.articles[1].date, "");
  EXPECT_EQ(c.articles[2].date, "2025-12-03") << "a later alias that reads is used";
  EXPECT_EQ(c.problem_text(),
            "w.jsonl:line 2: unreadable date \"어제\"; indexed without a date\n"
            "w.jsonl:line 4: unreadable date \"{\"$date\":\"soon\"}\"; indexed without a date\n");
  for (const Problem& p : c.problems) EXPECT_EQ(p.severity, Problem::Severity::kWarning);
}

// std::regex recursed once per character of the date: these crashed every run (issue 14).
TEST(JsonLinesReaderTest, RunawayDateFieldsNeitherCrashNorFloodTheMessage) {
  Collected c;
  read_json_lines("{\"title\": \"가\", \"date\": \"" + std::string(50000, ' ') + "\"}\n" +
                      "{\"title\": \"나\", \"date\": \"" + std::string(50000, 'x') + "\"}\n" +
                      "{\"title\": \"다\", \"date\": \"" + std::string(50000, '2') + "\"}\n",
                  "r.jsonl", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 3u) << c.problem_text();
  EXPECT_EQ(c.problem_text(), "r.jsonl:line 2: unreadable date \"" + std::string(60, 'x') +
                                  "…\"; indexed without a date\n"
                                  "r.jsonl:line 3: unreadable date \"" +
                                  std::string(60, '2') + "…\"; indexed without a date\n");
}

TEST(JsonReaderTest, AnUnreadableDateNamesItsRecord) {
  Collected c;
  read_json(R"([{"title": "가", "date": "2025-12-03"}, {"title": "나", "date": "12월 3일"}])", "list.json", c.sink(),
            c.report());
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.problem_text(), "list.json:record 2: unreadable date \"12월 3일\"; indexed without a date\n");
}

TEST(TextReaderTest, ADateLineOrALabelledStampGivesTheDate) {
  Collected c;
  read_text("구청 새해 예산 확정\n2025년 12월 3일\n구의회가 새해 예산안을 통과시켰다.\n", "txt/a.txt", c.sink(),
            c.report());
  read_text("구청 새해 예산 확정\n입력 2025-12-03 오후 11:50\n구의회가 새해 예산안을 통과시켰다.\n", "txt/b.txt",
            c.sink(), c.report());
  read_text("구청 새해 예산 확정\n구의회가 새해 예산안을 통과시켰다.\n", "txt/c.txt", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 3u) << c.problem_text();
  EXPECT_TRUE(c.problems.empty()) << c.problem_text();
  EXPECT_EQ(c.articles[0].date, "2025-12-03");
  EXPECT_EQ(c.articles[0].body, "구의회가 새해 예산안을 통과시켰다.") << "the date line is not text";
  EXPECT_EQ(c.articles[1].date, "2025-12-03");
  EXPECT_EQ(c.articles[1].body, "구의회가 새해 예산안을 통과시켰다.");
  EXPECT_EQ(c.articles[2].date, "");
}

TEST(TextReaderTest, AnUnreadableStampIsAWarningWithItsLine) {
  Collected c;
  read_text("\n구청 새해 예산 확정\n\n입력 2025.13.45 10:31\n구의회가 새해 예산안을 통과시켰다.\n", "txt/bad-date.txt",
            c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].date, "");
  EXPECT_EQ(c.articles[0].title, "구청 새해 예산 확정");
  EXPECT_EQ(c.problem_text(),
            "txt/bad-date.txt:line 4: unreadable date \"입력 2025.13.45 10:31\"; indexed without a date\n");
  EXPECT_EQ(c.problems[0].severity, Problem::Severity::kWarning);
}

// Short lines that happen to be furniture words ("가" is a font-size button, "본문" a
// toolbar label) are still what a file says when it says nothing else.
TEST(TextReaderTest, AFileOfFurnitureWordsIsStillRead) {
  Collected c;
  read_text("가\n본문", "txt/a.txt", c.sink(), c.report());
  read_text("광고\n", "txt/b.txt", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 2u) << c.problem_text();
  EXPECT_EQ(c.articles[0].title, "가");
  EXPECT_EQ(c.articles[0].body, "본문");
  EXPECT_EQ(c.articles[1].title, "광고");
  EXPECT_EQ(c.articles[1].body, "");
}

TEST(TextReaderTest, ATitleIsNeverASpeakerTag) {
  Collected c;
  read_text("[앵커]\n한파가 이어지고 있습니다.\n[기자]\n출근길 시민들이 두꺼운 외투를 꺼냈습니다.\n", "txt/tv.txt",
            c.sink(), c.report());
  read_text("[속보]\n[앵커 멘트]\n\n한파 특보 확대\n내일 아침 영하 12도.\n", "txt/tv2.txt", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[0].title, "한파가 이어지고 있습니다.");
  EXPECT_EQ(c.articles[0].body, "[앵커]\n한파가 이어지고 있습니다.\n[기자]\n출근길 시민들이 두꺼운 외투를 꺼냈습니다.");
  EXPECT_EQ(c.articles[1].title, "한파 특보 확대");
}

TEST(HtmlReaderTest, DatesFromTimeTextLabelsAndZones) {
  Collected c;
  read_html("<title>가</title><p>본문이다.</p><time>2025년 12월 3일 오후 3:10</time>", "a.html", c.sink(), c.report());
  read_html("<title>가</title><div>입력 2025-12-03 오후 11:50</div><p>본문이다.</p>", "b.html", c.sink(), c.report());
  read_html(
      "<meta property=\"article:published_time\" content=\"2025-12-02T20:00:00Z\"><title>가</title><p>본문이다.</p>",
      "c.html", c.sink(), c.report());
  read_html("<meta name=\"pubdate\" content=\"1764689400\"><title>가</title><p>본문이다.</p>", "d.html", c.sink(),
            c.report());
  ASSERT_EQ(c.articles.size(), 4u) << c.problem_text();
  EXPECT_TRUE(c.problems.empty()) << c.problem_text();
  for (const Article& a : c.articles) EXPECT_EQ(a.date, "2025-12-03") << a.id;
}

TEST(HtmlReaderTest, AnUnreadableDeclaredDateIsAWarningAtItsLine) {
  Collected c;
  read_html(
      "<html><head>\n<title>가</title>\n<meta property=\"article:published_time\" content=\"곧 공개\">\n</head>"
      "<body><p>본문이다.</p></body></html>",
      "html/a.html", c.sink(), c.report());
  read_html("<title>가</title>\n\n<p>본문이다. <time>3시간 전</time></p>", "html/b.html", c.sink(), c.report());
  read_html(
      "<meta property=\"article:published_time\" content=\"곧 공개\"><title>가</title>"
      "<div>입력 2025.12.03 10:31</div><p>본문이다.</p>",
      "html/c.html", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 3u) << c.problem_text();
  EXPECT_EQ(c.articles[0].date, "");
  EXPECT_EQ(c.articles[2].date, "2025-12-03") << "another date of the page was read: nothing lost, no warning";
  EXPECT_EQ(c.problem_text(),
            "html/a.html:line 3: unreadable date \"곧 공개\"; indexed without a date\n"
            "html/b.html:line 3: unreadable date \"3시간 전\"; indexed without a date\n");
}

// Each of these crashed with SIGSEGV in std::regex (issue 14).
TEST(HtmlReaderTest, RunawayDateFieldsDoNotCrash) {
  const std::string spaces(50000, ' ');
  Collected c;
  read_html("<meta property=\"article:published_time\" content=\"" + spaces + "\"><title>가</title><p>본문이다.</p>",
            "a.html", c.sink(), c.report());
  read_html("<title>가</title><p>본문이다.</p><time datetime=\"" + spaces + "\">" + spaces + "</time>", "b.html",
            c.sink(), c.report());
  read_html("<title>가</title><div>입력" + spaces + "2025.12.03</div><p>본문이다.</p>", "c.html", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 3u) << c.problem_text();
  EXPECT_TRUE(c.problems.empty()) << c.problem_text();
  EXPECT_EQ(c.articles[0].date, "");
  EXPECT_EQ(c.articles[1].date, "");
  EXPECT_EQ(c.articles[2].date, "2025-12-03") << "page text has its spaces collapsed";
}

TEST(HtmlReaderTest, ASpeakerTagIsNeverTheTitle) {
  Collected c;
  read_html("<title>[앵커]</title><div><p>[앵커]</p><p>첫눈이 내렸습니다.</p><p>출근길이 미끄럽습니다.</p></div>",
            "tv.html", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].title, "첫눈이 내렸습니다.");
  EXPECT_EQ(c.articles[0].body, "[앵커]\n첫눈이 내렸습니다.\n출근길이 미끄럽습니다.");
}

}  // namespace
}  // namespace sinmun
