// An export lists a query's matches in search()'s order, also where a short query's
// near-words bonus reorders its best matches.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "searcher/export.h"
#include "searcher/searcher.h"
#include "tests/support/dictionary.h"
#include "tests/support/index_crawl.h"
#include "tests/support/installed_analyzer.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

using testing::TempDir;

class ExportOrderTest : public ::testing::Test {
 protected:
  // Short articles with 수출 and 허가 far apart, which rank first by the words alone, and
  // longer ones with 수출 허가 side by side, which only the near-words bonus lifts: over
  // every match it would lift them past the best kProximityWindow that search() reorders.
  void SetUp() override {
    SINMUN_REQUIRE_DICTIONARY();
    analyzer_ = testing::installed_analyzer();
    const std::vector<std::string> filler = {"정부", "발표", "시장", "기업", "투자", "경제", "성장", "회의",
                                             "국회", "법안", "조사", "학교", "병원", "날씨", "경기", "공연"};
    std::mt19937 rng(5);
    std::uniform_int_distribution<std::size_t> pick(0, filler.size() - 1);
    const auto words = [&](int n) {
      std::string text;
      for (int i = 0; i < n; ++i) text += filler[pick(rng)] + " ";
      return text;
    };
    std::vector<std::pair<std::string, std::string>> articles;
    for (int i = 0; i < 20; ++i) articles.emplace_back("far-" + std::to_string(i), "수출 " + words(12) + "허가");
    for (int i = 0; i < 30; ++i)
      articles.emplace_back("near-" + std::to_string(i), words(30) + "수출 허가 " + words(30));
    // A word longer than those, the words side by side: ranked after them by the words, first
    // by the bonus, within the window.
    for (int i = 0; i < 5; ++i) articles.emplace_back("close-" + std::to_string(i), words(13) + "수출 허가");
    // Articles without the words, so that they are rare enough to weigh.
    for (int i = 0; i < 200; ++i) articles.emplace_back("other-" + std::to_string(i), words(20));
    testing::index_bodies(dir_, articles, db(), *analyzer_);
  }
  std::string db() const { return (dir_.path() / "db").string(); }

  static std::vector<std::string> exported_ids(Searcher& searcher, const SearchRequest& request, bool all) {
    Exporter exporter(searcher, request, ExportFormat::kJsonl, {ExportField::kId}, all);
    std::string out;
    for (std::string piece = exporter.next(); !piece.empty(); piece = exporter.next()) out += piece;
    std::vector<std::string> ids;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) ids.push_back(nlohmann::json::parse(line)["id"]);
    return ids;
  }

  TempDir dir_;
  const Analyzer* analyzer_ = nullptr;
};

TEST_F(ExportOrderTest, AShortQuerysExportListsItsMatchesInTheOrderSearchListsThem) {
  Searcher searcher(db(), *analyzer_);
  SearchRequest request;
  request.query = "수출 허가";
  request.limit = 55;
  request.with_snippets = false;
  std::vector<std::string> searched;
  for (const SearchHit& hit : searcher.search(request).hits) searched.push_back(hit.id);
  ASSERT_EQ(searched.size(), 55u);
  for (std::size_t i = 0; i < 5; ++i) ASSERT_EQ(searched[i].substr(0, 6), "close-") << "the bonus within the window";
  ASSERT_EQ(searched.back().substr(0, 5), "near-") << "the bonus lifts no article past the window";
  EXPECT_EQ(exported_ids(searcher, request, true), searched);

  // From an offset inside the window and past it, a page at a time as search() pages.
  for (const Xapian::doccount offset : {3u, 29u, 30u, 35u}) {
    request.offset = offset;
    request.limit = 20;
    const std::vector<std::string> page(searched.begin() + offset, searched.begin() + offset + 20);
    EXPECT_EQ(exported_ids(searcher, request, false), page) << "offset " << offset;
  }
}

}  // namespace
}  // namespace sinmun
