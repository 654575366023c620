// Counting beside the ranked passes (SearchSettings::count_beside): the totals and facets
// counted on a second reader's thread are those counted after the ranking, for every kind of
// query; the second reader is used only at the revision the searcher reads.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <vector>

#include "searcher/detail/second_reader.h"
#include "searcher/output.h"
#include "searcher/searcher.h"
#include "tests/support/index_crawl.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

using testing::TempDir;

// The response as the API gives it, without its time.
nlohmann::json comparable(const SearchResponse& response) {
  nlohmann::json json = nlohmann::json::parse(to_json(response));
  json.erase("took_ms");
  return json;
}

class CountBesideTest : public ::testing::Test {
 protected:
  // More articles than a loosened query's sample, of words drawn from a small vocabulary
  // (fixed seed), three sources, two years of months; every seventh article a copy of the one
  // before under another source, so that stories fold.
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const std::vector<std::string> vocabulary = {"수출", "반도체", "공장", "허가", "신청", "정부", "발표", "시장",
                                                 "기업", "투자",   "경제", "성장", "증가", "감소", "전망", "회의",
                                                 "국회", "법안",   "통과", "선박", "사고", "조사", "경찰", "학교",
                                                 "학생", "교육",   "병원", "환자", "날씨", "기온", "바람", "축구",
                                                 "경기", "선수",   "우승", "영화", "음악", "공연", "관객", "지역"};
    const std::vector<std::string> sources = {"한빛일보", "동해신문", "새벽뉴스"};
    std::mt19937 rng(20261201);
    std::uniform_int_distribution<std::size_t> word(0, vocabulary.size() - 1);
    std::string lines;
    std::string previous_body;
    for (Xapian::doccount i = 0; i < kArticles; ++i) {
      std::string body;
      if (i % 7 == 6) {
        body = previous_body;
      } else {
        // The later a word in the vocabulary, the likelier: some words are in most articles.
        for (int w = 0; w < 30; ++w) body += vocabulary[std::max(word(rng), word(rng))] + (w % 6 == 5 ? ". " : " ");
      }
      previous_body = body;
      const std::string month = std::to_string(1 + i % 12);
      lines += nlohmann::json{{"id", "c-" + std::to_string(i)},
                              {"title", ""},
                              {"body", body},
                              {"date",
                               std::string(i % 2 ? "2024-" : "2025-") + (month.size() == 1 ? "0" : "") + month + "-15"},
                              {"source", sources[i % sources.size()]}}
                   .dump() +
               "\n";
    }
    dir_->write("crawl/c.jsonl", lines);
    testing::index_crawl(dir_->path() / "crawl", db(), analyzer());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static const Analyzer& analyzer() {
    static const Analyzer ngrams;  // the counting does not depend on the analysis
    return ngrams;
  }
  static std::string db() { return (dir_->path() / "db").string(); }

  static SearchSettings counting(bool beside) {
    SearchSettings settings;
    settings.count_beside = beside;
    return settings;
  }

  static constexpr Xapian::doccount kArticles = Searcher::kLoosenedSample + 200;
  static TempDir* dir_;
};

TempDir* CountBesideTest::dir_ = nullptr;

TEST_F(CountBesideTest, CountingBesideTheRankingGivesTheResponsesCountingAfterItGives) {
  Searcher beside(db(), analyzer(), counting(true));
  Searcher after(db(), analyzer(), counting(false));
  struct Case {
    std::string query;
    void (*adjust)(SearchRequest&);
    bool loosened;  // what the case is there for: a loosened query,
    bool sampled;   // counted over its best matches
  };
  const auto none = [](SearchRequest&) {};
  // Rare words (early in the vocabulary) with common ones: few articles have them all.
  const std::string sampled = "수출 반도체 공장 허가 지역 관객";
  const std::vector<Case> cases = {
      {"관객", none, false, false},
      {"수출 학생", none, false, false},  // a short query, its partial matches after the full
      {sampled, none, true, true},
      {"수출 반도체 공장 허가 신청 정부", none, true, false},  // fewer matches than the sample
      // One source's articles fit in the sample; the source facets, counted without it, do not.
      {sampled, [](SearchRequest& r) { r.sources = {"동해신문"}; }, true, true},
      {sampled, [](SearchRequest& r) { r.date_from = "2025-03-01"; }, true, true},
      {sampled, [](SearchRequest& r) { r.collapse = false; }, true, true},
      {sampled, [](SearchRequest& r) { r.offset = 20; }, true, true},
      {"지역 관객 공연 음악 영화 우승", [](SearchRequest& r) { r.strict = true; }, false, false},
      {"관객 공연",
       [](SearchRequest& r) {
         r.sources = {"새벽뉴스", "한빛일보"};
       },
       false, false},
      {"관객 공연", [](SearchRequest& r) { r.offset = 20; }, false, false},
      {"\"공연 관객\"", none, false, false},
  };
  for (const Case& c : cases) {
    SearchRequest request;
    request.query = c.query;
    c.adjust(request);
    const nlohmann::json expected = comparable(after.search(request));
    EXPECT_EQ(comparable(beside.search(request)), expected) << c.query;
    EXPECT_EQ(expected["relaxed"], c.loosened) << c.query;
    EXPECT_EQ(expected["facets_sample"].get<int>() > 0, c.sampled) << c.query;
    EXPECT_GT(expected["total"].get<int>() + expected["partial_matches"].get<int>(), 0) << c.query;
  }
}

TEST_F(CountBesideTest, ASearcherReopenedAfterACommitCountsTheNewArticles) {
  TempDir crawl;
  crawl.write("crawl/one.jsonl", R"({"id": "n-1", "title": "", "body": "오로라 관측 소식", "date": "2025-12-01"})"
                                 "\n");
  const std::string copy = (crawl.path() / "db").string();
  testing::index_crawl(crawl.path() / "crawl", copy, analyzer());
  Searcher searcher(copy, analyzer(), counting(true));
  SearchRequest request;
  request.query = "오로라";
  EXPECT_EQ(searcher.search(request).total_articles, 1u);

  crawl.write("crawl/two.jsonl", R"({"id": "n-2", "title": "", "body": "오로라 사진 공개", "date": "2025-11-01"})"
                                 "\n");
  testing::index_crawl(crawl.path() / "crawl", copy, analyzer());
  ASSERT_TRUE(searcher.reopen());
  const SearchResponse response = searcher.search(request);
  EXPECT_EQ(response.total_articles, 2u);
  EXPECT_EQ(response.hits.size(), 2u);
  ASSERT_EQ(response.month_facets.size(), 2u);
  EXPECT_EQ(response.month_facets[0].value, "2025-12");
}

TEST(SecondReaderTest, IsUsedOnlyAtTheRevisionOfTheSearchersHandle) {
  TempDir dir;
  const std::string path = (dir.path() / "db").string();
  Xapian::WritableDatabase writer(path, Xapian::DB_CREATE);
  writer.add_document(Xapian::Document());
  writer.commit();
  Xapian::Database main(path);
  detail::SecondReader second;
  second.open(read_shard_specs(path), main);
  ASSERT_NE(second.get(), nullptr);
  EXPECT_EQ(second.get()->get_doccount(), 1u);

  writer.add_document(Xapian::Document());
  writer.commit();
  second.follow(main);  // the searcher did not reopen: the second reader is a commit ahead
  EXPECT_EQ(second.get(), nullptr);
  main.reopen();
  second.follow(main);
  ASSERT_NE(second.get(), nullptr);
  EXPECT_EQ(second.get()->get_doccount(), 2u);
}

TEST(SecondReaderTest, ThereIsNoneOverShards) {
  TempDir dir;
  for (const char* shard : {"shard-000", "shard-001"}) {
    Xapian::WritableDatabase writer((dir.path() / shard).string(), Xapian::DB_CREATE);
    writer.add_document(Xapian::Document());
    writer.commit();
  }
  dir.write("XAPIANDB", "glass shard-000\nglass shard-001\n");
  std::vector<std::string> missing;
  const std::vector<ShardSpec> specs = read_shard_specs(dir.path().string());
  const Xapian::Database main = open_shards(specs, {}, missing);
  detail::SecondReader second;
  second.open(specs, main);
  EXPECT_EQ(second.get(), nullptr);
}

}  // namespace
}  // namespace sinmun
