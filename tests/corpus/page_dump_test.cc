// Page dumps (wget + html2text, copy-paste, a scraper's output) and bodies that carry page
// furniture get the cleaning HTML gets, whatever the format: the exact title and body.
#include <gtest/gtest.h>

#include "corpus/readers.h"
#include "tests/corpus/collect.h"
#include "tests/corpus/fixtures.h"

namespace sinmun {
namespace {

using testing::Collected;

// The story of the broadcast fixtures, once, as its script prints it.
const std::string kBroadcastStory =
    "첫눈이 내린 주말, 강원 지역 스키장에 올겨울 첫 인파가 몰렸습니다.\n"
    "누리방송 강지후 기자가 다녀왔습니다.\n"
    "[기자]\n"
    "이른 아침부터 리프트 앞에 스키어들이 길게 줄을 섰습니다.\n"
    "개장 첫 주말 방문객은 지난해보다 30% 가까이 늘었습니다.\n";

// Starts with a date line and "[앵커]", then the script, its buttons and tip lines, then the
// whole script again.
TEST(PageDumpTest, BroadcastScriptTitleIsItsFirstSentenceNotTheSpeakerTag) {
  Collected c;
  read_text(testing::fixture("txt/broadcast-dump.txt"), "txt/broadcast-dump.txt", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 1u) << c.problem_text();
  EXPECT_TRUE(c.problems.empty()) << c.problem_text();
  const Article& a = c.articles[0];
  EXPECT_EQ(a.title, "첫눈이 내린 주말, 강원 지역 스키장에 올겨울 첫 인파가 몰렸습니다.");
  EXPECT_EQ(a.date, "2025-12-06") << "오후 9:40 is Korean time: the day does not move";
  EXPECT_EQ(a.body, "[앵커]\n" + kBroadcastStory +
                        "[인터뷰] 한서윤 / 서울 마포구\n"
                        "\"눈이 일찍 와서 친구들이랑 바로 왔어요.\"\n"
                        "스키장 측은 다음 주까지 슬로프 다섯 곳을 더 열 계획입니다.\n"
                        "누리방송 강지후입니다.");
}

// A scraper's dump: a login line, the headline, stamps and toolbars, the story with a photo
// credit, reactions, a tip line, the copyright, an ad label, then headline and story again.
TEST(PageDumpTest, ScraperDumpLosesItsFurnitureAndItsSecondCopy) {
  Collected c;
  read_text(testing::fixture("txt/scraper-dump.txt"), "txt/scraper-dump.txt", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 1u) << c.problem_text();
  EXPECT_TRUE(c.problems.empty()) << c.problem_text();
  const Article& a = c.articles[0];
  EXPECT_EQ(a.title, "동네 책방 임대료 절반 지원…구청 \"골목 문화 지킨다\"");
  EXPECT_EQ(a.date, "2025-12-03") << "입력 2025. 12. 3. 오후 11:50, not the 수정 stamp and not the next day";
  EXPECT_EQ(a.body,
            "한빛구가 문을 닫을 위기에 놓인 동네 책방의 임대료를 절반까지 지원한다고 3일 밝혔다.\n"
            "지원 대상은 구에서 5년 넘게 영업한 책방 12곳이며, 한 곳당 월 최대 80만 원을 1년 동안 받는다.\n"
            "구는 책방마다 작가 초청 행사를 한 해 두 번 열 수 있도록 운영비도 보탠다.\n"
            "한 책방 주인은 \"월세 걱정을 덜면 모임을 더 자주 열 수 있다\"고 말했다.\n"
            "한지우 기자 jiwoo@example.com");
}

// The same reaction buttons and tip lines inside the article's own container, after its
// last paragraph; the date only in a <time> without datetime.
TEST(PageDumpTest, HtmlDropsButtonsAndTipLinesInsideTheArticle) {
  Collected c;
  read_html(testing::fixture("html/broadcast.html"), "html/broadcast.html", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 1u) << c.problem_text();
  EXPECT_TRUE(c.problems.empty()) << c.problem_text();
  const Article& a = c.articles[0];
  EXPECT_EQ(a.title, "첫눈 내린 주말 스키장 북적…개장 첫 주 방문객 30% 늘어");
  EXPECT_EQ(a.date, "2025-12-06");
  EXPECT_EQ(a.body, "[앵커]\n" + kBroadcastStory +
                        "스키장 측은 다음 주까지 슬로프 다섯 곳을 더 열 계획입니다.\n"
                        "누리방송 강지후입니다.");
}

TEST(PageDumpTest, JsonBodiesAreCleanedAndOrdinaryRecordsKeptAsTheyAre) {
  Collected c;
  read_json_lines(testing::fixture("jsonl/portal-feed.jsonl"), "jsonl/portal-feed.jsonl", c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 5u) << c.problem_text();
  const Article& dump = c.articles[0];
  EXPECT_EQ(dump.title, "한파 특보가 전국으로 확대됐습니다.") << "the title was only [앵커]";
  EXPECT_EQ(dump.body, "[앵커]\n한파 특보가 전국으로 확대됐습니다.\n내일 아침 서울은 영하 12도까지 내려갑니다.");
  EXPECT_EQ(dump.date, "2025-12-03") << "a Unix timestamp as a JSON number";
  const Article& plain = c.articles[1];
  EXPECT_EQ(plain.title, "항만 물동량 석 달 연속 증가");
  EXPECT_EQ(plain.body, "전국 항만 물동량이 석 달 연속 늘었다.\n컨테이너 처리량은 지난해 같은 달보다 4% 많았다.");
  EXPECT_EQ(plain.date, "2025-12-02") << "milliseconds as a string: 23:59:59.999 in Seoul";
  EXPECT_EQ(c.articles[2].date, "2025-12-03");
  EXPECT_EQ(c.articles[3].date, "");
  EXPECT_EQ(c.articles[4].date, "2025-12-03");
  EXPECT_EQ(c.problem_text(),
            "jsonl/portal-feed.jsonl:line 4: unreadable date \"어제 오후\"; indexed without a date\n");
  EXPECT_EQ(c.problems[0].severity, Problem::Severity::kWarning);
}

// Short bodies that happen to be furniture words must not vanish.
TEST(PageDumpTest, ABodyOfFurnitureWordsIsKeptRatherThanLost) {
  Collected c;
  read_json_lines("{\"title\": \"제목\", \"body\": \"본문\"}\n{\"title\": \"\", \"body\": \"광고\"}\n", "x.jsonl",
                  c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 2u) << c.problem_text();
  EXPECT_EQ(c.articles[0].body, "본문");
  EXPECT_EQ(c.articles[1].body, "광고");
}

}  // namespace
}  // namespace sinmun
