// Indexes a crawl directory written by a test into a database, in process, failing the test
// on any problem the indexer reports. For tests that link sinmun::indexer.
#ifndef SINMUN_TESTS_SUPPORT_INDEX_CRAWL_H_
#define SINMUN_TESTS_SUPPORT_INDEX_CRAWL_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "corpus/walker.h"
#include "indexer/indexer.h"

namespace sinmun::testing {

inline void index_crawl(const std::filesystem::path& crawl, const std::string& db, const Analyzer& analyzer) {
  const auto root = std::filesystem::absolute(crawl);
  const std::vector<CrawlRoot> roots = {{root, walk_crawl_directory(root, [](const Problem&) {})}};
  Indexer(db, analyzer, {}).index(roots, [](const Problem& p) { ADD_FAILURE() << describe(p); });
}

}  // namespace sinmun::testing

#endif  // SINMUN_TESTS_SUPPORT_INDEX_CRAWL_H_
