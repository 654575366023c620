// Related words and quotation search over small corpora written here. Skipped when the
// dictionary is not installed.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "searcher/related.h"
#include "searcher/searcher.h"
#include "tests/support/index_crawl.h"
#include "tests/support/installed_analyzer.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

using testing::TempDir;

class InsightSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SINMUN_REQUIRE_DICTIONARY();
    analyzer_ = testing::installed_analyzer();
  }

  // One article per (id, body) pair.
  void index(const std::vector<std::pair<std::string, std::string>>& articles) {
    testing::index_bodies(dir_, articles, db(), *analyzer_);
  }

  SearchResponse search(const std::string& query) {
    Searcher searcher(db(), *analyzer_);
    SearchRequest request;
    request.query = query;
    request.limit = 20;
    return searcher.search(request);
  }

  std::vector<std::string> ids(const std::string& query) {
    std::vector<std::string> out;
    for (const SearchHit& hit : search(query).hits) out.push_back(hit.id);
    return out;
  }

  RelatedResponse related(const std::string& query) {
    Searcher searcher(db(), *analyzer_);
    SearchRequest request;
    request.query = query;
    return searcher.related(request);
  }

  std::string db() const { return (dir_.path() / "db").string(); }

  TempDir dir_;
  const Analyzer* analyzer_ = nullptr;
};

std::vector<std::string> words_of(const RelatedResponse& response) {
  std::vector<std::string> out;
  for (const RelatedWord& word : response.related) out.push_back(word.word);
  return out;
}

std::ptrdiff_t rank_of(const std::vector<std::string>& words, const std::string& word) {
  const auto it = std::find(words.begin(), words.end(), word);
  return it == words.end() ? -1 : it - words.begin();
}

// 30 articles: 10 about chips (반도체), 8 of them on foundries (파운드리), 2 on a rare word
// (웨이퍼); 정부 (the general word) in nearly every article; the stop words 기자, 것 and 등 in
// all of them. Bodies under 120 bytes get no SimHash, so that none folds into another.
std::vector<std::pair<std::string, std::string>> topic_corpus() {
  std::vector<std::pair<std::string, std::string>> articles;
  for (int i = 0; i < 10; ++i) {
    std::string body = "정부 반도체 " + std::to_string(i) + "호 기자 것 등";
    if (i < 8) body += " 파운드리";
    if (i < 2) body += " 웨이퍼";
    articles.push_back({"chip-" + std::to_string(i), body});
  }
  for (int i = 0; i < 20; ++i) {
    std::string body = "지역 축제 " + std::to_string(i) + "회 관광객 기자 것 등";
    if (i < 18) body = "정부 " + body;
    articles.push_back({"other-" + std::to_string(i), body});
  }
  return articles;
}

TEST_F(InsightSearchTest, ATopicWordBeatsAGeneralWordAndStopWordsNeverAppear) {
  index(topic_corpus());
  const RelatedResponse response = related("반도체");
  EXPECT_EQ(response.sample, 10u);
  EXPECT_EQ(response.documents, 30u);
  const std::vector<std::string> words = words_of(response);
  ASSERT_FALSE(words.empty());
  EXPECT_EQ(words[0], "파운드리");
  EXPECT_EQ(response.related[0].count, 8u);
  EXPECT_EQ(response.related[0].background, 8u);
  EXPECT_NEAR(response.related[0].score, (0.8 - 8.0 / 30) * (0.8 / (8.0 / 30)), 1e-9);
  const std::ptrdiff_t general = rank_of(words, "정부");
  EXPECT_GT(general, 0) << "정부 is listed, after the topic word";
  for (const char* stop : {"기자", "것", "등"}) EXPECT_EQ(rank_of(words, stop), -1) << stop;
  EXPECT_EQ(rank_of(words, "반도체"), -1) << "the query's own word";
  EXPECT_EQ(rank_of(words, "웨이퍼"), -1) << "in 2 results only: under the minimum count";
  EXPECT_LE(words.size(), kRelatedWords);
  for (const RelatedWord& word : response.related) {
    EXPECT_GE(word.count, kRelatedMinCount) << word.word;
    EXPECT_GT(word.score, 0) << word.word;
    EXPECT_EQ(word.word.rfind("XN", 0), std::string::npos) << "no n-gram terms";
  }
  EXPECT_TRUE(std::is_sorted(response.related.begin(), response.related.end(),
                             [](const RelatedWord& a, const RelatedWord& b) { return a.score > b.score; }));
}

TEST_F(InsightSearchTest, ATwoWordQueryReadsItsFullMatchesOnlyNotThoseWithOneWord) {
  index(topic_corpus());
  // 8 articles have both words; the 22 others with 정부 or 반도체 alone are partial matches
  // that a search lists after them, but they are not what the query is about.
  const SearchResponse found = search("반도체 파운드리");
  ASSERT_EQ(found.total, 8u);
  ASSERT_GT(found.partial_matches, 0u);
  const RelatedResponse response = related("반도체 파운드리");
  EXPECT_EQ(response.sample, 8u);
}

TEST_F(InsightSearchTest, RelatedWordsAsJsonHaveTheContractShape) {
  index(topic_corpus());
  const nlohmann::json json = nlohmann::json::parse(to_json(related("반도체")));
  EXPECT_EQ(json["query"], "반도체");
  EXPECT_EQ(json["sample"], 10);
  EXPECT_EQ(json["documents"], 30);
  ASSERT_TRUE(json["related"].is_array());
  ASSERT_FALSE(json["related"].empty());
  const nlohmann::json& first = json["related"][0];
  EXPECT_EQ(first["word"], "파운드리");
  EXPECT_EQ(first["count"], 8);
  EXPECT_EQ(first["background"], 8);
  EXPECT_TRUE(first["score"].is_number());
  EXPECT_TRUE(first["proper_noun"].is_boolean());
}

TEST_F(InsightSearchTest, JlhIsZeroWhenAWordIsNoMoreFrequentInTheResults) {
  EXPECT_EQ(jlh_score(5, 10, 50, 100), 0);
  EXPECT_EQ(jlh_score(0, 0, 0, 0), 0);
  EXPECT_NEAR(jlh_score(8, 10, 8, 30), (0.8 - 8.0 / 30) * 3, 1e-9);
  EXPECT_GT(jlh_score(4, 10, 4, 100), jlh_score(9, 10, 60, 100));
  EXPECT_TRUE(is_related_stopword("기자"));
  EXPECT_FALSE(is_related_stopword("파운드리"));
}

// Quotations written for this test: who said what about which subject.
std::vector<std::pair<std::string, std::string>> quote_corpus() {
  return {
      {"spence",
       "마이클 스펜스 교수는 “반도체 공급망 재편이 성장률을 낮춘다”고 말했다. 그는 “투자가 늦다”고 덧붙였다."},
      {"minister", "김하늘 산업부 장관은 “반도체 수출이 회복세”라고 밝혔다."},
      {"narration", "반도체 수출이 석 달째 늘었다. 업계는 공급망 점검에 나섰다."},
      {"spence-farm", "마이클 스펜스 교수는 “농산물 가격은 안정적”이라고 진단했다."},
      {"other", "박서연 대변인은 “축제 예산을 늘린다”고 말했다. 반도체 이야기는 없었다."},
  };
}

TEST_F(InsightSearchTest, QuoteSearchFindsArticlesQuotingSomeoneOnTheWord) {
  index(quote_corpus());
  std::vector<std::string> found = ids("quote:반도체");
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"minister", "spence"}));  // not the narration, not "other"
  EXPECT_EQ(ids("quote:\"반도체 공급망\""), (std::vector<std::string>{"spence"}));
  EXPECT_EQ(ids("quote:반도체 -speaker:스펜스"), (std::vector<std::string>{"minister"}));
}

TEST_F(InsightSearchTest, SpeakerSearchFindsTheQuotationsOfOneSpeaker) {
  index(quote_corpus());
  std::vector<std::string> found = ids("speaker:스펜스");
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"spence", "spence-farm"}));
  EXPECT_EQ(ids("speaker:스펜스 quote:농산물"), (std::vector<std::string>{"spence-farm"}));
  EXPECT_TRUE(ids("speaker:김하늘 quote:축제").empty());
}

TEST_F(InsightSearchTest, AQuoteResultShowsTheQuotationsItMatched) {
  index(quote_corpus());
  const SearchResponse response = search("speaker:스펜스 quote:공급망");
  ASSERT_EQ(response.hits.size(), 1u);
  const SearchHit& hit = response.hits[0];
  EXPECT_EQ(hit.id, "spence");
  ASSERT_EQ(hit.quotes.size(), 2u);  // both are the speaker's
  EXPECT_EQ(hit.quotes[0].text, "반도체 공급망 재편이 성장률을 낮춘다");
  EXPECT_EQ(hit.quotes[0].speaker, "마이클 스펜스 교수");
  EXPECT_EQ(hit.quotes[1].speaker, "마이클 스펜스 교수");
  const SearchResponse by_word = search("quote:수출");
  ASSERT_EQ(by_word.hits.size(), 1u);
  ASSERT_EQ(by_word.hits[0].quotes.size(), 1u);
  EXPECT_EQ(by_word.hits[0].quotes[0].speaker, "김하늘 산업부 장관");
  EXPECT_TRUE(search("반도체").hits[0].quotes.empty()) << "only quote: and speaker: show quotations";
}

}  // namespace
}  // namespace sinmun
