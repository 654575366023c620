// Indexes a crawl directory written by a test into a database, in process, failing the test
// on any problem the indexer reports. For tests that link sinmun::indexer.
#ifndef SINMUN_TESTS_SUPPORT_INDEX_CRAWL_H_
#define SINMUN_TESTS_SUPPORT_INDEX_CRAWL_H_

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "analyzers/analyzer.h"
#include "corpus/walker.h"
#include "indexer/indexer.h"
#include "tests/support/temp_dir.h"

namespace sinmun::testing {

inline void index_crawl(const std::filesystem::path& crawl, const std::string& db, const Analyzer& analyzer) {
  const auto root = std::filesystem::absolute(crawl);
  const std::vector<CrawlRoot> roots = {{root, walk_crawl_directory(root, [](const Problem&) {})}};
  Indexer(db, analyzer, {}).index(roots, [](const Problem& p) { ADD_FAILURE() << describe(p); });
}

// Writes one JSON Lines article per (id, body) pair under `dir` (no title, dated 2025-12-01)
// and indexes that crawl into `db`: for tests about what a few sentences make findable.
inline void index_bodies(const TempDir& dir, const std::vector<std::pair<std::string, std::string>>& articles,
                         const std::string& db, const Analyzer& analyzer) {
  std::string lines;
  for (const auto& [id, body] : articles) {
    lines += nlohmann::json{{"id", id}, {"title", ""}, {"body", body}, {"date", "2025-12-01"}}.dump() + "\n";
  }
  dir.write("crawl/a.jsonl", lines);
  index_crawl(dir.path() / "crawl", db, analyzer);
}

}  // namespace sinmun::testing

#endif  // SINMUN_TESTS_SUPPORT_INDEX_CRAWL_H_
