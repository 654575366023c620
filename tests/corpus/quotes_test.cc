#include "corpus/quotes.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>

namespace sinmun {
namespace {

struct GoldenQuote {
  const char* sentence;  // written for this test in the news style (invented people)
  const char* text;      // the one quotation expected, "" for none
  const char* speaker;
};

// clang-format off
constexpr GoldenQuote kGolden[] = {
    {"김하늘 산업부 장관은 \"반도체 수출이 회복세에 들어섰다\"라고 말했다.", "반도체 수출이 회복세에 들어섰다", "김하늘 산업부 장관"},
    {"김하늘 산업부 장관은 “반도체 수출이 회복세에 들어섰다”라고 말했다.", "반도체 수출이 회복세에 들어섰다", "김하늘 산업부 장관"},
    {"박서연 한빛대 교수는 “금리 인하는 내년 상반기가 유력하다”고 밝혔다.", "금리 인하는 내년 상반기가 유력하다", "박서연 한빛대 교수"},
    {"최민재 대변인은 이날 브리핑에서 “추가 협상은 없다”고 강조했다.", "추가 협상은 없다", "최민재 대변인"},
    {"윤소라 통일부 차관은 11일 국회에서 “민간 교류를 적극 지원하겠다”며 협조를 당부했다.", "민간 교류를 적극 지원하겠다", "윤소라 통일부 차관"},
    {"한빛전자 관계자는 “신제품 출시는 예정대로 진행된다”고 전했다.", "신제품 출시는 예정대로 진행된다", "한빛전자 관계자"},
    {"업계 관계자가 “공급 부족이 내년까지 이어질 것”이라고 내다봤다.", "공급 부족이 내년까지 이어질 것", "업계 관계자"},
    {"동해시는 “여객선 운항을 하루 두 차례로 늘린다”고 발표했다.", "여객선 운항을 하루 두 차례로 늘린다", "동해시"},
    {"서울시는 “도서관 야간 운영을 확대한다”고 밝혔다.", "도서관 야간 운영을 확대한다", "서울시"},
    {"국토교통부는 \"철도 요금 인상은 검토하지 않는다\"는 입장을 냈다.", "철도 요금 인상은 검토하지 않는다", ""},
    {"정부는 “수출 규제는 일시적 조치”라는 입장을 밝혔다.", "수출 규제는 일시적 조치", "정부"},
    {"FT는 “이번 거래는 전례가 없다”고 보도했다.", "이번 거래는 전례가 없다", "FT"},
    {"마이클 스펜스 교수는 “성장률 둔화가 불가피하다”고 진단했다.", "성장률 둔화가 불가피하다", "마이클 스펜스 교수"},
    {"이도윤 감독은 경기 직후 “선수들이 끝까지 잘 버텼다”며 웃었다.", "선수들이 끝까지 잘 버텼다", "이도윤 감독"},
    {"한국은행 총재는 “물가 안정이 최우선 과제”라면서 동결 배경을 설명했다.", "물가 안정이 최우선 과제", "한국은행 총재"},
    {"<정하윤 / 누리대 연구원> \"배터리 수명이 두 배로 늘었습니다.\"", "배터리 수명이 두 배로 늘었습니다.", "정하윤 누리대 연구원"},
    {"<강태오/동해어촌계장> \"올해는 오징어가 거의 안 잡혀요.\"", "올해는 오징어가 거의 안 잡혀요.", "강태오 동해어촌계장"},
    {"(서울=온누리통신) 홍길동 기자 = 백지훈 외교부 대변인은 “대화의 문은 열려 있다”고 말했다.", "대화의 문은 열려 있다", "백지훈 외교부 대변인"},
    {"미국 싱크탱크 한빛연구소는 “동맹 비용 논쟁이 커질 것”이라고 분석했다.", "동맹 비용 논쟁이 커질 것", "미국 싱크탱크 한빛연구소"},
    {"오세진 위원장은 회의를 마친 뒤 기자들과 만나 “결론은 다음 주에 낸다”고 했다.", "결론은 다음 주에 낸다", "오세진 위원장"},
    {"노경수 의원은 “법안 처리를 서두르겠다”고도 했다.", "법안 처리를 서두르겠다", "노경수 의원"},
    {"이번 회의에서는 “예산 삭감이 과도하다”는 지적이 나왔다.", "예산 삭감이 과도하다", ""},
    {"많은 전문가들은 “경기 회복이 더디다”고 말한다.", "경기 회복이 더디다", "전문가들"},
    {"이날 현장에 있는 주민들은 “소음이 너무 심하다”고 호소했다.", "소음이 너무 심하다", "주민들"},
    {"그는 “다시 도전하겠다”고 말했다.", "다시 도전하겠다", ""},
    {"조한결 대표는 “투자를 늘린다”고 말했다. 그는 “채용도 확대한다”고 덧붙였다.", "", ""},
    {"이번 조치로 수출 물량은 “사실상 절반”으로 줄었다.", "", ""},
    {"업계는 이를 ‘탈 엔비디아’ 흐름으로 본다.", "", ""},
    {"새 정책의 이름은 “상생 물류”다.", "", ""},
    {"그는 \"아직 모른다고 말했다.", "", ""},
    {"수출은 전년보다 5% 늘었다.", "", ""},
    {"", "", ""},
    {"김도현 선수는 “목표는 우승”이라며 “끝까지 가겠다”고 말했다.", "", ""},
    {"구단 측은 \"계약 연장은 논의 중\"이라고 설명했다.", "계약 연장은 논의 중", "구단 측"},
    {"환경부 장관은, “재활용 기준을 바꾼다”고 말했다.", "재활용 기준을 바꾼다", "환경부 장관"},
    {"한지우 의사는 “독감 환자가 급증했다”고 경고했다.", "독감 환자가 급증했다", "한지우 의사"},
    {"소방당국은 “인명 피해는 없다”고 밝혔다.", "인명 피해는 없다", "소방당국"},
    {"북한은 담화에서 “훈련을 중단하라”고 요구했다.", "훈련을 중단하라", "북한"},
    {"이날 회견에서 민서준 사장은 “합병은 없다”고 못박았다.", "합병은 없다", "민서준 사장"},
    {"시민단체 대표가 “재조사가 필요하다”고 주장했다.", "재조사가 필요하다", "시민단체 대표"},
    {"“시장 상황을 지켜보겠다”고 한빛은행 관계자는 말했다.", "시장 상황을 지켜보겠다", ""},
    {"석유진 장관은 “정말 “최선”을 다했다”고 말했다.", "정말 “최선”을 다했다", "석유진 장관"},
    {"장관은 “첫째 “둘째”라고 말했다.", "둘째", "장관"},
    {"황보민 교수는 \"규제가 '혁신'을 막는다\"고 비판했다.", "규제가 '혁신'을 막는다", "황보민 교수"},
};
// clang-format on

TEST(QuotesTest, GoldenSentences) {
  for (const GoldenQuote& golden : kGolden) {
    const std::vector<Quote> quotes = extract_quotes(golden.sentence);
    SCOPED_TRACE(golden.sentence);
    if (std::string_view(golden.text).empty()) {
      if (std::string_view(golden.sentence).find("덧붙였다") != std::string_view::npos ||
          std::string_view(golden.sentence).find("가겠다") != std::string_view::npos) {
        continue;  // several quotations: checked below
      }
      EXPECT_TRUE(quotes.empty()) << quotes.size() << " quotes, first: " << (quotes.empty() ? "" : quotes[0].text);
      continue;
    }
    ASSERT_EQ(quotes.size(), 1u);
    EXPECT_EQ(quotes[0].text, golden.text);
    EXPECT_EQ(quotes[0].speaker, golden.speaker);
    EXPECT_EQ(std::string_view(golden.sentence).substr(quotes[0].start, quotes[0].end - quotes[0].start), golden.text);
  }
}

TEST(QuotesTest, APronounOrNoSubjectIsThePreviousSpeaker) {
  const std::vector<Quote> quotes = extract_quotes(
      "조한결 대표는 “투자를 늘린다”고 말했다. 그는 “채용도 확대한다”고 덧붙였다.\n"
      "이어 “해외 공장은 없다”고 말했다.");
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[0].speaker, "조한결 대표");
  EXPECT_EQ(quotes[1].speaker, "조한결 대표");
  EXPECT_EQ(quotes[1].text, "채용도 확대한다");
  EXPECT_EQ(quotes[2].speaker, "조한결 대표");
}

TEST(QuotesTest, ACitedSourceIsNoPreviousSpeakerAndSurnamesStay) {
  const std::vector<Quote> quotes = extract_quotes(
      "한 교수는 “법이 분명하다”고 말했다. 실제로 법률 제5조에 따르면 “국가는 아동을 보호한다”고 돼 있다.\n"
      "그러나 이 대통령은 “협력을 기대한다”고 했다. 비판이 커지자 여당은 “문제없다”고 반박했다.");
  ASSERT_EQ(quotes.size(), 4u);
  EXPECT_EQ(quotes[0].speaker, "한 교수");
  EXPECT_EQ(quotes[1].speaker, "");
  EXPECT_EQ(quotes[2].speaker, "이 대통령");
  EXPECT_EQ(quotes[3].speaker, "여당");
}

TEST(QuotesTest, VerbsNamesEndingInEunAndAsidesAreNoSpeakers) {
  const std::vector<Quote> quotes = extract_quotes(
      "한지은 한빛당 대표가 “예산을 묶는 건 잘못”이라고 말했다.\n"
      "지역을 규제로 묶는 대책에 대해 오민호 교수는 “효과가 없다”고 했다.\n"
      "정부가 대책을 내놓은 데 대해 한빛당 대표는 “늦었다”고 했다.\n"
      "‘노 세금(No Tax·세금은 없다)’ 집회에 대해 시장이 “세금은 그대로”라고 답했다.\n"
      "김정은 북한 국무위원장이 훈련에 대해 “용납하지 않겠다”고 했다.");
  ASSERT_EQ(quotes.size(), 5u);
  EXPECT_EQ(quotes[0].speaker, "한지은 한빛당 대표");
  EXPECT_EQ(quotes[1].speaker, "오민호 교수");
  EXPECT_EQ(quotes[2].speaker, "한빛당 대표");
  EXPECT_EQ(quotes[3].speaker, "시장");
  EXPECT_EQ(quotes[4].speaker, "김정은 북한 국무위원장");
}

TEST(QuotesTest, TwoQuotationsOfOneSentenceShareTheSpeaker) {
  const std::vector<Quote> quotes = extract_quotes("김도현 선수는 “목표는 우승”이라며 “끝까지 가겠다”고 말했다.");
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].text, "목표는 우승");
  EXPECT_EQ(quotes[1].text, "끝까지 가겠다");
  EXPECT_EQ(quotes[0].speaker, "김도현 선수");
  EXPECT_EQ(quotes[1].speaker, "김도현 선수");
}

TEST(QuotesTest, AQuotationNeverCrossesAParagraph) {
  EXPECT_TRUE(extract_quotes("장관은 “첫 줄\n둘째 줄”이라고 했다.").empty());
}

TEST(QuotesTest, ANewSpeakerInTheSameSentenceWins) {
  const std::vector<Quote> quotes =
      extract_quotes("여당은 “합의했다”고 했지만, 야당 대표는 “합의한 적 없다”고 반박했다.");
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "여당");
  EXPECT_EQ(quotes[1].speaker, "야당 대표");
}

TEST(QuotesTest, VeryLongInputsTakeBoundedTime) {
  // A paragraph of 2 MB with an opening mark every few words and no close, and one with
  // thousands of short quotations: both linear.
  std::string open_marks;
  while (open_marks.size() < (2u << 20)) open_marks += "장관은 “수출이 늘었다 ";
  std::string many;
  while (many.size() < (2u << 20)) many += "장관은 “수출이 늘었다”고 말했다. ";
  const auto started = std::chrono::steady_clock::now();
  EXPECT_TRUE(extract_quotes(open_marks).empty());
  const std::vector<Quote> quotes = extract_quotes(many);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_GT(quotes.size(), 10000u);
  EXPECT_EQ(quotes.back().speaker, "장관");
  EXPECT_LT(seconds, 20.0);  // generous: ~0.1 s on a quiet machine
}

TEST(QuotesTest, RandomInputNeverBreaksTheContract) {
  const std::vector<std::string> pieces = {"“",     "”",       "\"",       "‘",  "’",     "장관은 ", "관계자가 ", "고 ",
                                           "라고 ", "이라며 ", "말했다. ", "\n", " ",     "<",       ">",         "/",
                                           "수출",  "\xff",    "\xe2\x80", "가", "그는 ", "."};
  std::mt19937 random(20251201);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 60);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    for (const Quote& quote : extract_quotes(text)) {
      ASSERT_LE(quote.start, quote.end);
      ASSERT_LE(quote.end, text.size());
      ASSERT_EQ(text.substr(quote.start, quote.end - quote.start), quote.text);
      ASSERT_GE(quote.text.size(), 2u);
      ASSERT_EQ(quote.text.find('\n'), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace sinmun
