// Extraction quality: for every HTML fixture, the exact title, date, source, author, url and
// the first and last line of the body; and words that occur only in page furniture must not
// reach the body.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "corpus/html_extractor.h"
#include "corpus/readers.h"
#include "tests/corpus/collect.h"
#include "tests/corpus/fixtures.h"
#include "tests/support/cpu_time.h"

namespace sinmun {
namespace {

using testing::Collected;
using testing::first_line;
using testing::last_line;

struct Expected {
  const char* file;
  const char* title;
  const char* date;
  const char* source;
  const char* author;
  const char* url;
  const char* first;
  const char* last;
  std::vector<const char*> not_in_body;  // from menus, related boxes, comments, footers, scripts
  std::size_t lines;
};

const std::vector<Expected>& expectations() {
  static const std::vector<Expected> kExpected = {
      {"html/portal.html",
       "전통시장 온누리상품권 환급 행사 연장…이달 말까지",
       "2025-12-05",
       "누리포털 뉴스",
       "박서연",
       "https://news.example.com/portal/article/0012345",
       "(서울=온누리통신) 박서연 기자 = 전통시장에서 물건을 사면 온누리상품권으로 돌려주는 환급 행사가 이달 말까지 "
       "연장된다.",
       "seoyeon@example.com",
       {"생활/문화", "택배", "난방비", "쏠쏠", "스토브리그", "광고차단", "좋아요", "무단", "기사문의", "장보는 시민들",
        "편집에 관여", "공유하기", "기사입력"},
       7},
      {"html/newspaper.html",
       "다온로보틱스, 물류창고 자율주행 로봇 500대 수주",
       "2025-12-05",
       "한빛일보",
       "김하늘",
       "https://news.example.com/hanbit/articleView.html?idxno=40412",
       "(주)다온로보틱스가 국내 대형 유통사와 물류창고용 자율주행 운반 로봇 500대 공급 계약을 맺었다고 5일 밝혔다.",
       "김하늘 기자 haneul@example.com",
       {"ADVERTISEMENT", "관련기사", "두 배", "인도 주행", "사진=", "사진 제공", "저작권자", "좋아요", "구독신청",
        "공유하기", "재테크", "로그인", "연구원이"},
       5},
      {"html/article_time.html",
       "도서관 야간 개방 전국 확대…평일 밤 10시까지",
       "2026-01-09",
       "서울타임스",
       "정하율",
       "https://news.example.com/seoultimes/2026/01/09/library-night",
       "퇴근한 직장인도 도서관을 이용할 수 있도록 공공도서관 야간 개방이 전국으로 확대된다.",
       "문체부는 야간 근무 인력을 새로 뽑고 무인 대출 반납기도 늘릴 계획이다.",
       {"독자 의견", "주말 운영", "과학 캠프", "특파원", "ⓒ", "Copyright", "NewsArticle"},
       4},
      {"html/text_only.html",
       "동해안 오징어 어획량 3년 만에 반등",
       "2025-12-05",
       "동해신문",
       "최민재",
       "",
       "동해안 오징어 어획량이 3년 만에 늘어났다.",
       "환동해본부는 내년에도 어족 자원 조사를 이어가며 금어기 조정 여부를 검토할 계획이다.",
       {"주문진항", "사진=", "주요뉴스", "울릉도", "좋아요", "추천", "무단", "오피니언"},
       5},
      {"html/euc_kr.html",
       "강릉 해변 겨울 바다 축제 사흘간 열린다",
       "2025-12-12",
       "동해신문",
       "최민재",
       "",
       "강릉시는 다음 주 금요일부터 사흘 동안 경포 해변에서 겨울 바다 축제를 연다고 밝혔다.",
       "최민재 기자 minjae@example.com",
       {"홈", "무단"},
       4},
      {"html/cp949.html",
       "똠얌꿍 밀키트 판매 급증…\"햏\" 유행어 광고도 화제",
       "2026-01-07",
       "새누리경제",
       "권나래",
       "",
       "태국식 수프 똠얌꿍 밀키트 판매량이 지난달 전년보다 세 배 늘었다.",
       "권나래 기자 narae@example.com",
       {"\xEF\xBF\xBD", "무단"},
       4},
      {"html/broadcast.html",
       "첫눈 내린 주말 스키장 북적…개장 첫 주 방문객 30% 늘어",
       "2025-12-06",
       "누리방송",
       "강지후",
       "https://news.example.com/nuri-tv/2025/12/06/ski-first-snow",
       "[앵커]",
       "누리방송 강지후입니다.",
       {"좋아요", "응원해요", "원해요", "제보", "jebo", "무단", "AI 학습", "한파 특보", "많이 본", "Copyright", "날씨"},
       8},
  };
  return kExpected;
}

class HtmlFixtureTest : public ::testing::TestWithParam<Expected> {};

TEST_P(HtmlFixtureTest, ExtractsExactlyTheArticle) {
  const Expected& e = GetParam();
  Collected c;
  read_html(testing::fixture(e.file), e.file, c.sink(), c.report());
  ASSERT_EQ(c.articles.size(), 1u) << c.problem_text();
  EXPECT_TRUE(c.problems.empty()) << c.problem_text();
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, e.file);
  EXPECT_EQ(a.file, e.file);
  EXPECT_EQ(a.title, e.title);
  EXPECT_EQ(a.date, e.date);
  EXPECT_EQ(a.source, e.source);
  EXPECT_EQ(a.author, e.author);
  EXPECT_EQ(a.url, e.url);
  EXPECT_EQ(first_line(a.body), e.first);
  EXPECT_EQ(last_line(a.body), e.last);
  EXPECT_EQ(static_cast<std::size_t>(std::count(a.body.begin(), a.body.end(), '\n')) + 1, e.lines) << a.body;
  for (const char* word : e.not_in_body) EXPECT_EQ(a.body.find(word), std::string::npos) << word << "\n" << a.body;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, HtmlFixtureTest, ::testing::ValuesIn(expectations()), [](const auto& param_info) {
  std::string name = param_info.param.file;
  name = name.substr(5, name.find('.') - 5);
  return name;
});

TEST(HtmlExtractorTest, SamplePageKeepsTheStoryAndDropsFurniture) {
  const std::string page = testing::read_bytes(std::filesystem::path(SINMUN_SOURCE_DIR) / "corpus" / "sample" / "html" /
                                               "hanbit-20251205-china-fab-equipment.html");
  const Article a = extract_html_article(page);
  EXPECT_EQ(a.title, "중국 공장 장비 반입 '연 단위 허가' 전환…메모리 업계 촉각");
  EXPECT_EQ(a.date, "2025-12-05");
  EXPECT_EQ(a.source, "한빛일보");
  EXPECT_EQ(a.author, "유다인");
  EXPECT_EQ(a.url, "https://news.example.com/hanbit/2025/12/05/china-fab-equipment-license");
  EXPECT_EQ(
      first_line(a.body),
      "미국 정부가 한국 반도체 기업의 중국 공장에 대한 장비 반입 포괄 허가를 연 단위 승인 방식으로 바꾸기로 하면서 "
      "국내 메모리 업계가 대응에 나섰다.");
  EXPECT_EQ(last_line(a.body), "유다인 기자 dain@example.com");
  for (const char* word : {"해녀", "서점", "철새", "광고차단", "ADVERTISEMENT", "공유하기", "카카오톡", "URL 복사",
                           "좋아요", "ⓒ", "무단 전재", "로그인", "입력 2025"}) {
    EXPECT_EQ(a.body.find(word), std::string::npos) << word;
  }
}

TEST(HtmlExtractorTest, SiteSuffixGoesEvenWithoutSiteName) {
  EXPECT_EQ(extract_html_article("<title>금리 동결 - 연합뉴스</title><p>본문</p>").title, "금리 동결");
  EXPECT_EQ(extract_html_article("<title>금리 동결 - 연합뉴스</title><p>본문</p>").source, "연합뉴스");
  EXPECT_EQ(extract_html_article("<title>금리 동결 | 한빛일보</title><p>본문</p>").title, "금리 동결");
  // A title whose last part is not a site name keeps it.
  EXPECT_EQ(extract_html_article("<title>서울 - 부산 고속철 개통</title><p>본문</p>").title, "서울 - 부산 고속철 개통");
}

TEST(HtmlExtractorTest, TextDensityPrefersTheStoryOverALongerLinkList) {
  std::string links;
  for (int i = 0; i < 30; ++i)
    links += "<li><a href='/x'>다른 기사 제목이 여기에 길게 이어지는 관련 뉴스 목록</a></li>";
  const Article a =
      extract_html_article("<div class='list'><ul>" + links +
                           "</ul></div><div class='x'><p>짧은 본문 첫 문장이다.</p><p>둘째 문장이다.</p></div>");
  EXPECT_EQ(a.body, "짧은 본문 첫 문장이다.\n둘째 문장이다.");
}

TEST(HtmlExtractorTest, DatesFromVisibleText) {
  EXPECT_EQ(extract_html_article("<div>입력 2025.12.05 10:31</div><div><p>본문이다.</p></div>").date, "2025-12-05");
  EXPECT_EQ(extract_html_article("<div>2025-12-05 오후 3:04</div><div><p>본문이다.</p></div>").date, "2025-12-05");
  EXPECT_EQ(extract_html_article("<div>기사입력 2025.12.05. 오전 9:01</div><p>본문이다.</p>").date, "2025-12-05");
  EXPECT_EQ(extract_html_article("<div>수정 2025.12.07 10:31 입력 2025.12.05 10:31</div><p>본문이다.</p>").date,
            "2025-12-05");
  EXPECT_EQ(extract_html_article("<p>본문이다. 2025.12.05 발표</p>").date, "") << "a bare date is not a stamp";
}

TEST(HtmlExtractorTest, EmptyAndGarbagePagesGiveEmptyArticles) {
  const Article empty = extract_html_article("");
  EXPECT_TRUE(empty.title.empty() && empty.body.empty());
  const Article tags = extract_html_article("<<<>>></div></p><p><b><i></b>");
  EXPECT_EQ(tags.body, "<<<>>>");
  EXPECT_EQ(tags.title, "");
}

// A page whose story sits under `depth` levels of `open` (and as many `close`).
std::string nested_page(const std::string& open, const std::string& close, std::size_t depth) {
  std::string html = "<html><head><title>깊은 문서</title></head><body>";
  for (std::size_t i = 0; i < depth; ++i) html += open;
  html += "<p>아주 깊은 곳에 있는 본문입니다. 기사 내용이 여기에 있습니다.</p>";
  for (std::size_t i = 0; i < depth; ++i) html += close;
  return html + "</body></html>";
}

double seconds_to_extract(const std::string& html, Article& article) {
  return testing::best_cpu_seconds([&] { article = extract_html_article(html); });
}

// ~31,000 levels crashed with SIGSEGV (recursion over the tree), 300,000 <span> crashed
// Gumbo itself, and 100,000 <div> took 18 s in Gumbo before that: 10 times the depth must
// not take more than 40 times as long (CPU time; tests/corpus/markup_guard_test.cc has the
// patterns that are harder to bound).
TEST(HtmlExtractorTest, DeepNestingNeitherCrashesNorSlowsDown) {
  const std::pair<const char*, const char*> wrappers[] = {
      {"<div>", ""},    {"<div>", "</div>"}, {"<div/>", ""},     {"<blockquote>", "</blockquote>"},
      {"<span>", ""},   {"<b>", ""},         {"<ul><li>", ""},   {"<table><tr><td>", ""},
      {"<svg><g>", ""}, {"<object>", ""},    {"<optgroup>", ""}, {"<frameset>", ""}};
  for (const auto& [open, close] : wrappers) {
    Article shallow, deep;
    const double short_time = seconds_to_extract(nested_page(open, close, 10000), shallow);
    const double long_time = seconds_to_extract(nested_page(open, close, 100000), deep);
    EXPECT_LT(long_time, std::max(40 * short_time, 0.05)) << open;
    EXPECT_EQ(deep.title, "깊은 문서") << open;
    if (std::string(open) != "<frameset>") {  // a frameset has no body to read
      EXPECT_EQ(deep.body, "아주 깊은 곳에 있는 본문입니다. 기사 내용이 여기에 있습니다.") << open;
    }
    EXPECT_EQ(deep.body, shallow.body) << open;
  }
}

// Past kMaxHtmlNesting the start tags (and as many end tags) are left out, so furniture that
// deep joins the text around it.
TEST(HtmlExtractorTest, MarkupPastTheNestingLimitIsFlattened) {
  const auto page = [](std::size_t divs) {
    std::string html = "<html><head><title>제목</title></head><body>";
    for (std::size_t i = 0; i < divs; ++i) html += "<div>";
    html += "<nav>메뉴 전체 보기</nav><p>본문의 첫 문장입니다.</p>";
    for (std::size_t i = 0; i < divs; ++i) html += "</div>";
    return extract_html_article(html + "<p>바깥 문단</p></body></html>").body;
  };
  EXPECT_EQ(page(kMaxHtmlNesting - 1), "본문의 첫 문장입니다.");
  EXPECT_EQ(page(kMaxHtmlNesting), "메뉴 전체 보기\n본문의 첫 문장입니다.");
}

}  // namespace
}  // namespace sinmun
