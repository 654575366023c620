#include "searcher/query_parser.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/searcher/query_tree.h"

namespace sinmun {
namespace {

TEST(QueryParserTest, Golden) {
  const std::pair<const char*, const char*> table[] = {
      {"H200 수출", "AND(w:H200 w:수출)"},
      {"  H200\t수출  ", "AND(w:H200 w:수출)"},
      {"H200 AND 수출", "AND(w:H200 w:수출)"},
      {"\"반도체 공급망\" 수출", "AND(p:\"반도체 공급망\" w:수출)"},
      {"앞\"붙은 구절\"뒤", "AND(w:앞 p:\"붙은 구절\" w:뒤)"},
      // OR binds tighter than the implicit AND.
      {"삼성 OR 애플 반도체", "AND(OR(w:삼성 w:애플) w:반도체)"},
      {"a OR b OR c", "AND(OR(w:a w:b w:c))"},
      {"(삼성 OR 애플) (반도체 OR 배터리)", "AND(OR(w:삼성 w:애플) OR(w:반도체 w:배터리))"},
      {"수출 -자동차 NOT 선박", "AND(w:수출 NOT(w:자동차) NOT(w:선박))"},
      {"수출 -\"자동차 수출\" -(선박 OR 철강)", "AND(w:수출 NOT(p:\"자동차 수출\") NOT(OR(w:선박 w:철강)))"},
      {"title:수출 source:한빛일보 author:\"홍 길동\"", "AND(title:수출 source:한빛일보 author:\"홍 길동\")"},
      {"Category:경제 date:2025-01..2025-06 TITLE:\"반도체 공급망\"",
       "AND(category:경제 date:2025-01..2025-06 title:\"반도체 공급망\")"},
      {"GPT* 출시", "AND(w:GPT* w:출시)"},
      {"quote:반도체 speaker:스펜스", "AND(quote:반도체 speaker:스펜스)"},
      {"quote:\"반도체 공급망\" -speaker:김하늘", "AND(quote:\"반도체 공급망\" NOT(speaker:김하늘))"},
      {"Quote:수출 SPEAKER:\"마이클 스펜스\"", "AND(quote:수출 speaker:\"마이클 스펜스\")"},
      {"quotes:수출 speaker:", "AND(w:quotes:수출 w:speaker:)"},
      {"or and not", "AND(w:or w:and w:not)"},
      {"unknown:field", "AND(w:unknown:field)"},
      // Hostile input: never an error, always something searchable or nothing.
      {"\"닫히지 않은", "AND(p:\"닫히지 않은\")"},
      {"\"\" \"  \"", "AND(p:\"\" p:\"  \")"},
      {"(", "AND()"},
      {")))", "AND()"},
      {"((수출", "AND(w:수출)"},
      {"-", "AND(w:-)"},
      {"AND", "AND(w:AND)"},
      {"OR 수출", "AND(w:OR w:수출)"},
      {"수출 OR", "AND(w:수출 w:OR)"},
      {"NOT", "AND(w:NOT)"},
      {"C++", "AND(w:C++)"},
      {"🙂", "AND(w:🙂)"},
      {"title:", "AND(w:title:)"},
      {"“둥근 따옴표”", "AND(w:“둥근 w:따옴표”)"},
      {"", "AND()"},
  };
  for (const auto& [query, expected] : table) EXPECT_EQ(describe(parse_query(query)), expected) << query;
}

std::string repeat(const std::string& text, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

constexpr std::size_t kLimit = kMaxQueryNesting;

TEST(QueryParserTest, PastTheNestingLimitBracketsArePlainTextAndNegationsIgnored) {
  const std::string nots = repeat("NOT(", kLimit);  // describe() of kLimit nested negations
  const std::string closes = repeat(")", kLimit);
  const std::pair<std::string, std::string> table[] = {
      {repeat("(", kLimit) + "수출", "AND(w:수출)"},
      {repeat("(", kLimit + 1) + "수출", "AND(w:( w:수출)"},
      // The plain ')' pairs with the plain '(': 끝 is outside every group, as written.
      {repeat("(", kLimit + 1) + "수출" + repeat(")", kLimit + 1) + " 끝", "AND(w:( w:수출 w:) w:끝)"},
      {repeat("(", kLimit + 2) + "a b" + repeat(")", kLimit + 8) + " 끝", "AND(w:( w:( w:a w:b w:) w:) w:끝)"},
      {repeat("(", 10000) + "수출", "AND(" + repeat("w:( ", 10000 - kLimit) + "w:수출)"},
      {repeat("NOT ", kLimit) + "수출", "AND(" + nots + "w:수출" + closes + ")"},
      {repeat("NOT ", kLimit + 1) + "수출", "AND(" + nots + "w:수출" + closes + ")"},
      {repeat("NOT ", 30000) + "수출", "AND(" + nots + "w:수출" + closes + ")"},
      {repeat("NOT ", kLimit) + "-수출", "AND(" + nots + "w:수출" + closes + ")"},
      {repeat("NOT ", kLimit - 1) + "-수출", "AND(" + nots + "w:수출" + closes + ")"},
      // A negated group counts twice.
      {repeat("-(", kLimit / 2) + "수출",
       "AND(" + repeat("NOT(", kLimit / 2) + "w:수출" + repeat(")", kLimit / 2) + ")"},
      {repeat("-(", kLimit / 2 + 1) + "수출",
       "AND(" + repeat("NOT(", kLimit / 2) + "AND(w:( w:수출)" + repeat(")", kLimit / 2) + ")"},
      // Brackets made plain text deep inside stay plain text when the negations end.
      {repeat("NOT ", kLimit) + "(a b) c", "AND(" + nots + "w:(" + closes + " w:a w:b w:) w:c)"},
  };
  for (const auto& [query, expected] : table) {
    const QueryNode tree = parse_query(query);
    EXPECT_EQ(describe(tree), expected) << query.substr(0, 200);
    EXPECT_LE(testing::tree_depth(tree), kMaxQueryTreeDepth) << query.substr(0, 200);
  }
}

// Each group nests an AND and an OR: the deepest tree there is, and exactly the bound.
TEST(QueryParserTest, TheDeepestTreeIsTheDocumentedBound) {
  const std::string deepest = "a OR " + repeat("(b c OR ", kLimit) + "x";
  const QueryNode tree = parse_query(deepest);
  EXPECT_EQ(describe(tree), "AND(OR(w:a " + repeat("AND(w:b OR(w:c ", kLimit) + "w:x" + repeat("))", kLimit) + "))");
  EXPECT_EQ(testing::tree_depth(tree), kMaxQueryTreeDepth);
  const QueryNode past = parse_query("a OR " + repeat("(b c OR ", kLimit + 1) + "x");
  EXPECT_EQ(describe(past),
            "AND(OR(w:a " + repeat("AND(w:b OR(w:c ", kLimit) + "w:() w:b OR(w:c w:x)" + repeat(")", 2 * kLimit + 1));
  EXPECT_EQ(testing::tree_depth(past), kMaxQueryTreeDepth);
}

}  // namespace
}  // namespace sinmun
