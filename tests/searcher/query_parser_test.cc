#include "searcher/query_parser.h"

#include <gtest/gtest.h>

namespace sinmun {
namespace {

std::string encode(const std::vector<QueryClause>& clauses) {
  std::string out;
  for (const QueryClause& c : clauses) {
    if (!out.empty()) out += " | ";
    out += c.phrase ? "\"" + c.text + "\"" : c.text;
  }
  return out;
}

TEST(QueryParserTest, Golden) {
  const std::pair<const char*, const char*> table[] = {
      {"H200 수출", "H200 | 수출"},
      {"  H200\t수출  ", "H200 | 수출"},
      {"\"반도체 공급망\" 수출", "\"반도체 공급망\" | 수출"},
      {"앞\"붙은 구절\"뒤", "앞 | \"붙은 구절\" | 뒤"},
      {"\"닫히지 않은", "\"닫히지 않은\""},
      {"\"\" \"  \"", ""},
      {"“둥근 따옴표”", "“둥근 | 따옴표”"},
      {"", ""},
  };
  for (const auto& [query, expected] : table) EXPECT_EQ(encode(parse_query(query)), expected) << query;
}

}  // namespace
}  // namespace sinmun
