#include "indexer/detail/template_lines.h"

#include <gtest/gtest.h>

namespace sinmun {
namespace {

using Lines = std::vector<std::string>;
using LineSet = std::set<std::string, std::less<>>;

TEST(TemplateLinesTest, CandidatesAreDistinctTrimmedLinesOfTenCharactersOrMore) {
  const std::string body =
      "  독자센터 일오팔팔 구독 문의 환영  \n관련기사\n짧은 줄\n"
      "독자센터 일오팔팔 구독 문의 환영\n1234567890\n" +
      std::string(1001, 'a');
  EXPECT_EQ(template_candidate_lines(body), (Lines{"독자센터 일오팔팔 구독 문의 환영", "1234567890"}));
  EXPECT_TRUE(template_candidate_lines("").empty());
}

TEST(TemplateLinesTest, StripRemovesWholeLinesOnlyAndLeavesOtherTextByteForByte) {
  const LineSet learned = {"독자센터 일오팔팔 구독 문의 환영"};
  EXPECT_EQ(strip_template_lines("본문 첫 줄\n 독자센터 일오팔팔 구독 문의 환영\n본문 끝", learned),
            "본문 첫 줄\n본문 끝");
  EXPECT_EQ(strip_template_lines("독자센터 일오팔팔 구독 문의 환영", learned), "");
  const std::string untouched = "독자센터 일오팔팔 구독 문의 환영합니다\n  들여쓴 줄";
  EXPECT_EQ(strip_template_lines(untouched, learned), untouched) << "a line that merely starts the same stays";
  EXPECT_EQ(strip_template_lines(untouched, {}), untouched);
}

TEST(TemplateLinesTest, SourcesAreGroupedAsTheirSourceTermSpellsThem) {
  EXPECT_EQ(source_group(" Hanbit 일보 "), "hanbit 일보");
  EXPECT_EQ(source_group("HANBIT 일보"), source_group("hanbit 일보"));
  EXPECT_EQ(source_group(""), "");
}

TEST(TemplateLinesTest, DecisionsComeAtTwentyFortyEightyArticles) {
  LineCounter counter;
  std::vector<std::size_t> decisions;
  for (std::size_t n = 1; n <= 200; ++n) {
    if (counter.add("가람일보", {"독자센터 일오팔팔 구독 문의 환영"})) decisions.push_back(n);
  }
  EXPECT_EQ(decisions, (std::vector<std::size_t>{20, 40, 80, 160}));
  EXPECT_FALSE(counter.add("다솜신문", {})) << "each source counts its own articles";
  EXPECT_EQ(counter.groups(), (Lines{"가람일보", "다솜신문"}));
}

TEST(TemplateLinesTest, AFrequentLineSurvivesATableFullOfOneOffLines) {
  LineCounter counter(8);
  for (int n = 0; n < 100; ++n) {
    counter.add("가람일보", {"고유한 본문 줄 번호 " + std::to_string(n), "독자센터 일오팔팔 구독 문의 환영"});
  }
  const auto frequent = counter.frequent("가람일보", 20);
  ASSERT_EQ(frequent.size(), 1u);
  EXPECT_EQ(frequent[0].first, "독자센터 일오팔팔 구독 문의 환영");
  EXPECT_EQ(frequent[0].second, 100u);
  counter.forget("가람일보", "독자센터 일오팔팔 구독 문의 환영");
  EXPECT_TRUE(counter.frequent("가람일보", 2).empty());
}

TEST(TemplateLinesTest, LearnedLinesRoundTripThroughTheirMetadataValue) {
  const LearnedLines learned{"가람일보", {{"독자센터 일오팔팔 구독 문의 환영", 25}, {"제휴 통신 기사 바탕 작성", 21}}};
  const std::optional<LearnedLines> decoded = decode_learned_lines(encode_learned_lines(learned));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->source, "가람일보");
  ASSERT_EQ(decoded->lines.size(), 2u);
  EXPECT_EQ(decoded->lines[1].text, "제휴 통신 기사 바탕 작성");
  EXPECT_EQ(decoded->lines[1].articles, 21u);
  EXPECT_FALSE(decode_learned_lines("not json"));
  EXPECT_FALSE(decode_learned_lines("{\"source\": \"x\"}"));
}

}  // namespace
}  // namespace sinmun
