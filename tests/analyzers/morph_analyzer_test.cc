// Golden tables of the default analysis (morphemes + n-grams) over mecab-ko-dic with the
// shipped user dictionary. Skipped when the dictionary is not installed.
#include <gtest/gtest.h>

#include "tests/analyzers/golden.h"
#include "tests/support/installed_analyzer.h"

namespace sinmun {
namespace {

using testing::encode;
using testing::encode_structure;

#define REQUIRE_DICTIONARY()   \
  SINMUN_REQUIRE_DICTIONARY(); \
  [[maybe_unused]] const Analyzer* analyzer = testing::installed_analyzer()

// Only the word and morpheme stream, for tables that would drown in bigrams.
std::string primary(const Analyzer& analyzer, const std::string& text) {
  std::vector<Token> tokens;
  for (const Token& t : analyzer.analyze(text)) {
    if (t.kind != TokenKind::kNgram) tokens.push_back(t);
  }
  return encode(tokens);
}

struct Golden {
  const char* text;
  const char* expected;
};

TEST(MorphAnalyzerTest, FullGoldenTable) {
  REQUIRE_DICTIONARY();
  const Golden table[] = {
      // A user word spans the terms the 2018 dictionary gave it (엔+비디아), kept as its parts.
      {"엔비디아의",
       "엔비디아@0/2[0-12]m 엔@0[0-3]m 엔비@0[0-6]n 비디아@1[3-12]m 비디@1[3-9]n 디아@2[6-12]n 아의@3[9-15]n"},
      {"수출하는", "수출@0[0-6]m 수출@0[0-6]n 출하@1[3-9]n 하는@2[6-12]n"},
      {"H200을", "h200@0[0-4]w 을@0[4-7]n"},
      {"비급여", "비급여@0[0-9]m 비급@0[0-6]n 급여@0[3-9]m 급여@1[3-9]n"},
      {"3500억달러", "3500억@0[0-7]w 달러@1[7-13]m 달러@0[7-13]n"},
      {"반도체공급망을",
       "반도체공급망@0/3[0-18]m 반도체@0[0-9]m 반도@0[0-6]n 도체@1[3-9]n 체공@2[6-12]n 공급@1[9-15]m "
       "공급@3[9-15]n 급망@4[12-18]n 망@2[15-18]m 망을@5[15-21]n"},
  };
  for (const Golden& golden : table) {
    EXPECT_EQ(encode(analyzer->analyze(golden.text)), golden.expected) << golden.text;
  }
}

TEST(MorphAnalyzerTest, StructureGoldenTable) {
  REQUIRE_DICTIONARY();
  const Golden table[] = {
      // A compound spans its parts; each part names it; n-grams share the piece.
      {"반도체공급망을",
       "반도체공급망#0:compound/NNG 반도체#0:part<반도체공급망/NNG 반도#0:whole 도체#0:whole 체공#0:whole "
       "공급#0:part<반도체공급망/NNG 공급#0:whole 급망#0:whole 망#0:part<반도체공급망/NNG 망을#0:whole"},
      // A prefix belongs to the whole only.
      {"비급여", "비급여#0:affixed/XPN 비급#0:whole 급여#0:part<비급여/NNG 급여#0:whole"},
      // Pieces are numbered in text order; a one-syllable piece's n-gram is a syllable.
      {"H200을 눈", "h200#0:whole 을#1:syllable 눈#2:whole/NNG 눈#2:syllable"},
      {"엔비디아의 수출이 밝혔다",
       "엔비디아#0:compound/NNP 엔#0:part<엔비디아/NNG 엔비#0:whole 비디아#0:part<엔비디아/NNG 비디#0:whole "
       "디아#0:whole 아의#0:whole 수출#1:whole/NNG 수출#1:whole 출이#1:whole 밝히#2:whole/VV 밝혔#2:whole "
       "혔다#2:whole"},
  };
  for (const Golden& golden : table) {
    EXPECT_EQ(testing::encode_structure(analyzer->analyze(golden.text)), golden.expected) << golden.text;
  }
}

TEST(MorphAnalyzerTest, ContextCacheStaysWithinItsBytesAndNeverChangesResults) {
  REQUIRE_DICTIONARY();
  constexpr std::size_t kLimit = 64 * 1024;
  AnalysisContext context(kLimit);
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "수출" + std::to_string(i) + "가 늘었다 반도체공급망을 ";
  const std::vector<Token> fresh = analyzer->analyze(text);
  EXPECT_EQ(analyzer->analyze(text, context), fresh);
  EXPECT_LE(context.cache_bytes_used(), kLimit);
  EXPECT_GT(context.cache_bytes_used(), 0u);
  EXPECT_EQ(analyzer->analyze(text, context), fresh);  // warm now
  // Another analyzer empties the cache before using it.
  const Analyzer* morph_only = testing::installed_analyzer(AnalysisMode::kMorpheme);
  std::vector<Token> morphemes;
  for (const Token& t : fresh) {
    if (t.kind != TokenKind::kNgram) morphemes.push_back(t);
  }
  std::vector<Token> from_other = morph_only->analyze(text, context);
  for (Token& t : from_other) t.compound = kNoCompound;  // indices differ without n-grams
  for (Token& t : morphemes) t.compound = kNoCompound;
  EXPECT_EQ(from_other, morphemes);
  AnalysisContext nothing_kept(0);
  EXPECT_EQ(analyzer->analyze(text, nothing_kept), fresh);
  EXPECT_EQ(nothing_kept.cache_bytes_used(), 0u);
}

TEST(MorphAnalyzerTest, ContentMorphemesGoldenTable) {
  REQUIRE_DICTIONARY();
  const Golden table[] = {
      // Endings, particles and the verb suffix go; the stem is indexed in dictionary form.
      {"밀반입해", "밀반입@0[0-9]m"},
      {"밝혔다", "밝히@0[0-6]m"},
      {"GPT-5에", "gpt-5@0[0-5]w"},
      {"C++가", "c++@0[0-3]w"},
      {"화웨이·캠브리콘", "화웨이@0[0-9]m 캠브리콘@1/3[11-23]m 캠@1[11-14]m 브리@2[14-20]m 콘@3[20-23]m"},
      {"트레이니엄3를", "트레이니엄@0/2[0-15]m 트레@0[0-6]m 이니엄@1[6-15]m 3@2[15-16]w"},
      // A glued particle takes no position; a standalone word without content leaves a gap.
      {"엔비디아의 H200 수출을 허용하자",
       "엔비디아@0/2[0-12]m 엔@0[0-3]m 비디아@1[3-12]m h200@2[16-20]w 수출@3[21-27]m 허용@4[31-37]m"},
      {"수출 및 수입", "수출@0[0-6]m 수입@2[11-17]m"},
      // Spacing variants give the same parts at the same relative positions.
      {"반도체 공급망", "반도체@0[0-9]m 공급망@1/2[10-19]m 공급@1[10-16]m 망@2[16-19]m"},
      // Numbers keep their decimals and join their numeral units.
      {"3,500억 달러 10.1 2.50%",
       "3,500억@0[0-8]w 3500억@0[0-8]w 달러@1[9-15]m 10.1@2[16-20]w 2.50%@3[21-26]w 2.50@3[21-25]w"},
      // A particle at the end of a piece stays a particle (the piece is segmented before a
      // word, as in running text): 한국의 is 한국, never 국의.
      {"한국의 경제 성장률이 둔화됐다", "한국@0[0-6]m 경제@1[10-16]m 성장률@2[17-26]m 성장@2[17-23]m 둔화@3[30-36]m"},
      {"일본의 총리가", "일본@0[0-6]m 총리@1[10-16]m"},
      {"민주당의 대표", "민주당@0[0-9]m 대표@1[13-19]m"},
      {"차량의", "차량@0[0-6]m"},
      // A derived noun is a term, its root a part of it; the plural suffix makes none.
      {"가동률이", "가동률@0[0-9]m 가동@0[0-6]m"},
      {"본격화했다", "본격화@0[0-9]m 본격@0[0-6]m"},
      {"사람들이", "사람@0[0-6]m"},
      // Adverbs of two syllables or more are kept.
      {"함께 오히려 여전히", "함께@0[0-6]m 오히려@1[7-16]m 여전히@2[17-26]m"},
      // A headline's Hanja abbreviation is the article's word, with the Hanja's offsets.
      {"美 관세", "미국@0[0-3]m 관세@1[4-10]m"},
      {"삼성證", "삼성증권@0/2[0-9]m 삼성@0[0-6]m 증권@1[6-9]m"},
  };
  for (const Golden& golden : table) EXPECT_EQ(primary(*analyzer, golden.text), golden.expected) << golden.text;
}

// Invisible or decorative characters next to a word must not change its terms (offsets
// move with the original text, terms and positions stay).
TEST(MorphAnalyzerTest, NeighbouringCharactersDoNotChangeTheAnalysis) {
  REQUIRE_DICTIONARY();
  const auto terms = [&](const std::string& text) {
    std::string out;
    for (const Token& t : analyzer->analyze(text)) out += t.term + "@" + std::to_string(t.position) + " ";
    return out;
  };
  EXPECT_EQ(terms("(수출하는)"), terms("수출하는"));
  EXPECT_EQ(terms("수출하는)"), terms("수출하는"));
  EXPECT_EQ(terms("수\xC2\xAD출하는"), terms("수출하는"));      // soft hyphen
  EXPECT_EQ(terms("수\xE2\x80\x8D출하는"), terms("수출하는"));  // zero-width joiner
  EXPECT_EQ(terms("화웨이ㆍ캠브리콘"), terms("화웨이·캠브리콘"));
  // 수출하는 in NFD (conjoining jamo), as macOS file names and some feeds have it.
  const std::string nfd =
      "\xE1\x84\x89\xE1\x85\xAE\xE1\x84\x8E\xE1\x85\xAE\xE1\x86\xAF"
      "\xE1\x84\x92\xE1\x85\xA1\xE1\x84\x82\xE1\x85\xB3\xE1\x86\xAB";
  EXPECT_EQ(terms(nfd), terms("수출하는"));
  EXPECT_EQ(primary(*analyzer, nfd), "수출@0[0-15]m");
}

TEST(MorphAnalyzerTest, AnUnknownWordIsAnalysedTheSameWayEverywhere) {
  REQUIRE_DICTIONARY();
  const std::vector<Token> tokens = analyzer->analyze("퀀텀닷칩이 나왔다. 퀀텀닷칩은 새롭다. 퀀텀닷칩");
  std::vector<std::string> first_terms;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kMorpheme && t.start < 15) first_terms.push_back(t.term);
  }
  ASSERT_FALSE(first_terms.empty());
  const std::vector<Token> alone = analyzer->analyze("퀀텀닷칩");
  std::vector<std::string> alone_terms;
  for (const Token& t : alone) {
    if (t.kind == TokenKind::kMorpheme) alone_terms.push_back(t.term);
  }
  EXPECT_EQ(first_terms, alone_terms);
}

TEST(MorphAnalyzerTest, StreamsKeepTheirOwnOrder) {
  REQUIRE_DICTIONARY();
  std::uint32_t last[3] = {0, 0, 0};
  std::size_t last_start = 0;
  for (const Token& t : analyzer->analyze("엔비디아의 H200 수출을 허용하자. 반도체공급망을 점검했다 3,500억 달러")) {
    const int stream = t.kind == TokenKind::kNgram ? 1 : 0;
    EXPECT_GE(t.position, last[stream]) << t.term;
    EXPECT_GE(t.start, last_start) << t.term;
    last[stream] = t.position;
    last_start = t.start;
  }
}

TEST(MorphAnalyzerTest, MorphemeOnlyModeHasNoNgrams) {
  REQUIRE_DICTIONARY();
  const Analyzer& morph_only = *testing::installed_analyzer(AnalysisMode::kMorpheme);
  EXPECT_EQ(morph_only.mode(), "morph");
  EXPECT_EQ(encode(morph_only.analyze("엔비디아의 수출")),
            "엔비디아@0/2[0-12]m 엔@0[0-3]m 비디아@1[3-12]m 수출@2[16-22]m");
}

TEST(MorphAnalyzerTest, WithoutTheUserDictionaryNewNamesFallApart) {
  REQUIRE_DICTIONARY();
  const Analyzer& plain = *testing::installed_analyzer(AnalysisMode::kMorpheme, "none");
  // Two common nouns glued into a compound, against one proper noun that keeps them as parts:
  // the same terms, so adding a word changes no match its pieces made.
  const std::vector<Token> apart = plain.analyze("엔비디아의");
  const std::vector<Token> named = testing::installed_analyzer(AnalysisMode::kMorpheme)->analyze("엔비디아의");
  ASSERT_FALSE(apart.empty());
  ASSERT_FALSE(named.empty());
  EXPECT_EQ(apart[0].tags, "NNG+NNG");
  EXPECT_EQ(named[0].tags, "NNP");
  EXPECT_EQ(encode(apart), encode(named));
}

}  // namespace
}  // namespace sinmun
