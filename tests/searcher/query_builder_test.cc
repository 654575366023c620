#include "searcher/query_builder.h"

#include <gtest/gtest.h>

namespace sinmun {
namespace {

std::string describe(const char* query) {
  const Analyzer analyzer;
  return build_query(parse_query(query), analyzer).query.get_description();
}

TEST(QueryBuilderTest, Golden) {
  EXPECT_EQ(describe("H200 수출"), "Query((h200 AND XN수출))");
  EXPECT_EQ(describe("H200을"), "Query(h200)");
  EXPECT_EQ(describe("엔비디아"), "Query((XN엔비 PHRASE 3 XN비디 PHRASE 3 XN디아))");
  EXPECT_EQ(describe("\"H200 수출\""), "Query((h200 PHRASE 3 XN수출))");
  EXPECT_EQ(describe("C++ ..."), "Query(c++)");
  EXPECT_EQ(describe("... ---"), "Query()");
  EXPECT_EQ(describe("눈"), "Query(XN눈)");
}

TEST(QueryBuilderTest, TermsForHighlightingAreTheIndexTerms) {
  const Analyzer analyzer;
  const BuiltQuery built = build_query(parse_query("H200 수출"), analyzer);
  EXPECT_EQ(built.terms, (std::set<std::string>{"h200", "XN수출"}));
}

}  // namespace
}  // namespace sinmun
