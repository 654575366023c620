// How a loosened (long) query is counted: over its best matches, flagged, never passed off
// as exact; a strict query is counted exactly however many articles it matches.
#include <gtest/gtest.h>

#include <numeric>

#include "searcher/searcher.h"
#include "tests/support/index_crawl.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

using testing::TempDir;

Xapian::doccount sum(const std::vector<FacetCount>& facets) {
  return std::accumulate(facets.begin(), facets.end(), Xapian::doccount{0},
                         [](Xapian::doccount total, const FacetCount& f) { return total + f.count; });
}

class LoosenedCountsTest : public ::testing::Test {
 protected:
  // kLoosenedSample + 200 articles that all say 수출; the first 40 also say 반도체, the first
  // 10 also 허가. Months and sources alternate, so that the facets have something to count.
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    std::string lines;
    for (Xapian::doccount i = 0; i < kArticles; ++i) {
      const std::string n = std::to_string(i);
      std::string body = "수출 기사 " + n + " 번째";
      if (i < 40) body += " 반도체 공장";
      if (i < 10) body += " 허가 신청";
      lines += "{\"id\": \"a-" + n + "\", \"title\": \"\", \"body\": \"" + body + "\", \"date\": \"2025-" +
               (i % 2 ? "11" : "12") + "-01\", \"source\": \"" + (i % 3 ? "한빛일보" : "동해신문") + "\"}\n";
    }
    dir_->write("crawl/a.jsonl", lines);
    testing::index_crawl(dir_->path() / "crawl", db(), analyzer());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static const Analyzer& analyzer() {
    static const Analyzer ngrams;  // the counting rule does not depend on the analysis
    return ngrams;
  }
  static std::string db() { return (dir_->path() / "db").string(); }

  static SearchResponse search(const std::string& query) {
    Searcher searcher(db(), analyzer());
    SearchRequest request;
    request.query = query;
    return searcher.search(request);
  }

  static constexpr Xapian::doccount kArticles = Searcher::kLoosenedSample + 200;
  static TempDir* dir_;
};

TempDir* LoosenedCountsTest::dir_ = nullptr;

TEST_F(LoosenedCountsTest, ALoosenedQueryOverMoreThanTheSampleCountsItsBestMatchesAndSaysSo) {
  const SearchResponse r = search("수출 반도체 허가 침몰 선박");
  ASSERT_TRUE(r.relaxed);
  EXPECT_EQ(r.facets_sample, Searcher::kLoosenedSample);
  EXPECT_FALSE(r.total_is_exact);
  EXPECT_GE(r.total_articles, Searcher::kLoosenedSample);
  EXPECT_LE(r.total_articles, kArticles);
  EXPECT_EQ(sum(r.month_facets), Searcher::kLoosenedSample);
  EXPECT_EQ(sum(r.source_facets), Searcher::kLoosenedSample);
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id.substr(0, 2), "a-");
  // The best matches are the ones with the most words: all ten with 허가 lead.
  for (std::size_t i = 0; i < 10; ++i) EXPECT_LT(std::stoi(r.hits[i].id.substr(2)), 10) << i;
}

TEST_F(LoosenedCountsTest, ALongLoosenedQueryIsSampledOverItsRarestHalfOfWordsAndSaysSo) {
  // Eight words: the sample reads the four rarest (허가, 신청: 10 articles; 반도체, 공장: 40),
  // not 수출, 기사 and 번째, which every article has, nor 정부, which none has.
  const SearchResponse r = search("수출 기사 번째 반도체 공장 허가 신청 정부");
  ASSERT_TRUE(r.relaxed);
  EXPECT_EQ(r.facets_sample, 40u);
  EXPECT_FALSE(r.total_is_exact) << "all " << kArticles << " match some word: 40 is a lower bound";
  EXPECT_EQ(sum(r.month_facets), 40u);
  ASSERT_FALSE(r.hits.empty());
  for (std::size_t i = 0; i < 10; ++i)
    EXPECT_LT(std::stoi(r.hits[i].id.substr(2)), 10) << "the ranking reads every word";
}

TEST_F(LoosenedCountsTest, ALoosenedQueryWithinTheSampleIsCountedExactly) {
  const SearchResponse r = search("반도체 허가 침몰 선박 사고");
  ASSERT_TRUE(r.relaxed);
  EXPECT_EQ(r.facets_sample, 0u);
  EXPECT_TRUE(r.total_is_exact);
  EXPECT_EQ(r.total_articles, 40u);
  EXPECT_EQ(sum(r.month_facets), 40u);
}

TEST_F(LoosenedCountsTest, ASourcesArticlesWithinTheSampleAreCountedExactlyAndItsSourceFacetsSaySampled) {
  SearchRequest request;
  request.query = "수출 반도체 허가 침몰 선박";
  request.sources = {"동해신문"};  // every third article: fewer than the sample
  const SearchResponse r = Searcher(db(), analyzer()).search(request);
  ASSERT_TRUE(r.relaxed);
  EXPECT_TRUE(r.total_is_exact);
  EXPECT_EQ(r.total_articles, (kArticles + 2) / 3);
  EXPECT_EQ(sum(r.month_facets), r.total_articles);
  // The source facets count every source's articles, more than the sample holds.
  EXPECT_EQ(r.facets_sample, Searcher::kLoosenedSample);
  EXPECT_EQ(sum(r.source_facets), Searcher::kLoosenedSample);
}

TEST_F(LoosenedCountsTest, AStrictQueryIsCountedExactlyHoweverManyItMatches) {
  const SearchResponse r = search("수출");
  EXPECT_FALSE(r.relaxed);
  EXPECT_EQ(r.facets_sample, 0u);
  EXPECT_TRUE(r.total_is_exact);
  EXPECT_EQ(r.total_articles, kArticles);
  EXPECT_EQ(sum(r.month_facets), kArticles);
}

}  // namespace
}  // namespace sinmun
