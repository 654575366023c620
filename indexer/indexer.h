#ifndef SINMUN_INDEXER_INDEXER_H_
#define SINMUN_INDEXER_INDEXER_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "corpus/article.h"
#include "corpus/record_stream.h"
#include "corpus/walker.h"

namespace sinmun {

class ShardSet;

// One crawl directory (or file) given on the command line and what the walker found in it.
struct CrawlRoot {
  std::filesystem::path root;  // absolute
  std::vector<CrawlFile> files;
};

// The name of a crawl root in ids and messages when several are indexed together: its
// directory's name ("/data/rootA/" → "rootA"; for a file given as a root, the name of the
// directory holding it). With more than one root, a file's path relative to its root — the id
// of a record without one, the `file` it is stored under, its name in messages — is
// prefixed by this and '/' ("rootA/txt/a.txt"), so that ids from paths are unique across the
// roots. Two roots of the same name share the prefix: files at the same place in both then
// give the same ids, and the id rule of Indexer::index() applies to them.
std::string crawl_root_name(const std::filesystem::path& root);

struct IndexOptions {
  std::size_t batch_size = 2000;  // articles per commit: a killed run loses at most this many
  unsigned jobs = 0;              // reader/analyser threads; 0: one per core
  bool prune = false;             // remove articles of files that vanished from a crawl root
  // JSON Lines and WARC files bigger than this (or gzip) are read as a stream of chunks of
  // about this many bytes of records, analysed in parallel: memory is bounded by the chunk
  // and `limits`, never by the file.
  std::size_t chunk_bytes = 1 << 20;
  // A longer body or title is cut to this, with a warning (--max-body-bytes): what analysis
  // and the Xapian document cost grows with it, some fifty times its size.
  std::size_t max_body_bytes = std::size_t{1} << 20;
  ReadLimits limits = {};  // per record and per file (--max-record-bytes, --max-inflate-ratio)
  // Bytes of analysed pieces each reading thread keeps (AnalysisContext): part of the
  // indexer's memory, jobs × this at most.
  std::size_t analysis_cache_bytes = AnalysisContext::kDefaultCacheBytes;
  // Shard databases for a new database (schema/shards.h), each with a thread of its own
  // that adds its new articles and commits; ≤ 1: one database. 0 also takes an existing database as it is; another
  // count than an existing one's is a UsageError.
  unsigned shards = 0;
  // false: commits do not wait for the disk (ShardSet::Durability::kUnsynced), for a
  // database that a machine crash makes the next run build again rather than resume (the
  // parts of a merged build, merged_build.h); a run that is interrupted waits for the disk
  // before it returns, so that it is resumed after a restart too.
  bool synced_commits = true;
};

struct IndexStats {
  std::size_t files_seen = 0;
  std::size_t files_indexed = 0;        // new or changed, read this run
  std::size_t files_unchanged = 0;      // same size and mtime (or same content) as last time
  std::size_t files_failed = 0;         // gave no article this run
  std::size_t files_failed_before = 0;  // failed earlier and unchanged since: not read again
  std::size_t files_vanished = 0;       // in the ledger under a crawl root but gone
  std::size_t files_pruned = 0;         // of those, removed with --prune
  std::size_t articles_added = 0;       // added or replaced
  std::size_t articles_removed = 0;     // gone from a changed file, or pruned
  std::size_t records_skipped = 0;
  std::size_t warnings = 0;
  std::size_t records_copied = 0;          // same id, title and body as an article indexed already
                                           // (from another file: then held by both): kept once
  std::size_t id_collisions = 0;           // same id as an article from another file, other text:
                                           // skipped (also in records_skipped)
  std::size_t template_lines_learned = 0;  // learned boilerplate lines, this run
  std::size_t articles_retemplated = 0;    // re-indexed without newly learned lines
  std::uintmax_t bytes_read = 0;
  // The progress by bytes: of the files whose size or mtime changed (those this run reads or
  // at least hashes), their total and how much of it is done.
  std::uintmax_t bytes_total = 0;
  std::uintmax_t bytes_done = 0;
  bool interrupted = false;                         // stopped early by the interrupt flag
  std::size_t files_left = 0;                       // not done because of the interruption
  std::map<std::string, std::size_t> skip_reasons;  // reason (without details) → count
};

// The seconds a run still needs, from its bytes: elapsed × bytes left / bytes done (0 before
// any byte is done, or when none is left). File counts would mislead: one big JSON Lines
// file can hold most of a crawl.
double seconds_left(const IndexStats& so_far, double elapsed_seconds);

// Called now and then from the writer thread with the counts so far.
using ProgressSink = std::function<void(const IndexStats& so_far, std::size_t files_total)>;

// Indexes crawl roots into a Xapian database incrementally: a file whose size and mtime (or
// content hash) match the ledger is not read again; a changed file has its articles replaced
// and those it no longer holds removed; a file that gave no article is remembered as failed
// and skipped until it changes. Reading, decoding and analysis run on `jobs` threads; one
// thread writes, in file order, so results and messages do not depend on thread timing.
//
// Ids: an article is keyed by its id (crawl_root_name() for ids from paths). A record whose id
// the database already holds from the same file replaces it (an upsert: re-indexing a file,
// changed or not, never duplicates). The same id from another file — in this run or an
// earlier one — is one article when the title and body are the same (it is then held by both
// files, and removed only when neither holds it) and an error otherwise: the later record is
// reported as an "id collision" naming both files, skipped and counted, and the first is
// kept. So is an id given twice in one file with different text.
//
// Learned boilerplate (detail/template_lines.h): lines a source prints under most of its
// articles are learned during the run, kept in the database, and neither indexed nor stored.
//
// Not thread-safe itself: one Indexer per database at a time (Xapian locks the database).
class Indexer {
 public:
  // Opens `db_path`, creating the database if needed. Throws EnvironmentError when the
  // path is an existing file or a non-empty directory that is not a Xapian database, and
  // DataError when the database was built with another analysis mode (mixing them would make half
  // of the documents unfindable); Xapian::Error when the database cannot be opened
  // (locked, damaged, permissions).
  // `db_path` may be a sharded database (IndexOptions::shards; detail/shard_set.h).
  Indexer(const std::filesystem::path& db_path, const Analyzer& analyzer, IndexOptions options);
  ~Indexer();

  // Problems go to `report` in file order; the database is committed before returning.
  // When `interrupt` becomes true (it may be set from a signal handler), no further file is
  // started: what was written is committed and the stats say interrupted; a later run reads
  // the files not done (and any file only partly written) again.
  IndexStats index(const std::vector<CrawlRoot>& roots, const ProblemSink& report, const ProgressSink& progress = {},
                   const std::atomic<bool>* interrupt = nullptr);

  Xapian::doccount document_count() const;
  // The analysis revision of the database's oldest documents: kAnalysisRevision unless it
  // was indexed by an older Sinmun (reanalyze_database() brings it up to date).
  int indexed_revision() const { return indexed_revision_; }
  // The database directories written: `db_path`, or each shard's.
  const std::vector<std::filesystem::path>& database_paths() const;

 private:
  std::unique_ptr<ShardSet> shards_;
  const Analyzer& analyzer_;
  IndexOptions options_;
  int indexed_revision_ = kAnalysisRevision;
};

// One line learned as a source's template text (--report-boilerplate).
struct LearnedBoilerplate {
  std::string source;  // as shown; empty for articles without a source
  std::string line;
  std::size_t articles = 0;  // the articles it was counted in when learned
};

// Every learned line of the database `db`, by source group then in order of learning.
// Throws DataError for a damaged metadata value.
std::vector<LearnedBoilerplate> learned_boilerplate(const Xapian::Database& db);

}  // namespace sinmun

#endif  // SINMUN_INDEXER_INDEXER_H_
