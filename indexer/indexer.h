#ifndef SINMUN_INDEXER_INDEXER_H_
#define SINMUN_INDEXER_INDEXER_H_

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "corpus/article.h"
#include "corpus/walker.h"

namespace sinmun {

// One crawl directory (or file) given on the command line and what the walker found in it.
struct CrawlRoot {
  std::filesystem::path root;  // absolute
  std::vector<CrawlFile> files;
};

struct IndexOptions {
  std::size_t batch_size = 2000;  // articles per commit: a killed run loses at most this many
  unsigned jobs = 0;              // reader/analyser threads; 0: one per core
  bool prune = false;             // remove articles of files that vanished from a crawl root
  // JSON Lines files bigger than this are read in chunks of about this size: in parallel,
  // and with memory bounded by the chunk rather than the file.
  std::size_t chunk_bytes = 1 << 20;
  // Bytes of analysed pieces each reading thread keeps (AnalysisContext): part of the
  // indexer's memory, jobs × this at most.
  std::size_t analysis_cache_bytes = AnalysisContext::kDefaultCacheBytes;
};

struct IndexStats {
  std::size_t files_seen = 0;
  std::size_t files_indexed = 0;     // new or changed, read this run
  std::size_t files_unchanged = 0;   // same size and mtime (or same content) as last time
  std::size_t files_failed = 0;      // gave no article this run
  std::size_t files_failed_before = 0;  // failed earlier and unchanged since: not read again
  std::size_t files_vanished = 0;    // in the ledger under a crawl root but gone
  std::size_t files_pruned = 0;      // of those, removed with --prune
  std::size_t articles_added = 0;    // added or replaced
  std::size_t articles_removed = 0;  // gone from a changed file, or pruned
  std::size_t records_skipped = 0;
  std::size_t warnings = 0;
  std::uintmax_t bytes_read = 0;
  std::map<std::string, std::size_t> skip_reasons;  // reason (without details) → count
};

// Called now and then from the writer thread with the counts so far.
using ProgressSink = std::function<void(const IndexStats& so_far, std::size_t files_total)>;

// Indexes crawl roots into a Xapian database incrementally: a file whose size and mtime (or
// content hash) match the ledger is not read again; a changed file has its articles replaced
// and those it no longer holds removed; a file that gave no article is remembered as failed
// and skipped until it changes. Articles are upserted by id, so nothing is ever duplicated.
// Reading, decoding and analysis run on `jobs` threads; one thread writes, in file order,
// so results and messages do not depend on thread timing.
//
// Not thread-safe itself: one Indexer per database at a time (Xapian locks the database).
class Indexer {
 public:
  // Opens `db_path`, creating the database if needed. Throws EnvironmentError when the
  // path is an existing file or a non-empty directory that is not a Xapian database, and
  // DataError when the database was built with another analysis mode (mixing them would make half
  // of the documents unfindable); Xapian::Error when the database cannot be opened
  // (locked, damaged, permissions).
  Indexer(const std::filesystem::path& db_path, const Analyzer& analyzer, IndexOptions options);

  // Problems go to `report` in file order; the database is committed before returning.
  IndexStats index(const std::vector<CrawlRoot>& roots, const ProblemSink& report,
                   const ProgressSink& progress = {});

  Xapian::doccount document_count() const { return db_.get_doccount(); }

 private:
  Xapian::WritableDatabase db_;
  const Analyzer& analyzer_;
  IndexOptions options_;
};

}  // namespace sinmun

#endif  // SINMUN_INDEXER_INDEXER_H_
