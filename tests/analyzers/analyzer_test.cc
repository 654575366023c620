#include "analyzers/analyzer.h"

#include <gtest/gtest.h>

#include "tests/analyzers/golden.h"

namespace sinmun {
namespace {

using testing::encode;

struct Golden {
  const char* text;
  const char* expected;
};

// Byte offsets: a Hangul syllable is 3 bytes in UTF-8.
const Golden kNgramGoldens[] = {
    {"엔비디아의 H200 수출을 허용하자",
     "엔비@0[0-6]n 비디@1[3-9]n 디아@2[6-12]n 아의@3[9-15]n h200@4[16-20]w 수출@5[21-27]n "
     "출을@6[24-30]n 허용@7[31-37]n 용하@8[34-40]n 하자@9[37-43]n"},
    {"H200을", "h200@0[0-4]w 을@1[4-7]n"},
    {"GPT-5에 V3.2", "gpt-5@0[0-5]w 에@1[5-8]n v3.2@2[9-13]w"},
    {"C++가", "c++@0[0-3]w 가@1[3-6]n"},
    {"트레이니엄3를", "트레@0[0-6]n 레이@1[3-9]n 이니@2[6-12]n 니엄@3[9-15]n 3@4[15-16]w 를@5[16-19]n"},
    {"1,438.2원 15,7", "1,438.2@0[0-7]w 1438.2@0[0-7]w 원@1[7-10]n 15@2[11-13]w 7@3[14-15]w"},
    {"3,500억 달러", "3,500억@0[0-8]w 3500억@0[0-8]w 달러@1[9-15]n"},
    {"3500억달러", "3500억@0[0-7]w 달러@1[7-13]n"},
    {"눈", "눈@0[0-3]n"},
    {"화웨이·캠브리콘", "화웨@0[0-6]n 웨이@1[3-9]n 캠브@2[11-17]n 브리@3[14-20]n 리콘@4[17-23]n"},
    {"(수출)", "수출@0[1-7]n"},
    {"", ""},
    {"  ...  ", ""},
};

TEST(AnalyzerTest, NgramStructureGoldenTable) {
  const Analyzer analyzer;
  EXPECT_EQ(testing::encode_structure(analyzer.analyze("엔비디아의 H200을 눈")),
            "엔비#0:whole 비디#0:whole 디아#0:whole 아의#0:whole h200#1:whole 을#2:syllable 눈#3:syllable");
}

TEST(AnalyzerTest, APercentIsTheWholeOverItsNumber) {
  const Analyzer analyzer;
  EXPECT_EQ(encode(analyzer.analyze("2.50%로 12 %")), "2.50%@0[0-5]w 2.50@0[0-4]w 로@1[5-8]n 12@2[9-11]w");
  EXPECT_EQ(testing::encode_structure(analyzer.analyze("2.50%로")), "2.50%#0:affixed 2.50#0:part<2.50% 로#1:syllable");
  EXPECT_EQ(encode(analyzer.analyze("gpt%")), "gpt@0[0-3]w") << "only numbers";
}

TEST(AnalyzerTest, PosTagsRoundTripTheirNames) {
  for (std::size_t i = 1; i < kPosTagNames.size(); ++i) {
    const auto tag = static_cast<PosTag>(i);
    EXPECT_EQ(parse_pos_tag(pos_tag_name(tag)), tag) << kPosTagNames[i];
  }
  EXPECT_EQ(parse_pos_tag("VV+EP"), PosTag::kVV);
  EXPECT_EQ(parse_pos_tag("NNG+JKS"), PosTag::kNNG);
  EXPECT_EQ(parse_pos_tag("XYZ"), PosTag::kNone);
  EXPECT_EQ(parse_pos_tag(""), PosTag::kNone);
  constexpr PosTagSet nouns = {PosTag::kNNG, PosTag::kNNP};
  EXPECT_TRUE(nouns.contains(PosTag::kNNP));
  EXPECT_FALSE(nouns.contains(PosTag::kVV));
  EXPECT_FALSE(nouns.contains(PosTag::kNone));
}

TEST(AnalyzerTest, NgramGoldenTable) {
  const Analyzer analyzer;
  for (const Golden& golden : kNgramGoldens) {
    EXPECT_EQ(encode(analyzer.analyze(golden.text)), golden.expected) << "text: " << golden.text;
  }
}

TEST(AnalyzerTest, FullwidthLatinFoldsToTheSameTerm) {
  const Analyzer analyzer;
  // ＧＰＴ－５ is 5 fullwidth characters of 3 bytes each.
  EXPECT_EQ(encode(analyzer.analyze("ＧＰＴ－５")), "gpt-5@0[0-15]w");
}

TEST(AnalyzerTest, MiddleDotVariantsSeparateLikeTheMiddleDot) {
  const Analyzer analyzer;
  const std::string expected = encode(analyzer.analyze("화웨이·캠브리콘"));
  // ㆍ (U+318D), ・ (U+30FB) are 3 bytes, like · (U+00B7, 2 bytes) plus one: offsets differ
  // after the dot, terms and positions must not.
  for (const char* variant : {"화웨이ㆍ캠브리콘", "화웨이・캠브리콘"}) {
    std::string terms;
    for (const Token& t : analyzer.analyze(variant)) terms += t.term + "@" + std::to_string(t.position) + " ";
    std::string expected_terms;
    for (const Token& t : analyzer.analyze("화웨이·캠브리콘")) {
      expected_terms += t.term + "@" + std::to_string(t.position) + " ";
    }
    EXPECT_EQ(terms, expected_terms) << variant;
  }
  EXPECT_FALSE(expected.empty());
}

TEST(AnalyzerTest, DecomposedHangulGivesTheSameTermsWithOriginalOffsets) {
  const Analyzer analyzer;
  // 수출 in NFD: ᄉ ᅮ ᄎ ᅮ ᆯ, five 3-byte jamo.
  const std::string nfd = "\xE1\x84\x89\xE1\x85\xAE\xE1\x84\x8E\xE1\x85\xAE\xE1\x86\xAF";
  EXPECT_EQ(encode(analyzer.analyze(nfd)), "수출@0[0-15]n");
}

TEST(AnalyzerTest, SoftHyphenAndZeroWidthJoinerDoNotSplitAWord) {
  const Analyzer analyzer;
  // 수<SHY>출 and 수<ZWJ>출: the invisible character belongs to no term but the word stays whole.
  EXPECT_EQ(encode(analyzer.analyze("수\xC2\xAD출")), "수출@0[0-8]n");
  EXPECT_EQ(encode(analyzer.analyze("수\xE2\x80\x8D출")), "수출@0[0-9]n");
}

TEST(AnalyzerTest, InvalidBytesNeverJoinOrCrash) {
  const Analyzer analyzer;
  EXPECT_EQ(encode(analyzer.analyze("수\xFF출")), "수@0[0-3]n 출@1[4-7]n");
}

}  // namespace
}  // namespace sinmun
