#include "searcher/output.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace sinmun {
namespace {

SearchResponse one_hit(const std::string& snippet) {
  SearchResponse response;
  response.query = "수출";
  response.total = response.total_articles = 1;
  response.total_is_exact = true;
  SearchHit hit;
  hit.rank = 1;
  hit.id = "a-1";
  hit.title = "제목";
  hit.date = "2025-12-05";
  hit.source = "한빛일보";
  hit.url = "https://news.example.com/a";
  hit.snippet = snippet;
  response.hits.push_back(hit);
  return response;
}

TEST(OutputTest, WrappedSnippetLinesAreIndentedAndFitTheWidth) {
  std::string snippet;
  for (int i = 0; i < 12; ++i) snippet += "반도체 <mark>수출</mark>이 늘었다 ";
  std::ostringstream out;
  print_human(out, one_hit(snippet), false, 40);
  std::istringstream lines(out.str());
  std::vector<std::string> snippet_lines;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("반도체") != std::string::npos) snippet_lines.push_back(line);
  }
  ASSERT_GT(snippet_lines.size(), 2u) << out.str();
  for (const std::string& line : snippet_lines) {
    EXPECT_EQ(line.rfind("   ", 0), 0u) << "indented: " << line;
    std::size_t columns = 0;  // a Hangul syllable takes two
    for (std::size_t i = 0; i < line.size();) {
      const auto lead = static_cast<unsigned char>(line[i]);
      const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      columns += length >= 3 ? 2 : 1;
      i += length;
    }
    EXPECT_LE(columns, 40u) << line;
  }
}

TEST(OutputTest, UnwrappedWhenNoWidthAndTheCountLineIsLast) {
  std::ostringstream out;
  print_human(out, one_hit("짧은 <mark>수출</mark> 기사"), false, 0);
  EXPECT_NE(out.str().find("   짧은 수출 기사\n"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("   https://news.example.com/a\n"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("\n1 result ("), std::string::npos) << out.str();
}

TEST(OutputTest, TheJsonStatesTheCountRule) {
  SearchResponse response = one_hit("x");
  response.total_articles = 3;
  const nlohmann::json json = nlohmann::json::parse(to_json(response));
  EXPECT_EQ(json["total"], 1);
  EXPECT_EQ(json["total_articles"], 3);
  EXPECT_EQ(json["total_is_exact"], true);
  EXPECT_EQ(json["results"][0]["match"], "full");
  EXPECT_FALSE(json["results"][0].contains("explain"));
}

}  // namespace
}  // namespace sinmun
