// sinmun-index: reads crawl directories and upserts their articles into a Xapian database.
#include <xapian.h>
#include <boost/program_options.hpp>

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/dictionary_location.h"
#include "base/errors.h"
#include "cli/cli.h"
#include "corpus/readers.h"
#include "corpus/walker.h"
#include "indexer/compaction.h"
#include "indexer/indexer.h"
#include "indexer/merged_build.h"
#include "indexer/reanalysis.h"
#include "schema/lexicon_files.h"
#include "schema/schema.h"

namespace po = boost::program_options;

namespace {

constexpr const char* kUsage = R"(usage: sinmun-index --db DIR [options] CRAWL_DIR...
       sinmun-index --db DIR --report-boilerplate

Reads every article under the crawl directories (recursively: .jsonl, .json, .txt, .html,
.warc, and any of them .gz) and adds it to the Xapian database DIR, creating it if needed.
Re-runs read only new or changed files (size, mtime and content hash are kept in the
database); files that failed are skipped until they change. Bad records are reported on
stderr and skipped; every good record is still indexed.

ids: an article is keyed by its record's own id, else by its file's path relative to the
crawl directory (with #N for the N-th record of a multi-record file). With more than one
CRAWL_DIR, that path starts with the directory's name (rootA/txt/a.txt), so paths never
clash across directories; two directories of the same name share it, and then the rule
below applies. Indexing a file again replaces its articles (an upsert). The same id from
another file is one article when title and body are the same, and otherwise an "id
collision": reported with both files, the later record skipped, the first kept.

memory: .jsonl and .warc files (plain or .gz) are read record by record, never whole, so
memory does not grow with the crawl. A record over --max-record-bytes is skipped (with
its file and line), a body over --max-body-bytes is cut with a warning, and a .gz that
inflates beyond --max-inflate-ratio is reported as a decompression bomb.

writers: Xapian writes a database on one thread, so a new database is written by --writers
threads (one per core) into as many parts in DIR.building, which are merged into one
database at DIR when the run ends (Xapian's compaction, which a bulk load ends with anyway).
Interrupted, the same command resumes DIR.building and merges it. Later runs update DIR
on one writer. The parts' commits do not wait for the disk (the merged database does): after
a machine crash or power loss during that first build, the next run builds it from the start.

boilerplate: a line that a source prints verbatim under (or over) many of its articles
(at least 20 articles and 30% of that source's) is learned as template text: it is not
indexed nor stored, in this run and later ones. --report-boilerplate lists the learned
lines: source<TAB>articles<TAB>line.

examples:
  sinmun-index --db news.db corpus/sample
  sinmun-index --db news.db /data/crawl-2025 /data/crawl-2026
  sinmun-index --db news.db --prune --jobs 2 /data/crawl     # also drop vanished files
  sinmun-index --db news.db --shards 4 /data/crawl           # 4 shards, one database to search
  sinmun-index --db news.db --report-boilerplate

exit status: 0 done (even if some records were skipped), 1 usage error,
             2 failure (missing crawl directory, unusable database, another sinmun-index
               writing to the same database),
             130 / 143 interrupted by SIGINT (Ctrl-C) / SIGTERM: what was done is
               committed and summed up; the same command again finishes the work (a
               second signal stops at once, losing the last uncommitted batch)

options)";

// "16M" → 16 MiB: a byte count with an optional K, M or G (powers of 1024).
std::size_t parse_size(const std::string& option, const std::string& text) {
  std::size_t used = 0;
  unsigned long long value = 0;
  try {
    value = std::stoull(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  const std::string suffix = text.substr(used);
  const int shift = suffix.empty()                   ? 0
                    : suffix == "K" || suffix == "k" ? 10
                    : suffix == "M"                  ? 20
                    : suffix == "G"                  ? 30
                                                     : -1;
  if (used == 0 || shift < 0 || value == 0 || value > (~0ULL >> shift)) {
    throw sinmun::UsageError("--" + option + " wants a size such as 16M (bytes, K, M or G), not '" + text + "'");
  }
  return static_cast<std::size_t>(value << shift);
}

// "1 file", "2 files".
std::string count(std::size_t n, const char* singular, const char* plural) {
  return std::to_string(n) + ' ' + (n == 1 ? singular : plural);
}

// "\r1,234/5,000 files · 40,000 articles · 3.1 MB/s · ETA 0:42" on a terminal; the ETA comes
// from the bytes left, not the files.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}

  void update(const sinmun::IndexStats& stats, std::size_t files_total) {
    const std::size_t done =
        stats.files_indexed + stats.files_unchanged + stats.files_failed + stats.files_failed_before;
    const auto now = std::chrono::steady_clock::now();
    if (!enabled_ || (now - last_ < std::chrono::milliseconds(200) && done < files_total)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - started_).count();
    const double mb_per_s = seconds > 0 ? static_cast<double>(stats.bytes_read) / 1e6 / seconds : 0;
    const int eta = static_cast<int>(sinmun::seconds_left(stats, seconds));
    std::fprintf(stderr, "\r%zu/%s · %s · %.1f MB/s · ETA %d:%02d   ", done,
                 count(files_total, "file", "files").c_str(),
                 count(stats.articles_added, "article", "articles").c_str(), mb_per_s, eta / 60, eta % 60);
    shown_ = true;
  }

  // Clears the line before anything else is printed on stderr.
  void clear() {
    if (shown_) std::fputs("\r\033[K", stderr);
    shown_ = false;
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

void print_summary(const sinmun::IndexStats& stats, double seconds, const std::string& db_path,
                   Xapian::doccount documents) {
  std::fprintf(
      stderr,
      "sinmun-index: %s: %zu read, %zu unchanged, %zu failed, %zu failed before "
      "(unchanged, not retried)\n"
      "sinmun-index: %s added or replaced, %zu removed, %s skipped, %s; %.1f MB in %.2f s\n",
      count(stats.files_seen, "file", "files").c_str(), stats.files_indexed, stats.files_unchanged, stats.files_failed,
      stats.files_failed_before, count(stats.articles_added, "article", "articles").c_str(), stats.articles_removed,
      count(stats.records_skipped, "record", "records").c_str(), count(stats.warnings, "warning", "warnings").c_str(),
      static_cast<double>(stats.bytes_read) / 1e6, seconds);
  for (const auto& [reason, n] : stats.skip_reasons) {
    std::fprintf(stderr, "sinmun-index:   skipped %zu × %s\n", n, reason.c_str());
  }
  if (stats.records_copied > 0) {
    std::fprintf(stderr,
                 "sinmun-index: %s the same as an article indexed already (same id, title and body): "
                 "kept once\n",
                 count(stats.records_copied, "record was", "records were").c_str());
  }
  if (stats.template_lines_learned > 0) {
    const bool one = stats.template_lines_learned == 1;
    std::fprintf(stderr,
                 "sinmun-index: learned %s of boilerplate, no longer indexed (%s re-indexed without %s); "
                 "--report-boilerplate lists %s\n",
                 count(stats.template_lines_learned, "line", "lines").c_str(),
                 count(stats.articles_retemplated, "article", "articles").c_str(), one ? "it" : "them",
                 one ? "it" : "them");
  }
  const std::size_t vanished = stats.files_vanished - stats.files_pruned;
  if (vanished > 0) {
    std::fprintf(stderr, "sinmun-index: %s gone from the crawl directories; --prune removes their articles\n",
                 count(vanished, "indexed file is", "indexed files are").c_str());
  }
  if (stats.files_pruned > 0) {
    std::fprintf(stderr, "sinmun-index: pruned %s\n",
                 count(stats.files_pruned, "vanished file", "vanished files").c_str());
  }
  std::fprintf(stderr, "sinmun-index: %s holds %s\n", db_path.c_str(),
               count(documents, "document", "documents").c_str());
}

// Bytes of the files in the database directories (one, or a sharded database's shards).
std::uintmax_t directory_bytes(const std::vector<std::filesystem::path>& paths) {
  std::uintmax_t bytes = 0;
  std::error_code error;
  for (const std::filesystem::path& path : paths) {
    for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
      if (entry.is_regular_file(error)) bytes += entry.file_size(error);
    }
  }
  return bytes;
}

// Compacts each database, the shards of a sharded one on threads of their own (each is
// independent; compaction is CPU-bound).
void compact_all(const std::vector<std::filesystem::path>& paths) {
  std::vector<std::exception_ptr> failures(paths.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    threads.emplace_back([&, i] {
      try {
        sinmun::compact_database(paths[i]);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

constexpr std::size_t kMaxProblemLines = 100;

// Set by SIGINT and SIGTERM: the indexer stops after the file it is writing and commits.
std::atomic<bool> g_interrupted{false};
volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_interrupt(int signal_number) {
  g_signal = signal_number;
  g_interrupted.store(true);
}

// One-shot (SA_RESETHAND): a second signal ends the process at once.
void catch_interrupts() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int report_boilerplate(const std::string& db_path) {
  const Xapian::Database db(db_path);
  const std::vector<sinmun::LearnedBoilerplate> lines = sinmun::learned_boilerplate(db);
  for (const sinmun::LearnedBoilerplate& line : lines) {
    std::cout << (line.source.empty() ? "(no source)" : line.source) << '\t' << line.articles << '\t' << line.line
              << '\n';
  }
  if (lines.empty()) std::cerr << "sinmun-index: " << db_path << " has no learned boilerplate\n";
  return 0;
}

constexpr sinmun::cli::Program kProgram{"sinmun-index", kUsage};

// --reanalyze: the database's own analysis mode and recorded user dictionary unless told
// otherwise, as a crawl into it would use.
int reanalyze(const std::string& db_path, sinmun::AnalyzerConfig config, std::optional<sinmun::AnalysisMode> mode) {
  if (!std::filesystem::exists(db_path)) throw sinmun::UsageError(db_path + " does not exist: nothing to analyse");
  if (config.user_dictionary.empty() && std::getenv("SINMUN_USER_DICT") == nullptr) {
    config.user_dictionary = sinmun::schema::recorded_lexicon_file(db_path, sinmun::schema::kUserDictionaryKey,
                                                                   sinmun::cli::note_printer(kProgram));
  }
  const std::string recorded = Xapian::Database(db_path).get_metadata(std::string(sinmun::schema::kAnalyzerModeKey));
  config.mode = mode ? *mode : recorded.empty() ? config.mode : sinmun::parse_analysis_mode(recorded);
  const sinmun::Analyzer analyzer = sinmun::make_analyzer(config, sinmun::cli::note_printer(kProgram));
  const auto started = std::chrono::steady_clock::now();
  const std::size_t done = sinmun::reanalyze_database(db_path, analyzer, [](std::size_t so_far, std::size_t total) {
    if (isatty(STDERR_FILENO)) std::fprintf(stderr, "\rsinmun-index: analysed %zu of %zu articles", so_far, total);
  });
  if (isatty(STDERR_FILENO)) std::fputc('\n', stderr);
  std::fprintf(stderr, "sinmun-index: analysed %zu articles of %s again ('%s' analysis, revision %d) in %.1f s\n", done,
               db_path.c_str(), analyzer.mode().c_str(), sinmun::kAnalysisRevision,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return 0;
}

int index_main(int argc, char** argv) {
  std::string db_path;
  std::vector<std::string> crawl_dirs;
  sinmun::IndexOptions index_options;
  sinmun::AnalyzerConfig analyzer_config;
  std::string analysis;
  std::string compact;
  unsigned writers = 0;
  std::string report_path;
  std::string max_record = "16M";
  std::string max_body = "1M";
  po::options_description options(kUsage);
  // One option a line, as --help shows them.
  // clang-format off
  options.add_options()
      ("db", po::value(&db_path)->value_name("DIR"), "database directory to create or update")
      ("jobs,j", po::value(&index_options.jobs)->default_value(0)->value_name("N"),
       "threads that read and analyse files (0: one per core); one thread writes")
      ("writers", po::value(&writers)->default_value(0)->value_name("N"),
       "a new database is written by N threads into as many parts, merged into one at the end "
       "(0: one per core; 1: one writer, no merge)")
      ("shards", po::value(&index_options.shards)->default_value(0)->value_name("N"),
       "a new database as N shards in DIR, written in parallel, searched as one (DIR/XAPIANDB); "
       "an existing one keeps its count (0: as it is)")
      ("prune", "remove the articles of files that have vanished from the crawl directories")
      ("batch", po::value(&index_options.batch_size)->default_value(2000)->value_name("N"),
       "articles per commit; a killed run loses at most this many")
      ("quiet,q", "print only problems and errors, no progress or summary")
      ("follow-symlinks", "also follow links that lead out of the crawl directories (off: a warning each)")
      ("report", po::value(&report_path)->value_name("FILE"),
       "write every skipped record and warning to FILE (the terminal shows the first 100)")
      ("compact", po::value(&compact)->default_value("auto")->value_name("WHEN"),
       "rewrite the database compactly after the run (about half the size): auto (when the "
       "run changed a tenth of the articles or more: a bulk load), always or never")
      ("max-record-bytes", po::value(&max_record)->default_value(max_record)->value_name("SIZE"),
       "skip (and report) a record bigger than this: a JSON line, a WARC record, a whole .json/.html/.txt "
       "file, inflated (K, M, G)")
      ("max-body-bytes", po::value(&max_body)->default_value(max_body)->value_name("SIZE"),
       "cut a longer article body (or title) to this, with a warning: its start stays findable and "
       "memory bounded (K, M, G)")
      ("max-inflate-ratio", po::value(&index_options.limits.max_inflate_ratio)->default_value(100)->value_name("N"),
       "stop reading a .gz file that inflates to more than N times its size plus 64 MiB, a decompression "
       "bomb (0: no bound)")
      ("report-boilerplate", "list the lines learned as boilerplate (source<TAB>articles<TAB>line) and exit")
      ("reanalyze", "analyse every article of the database again from its stored text and exit: after an "
       "upgrade of Sinmun changed the analysis (sinmun-index and searches say so), or with another --user-dict");
  // clang-format on
  sinmun::cli::add_analyzer_options(options, analyzer_config, analysis,
                                    "morph+ngram (default), ngram (no dictionary needed) or morph (for measurement)");
  po::options_description hidden;
  hidden.add_options()("crawl", po::value(&crawl_dirs));
  po::positional_options_description positional;
  positional.add("crawl", -1);
  po::variables_map vm;
  if (!sinmun::cli::parse_command_line(kProgram, argc, argv, options, vm, hidden, positional)) return 0;
  if (vm.count("report-boilerplate")) {
    if (db_path.empty() || !crawl_dirs.empty()) throw sinmun::UsageError("--report-boilerplate needs --db DIR alone");
    return report_boilerplate(db_path);
  }
  if (vm.count("reanalyze")) {
    if (db_path.empty() || !crawl_dirs.empty()) throw sinmun::UsageError("--reanalyze needs --db DIR alone");
    return reanalyze(db_path, analyzer_config,
                     !analysis.empty() ? sinmun::parse_analysis_mode(analysis) : std::optional<sinmun::AnalysisMode>{});
  }
  if (db_path.empty() || crawl_dirs.empty()) throw sinmun::UsageError("need --db DIR and at least one CRAWL_DIR");
  if (index_options.batch_size == 0) throw sinmun::UsageError("--batch must be at least 1");
  if (compact != "auto" && compact != "always" && compact != "never") {
    throw sinmun::UsageError("--compact must be auto, always or never, not '" + compact + "'");
  }
  index_options.prune = vm.count("prune") > 0;
  index_options.limits.max_record_bytes = parse_size("max-record-bytes", max_record);
  index_options.max_body_bytes = parse_size("max-body-bytes", max_body);
  if (!analysis.empty()) analyzer_config.mode = sinmun::parse_analysis_mode(analysis);
  const bool quiet = vm.count("quiet") > 0;

  catch_interrupts();
  const auto started = std::chrono::steady_clock::now();
  ProgressLine progress(!quiet && isatty(STDERR_FILENO));
  // Problems go to the terminal up to kMaxProblemLines (a crawl of a million bad records
  // must not print a million lines), all of them to --report FILE.
  std::ofstream report_file;
  if (!report_path.empty()) {
    report_file.open(report_path);
    if (!report_file) throw sinmun::EnvironmentError("cannot write the report file " + report_path);
  }
  std::size_t problems_shown = 0;
  std::size_t problems_hidden = 0;
  const sinmun::ProblemSink report = [&](const sinmun::Problem& problem) {
    const bool warning = problem.severity == sinmun::Problem::Severity::kWarning;
    const std::string line = std::string(warning ? "warning: " : "skipped: ") + describe(problem);
    if (report_file) report_file << line << '\n';
    if (problems_shown >= kMaxProblemLines) {
      ++problems_hidden;
      return;
    }
    progress.clear();
    std::cerr << "sinmun-index: " << line << '\n';
    ++problems_shown;
  };
  // The progress line goes before any message of a failure.
  struct ClearOnExit {
    ProgressLine& line;
    ~ClearOnExit() { line.clear(); }
  } clear_on_exit{progress};
  sinmun::WalkOptions walk_options;
  walk_options.follow_symlinks_out_of_root = vm.count("follow-symlinks") > 0;
  // Every input is listed before the database is touched: a typo in a path fails fast.
  std::vector<sinmun::CrawlRoot> roots;
  for (const std::string& dir : crawl_dirs) {
    const std::filesystem::path root = std::filesystem::absolute(dir).lexically_normal();
    roots.push_back({root, sinmun::walk_crawl_directory(root, report, walk_options)});
  }
  // Later crawls are analysed as the database's articles were (sinmun-lexicon apply records
  // the user dictionary it re-indexed them with).
  if (analyzer_config.user_dictionary.empty() && std::getenv("SINMUN_USER_DICT") == nullptr) {
    analyzer_config.user_dictionary = sinmun::schema::recorded_lexicon_file(db_path, sinmun::schema::kUserDictionaryKey,
                                                                            sinmun::cli::note_printer(kProgram));
  }
  const sinmun::Analyzer analyzer = sinmun::make_analyzer(analyzer_config, sinmun::cli::note_printer(kProgram));
  if (sinmun::recover_interrupted_compaction(db_path)) {
    std::fprintf(stderr, "sinmun-index: note: a compaction of %s had been cut short; the database is as before it\n",
                 db_path.c_str());
  }
  const sinmun::BuildPlan plan =
      sinmun::plan_build(db_path, writers == 0 ? sinmun::default_writers() : writers, index_options.shards);
  index_options.shards = plan.shards;
  index_options.synced_commits = plan.synced;
  if (plan.rebuilt_after_restart) {
    std::fprintf(stderr,
                 "sinmun-index: note: %s, the parts of an unfinished first build, was written without waiting "
                 "for the disk and the machine has restarted since: building %s again from the start\n",
                 sinmun::building_path(db_path).c_str(), db_path.c_str());
  }
  sinmun::IndexStats stats;
  Xapian::doccount documents = 0;
  std::vector<std::filesystem::path> databases;
  {
    sinmun::Indexer indexer(plan.write_to, analyzer, index_options);
    if (indexer.indexed_revision() < sinmun::kAnalysisRevision) {
      std::fprintf(stderr,
                   "sinmun-index: note: %s holds articles indexed by an older Sinmun (analysis revision %d, this "
                   "one %d): this run analyses the new way, and searches can miss the older articles until "
                   "sinmun-index --db %s --reanalyze\n",
                   db_path.c_str(), indexer.indexed_revision(), sinmun::kAnalysisRevision, db_path.c_str());
    }
    const sinmun::ProgressSink show = [&progress](const sinmun::IndexStats& so_far, std::size_t total) {
      progress.update(so_far, total);
    };
    stats = indexer.index(roots, report, show, &g_interrupted);
    documents = indexer.document_count();
    databases = indexer.database_paths();
  }  // the database is closed: compaction takes the lock itself
  progress.clear();
  if (problems_hidden > 0) {
    std::fprintf(stderr,
                 "sinmun-index: %zu more problems not shown (the summary counts them; --report FILE lists all)\n",
                 problems_hidden);
  }
  if (!quiet) {
    print_summary(stats, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), db_path,
                  documents);
  }
  const std::size_t changed = stats.articles_added + stats.articles_removed;
  const bool bulk = changed > 0 && changed * 10 >= documents;
  if (plan.merge && !stats.interrupted) {  // the merge is a compaction too
    const auto before = directory_bytes(databases);
    const auto merge_started = std::chrono::steady_clock::now();
    sinmun::merge_build(db_path);
    if (!quiet) {
      std::fprintf(stderr, "sinmun-index: merged %zu parts into %s: %.1f MB -> %.1f MB in %.2f s\n", databases.size(),
                   db_path.c_str(), static_cast<double>(before) / 1e6,
                   static_cast<double>(directory_bytes({db_path})) / 1e6,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - merge_started).count());
    }
  } else if (!plan.merge && !stats.interrupted && (compact == "always" || (compact == "auto" && bulk))) {
    const auto before = directory_bytes(databases);
    const auto compact_started = std::chrono::steady_clock::now();
    compact_all(databases);
    if (!quiet) {
      std::fprintf(stderr, "sinmun-index: compacted %s: %.1f MB -> %.1f MB in %.2f s\n", db_path.c_str(),
                   static_cast<double>(before) / 1e6, static_cast<double>(directory_bytes(databases)) / 1e6,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - compact_started).count());
    }
  }
  if (!stats.interrupted) return 0;
  const int signal_number = g_signal;
  std::fprintf(stderr,
               "sinmun-index: interrupted by %s: what was done is committed; %s not done; run the same "
               "command again to finish\n",
               signal_number == SIGINT ? "SIGINT" : "SIGTERM", count(stats.files_left, "file", "files").c_str());
  return 128 + signal_number;
}

}  // namespace

int main(int argc, char** argv) {
  return sinmun::cli::run(kProgram, [&] { return index_main(argc, argv); });
}
