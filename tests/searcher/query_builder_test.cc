#include "searcher/query_builder.h"

#include <gtest/gtest.h>

#include "base/errors.h"
#include "searcher/synonyms.h"
#include "tests/support/installed_analyzer.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

std::string strict(const Analyzer& analyzer, const char* query) {
  return build_query(parse_query(query), analyzer).strict.get_description();
}

TEST(QueryBuilderTest, NgramGolden) {
  const Analyzer analyzer;
  const std::pair<const char*, const char*> table[] = {
      {"H200 수출", "Query((h200 AND XN수출))"},
      {"H200을", "Query(h200)"},
      {"엔비디아", "Query((XN엔비 PHRASE 3 XN비디 PHRASE 3 XN디아))"},
      {"\"H200 수출\"", "Query((h200 PHRASE 3 XN수출))"},
      {"C++ ...", "Query(c++)"},
      {"... ---", "Query()"},
      {"눈", "Query(WILDCARD SYNONYM XN눈)"},
      // Hostile input is searched as text and never fails.
      {"\"unbalanced", "Query(unbalanced)"},
      {"( - AND", "Query(and)"},
      {"🙂", "Query()"},
      // Operators, fields and filters.
      {"삼성 OR 애플 반도체", "Query(((XN삼성 OR XN애플) AND (XN반도 PHRASE 2 XN도체)))"},
      {"수출 -자동차", "Query((XN수출 AND_NOT (XN자동 PHRASE 2 XN동차)))"},
      {"NOT 자동차", "Query((<alldocuments> AND_NOT (XN자동 PHRASE 2 XN동차)))"},
      {"title:수출", "Query(XSN수출)"},
      {"source:한빛일보 수출", "Query((XN수출 FILTER XSRC한빛일보))"},
      {"source:한빛일보", "Query((<alldocuments> FILTER XSRC한빛일보))"},
      {"-source:한빛일보 수출", "Query((XN수출 AND_NOT XSRC한빛일보))"},
      {"author:홍길동 category:경제", "Query((<alldocuments> FILTER (A홍길동 AND XCAT경제)))"},
      {"date:2025-12 수출", "Query((XN수출 FILTER VALUE_RANGE 0 20251201 20251231))"},
      {"date:2025", "Query((<alldocuments> FILTER VALUE_RANGE 0 20250101 20251231))"},
      {"date:2025-01-01..2025-06-30", "Query((<alldocuments> FILTER VALUE_RANGE 0 20250101 20250630))"},
      {"date:..2024-12-31 수출", "Query((XN수출 FILTER VALUE_RANGE 0 00000000 20241231))"},
      {"date:2026-02.. 수출", "Query((XN수출 FILTER VALUE_RANGE 0 20260201 99999999))"},
      {"GPT* 출시", "Query((WILDCARD SYNONYM gpt AND XN출시))"},
  };
  for (const auto& [query, expected] : table) EXPECT_EQ(strict(analyzer, query), expected) << query;
}

TEST(QueryBuilderTest, ADateThatIsNotADateIsAUsageError) {
  const Analyzer analyzer;
  for (const char* query : {"date:garbage", "date:2025-02-30", "date:2025-99", "수출 -date:foo", "date:2025..2024"}) {
    try {
      build_query(parse_query(query), analyzer);
      ADD_FAILURE() << query << ": no error";
    } catch (const UsageError& e) {
      EXPECT_NE(std::string(e.what()).find("date: takes YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO"), std::string::npos)
          << e.what();
    }
  }
}

TEST(QueryBuilderTest, AQueryExpandsAFewWildcardsAtMost) {
  const Analyzer analyzer;
  std::string many;
  for (int i = 0; i < 333; ++i) many += (i % 2 ? "눈 " : "A* ");
  const std::string description = build_query(parse_query(many), analyzer).strict.get_description();
  std::size_t wildcards = 0;
  for (std::size_t at = description.find("WILDCARD"); at != std::string::npos;
       at = description.find("WILDCARD", at + 1)) {
    ++wildcards;
  }
  EXPECT_EQ(wildcards, 8u);
  EXPECT_EQ(
      build_query(parse_query("눈 김 GPT*"), analyzer).strict.get_description().find("WILDCARD") != std::string::npos,
      true);
}

TEST(QueryBuilderTest, TermsForHighlightingAreTheIndexTerms) {
  const Analyzer analyzer;
  const BuiltQuery built = build_query(parse_query("H200 수출"), analyzer);
  EXPECT_EQ(built.terms, (std::set<std::string>{"h200", "XN수출"}));
}

TEST(QueryBuilderTest, QueriesOfTwoWordsOrMoreGetARelaxedFormAndShortOnesListFullMatchesFirst) {
  const Analyzer analyzer;
  EXPECT_TRUE(build_query(parse_query("수출"), analyzer).relaxed.empty());
  const BuiltQuery two = build_query(parse_query("H200 수출"), analyzer);
  EXPECT_EQ(two.relaxed.get_description(), "Query((h200 OR XN수출))");
  EXPECT_TRUE(two.full_matches_first);
  const BuiltQuery three = build_query(parse_query("H200 수출 허용"), analyzer);
  EXPECT_EQ(three.relaxed.get_description(), "Query((h200 OR XN수출 OR XN허용))");
  EXPECT_FALSE(three.full_matches_first) << "a long query ranks partial matches among full ones";
  EXPECT_TRUE(build_query(parse_query("H200 source:한빛일보"), analyzer).relaxed.empty()) << "one word and a filter";
}

class MorphQueryBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SINMUN_REQUIRE_DICTIONARY();
    analyzer_ = testing::installed_analyzer();
  }
  const Analyzer* analyzer_ = nullptr;
};

// The bonus is kept apart from what must match, for the searcher to add among the best
// matches; a group inside the query carries its own.
TEST_F(MorphQueryBuilderTest, WordsCloseTogetherEarnABonus) {
  const BuiltQuery built = build_query(parse_query("H200 수출"), *analyzer_);
  EXPECT_EQ(built.strict.get_description(), "Query((h200 AND (1.5 * 수출 OR 0.5 * XN수출)))");
  EXPECT_EQ(built.proximity.get_description(), "Query(0.5 * (h200 NEAR 5 수출))");
  EXPECT_TRUE(build_query(parse_query("H200 수출 허용"), *analyzer_).proximity.empty()) << "a long query";
  EXPECT_EQ(
      build_query(parse_query("(H200 수출) OR 엔비디아"), *analyzer_).strict.get_description(),
      "Query((((h200 AND (1.5 * 수출 OR 0.5 * XN수출)) AND_MAYBE 0.5 * (h200 NEAR 5 수출)) OR ((엔비디아 OR "
      "(엔 PHRASE 2 비디아)) OR 0.5 * ((XN엔비 SYNONYM 엔비) AND (XN비디 SYNONYM 비디) AND (XN디아 SYNONYM 디아)))))");
}

// A compound's phrase of parts is left out when even its rarest part is in more articles
// than its positions are worth checking (the whole word and its bigrams still match).
TEST_F(MorphQueryBuilderTest, ACompoundOfCommonPartsIsNotMatchedAsTheirPhrase) {
  QueryOptions rare;
  rare.proximity_weight = 0;
  rare.term_frequency = [](const std::string&) { return Xapian::doccount{50000}; };
  EXPECT_EQ(build_query(parse_query("반도체공급망"), *analyzer_, rare).strict.get_description(),
            "Query(((반도체공급망 OR (반도체 PHRASE 3 공급 PHRASE 3 망)) OR "
            "0.5 * ((XN반도 SYNONYM 반도) AND (XN도체 SYNONYM 도체) AND (XN체공 SYNONYM 체공) AND "
            "(XN공급 SYNONYM 공급) AND (XN급망 SYNONYM 급망))))");
  QueryOptions common = rare;
  common.term_frequency = [](const std::string& term) { return Xapian::doccount{term == "망" ? 50000u : 900000u}; };
  EXPECT_EQ(build_query(parse_query("반도체공급망"), *analyzer_, common).strict.get_description(),
            "Query(((반도체공급망 OR (반도체 PHRASE 3 공급 PHRASE 3 망)) OR "
            "0.5 * ((XN반도 SYNONYM 반도) AND (XN도체 SYNONYM 도체) AND (XN체공 SYNONYM 체공) AND "
            "(XN공급 SYNONYM 공급) AND (XN급망 SYNONYM 급망))))")
      << "one part rare enough";
  common.term_frequency = [](const std::string&) { return Xapian::doccount{50001}; };
  EXPECT_EQ(build_query(parse_query("반도체공급망"), *analyzer_, common).strict.get_description(),
            "Query((반도체공급망 OR "
            "0.5 * ((XN반도 SYNONYM 반도) AND (XN도체 SYNONYM 도체) AND (XN체공 SYNONYM 체공) AND "
            "(XN공급 SYNONYM 공급) AND (XN급망 SYNONYM 급망))))");
}

// The word typed is looked for with its bigrams; its synonyms as their words alone (their
// bigrams read common morphemes' postings for no article more: 더불 어민 민주 주당...).
TEST_F(MorphQueryBuilderTest, ASynonymIsLookedForAsItsWordsWithoutTheBigramsOfTheWordTyped) {
  testing::TempDir dir;
  const Synonyms synonyms = Synonyms::load(dir.write("syn.tsv", "민주당\t더불어민주당\n"), *analyzer_, {});
  QueryOptions options;
  options.proximity_weight = 0;
  options.synonyms = &synonyms;
  EXPECT_EQ(build_query(parse_query("민주당"), *analyzer_, options).strict.get_description(),
            "Query(((더불어민주당 OR (더불 PHRASE 2 민주당)) SYNONYM "
            "(민주당 OR 0.5 * ((XN민주 SYNONYM 민주) AND (XN주당 SYNONYM 주당)))))");
  EXPECT_EQ(build_query(parse_query("더불어민주당"), *analyzer_, options).strict.get_description(),
            "Query((((더불어민주당 OR (더불 PHRASE 2 민주당)) OR 0.5 * ((XN더불 SYNONYM 더불) AND (XN불어 SYNONYM "
            "불어) AND (XN어민 SYNONYM 어민) AND (XN민주 SYNONYM 민주) AND (XN주당 SYNONYM 주당))) SYNONYM 민주당))");
}

// 다 (all) is no morpheme: strict still requires it (as the first syllable of a bigram), but
// a long query's loosened form does not rank by it.
TEST_F(MorphQueryBuilderTest, ALoneSyllableOfNoMorphemeIsLeftOutOfALongQuerysLoosenedForm) {
  const BuiltQuery built = build_query(parse_query("얘기 다 했다"), *analyzer_);
  EXPECT_NE(built.strict.get_description().find("WILDCARD SYNONYM XN다"), std::string::npos)
      << built.strict.get_description();
  EXPECT_EQ(built.relaxed.get_description(), "Query((얘기 OR 하))");
}

TEST_F(MorphQueryBuilderTest, Golden) {
  QueryOptions no_bonus;
  no_bonus.proximity_weight = 0;
  const std::pair<const char*, const char*> table[] = {
      // A concept is its morpheme, or (weighted down) its bigrams: each bigram, or the morpheme
      // of its text where the indexer left the bigram out for it; a word that is one morpheme
      // and one bigram weighs the morpheme for both.
      {"H200 수출", "Query((h200 AND (1.5 * 수출 OR 0.5 * XN수출)))"},
      // The particle is not required, not even as a bigram. With morphemes, bigrams carry no
      // positions: a word's bigrams are all required, anywhere. A user word is also the phrase
      // of the terms the 2018 dictionary gave it.
      {"엔비디아가",
       "Query(((엔비디아 OR (엔 PHRASE 2 비디아)) OR 0.5 * ((XN엔비 SYNONYM 엔비) AND (XN비디 SYNONYM 비디) AND "
       "(XN디아 SYNONYM 디아))))"},
      // A compound is itself or the phrase of its parts, never an OR of its parts.
      {"반도체공급망",
       "Query(((반도체공급망 OR (반도체 PHRASE 3 공급 PHRASE 3 망)) OR 0.5 * ((XN반도 SYNONYM 반도) AND (XN도체 "
       "SYNONYM 도체) AND (XN체공 SYNONYM 체공) AND (XN공급 SYNONYM 공급) AND (XN급망 SYNONYM 급망))))"},
      {"\"반도체 공급망\"", "Query((반도체 PHRASE 3 공급 PHRASE 3 망))"},
      // A prefixed word only whole: 급여 alone must not match a query for 비급여.
      {"비급여", "Query((비급여 OR 0.5 * ((XN비급 SYNONYM 비급) AND (XN급여 SYNONYM 급여))))"},
      // A lone syllable: the bigrams it starts, and the morpheme of itself (with a database,
      // the words and morphemes of two syllables it starts too: MorphSearchTest).
      {"김", "Query((김 OR 0.5 * (WILDCARD SYNONYM XN김 SYNONYM 김)))"},
      {"3,500억 달러", "Query(((3,500억 OR 3500억) AND (1.5 * 달러 OR 0.5 * XN달러)))"},
      {"C++가", "Query(c++)"},
  };
  for (const auto& [query, expected] : table) {
    EXPECT_EQ(build_query(parse_query(query), *analyzer_, no_bonus).strict.get_description(), expected) << query;
  }
}

// A phrase counts one however long; NOT and OR count their operands.
TEST(QueryBuilderTest, AtMostKMaxQueryWordsWordsAndPhrases) {
  const Analyzer analyzer;
  const auto query_of = [](std::size_t words, const std::string& separator) {
    std::string out;
    for (std::size_t i = 0; i < words; ++i) out += (i ? separator : "") + "w" + std::to_string(i);
    return out;
  };
  EXPECT_NO_THROW(build_query(parse_query(query_of(kMaxQueryWords, " ")), analyzer));
  EXPECT_NO_THROW(build_query(parse_query("\"" + query_of(5 * kMaxQueryWords, " ") + "\""), analyzer));
  EXPECT_NO_THROW(build_query(parse_query("title:a source:b " + query_of(kMaxQueryWords - 2, " OR ")), analyzer));
  for (const std::string separator : {" ", " OR ", " -", " NOT "}) {
    EXPECT_THROW(build_query(parse_query(query_of(kMaxQueryWords + 1, separator)), analyzer), UsageError) << separator;
  }
}

}  // namespace
}  // namespace sinmun
