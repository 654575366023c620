#include "indexer/indexer.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <set>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "base/errors.h"
#include "corpus/readers.h"
#include "corpus/record_stream.h"
#include "corpus/text_utils.h"
#include "indexer/detail/article_writer.h"
#include "indexer/detail/file_ledger.h"
#include "indexer/detail/ordered_pipeline.h"
#include "indexer/detail/shard_set.h"
#include "indexer/detail/template_learner.h"
#include "schema/hash.h"
#include "schema/schema.h"

namespace sinmun {
namespace {

namespace fs = std::filesystem;

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

fs::path without_trailing_separator(fs::path path) {
  while (!path.has_filename() && path.has_relative_path()) path = path.parent_path();
  return path;
}

// One unit of reading: a whole file, or one chunk of a streamed file (its chunks are
// consecutive tasks, the last one empty: the end of the file).
struct FileTask {
  CrawlFile file;    // `relative` with the root's name in front when there are several roots
  std::string path;  // absolute: the ledger key
  std::uintmax_t size;
  std::int64_t mtime_ns;
  std::optional<LedgerEntry> previous;
  std::shared_ptr<const RecordChunk> chunk;  // none: the whole file
  bool first_of_file = true;
  bool last_of_file = true;
  std::string hash;            // of the whole file, known in advance for a streamed one
  std::uintmax_t piece_bytes;  // of the file's size, the part this chunk stands for

  bool same_stamp() const { return previous && previous->same_stamp(size, mtime_ns); }
  // As the ledger saw it, and what happened then would happen again. A failure of the
  // machine rather than the file (cannot open: Permission denied, a read error) is tried
  // again: the chmod or remount that fixes it changes no size and no mtime.
  bool settled() const {
    return same_stamp() && !previous->failure.starts_with("cannot open:") && previous->failure != "read error";
  }
  std::uintmax_t bytes() const { return chunk ? piece_bytes : size; }
};

// JSON Lines and WARC files bigger than a chunk (or gzip: a small one may inflate to
// gigabytes) are read as a stream of chunks of records, never whole.
bool is_streamed(const CrawlFile& file, std::size_t chunk_bytes) {
  if (file.format != FileFormat::kJsonLines && file.format != FileFormat::kWarc) return false;
  if (file.size > chunk_bytes) return true;
  std::ifstream in(file.path, std::ios::binary);
  char magic[2] = {0, 0};
  in.read(magic, 2);
  return magic[0] == '\x1f' && magic[1] == '\x8b';
}

// A body (or title) costs some fifty times its size while analysed and in its Xapian
// document: beyond `max_bytes` it is cut, with a warning, rather than the article skipped,
// so that the story's start (all a reader looks at) stays findable.
void cut_oversized(Article& article, std::size_t max_bytes, const ProblemSink& report) {
  for (auto [field, text] : {std::pair<const char*, std::string*>{"body", &article.body}, {"title", &article.title}}) {
    const std::size_t size = text->size();
    if (!cut_text(*text, max_bytes)) continue;
    report({Problem::Severity::kWarning, article.file, "id " + article.id,
            std::string(field) + " of " + std::to_string(size) + " bytes cut to its first " +
                std::to_string(text->size()) + " (--max-body-bytes)"});
  }
}

enum class Outcome { kUnchanged, kFailedBefore, kSameContent, kRead, kNotDone };

struct FileResult {
  Outcome outcome = Outcome::kRead;
  std::string hash;
  std::vector<BuiltArticle> articles;
  std::vector<Problem> problems;
};

}  // namespace

Indexer::Indexer(const fs::path& db_path, const Analyzer& analyzer, IndexOptions options)
    : shards_(std::make_unique<ShardSet>(
          db_path, options.shards,
          options.synced_commits ? ShardSet::Durability::kSynced : ShardSet::Durability::kUnsynced)),
      analyzer_(analyzer),
      options_(options) {
  if (options_.jobs == 0) options_.jobs = std::max(1u, std::thread::hardware_concurrency());
  const std::string recorded = shards_->metadata().get_metadata(std::string(schema::kAnalyzerModeKey));
  if (!recorded.empty() && recorded != analyzer.mode() && shards_->all().get_doccount() > 0) {
    throw DataError(db_path.string() + " was indexed with '" + recorded + "' analysis, this run would use '" +
                    analyzer.mode() + "'; use the same dictionary settings, or index into a new database");
  }
  shards_->set_metadata_everywhere(std::string(schema::kAnalyzerModeKey), analyzer.mode());
  if (shards_->all().get_doccount() == 0) {
    shards_->set_metadata_everywhere(std::string(schema::kAnalysisRevisionKey), std::to_string(kAnalysisRevision));
  } else {
    // Kept as it is: the oldest documents still have the old terms (until --reanalyze).
    indexed_revision_ = schema::recorded_analysis_revision(shards_->metadata());
  }
}

Indexer::~Indexer() = default;

Xapian::doccount Indexer::document_count() const { return shards_->all().get_doccount(); }

const std::vector<fs::path>& Indexer::database_paths() const { return shards_->paths(); }

IndexStats Indexer::index(const std::vector<CrawlRoot>& roots, const ProblemSink& report, const ProgressSink& progress,
                          const std::atomic<bool>* interrupt) {
  const auto interrupted = [interrupt] { return interrupt && interrupt->load(); };
  FileLedger ledger(*shards_);
  Xapian::WritableDatabase& db = shards_->all();
  IndexStats stats;
  std::vector<FileTask> tasks;
  std::set<std::string> seen;
  std::unordered_map<std::string, std::string> path_of_file_term;
  for (const CrawlRoot& root : roots) {
    const std::string name = roots.size() > 1 ? crawl_root_name(root.root) : "";
    for (const CrawlFile& found : root.files) {
      const std::string path = fs::absolute(found.path).lexically_normal().string();
      if (!seen.insert(path).second) continue;  // given twice (overlapping roots)
      path_of_file_term.emplace(schema::file_term(path), path);
      CrawlFile file = found;
      if (!name.empty()) file.relative = name + "/" + file.relative;
      FileTask task{file, path, file.size, mtime_ns(file.path), ledger.find(path), nullptr, true, true, "", 0};
      if (!task.settled()) stats.bytes_total += task.size;
      tasks.push_back(std::move(task));
    }
  }
  stats.files_seen = seen.size();

  ArticleWriter writer(*shards_, analyzer_, ledger, stats, report, options_.batch_size, std::move(path_of_file_term));
  // One analysis context per reading thread, sized by the options' memory bound.
  std::vector<std::unique_ptr<AnalysisContext>> contexts;
  for (unsigned j = 0; j < options_.jobs; ++j) {
    contexts.push_back(std::make_unique<AnalysisContext>(options_.analysis_cache_bytes));
  }
  // The tasks in order, a streamed file as its chunks: cut here, one call at a time, while
  // the reading threads analyse the chunks cut before.
  std::size_t next_file = 0;
  std::unique_ptr<RecordStream> stream;  // of `streamed`, while its chunks are given out
  FileTask streamed;
  std::uintmax_t streamed_bytes = 0;  // of its size, the part its chunks so far stand for (read)
  bool stopped = false;               // by the interrupt flag, before every task was given
  const auto next = [&]() -> std::optional<FileTask> {
    if (interrupted()) {
      stopped = next_file < tasks.size() || stream;
      return std::nullopt;
    }
    if (stream) {
      auto chunk = std::make_shared<RecordChunk>();
      FileTask piece = streamed;
      piece.first_of_file = false;
      if (stream->next(options_.chunk_bytes, *chunk)) {
        piece.last_of_file = false;
        piece.piece_bytes = std::min<std::uintmax_t>(stream->file_bytes_read(), streamed.size) - streamed_bytes;
      } else {
        stream.reset();
        piece.piece_bytes = streamed.size - streamed_bytes;
      }
      streamed_bytes += piece.piece_bytes;
      piece.chunk = std::move(chunk);
      return piece;
    }
    if (next_file >= tasks.size()) return std::nullopt;
    FileTask task = tasks[next_file++];
    if (task.settled() || !is_streamed(task.file, options_.chunk_bytes)) return task;
    task.hash = hash_file(task.file.path);
    if (task.previous && task.previous->failure.empty() && task.previous->content_hash == task.hash) return task;
    stream = std::make_unique<RecordStream>(task.file, options_.limits);
    streamed = task;
    streamed_bytes = 0;
    auto chunk = std::make_shared<RecordChunk>();
    stream->next(options_.chunk_bytes, *chunk);  // the first chunk: there always is one
    task.last_of_file = false;
    task.piece_bytes = std::min<std::uintmax_t>(stream->file_bytes_read(), task.size);
    streamed_bytes = task.piece_bytes;
    task.chunk = std::move(chunk);
    return task;
  };
  const auto produce = [&](const FileTask& task, unsigned worker) {
    FileResult result;
    if (interrupted()) {
      result.outcome = Outcome::kNotDone;
      return result;
    }
    if (task.settled()) {
      result.outcome = task.previous->failure.empty() ? Outcome::kUnchanged : Outcome::kFailedBefore;
      return result;
    }
    result.hash = task.hash.empty() ? hash_file(task.file.path) : task.hash;
    if (task.previous && task.previous->failure.empty() && task.previous->content_hash == result.hash) {
      result.outcome = Outcome::kSameContent;  // touched, not changed
      return result;
    }
    const std::shared_ptr<const TemplateSnapshot> learned = writer.templates().snapshot();
    const ProblemSink collect = [&](const Problem& problem) { result.problems.push_back(problem); };
    const ArticleSink sink = [&](Article&& article) {
      cut_oversized(article, options_.max_body_bytes, collect);
      result.articles.push_back(build_article(std::move(article), *learned, analyzer_, *contexts[worker]));
    };
    if (task.chunk) {
      read_record_chunk(task.file, *task.chunk, sink, collect);
    } else {
      read_crawl_file(task.file, sink, collect, options_.limits);
    }
    return result;
  };

  // The file being written, across its chunks: its documents from before this run (those
  // not written again are released after its last chunk), and what its chunks gave.
  FileInWriting file;
  const auto consume = [&](FileTask&& task, FileResult&& result) {
    // Once interrupted, nothing more is written: a file cut short has no new ledger entry,
    // so the next run reads it again.
    if (result.outcome == Outcome::kNotDone || interrupted()) {
      stats.interrupted = true;
      return;
    }
    if (result.outcome != Outcome::kRead) {
      if (!task.first_of_file) return;  // counted with the first chunk
      if (result.outcome == Outcome::kFailedBefore) {
        ++stats.files_failed_before;
      } else {
        ++stats.files_unchanged;
        if (result.outcome == Outcome::kSameContent) {
          stats.bytes_done += task.size;
          ledger.put({task.path, task.size, task.mtime_ns, result.hash, ""});
        }
      }
      if (progress) progress(stats, stats.files_seen);
      return;
    }
    if (task.first_of_file) {
      file = writer.begin_file(task.path, task.file.relative);
    }
    stats.bytes_read += task.bytes();
    stats.bytes_done += task.bytes();
    for (const Problem& problem : result.problems) {
      if (problem.severity == Problem::Severity::kWarning) {
        ++stats.warnings;
      } else {
        ++stats.records_skipped;
        ++stats.skip_reasons[reason_group(problem.reason)];
        if (file.first_problem.empty()) file.first_problem = problem.reason;
      }
      report(problem);
    }
    for (BuiltArticle& article : result.articles) writer.put(file, std::move(article));
    if (task.last_of_file) {
      if (file.written.empty() && !file.first_problem.empty()) {
        // Keep whatever the file gave before: a failure must not delete good articles.
        ++stats.files_failed;
        ledger.put({task.path, task.size, task.mtime_ns, result.hash, file.first_problem});
      } else {
        ++stats.files_indexed;
        for (Xapian::docid gone : file.previous) writer.release(gone, file.term);
        ledger.put({task.path, task.size, task.mtime_ns, result.hash, ""});
      }
    }
    writer.commit();
    if (progress) progress(stats, stats.files_seen);
  };
  run_ordered_stream<FileTask, FileResult>(options_.jobs, 2 * options_.jobs, next, produce, consume);
  if (stopped) stats.interrupted = true;

  shards_->drain();  // from here on everything runs on this thread
  if (!stats.interrupted) {
    for (const LedgerEntry& entry : ledger.entries()) {
      if (seen.count(entry.path)) continue;
      const bool under_a_root = std::any_of(roots.begin(), roots.end(), [&](const CrawlRoot& root) {
        const std::string prefix = without_trailing_separator(root.root).string();
        return entry.path == prefix || entry.path.starts_with(prefix + "/");
      });
      if (!under_a_root || fs::exists(entry.path)) continue;
      ++stats.files_vanished;
      if (!options_.prune) continue;
      const std::string file_term = schema::file_term(entry.path);
      const std::vector<Xapian::docid> gone(db.postlist_begin(file_term), db.postlist_end(file_term));
      for (Xapian::docid id : gone) writer.release(id, file_term);
      ledger.erase(entry.path);
      ++stats.files_pruned;
    }
  }
  // What this run counted is decided on even when it was interrupted: the files it wrote are
  // not read again.
  writer.decide_templates();
  stats.files_left =
      stats.files_seen - stats.files_indexed - stats.files_unchanged - stats.files_failed - stats.files_failed_before;
  writer.commit(true);
  if (stats.interrupted) shards_->sync_to_disk();
  return stats;
}

std::string crawl_root_name(const fs::path& root) {
  const fs::path path = without_trailing_separator(root);
  std::error_code ec;
  return (fs::is_directory(path, ec) ? path.filename() : path.parent_path().filename()).generic_string();
}

double seconds_left(const IndexStats& so_far, double elapsed_seconds) {
  if (so_far.bytes_done == 0 || so_far.bytes_done >= so_far.bytes_total) return 0;
  return elapsed_seconds * static_cast<double>(so_far.bytes_total - so_far.bytes_done) /
         static_cast<double>(so_far.bytes_done);
}

std::vector<LearnedBoilerplate> learned_boilerplate(const Xapian::Database& db) {
  std::vector<LearnedBoilerplate> out;
  for (const auto& [group, learned] : read_learned_lines(db)) {
    for (const LearnedLines::Line& line : learned.lines) out.push_back({learned.source, line.text, line.articles});
  }
  return out;
}

}  // namespace sinmun
