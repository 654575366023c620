// sinmun-index: reads crawl directories and upserts their articles into a Xapian database.
#include <boost/program_options.hpp>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "corpus/readers.h"
#include "corpus/walker.h"
#include "indexer/indexer.h"

namespace po = boost::program_options;

namespace {

constexpr int kExitUsage = 1;
constexpr int kExitFailure = 2;

constexpr const char* kUsage = R"(usage: sinmun-index --db DIR [options] CRAWL_DIR...

Reads every article under the crawl directories (recursively: .jsonl, .json, .txt, .html)
and adds it to the Xapian database DIR, creating it if needed. An article is keyed by its
id, so indexing the same files again replaces instead of duplicating. Bad records are
reported on stderr and skipped; every good record is still indexed.

examples:
  sinmun-index --db news.db corpus/sample
  sinmun-index --db news.db /data/crawl-2025 /data/crawl-2026

exit status: 0 done (even if some records were skipped), 1 usage error,
             2 failure (missing crawl directory, unusable database)

options)";

struct Counts {
  std::size_t warnings = 0;
  std::size_t skipped = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  std::vector<std::string> crawl_dirs;
  std::size_t batch_size = 0;
  po::options_description options(kUsage);
  options.add_options()
      ("help,h", "show this help")
      ("db", po::value(&db_path)->value_name("DIR"), "database directory to create or update")
      ("batch", po::value(&batch_size)->default_value(2000)->value_name("N"),
       "articles per commit; a killed run loses at most this many")
      ("quiet,q", "print only problems and errors, no summary");
  po::options_description hidden;
  hidden.add_options()("crawl", po::value(&crawl_dirs));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("crawl", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "sinmun-index: " << e.what() << "\n(see sinmun-index --help)\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << options << '\n';
    return 0;
  }
  if (db_path.empty() || crawl_dirs.empty()) {
    std::cerr << "sinmun-index: need --db DIR and at least one CRAWL_DIR (see sinmun-index --help)\n";
    return kExitUsage;
  }
  if (batch_size == 0) {
    std::cerr << "sinmun-index: --batch must be at least 1\n";
    return kExitUsage;
  }
  const bool quiet = vm.count("quiet") > 0;

  const auto started = std::chrono::steady_clock::now();
  Counts counts;
  const sinmun::ProblemSink report = [&counts](const sinmun::Problem& problem) {
    const bool warning = problem.severity == sinmun::Problem::Severity::kWarning;
    ++(warning ? counts.warnings : counts.skipped);
    std::cerr << "sinmun-index: " << (warning ? "warning: " : "skipped: ") << describe(problem) << '\n';
  };
  try {
    // Every input is listed before the database is touched: a typo in a path fails fast.
    std::vector<std::vector<sinmun::CrawlFile>> inputs;
    for (const std::string& dir : crawl_dirs) inputs.push_back(sinmun::walk_crawl_directory(dir, report));

    const sinmun::Analyzer analyzer;
    sinmun::Indexer indexer(db_path, analyzer, {batch_size});
    std::size_t files = 0;
    std::uintmax_t bytes = 0;
    for (const auto& input : inputs) {
      for (const sinmun::CrawlFile& file : input) {
        ++files;
        bytes += file.size;
        sinmun::read_crawl_file(
            file, [&](sinmun::Article&& article) { indexer.add(article, report); }, report);
      }
    }
    indexer.commit();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!quiet) {
      std::fprintf(stderr,
                   "sinmun-index: %zu articles from %zu files (%.1f MB) in %.2f s; "
                   "%zu skipped, %zu warnings; %s now holds %u documents\n",
                   indexer.added(), files, static_cast<double>(bytes) / 1e6, seconds, counts.skipped,
                   counts.warnings, db_path.c_str(), indexer.document_count());
    }
  } catch (const Xapian::Error& e) {
    std::cerr << "sinmun-index: database error: " << e.get_description() << '\n';
    return kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << "sinmun-index: " << e.what() << '\n';
    return kExitFailure;
  }
  return 0;
}
