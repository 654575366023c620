#ifndef SINMUN_SEARCHER_SEARCHER_H_
#define SINMUN_SEARCHER_SEARCHER_H_

#include <string>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.h"

namespace sinmun {

struct SearchRequest {
  std::string query;
  Xapian::doccount limit = 10;
  Xapian::doccount offset = 0;
  bool with_snippets = true;  // off for batch evaluation, where only ids matter
};

struct SearchHit {
  Xapian::doccount rank = 0;  // 1-based, counting from the first result of the whole list
  std::string id;
  std::string title;
  std::string date;
  std::string source;
  std::string url;
  double score = 0;
  std::string snippet;  // HTML-escaped, matches in <mark>…</mark>
};

struct SearchResponse {
  std::string query;
  Xapian::doccount total = 0;
  bool total_is_exact = false;  // false: `total` is Xapian's estimate
  double took_ms = 0;
  std::vector<SearchHit> hits;
};

// Answers queries over one database (a directory or a Xapian stub file listing shards).
// Not thread-safe (Xapian::Database is not); use one Searcher per thread.
class Searcher {
 public:
  // Throws std::runtime_error if `db_path` does not exist, Xapian::Error if it is not a
  // database.
  Searcher(const std::string& db_path, const Analyzer& analyzer);

  SearchResponse search(const SearchRequest& request);

 private:
  Xapian::Database db_;
  const Analyzer& analyzer_;
};

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_SEARCHER_H_
