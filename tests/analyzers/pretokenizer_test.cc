#include "analyzers/detail/pretokenizer.h"

#include <gtest/gtest.h>

namespace sinmun {
namespace {

// "text|kind|glued" per piece: kind a (alnum), h (Hangul), c (CJK); "+" when glued to
// whatever came before (no whitespace in between).
std::string pieces_of(const char* text) {
  std::string out;
  for (const Piece& piece : pretokenize(normalize(text))) {
    if (!out.empty()) out += ' ';
    out += piece.text;
    out += piece.kind == PieceKind::kAlnum ? "|a" : piece.kind == PieceKind::kHangul ? "|h" : "|c";
    if (!piece.after_space) out += "+";
  }
  return out;
}

TEST(PretokenizerTest, KeepsAlphanumericTokensWhole) {
  EXPECT_EQ(pieces_of("H200 GPT-5 V3.2 HBM3E COVID-19"), "h200|a gpt-5|a v3.2|a hbm3e|a covid-19|a");
}

TEST(PretokenizerTest, SplitsHangulOffAlphanumerics) {
  EXPECT_EQ(pieces_of("트레이니엄3를 H200을"), "트레이니엄|h 3|a+ 를|h+ h200|a 을|h+");
}

TEST(PretokenizerTest, NumbersKeepDecimalsAndDropGroupCommas) {
  EXPECT_EQ(pieces_of("1,438.2원 2.50% 15,7"), "1438.2|a 원|h+ 2.50|a 15|a 7|a+");
}

TEST(PretokenizerTest, NumbersTakeTheirNumeralUnits) {
  EXPECT_EQ(pieces_of("3,500억 달러 3500억달러 300만 2조원 3천억 100명 v3만"),
            "3500억|a 달러|h 3500억|a 달러|h+ 300만|a 2조|a 원|h+ 3천억|a 100|a 명|h+ v3|a 만|h+");
}

TEST(PretokenizerTest, TrailingPlusAndHashStayWithLetters) {
  EXPECT_EQ(pieces_of("C++가 C#은 1+1"), "c++|a 가|h+ c#|a 은|h+ 1|a 1|a+");
}

TEST(PretokenizerTest, PunctuationAndMiddleDotSeparate) {
  EXPECT_EQ(pieces_of("화웨이·캠브리콘(주)"), "화웨이|h 캠브리콘|h+ 주|h+");
}

TEST(PretokenizerTest, HanAndKanaAreTheirOwnRuns) { EXPECT_EQ(pieces_of("韓國語 한국어"), "韓國語|c 한국어|h"); }

TEST(PretokenizerTest, TrailingConnectorIsNotPartOfTheWord) {
  EXPECT_EQ(pieces_of("GPT- end. v3."), "gpt|a end|a v3|a");
}

}  // namespace
}  // namespace sinmun
