#include "searcher/query_parser.h"

#include <gtest/gtest.h>

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
      {"title:수출 source:한빛일보 author:\"홍 길동\"",
       "AND(title:수출 source:한빛일보 author:\"홍 길동\")"},
      {"Category:경제 date:2025-01..2025-06 TITLE:\"반도체 공급망\"",
       "AND(category:경제 date:2025-01..2025-06 title:\"반도체 공급망\")"},
      {"GPT* 출시", "AND(w:GPT* w:출시)"},
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

}  // namespace
}  // namespace sinmun
