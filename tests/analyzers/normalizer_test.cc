#include "analyzers/detail/normalizer.h"

#include <gtest/gtest.h>

#include "analyzers/detail/unicode_class.h"

namespace sinmun {
namespace {

std::string text_of(const std::vector<NormalizedChar>& chars) {
  std::string out;
  for (const NormalizedChar& c : chars) append_utf8(out, c.code_point);
  return out;
}

TEST(NormalizerTest, CaseFoldsAndFoldsFullwidth) {
  EXPECT_EQ(text_of(normalize("H200 ＧＰＴ－５ Ｈ２００")), "h200 gpt-5 h200");
}

TEST(NormalizerTest, ComposesConjoiningJamoAndKeepsTheWholeSpan) {
  // 한 as ᄒ ᅡ ᆫ (9 bytes) becomes one syllable spanning all nine.
  const auto chars = normalize("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB");
  ASSERT_EQ(chars.size(), 1u);
  EXPECT_EQ(chars[0].code_point, U'한');
  EXPECT_EQ(chars[0].start, 0u);
  EXPECT_EQ(chars[0].end, 9u);
}

TEST(NormalizerTest, MiddleDotVariantsBecomeTheMiddleDot) {
  EXPECT_EQ(text_of(normalize("가ㆍ나・다･라")), "가·나·다·라");
}

TEST(NormalizerTest, RemovesDefaultIgnorables) {
  EXPECT_EQ(text_of(normalize("a\xC2\xAD"
                              "b\xE2\x80\x8D"
                              "c\xE2\x80\x8B"
                              "d")),
            "abcd");
}

TEST(NormalizerTest, InvalidBytesBecomeReplacementCharactersOneByteEach) {
  const auto chars = normalize(
      "a\xFF\xFE"
      "b");
  ASSERT_EQ(chars.size(), 4u);
  EXPECT_EQ(chars[1].code_point, U'\uFFFD');
  EXPECT_EQ(chars[1].start, 1u);
  EXPECT_EQ(chars[2].start, 2u);
  EXPECT_EQ(chars[3].code_point, U'b');
  EXPECT_EQ(chars[3].start, 3u);
}

TEST(NormalizerTest, LatinLetterWithCombiningAccentComposes) {
  const auto chars = normalize("Cafe\xCC\x81");
  EXPECT_EQ(text_of(chars), "café");
  EXPECT_EQ(chars.back().start, 3u);
  EXPECT_EQ(chars.back().end, 6u);
}

}  // namespace
}  // namespace sinmun
