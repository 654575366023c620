#include "analyzers/detail/hanja_abbreviation.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "analyzers/detail/unicode_class.h"

namespace sinmun {
namespace {

std::string expanded(const std::string& text) {
  std::vector<NormalizedChar> chars = normalize(text);
  expand_hanja_abbreviations(chars);
  std::string out;
  for (const NormalizedChar& c : chars) append_utf8(out, c.code_point);
  return out;
}

// Golden table: headline text → what the analyzer segments.
TEST(HanjaAbbreviationTest, HeadlineAbbreviationsAreSpelledInHangul) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"美 “관심 갖고 주목”", "미국 “관심 갖고 주목”"},  // a lone character: its word
      {"北 인권 결의안", "북한 인권 결의안"},
      {"美전문가들", "미국전문가들"},                  // glued to Hangul
      {"삼성證 목표가", "삼성증권 목표가"},            // a company's suffix
      {"金총리·尹 전 대통령", "김총리·윤 전 대통령"},  // family names
      {"韓美日 정상", "한미일 정상"},                  // a run of country abbreviations
      {"與野 합의", "여야 합의"},
      {"美·中 갈등", "미국·중국 갈등"},      // separated: each its word
      {"15日 개막, 3月", "15일 개막, 3월"},  // after a digit: the calendar
      {"日 정부", "일본 정부"},
      {"大韓民國", "大韓民國"},  // a Hanja word stays
      {"丙辰 운세", "丙辰 운세"},
      {"美中貿易", "美中貿易"},            // a run with other Hanja stays
      {"日本の中", "日本の中"},            // next to kana: Japanese
      {"前총리 對중국", "前총리 對중국"},  // measured as noise: left alone
      {"h200 수출", "h200 수출"},
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(expanded(text), want) << text;
}

TEST(HanjaAbbreviationTest, EveryWrittenCharacterKeepsTheSpanOfTheHanjaItReplaces) {
  std::vector<NormalizedChar> chars = normalize("가美");
  expand_hanja_abbreviations(chars);
  ASSERT_EQ(chars.size(), 3u);
  EXPECT_EQ(chars[0].code_point, U'가');
  EXPECT_EQ(chars[1].code_point, U'미');
  EXPECT_EQ(chars[2].code_point, U'국');
  for (int k : {1, 2}) {
    EXPECT_EQ(chars[k].start, 3u);
    EXPECT_EQ(chars[k].end, 6u);
  }
}

}  // namespace
}  // namespace sinmun
