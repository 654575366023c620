#ifndef SINMUN_INDEXER_INDEXER_H_
#define SINMUN_INDEXER_INDEXER_H_

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "corpus/article.h"

namespace sinmun {

// Writes articles into a Xapian database, one upsert per article keyed by its id term, so
// that indexing the same input again changes nothing.
//
// Not thread-safe: one Indexer per database, used from one thread.
class Indexer {
 public:
  struct Options {
    std::size_t batch_size = 2000;  // articles per commit
  };

  // Opens `db_path`, creating the database if needed. Throws std::runtime_error when the
  // path is an existing file or a directory that is not a Xapian database, and
  // Xapian::Error when the database cannot be opened (locked, damaged, permissions).
  Indexer(const std::filesystem::path& db_path, const Analyzer& analyzer, Options options);
  Indexer(const std::filesystem::path& db_path, const Analyzer& analyzer)
      : Indexer(db_path, analyzer, Options{}) {}

  // Adds or replaces the article. If another article with the same id was added earlier in
  // this run, it is replaced and reported through `report` (ids must be unique).
  void add(const Article& article, const ProblemSink& report);

  // Commits pending changes. Also done every `batch_size` articles and by the destructor's
  // caller: call it before destruction, since a destructor must not throw.
  void commit();

  std::size_t added() const { return added_; }
  Xapian::doccount document_count() const { return db_.get_doccount(); }

 private:
  Xapian::WritableDatabase db_;
  const Analyzer& analyzer_;
  Options options_;
  std::size_t added_ = 0;
  std::size_t pending_ = 0;
  std::map<std::string, std::string> first_file_of_id_;
};

}  // namespace sinmun

#endif  // SINMUN_INDEXER_INDEXER_H_
