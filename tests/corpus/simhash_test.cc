#include "corpus/simhash.h"

#include <gtest/gtest.h>

#include <map>

#include "corpus/readers.h"
#include "tests/corpus/collect.h"

namespace sinmun {
namespace {

std::map<std::string, Article> sample_articles() {
  std::map<std::string, Article> out;
  testing::Collected c;
  const std::filesystem::path root = std::filesystem::path(SINMUN_SOURCE_DIR) / "corpus" / "sample";
  for (const CrawlFile& file : walk_crawl_directory(root, c.report())) read_crawl_file(file, c.sink(), c.report());
  for (Article& a : c.articles) out[a.id] = std::move(a);
  return out;
}

TEST(SimhashTest, TheSyndicatedPairIsANearDuplicate) {
  const auto articles = sample_articles();
  ASSERT_TRUE(articles.count("sample-0005") && articles.count("sample-0006"));
  const int distance = hamming(simhash(articles.at("sample-0005").body), simhash(articles.at("sample-0006").body));
  EXPECT_LE(distance, kSimhashNearDuplicate);
  EXPECT_LE(distance, 6) << "measured 6 when written; a rise means the signature got weaker";
}

TEST(SimhashTest, UnrelatedSampleArticlesAreFarApart) {
  const auto articles = sample_articles();
  ASSERT_GE(articles.size(), 71u);
  int closest = 64;
  std::string pair;
  for (auto a = articles.begin(); a != articles.end(); ++a) {
    for (auto b = std::next(a); b != articles.end(); ++b) {
      if (a->first == "sample-0005" && b->first == "sample-0006") continue;
      const int d = hamming(simhash(a->second.body), simhash(b->second.body));
      if (d < closest) {
        closest = d;
        pair = a->first + " / " + b->first;
      }
    }
  }
  EXPECT_GT(closest, kSimhashNearDuplicate + 4) << pair;
}

TEST(SimhashTest, SpacingPunctuationAndCaseDoNotMatter) {
  EXPECT_EQ(simhash("한국은행이 기준금리를 연 2.50%로 동결했다. GPU 수출"),
            simhash("한국은행이  기준금리를\n연 2.50 % 로 동결했다… gpu 수출"));
}

TEST(SimhashTest, IsStableAcrossRunsAndPlatforms) {
  // Stored in the index: a change here invalidates every collapse key already written.
  EXPECT_EQ(simhash(""), 0u);
  EXPECT_EQ(simhash("가"), 0x171b17a1c6704878u);
  EXPECT_EQ(simhash("반도체 수출이 늘었다"), 0x188446804551dc84u);
  EXPECT_NE(simhash("반도체 수출이 늘었다"), simhash("자동차 수입이 줄었다"));
}

TEST(SimhashTest, HammingCountsDifferingBits) {
  EXPECT_EQ(hamming(0, 0), 0);
  EXPECT_EQ(hamming(0, ~std::uint64_t{0}), 64);
  EXPECT_EQ(hamming(0b1011, 0b0001), 2);
}

}  // namespace
}  // namespace sinmun
