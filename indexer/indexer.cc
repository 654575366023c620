#include "indexer/indexer.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "corpus/readers.h"
#include "indexer/document_builder.h"
#include "indexer/file_ledger.h"
#include "indexer/hash.h"
#include "indexer/near_duplicates.h"
#include "indexer/ordered_pipeline.h"
#include "indexer/schema.h"

namespace sinmun {
namespace {

namespace fs = std::filesystem;

Xapian::WritableDatabase open_database(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (fs::is_regular_file(status)) {
    throw std::runtime_error(path.string() + " is a file, not a database directory; "
                             "give --db a new or existing database directory");
  }
  if (fs::is_directory(status) && !fs::is_empty(path, ec) && !fs::exists(path / "iamglass") &&
      !fs::exists(path / "iamchert")) {
    throw std::runtime_error(path.string() + " is a non-empty directory that is not a Xapian "
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
  std::uint64_t hash = 14695981039346656037ull;
  std::vector<char> buffer(1 << 20);
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
    hash = fnv1a64(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())), hash);
  }
  return to_hex(hash);
}

// The reason without its details ("invalid JSON: syntax error at …" → "invalid JSON"), for
// the grouped summary.
std::string reason_group(const std::string& reason) { return reason.substr(0, reason.find(':')); }

struct FileTask {
  const CrawlFile* file;
  std::string path;  // absolute: the ledger key
  std::uintmax_t size;
  std::int64_t mtime_ns;
  std::optional<LedgerEntry> previous;
};

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
    throw std::runtime_error(db_path.string() + " was indexed with '" + recorded +
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
      tasks.push_back({&file, path, file.size, mtime_ns(file.path), ledger.find(path)});
    }
  }
  stats.files_seen = tasks.size();

  const auto produce = [&](std::size_t i) {
    const FileTask& task = tasks[i];
    FileResult result;
    if (task.previous && task.previous->same_stamp(task.size, task.mtime_ns)) {
      result.outcome = task.previous->failure.empty() ? Outcome::kUnchanged : Outcome::kFailedBefore;
      return result;
    }
    result.hash = hash_file(task.file->path);
    if (task.previous && task.previous->failure.empty() && task.previous->content_hash == result.hash) {
      result.outcome = Outcome::kSameContent;  // touched, not changed
      return result;
    }
    const std::string file_term = FileLedger::file_term(task.path);
    read_crawl_file(
        *task.file,
        [&](Article&& article) {
          Xapian::Document doc = build_document(article, analyzer_);
          doc.add_boolean_term(file_term);
          result.documents.emplace_back(std::move(article.id), std::move(doc));
        },
        [&](const Problem& problem) { result.problems.push_back(problem); });
    return result;
  };

  std::map<std::string, std::string> file_of_id;  // duplicate ids across files in one run
  NearDuplicates near_duplicates(db_);
  std::size_t pending = 0;
  const auto consume = [&](std::size_t i, FileResult&& result) {
    const FileTask& task = tasks[i];
    switch (result.outcome) {
      case Outcome::kUnchanged:
        ++stats.files_unchanged;
        break;
      case Outcome::kFailedBefore:
        ++stats.files_failed_before;
        break;
      case Outcome::kSameContent:
        ++stats.files_unchanged;
        ledger.put({task.path, task.size, task.mtime_ns, result.hash, ""});
        break;
      case Outcome::kRead: {
        stats.bytes_read += task.size;
        for (const Problem& problem : result.problems) {
          if (problem.severity == Problem::Severity::kWarning) {
            ++stats.warnings;
          } else {
            ++stats.records_skipped;
            ++stats.skip_reasons[reason_group(problem.reason)];
          }
          report(problem);
        }
        if (result.documents.empty() && !result.problems.empty()) {
          // Keep whatever the file gave before: a failure must not delete good articles.
          ++stats.files_failed;
          ledger.put({task.path, task.size, task.mtime_ns, result.hash, result.problems.front().reason});
          break;
        }
        ++stats.files_indexed;
        const std::string file_term = FileLedger::file_term(task.path);
        std::set<Xapian::docid> previous(db_.postlist_begin(file_term), db_.postlist_end(file_term));
        for (auto& [id, doc] : result.documents) {
          const auto [it, inserted] = file_of_id.try_emplace(id, task.file->relative);
          if (!inserted) {
            ++stats.warnings;
            report({Problem::Severity::kWarning, task.file->relative, "",
                    "id '" + id + "' also used in " + it->second + "; this record replaces it"});
          }
          if (const std::string signature = doc.get_value(schema::kSimhashSlot); !signature.empty()) {
            doc.add_value(schema::kCollapseSlot, near_duplicates.assign(id, std::stoull(signature, nullptr, 16)));
          }
          previous.erase(db_.replace_document(schema::id_term(id), doc));
          ++stats.articles_added;
          ++pending;
        }
        for (Xapian::docid gone : previous) db_.delete_document(gone);
        stats.articles_removed += previous.size();
        ledger.put({task.path, task.size, task.mtime_ns, result.hash, ""});
        if (pending >= options_.batch_size) {
          db_.commit();
          pending = 0;
        }
        break;
      }
    }
    if (progress) progress(stats, tasks.size());
  };
  run_ordered_pipeline<FileResult>(tasks.size(), options_.jobs, 4 * options_.jobs, produce, consume);

  for (const LedgerEntry& entry : ledger.entries()) {
    if (seen.count(entry.path)) continue;
    const bool under_a_root = std::any_of(roots.begin(), roots.end(), [&](const CrawlRoot& root) {
      const std::string prefix = root.root.string();
      return entry.path == prefix || entry.path.starts_with(prefix + "/");
    });
    if (!under_a_root || fs::exists(entry.path)) continue;
    ++stats.files_vanished;
    if (!options_.prune) continue;
    const std::string file_term = FileLedger::file_term(entry.path);
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
