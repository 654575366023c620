#include "indexer/indexer.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <set>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "base/errors.h"
#include "corpus/line_chunks.h"
#include "corpus/readers.h"
#include "indexer/detail/document_builder.h"
#include "indexer/detail/file_ledger.h"
#include "indexer/detail/near_duplicates.h"
#include "indexer/detail/ordered_pipeline.h"
#include "schema/hash.h"
#include "schema/schema.h"
#include "schema/values.h"

namespace sinmun {
namespace {

namespace fs = std::filesystem;

Xapian::WritableDatabase open_database(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (fs::is_regular_file(status)) {
    throw EnvironmentError(path.string() + " is a file, not a database directory; "
                             "give --db a new or existing database directory");
  }
  if (fs::is_directory(status) && !fs::is_empty(path, ec) && !fs::exists(path / "iamglass") &&
      !fs::exists(path / "iamchert")) {
    throw EnvironmentError(path.string() + " is a non-empty directory that is not a Xapian "
                             "database; refusing to write into it");
  }
  return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
}

std::int64_t mtime_ns(const fs::path& path) {
  std::error_code ec;
  const auto time = fs::last_write_time(path, ec);
  if (ec) return 0;
  return std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
}

// Streams the file once; a read error gives an empty hash, which never equals a stored one.
std::string hash_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::uint64_t hash = kFnvSeed;
  std::vector<char> buffer(1 << 20);
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
    hash = fnv1a64(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())), hash);
  }
  return to_hex(hash);
}

// The reason without its details ("invalid JSON: syntax error at …" → "invalid JSON"), for
// the grouped summary.
std::string reason_group(const std::string& reason) { return reason.substr(0, reason.find(':')); }

// One unit of reading: a whole file, or one chunk of a big JSON Lines file (the chunks of a
// file are consecutive tasks).
struct FileTask {
  const CrawlFile* file;
  std::string path;  // absolute: the ledger key
  std::uintmax_t size;
  std::int64_t mtime_ns;
  std::optional<LedgerEntry> previous;
  std::optional<LineChunk> chunk;  // none: the whole file
  bool first_of_file = true;
  bool last_of_file = true;
  std::string hash;  // of the whole file, known in advance for a chunked one
};

bool is_big_json_lines(const CrawlFile& file, std::size_t chunk_bytes) {
  if (file.format != FileFormat::kJsonLines || file.size <= chunk_bytes) return false;
  std::ifstream in(file.path, std::ios::binary);
  char magic[2] = {0, 0};
  in.read(magic, 2);
  return !(magic[0] == '\x1f' && magic[1] == '\x8b');  // gzip is read whole
}

enum class Outcome { kUnchanged, kFailedBefore, kSameContent, kRead };

struct FileResult {
  Outcome outcome = Outcome::kRead;
  std::string hash;
  std::vector<std::pair<std::string, Xapian::Document>> documents;  // id, document
  std::vector<Problem> problems;
};

}  // namespace

Indexer::Indexer(const fs::path& db_path, const Analyzer& analyzer, IndexOptions options)
    : db_(open_database(db_path)), analyzer_(analyzer), options_(options) {
  if (options_.jobs == 0) options_.jobs = std::max(1u, std::thread::hardware_concurrency());
  const std::string recorded = db_.get_metadata(std::string(schema::kAnalyzerModeKey));
  if (!recorded.empty() && recorded != analyzer.mode() && db_.get_doccount() > 0) {
    throw DataError(db_path.string() + " was indexed with '" + recorded +
                             "' analysis, this run would use '" + analyzer.mode() +
                             "'; use the same dictionary settings, or index into a new database");
  }
  db_.set_metadata(std::string(schema::kAnalyzerModeKey), analyzer.mode());
}

IndexStats Indexer::index(const std::vector<CrawlRoot>& roots, const ProblemSink& report,
                          const ProgressSink& progress) {
  FileLedger ledger(db_);
  IndexStats stats;
  std::vector<FileTask> tasks;
  std::set<std::string> seen;
  for (const CrawlRoot& root : roots) {
    for (const CrawlFile& file : root.files) {
      const std::string path = fs::absolute(file.path).lexically_normal().string();
      if (!seen.insert(path).second) continue;  // given twice (overlapping roots)
      FileTask task{&file, path, file.size, mtime_ns(file.path), ledger.find(path), std::nullopt, true, true, ""};
      const bool unchanged = task.previous && task.previous->same_stamp(task.size, task.mtime_ns);
      if (unchanged || !is_big_json_lines(file, options_.chunk_bytes)) {
        tasks.push_back(std::move(task));
        continue;
      }
      std::uint64_t hash = kFnvSeed;
      const std::vector<LineChunk> chunks = plan_line_chunks(
          file.path, options_.chunk_bytes, [&](std::string_view bytes) { hash = fnv1a64(bytes, hash); });
      task.hash = to_hex(hash);
      for (std::size_t c = 0; c < chunks.size(); ++c) {
        FileTask piece = task;
        piece.chunk = chunks[c];
        piece.first_of_file = c == 0;
        piece.last_of_file = c + 1 == chunks.size();
        tasks.push_back(std::move(piece));
      }
    }
  }
  stats.files_seen = seen.size();

  // One analysis context per reading thread, sized by the options' memory bound.
  std::vector<std::unique_ptr<AnalysisContext>> contexts;
  for (unsigned j = 0; j < options_.jobs; ++j) {
    contexts.push_back(std::make_unique<AnalysisContext>(options_.analysis_cache_bytes));
  }
  const auto produce = [&](std::size_t i, unsigned worker) {
    const FileTask& task = tasks[i];
    FileResult result;
    if (task.previous && task.previous->same_stamp(task.size, task.mtime_ns)) {
      result.outcome = task.previous->failure.empty() ? Outcome::kUnchanged : Outcome::kFailedBefore;
      return result;
    }
    result.hash = task.chunk ? task.hash : hash_file(task.file->path);
    if (task.previous && task.previous->failure.empty() && task.previous->content_hash == result.hash) {
      result.outcome = Outcome::kSameContent;  // touched, not changed
      return result;
    }
    const std::string file_term = schema::file_term(task.path);
    const ArticleSink sink = [&](Article&& article) {
      Xapian::Document doc = build_document(article, analyzer_, *contexts[worker]);
      doc.add_boolean_term(file_term);
      result.documents.emplace_back(std::move(article.id), std::move(doc));
    };
    const ProblemSink collect = [&](const Problem& problem) { result.problems.push_back(problem); };
    if (task.chunk) {
      read_json_lines_chunk(*task.file, *task.chunk, sink, collect);
    } else {
      read_crawl_file(*task.file, sink, collect);
    }
    return result;
  };

  std::map<std::string, std::string> file_of_id;  // duplicate ids across files in one run
  NearDuplicates near_duplicates(db_);
  std::size_t pending = 0;
  // The file being written, across its chunks: its documents from before this run (those
  // not replaced are removed after its last chunk), and what its chunks gave.
  std::set<Xapian::docid> previous;
  std::size_t file_documents = 0;
  std::string first_problem;
  const auto consume = [&](std::size_t i, FileResult&& result) {
    const FileTask& task = tasks[i];
    if (result.outcome != Outcome::kRead) {
      if (!task.first_of_file) return;  // counted with the first chunk
      if (result.outcome == Outcome::kFailedBefore) {
        ++stats.files_failed_before;
      } else {
        ++stats.files_unchanged;
        if (result.outcome == Outcome::kSameContent) ledger.put({task.path, task.size, task.mtime_ns, result.hash, ""});
      }
      if (progress) progress(stats, stats.files_seen);
      return;
    }
    const std::string file_term = schema::file_term(task.path);
    if (task.first_of_file) {
      previous = std::set<Xapian::docid>(db_.postlist_begin(file_term), db_.postlist_end(file_term));
      file_documents = 0;
      first_problem.clear();
    }
    stats.bytes_read += task.chunk ? task.chunk->end - task.chunk->begin : task.size;
    for (const Problem& problem : result.problems) {
      if (problem.severity == Problem::Severity::kWarning) {
        ++stats.warnings;
      } else {
        ++stats.records_skipped;
        ++stats.skip_reasons[reason_group(problem.reason)];
        if (first_problem.empty()) first_problem = problem.reason;
      }
      report(problem);
    }
    for (auto& [id, doc] : result.documents) {
      const auto [it, inserted] = file_of_id.try_emplace(id, task.file->relative);
      if (!inserted) {
        ++stats.warnings;
        report({Problem::Severity::kWarning, task.file->relative, "",
                "id '" + id + "' also used in " + it->second + "; this record replaces it"});
      }
      // build_document() wrote the signature: it parses.
      if (const auto signature = schema::parse_simhash_value(doc.get_value(schema::kSimhashSlot))) {
        const std::string group = near_duplicates.assign(id, *signature);
        doc.add_value(schema::kCollapseSlot, group);
        doc.add_boolean_term(schema::group_term(group));
      }
      previous.erase(db_.replace_document(schema::id_term(id), doc));
      ++stats.articles_added;
      ++file_documents;
      ++pending;
    }
    if (task.last_of_file) {
      if (file_documents == 0 && !first_problem.empty()) {
        // Keep whatever the file gave before: a failure must not delete good articles.
        ++stats.files_failed;
        ledger.put({task.path, task.size, task.mtime_ns, result.hash, first_problem});
      } else {
        ++stats.files_indexed;
        for (Xapian::docid gone : previous) db_.delete_document(gone);
        stats.articles_removed += previous.size();
        ledger.put({task.path, task.size, task.mtime_ns, result.hash, ""});
      }
    }
    if (pending >= options_.batch_size) {
      db_.commit();
      pending = 0;
    }
    if (progress) progress(stats, stats.files_seen);
  };
  run_ordered_pipeline<FileResult>(tasks.size(), options_.jobs, 2 * options_.jobs, produce, consume);

  for (const LedgerEntry& entry : ledger.entries()) {
    if (seen.count(entry.path)) continue;
    const bool under_a_root = std::any_of(roots.begin(), roots.end(), [&](const CrawlRoot& root) {
      const std::string prefix = root.root.string();
      return entry.path == prefix || entry.path.starts_with(prefix + "/");
    });
    if (!under_a_root || fs::exists(entry.path)) continue;
    ++stats.files_vanished;
    if (!options_.prune) continue;
    const std::string file_term = schema::file_term(entry.path);
    const std::vector<Xapian::docid> gone(db_.postlist_begin(file_term), db_.postlist_end(file_term));
    for (Xapian::docid id : gone) db_.delete_document(id);
    stats.articles_removed += gone.size();
    ledger.erase(entry.path);
    ++stats.files_pruned;
  }
  db_.commit();
  return stats;
}

}  // namespace sinmun
