// sinmun-index: reads crawl directories and upserts their articles into a Xapian database.
#include <boost/program_options.hpp>
#include <xapian.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/dictionary_location.h"
#include "base/errors.h"
#include "cli/cli.h"
#include "corpus/readers.h"
#include "corpus/walker.h"
#include "indexer/indexer.h"

namespace po = boost::program_options;

namespace {

constexpr const char* kUsage = R"(usage: sinmun-index --db DIR [options] CRAWL_DIR...

Reads every article under the crawl directories (recursively: .jsonl, .json, .txt, .html)
and adds it to the Xapian database DIR, creating it if needed. An article is keyed by its
id, so indexing the same files again replaces instead of duplicating. Re-runs read only
new or changed files (size, mtime and content hash are kept in the database); files that
failed are skipped until they change. Bad records are reported on stderr and skipped;
every good record is still indexed.

examples:
  sinmun-index --db news.db corpus/sample
  sinmun-index --db news.db /data/crawl-2025 /data/crawl-2026
  sinmun-index --db news.db --prune --jobs 2 /data/crawl     # also drop vanished files

exit status: 0 done (even if some records were skipped), 1 usage error,
             2 failure (missing crawl directory, unusable database)

options)";

// "\r1,234/5,000 files · 40,000 articles · 3.1 MB/s · ETA 0:42" on a terminal.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}

  void update(const sinmun::IndexStats& stats, std::size_t files_total) {
    const std::size_t done = stats.files_indexed + stats.files_unchanged + stats.files_failed +
                             stats.files_failed_before;
    const auto now = std::chrono::steady_clock::now();
    if (!enabled_ || (now - last_ < std::chrono::milliseconds(200) && done < files_total)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - started_).count();
    const double mb_per_s = seconds > 0 ? static_cast<double>(stats.bytes_read) / 1e6 / seconds : 0;
    const double eta = done > 0 ? seconds * static_cast<double>(files_total - done) / static_cast<double>(done) : 0;
    std::fprintf(stderr, "\r%zu/%zu files · %zu articles · %.1f MB/s · ETA %d:%02d   ", done, files_total,
                 stats.articles_added, mb_per_s, static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
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
  std::fprintf(stderr,
               "sinmun-index: %zu files: %zu read, %zu unchanged, %zu failed, %zu failed before "
               "(unchanged, not retried)\n"
               "sinmun-index: %zu articles added or replaced, %zu removed, %zu records skipped, "
               "%zu warnings; %.1f MB in %.2f s\n",
               stats.files_seen, stats.files_indexed, stats.files_unchanged, stats.files_failed,
               stats.files_failed_before, stats.articles_added, stats.articles_removed,
               stats.records_skipped, stats.warnings, static_cast<double>(stats.bytes_read) / 1e6, seconds);
  for (const auto& [reason, count] : stats.skip_reasons) {
    std::fprintf(stderr, "sinmun-index:   skipped %zu × %s\n", count, reason.c_str());
  }
  if (stats.files_vanished > stats.files_pruned) {
    std::fprintf(stderr,
                 "sinmun-index: %zu indexed files are gone from the crawl directories; "
                 "--prune removes their articles\n",
                 stats.files_vanished - stats.files_pruned);
  }
  if (stats.files_pruned > 0) std::fprintf(stderr, "sinmun-index: pruned %zu vanished files\n", stats.files_pruned);
  std::fprintf(stderr, "sinmun-index: %s holds %u documents\n", db_path.c_str(), documents);
}

constexpr sinmun::cli::Program kProgram{"sinmun-index", kUsage};

int index_main(int argc, char** argv) {
  std::string db_path;
  std::vector<std::string> crawl_dirs;
  sinmun::IndexOptions index_options;
  sinmun::AnalyzerConfig analyzer_config;
  std::string analysis;
  po::options_description options(kUsage);
  options.add_options()
      ("db", po::value(&db_path)->value_name("DIR"), "database directory to create or update")
      ("jobs,j", po::value(&index_options.jobs)->default_value(0)->value_name("N"),
       "threads that read and analyse files (0: one per core); one thread writes")
      ("prune", "remove the articles of files that have vanished from the crawl directories")
      ("batch", po::value(&index_options.batch_size)->default_value(2000)->value_name("N"),
       "articles per commit; a killed run loses at most this many")
      ("quiet,q", "print only problems and errors, no progress or summary");
  sinmun::cli::add_analyzer_options(options, analyzer_config, analysis,
                                    "morph+ngram (default), ngram (no dictionary needed) or morph (for measurement)");
  po::options_description hidden;
  hidden.add_options()("crawl", po::value(&crawl_dirs));
  po::positional_options_description positional;
  positional.add("crawl", -1);
  po::variables_map vm;
  if (!sinmun::cli::parse_command_line(kProgram, argc, argv, options, vm, hidden, positional)) return 0;
  if (db_path.empty() || crawl_dirs.empty()) throw sinmun::UsageError("need --db DIR and at least one CRAWL_DIR");
  if (index_options.batch_size == 0) throw sinmun::UsageError("--batch must be at least 1");
  index_options.prune = vm.count("prune") > 0;
  if (!analysis.empty()) analyzer_config.mode = sinmun::parse_analysis_mode(analysis);
  const bool quiet = vm.count("quiet") > 0;

  const auto started = std::chrono::steady_clock::now();
  ProgressLine progress(!quiet && isatty(STDERR_FILENO));
  const sinmun::ProblemSink report = [&progress](const sinmun::Problem& problem) {
    progress.clear();
    const bool warning = problem.severity == sinmun::Problem::Severity::kWarning;
    std::cerr << "sinmun-index: " << (warning ? "warning: " : "skipped: ") << describe(problem) << '\n';
  };
  // The progress line goes before any message of a failure.
  struct ClearOnExit {
    ProgressLine& line;
    ~ClearOnExit() { line.clear(); }
  } clear_on_exit{progress};
  // Every input is listed before the database is touched: a typo in a path fails fast.
  std::vector<sinmun::CrawlRoot> roots;
  for (const std::string& dir : crawl_dirs) {
    const std::filesystem::path root = std::filesystem::absolute(dir).lexically_normal();
    roots.push_back({root, sinmun::walk_crawl_directory(root, report)});
  }
  const sinmun::Analyzer analyzer = sinmun::make_analyzer(analyzer_config, sinmun::cli::note_printer(kProgram));
  sinmun::Indexer indexer(db_path, analyzer, index_options);
  const sinmun::IndexStats stats = indexer.index(
      roots, report, [&progress](const sinmun::IndexStats& so_far, std::size_t total) { progress.update(so_far, total); });
  progress.clear();
  if (!quiet) {
    print_summary(stats, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), db_path,
                  indexer.document_count());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return sinmun::cli::run(kProgram, [&] { return index_main(argc, argv); });
}
