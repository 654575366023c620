#include "indexer/detail/document_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "schema/schema.h"
#include "tests/support/dictionary.h"
#include "tests/support/installed_analyzer.h"

namespace sinmun {
namespace {

// `term` of `doc`, which must have it.
Xapian::TermIterator find_term(const Xapian::Document& doc, const std::string& term) {
  Xapian::TermIterator it = doc.termlist_begin();
  it.skip_to(term);
  EXPECT_TRUE(it != doc.termlist_end() && *it == term) << "no term " << term;
  return it;
}

// The positions a document holds for `term` (0 when it has the term without positions).
Xapian::termcount positions_of(const Xapian::Document& doc, const std::string& term) {
  const Xapian::TermIterator it = find_term(doc, term);
  return it != doc.termlist_end() && *it == term ? it.positionlist_count() : 0;
}

Article article() {
  Article a;
  a.id = "doc-1";
  a.title = "반도체 수출";
  a.body = "정부는 반도체 수출을 늘린다.";
  return a;
}

TEST(DocumentBuilderTest, WithMorphemesBigramsAreTermsWithoutPositions) {
  SINMUN_REQUIRE_DICTIONARY();
  const Analyzer& analyzer = *testing::installed_analyzer();
  AnalysisContext context(0);
  const Xapian::Document doc = build_document(article(), analyzer, context);
  EXPECT_EQ(positions_of(doc, "수출"), 2u);  // title and body: phrases and proximity need them
  EXPECT_EQ(positions_of(doc, "S수출"), 1u);
  EXPECT_EQ(positions_of(doc, "XN출을"), 0u);  // the recall net is matched by presence
  EXPECT_EQ(positions_of(doc, "XN늘린"), 0u);
  // Title words weigh more, with or without positions.
  const Xapian::TermIterator title_bigram = find_term(doc, "XN반도");
  if (title_bigram != doc.termlist_end()) {
    EXPECT_EQ(title_bigram.get_wdf(), schema::kTitleWdf + 1);
  }
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
  Xapian::TermIterator it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term;
}

TEST(DocumentBuilderTest, WithMorphemesABigramThatAMorphemeCoversIsLeftOut) {
  SINMUN_REQUIRE_DICTIONARY();
  const Analyzer& analyzer = *testing::installed_analyzer();
  AnalysisContext context(0);
  const Xapian::Document doc = build_document(article(), analyzer, context);
  // 수출 of 수출을 (and of the title) is the morpheme 수출 byte for byte: a search for the
  // bigram finds it as that morpheme (schema::covering_term).
  EXPECT_TRUE(has_term(doc, "수출"));
  EXPECT_FALSE(has_term(doc, "XN수출"));
  EXPECT_FALSE(has_term(doc, "XSN수출"));
  // 출을 reaches into the particle and 늘린 is the verb 늘리 in another spelling: no morpheme
  // covers them.
  EXPECT_TRUE(has_term(doc, "XN출을"));
  EXPECT_TRUE(has_term(doc, "XN늘린"));
  EXPECT_TRUE(has_term(doc, "늘리"));
  // What the left-out bigrams would have weighed stays in the document's length: 수출 of the
  // title (kTitleWdf, and 1 as a title bigram), 정부 and 수출 of the body.
  EXPECT_EQ(find_term(doc, std::string(schema::kLeftOutNgrams)).get_wdf(), schema::kTitleWdf + 1 + 2);
  Token bigram;
  bigram.kind = TokenKind::kNgram;
  bigram.term = "수출";
  EXPECT_EQ(schema::covering_term(bigram), "수출");
  EXPECT_EQ(schema::covering_term(bigram, schema::TextSpace::kTitleOnly), "S수출");
  EXPECT_EQ(schema::text_term(bigram, schema::TextSpace::kTitleOnly), "XSN수출");
}

TEST(DocumentBuilderTest, WithoutMorphemesBigramsKeepTheirPositions) {
  const Analyzer analyzer;  // n-grams only: bigrams are the only terms phrases can use
  AnalysisContext context(0);
  const Xapian::Document doc = build_document(article(), analyzer, context);
  EXPECT_EQ(positions_of(doc, "XN수출"), 2u);
  EXPECT_EQ(positions_of(doc, "XSN수출"), 1u);
}

}  // namespace
}  // namespace sinmun
