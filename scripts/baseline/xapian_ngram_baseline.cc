// sinmun-baseline: the yardstick sinmun must beat. Plain Xapian 1.4 set up the way a
// competent user would for Korean text: TermGenerator and QueryParser with FLAG_CJK_NGRAM
// (Hangul/Han unigrams + bigrams), no stemmer, BM25 with default parameters.
//
// usage:
//   sinmun-baseline index  --db DIR FILE.jsonl...
//       One JSON object per line: `id` (required, string or number), `title`, `body`.
//       Title is indexed with prefix S and unprefixed, body unprefixed; unique id term
//       Q<id> (upsert via replace_document); document data = id. Commits every 10,000
//       documents and at the end. Bad lines are reported on stderr and skipped.
//   sinmun-baseline search --db DIR --queries FILE [--limit N] [--op or|and]
//       FILE holds `qid<TAB>query` lines. Prints a TREC run `qid Q0 docid rank score
//       baseline` on stdout, then `LATENCY n=… p50_ms=… p95_ms=… p99_ms=… mean_ms=…` and
//       `PARSE_ERRORS n=… retried=…` on stderr. A query QueryParser rejects is retried with
//       flags FLAG_CJK_NGRAM only (`retried`); if that fails too it is counted in `n` and
//       gets no run lines.
//   sinmun-baseline search --db DIR [--limit N] [--op or|and] QUERY...
//       One query (the words joined by spaces); prints `rank<TAB>score<TAB>id` lines.
//   --limit defaults to 10, --op to or.
// Exit status: 0 success, 1 usage error, 2 runtime failure (database, I/O, unparsable
// one-off query).

#include <xapian.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace po = boost::program_options;

namespace {

constexpr const char* kUsage =
    "usage:\n"
    "  sinmun-baseline index  --db DIR FILE.jsonl...\n"
    "  sinmun-baseline search --db DIR --queries FILE [--limit N] [--op or|and]\n"
    "  sinmun-baseline search --db DIR [--limit N] [--op or|and] QUERY...\n";

constexpr Xapian::doccount kCommitEvery = 10000;

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses `args` (argv after the subcommand) against `options` plus positionals collected
// under `positional_name`; --help prints usage and exits 0.
po::variables_map parse_args(const std::vector<std::string>& args, po::options_description& options,
                             const char* positional_name) {
  // One option a line, as --help shows them.
  // clang-format off
  options.add_options()("help,h", "show usage");
  // clang-format on
  po::positional_options_description positional;
  positional.add(positional_name, -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (vm.count("help") != 0) {
    std::cout << kUsage;
    std::exit(0);
  }
  return vm;
}

// JSONL ids may be numbers in some feeds; they become their decimal text.
std::string id_of(const nlohmann::json& record) {
  const auto it = record.find("id");
  if (it == record.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return it->dump();
  return {};
}

std::string text_field(const nlohmann::json& record, const char* key) {
  const auto it = record.find(key);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int run_index(const std::vector<std::string>& args) {
  po::options_description options("index options");
  // One option a line, as --help shows them.
  // clang-format off
  options.add_options()("db", po::value<std::string>()->required(), "database directory")(
      "file", po::value<std::vector<std::string>>(), "JSONL input");
  // clang-format on
  const auto vm = parse_args(args, options, "file");
  if (vm.count("file") == 0) throw UsageError("index: no input FILE.jsonl given");

  Xapian::WritableDatabase db(vm["db"].as<std::string>(), Xapian::DB_CREATE_OR_OPEN);
  Xapian::TermGenerator generator;
  generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);

  std::size_t indexed = 0;
  std::size_t skipped = 0;
  Xapian::doccount since_commit = 0;
  for (const auto& path : vm["file"].as<std::vector<std::string>>()) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::string line;
    for (std::size_t line_no = 1; std::getline(in, line); ++line_no) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const auto record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      const std::string id = record.is_object() ? id_of(record) : std::string();
      if (id.empty()) {
        std::cerr << path << ':' << line_no
                  << ": skipped: " << (record.is_object() ? "no string or integer id" : "not a JSON object") << '\n';
        ++skipped;
        continue;
      }
      Xapian::Document doc;
      generator.set_document(doc);
      const std::string title = text_field(record, "title");
      generator.index_text(title, 1, "S");
      generator.index_text(title);
      // Keeps a phrase from matching across the title/body seam.
      generator.increase_termpos();
      generator.index_text(text_field(record, "body"));
      doc.set_data(id);
      const std::string id_term = "Q" + id;
      doc.add_boolean_term(id_term);
      db.replace_document(id_term, doc);
      ++indexed;
      if (++since_commit == kCommitEvery) {
        db.commit();
        since_commit = 0;
      }
    }
    if (in.bad()) throw std::runtime_error("read error in " + path);
  }
  db.commit();
  std::cerr << "indexed " << indexed << " documents (" << skipped << " skipped); database has " << db.get_doccount()
            << '\n';
  return 0;
}

struct Hit {
  Xapian::doccount rank;
  double score;
  std::string id;
};

// Owns the database and a QueryParser configured once; parse failures are counted here.
class Searcher {
 public:
  Searcher(const std::string& db_path, Xapian::Query::op default_op) : db_(db_path) {
    parser_.set_database(db_);
    parser_.set_default_op(default_op);
    parser_.add_prefix("title", "S");
  }

  // Hits for `text`, or nullopt when QueryParser rejects it with both flag sets.
  std::optional<std::vector<Hit>> search(const std::string& text, Xapian::doccount limit) {
    const auto query = parse(text);
    if (!query) return std::nullopt;
    Xapian::Enquire enquire(db_);
    enquire.set_query(*query);
    const Xapian::MSet mset = enquire.get_mset(0, limit);
    std::vector<Hit> hits;
    hits.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      hits.push_back({it.get_rank() + 1, it.get_weight(), it.get_document().get_data()});
    }
    return hits;
  }

  std::size_t retried() const { return retried_; }
  std::size_t failed() const { return failed_; }
  const std::string& last_error() const { return last_error_; }

 private:
  std::optional<Xapian::Query> parse(const std::string& text) {
    constexpr unsigned kNgram = Xapian::QueryParser::FLAG_CJK_NGRAM;
    // Debian's 1.4.22 throws "Syntax: <expression> ..." on inputs such as `A 가 B`; the
    // fallback without boolean/phrase/love-hate syntax parses most of them.
    try {
      return parser_.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT | kNgram);
    } catch (const Xapian::QueryParserError&) {
      ++retried_;
    }
    try {
      return parser_.parse_query(text, kNgram);
    } catch (const Xapian::QueryParserError& e) {
      ++failed_;
      last_error_ = e.get_msg();
      return std::nullopt;
    }
  }

  Xapian::Database db_;
  Xapian::QueryParser parser_;
  std::size_t retried_ = 0;
  std::size_t failed_ = 0;
  std::string last_error_;
};

// Nearest-rank percentile of an ascending vector; 0 for an empty one.
double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0.0;
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::max<std::size_t>(rank, 1) - 1];
}

int run_batch(Searcher& searcher, const std::string& queries_path, Xapian::doccount limit) {
  std::ifstream in(queries_path);
  if (!in) throw std::runtime_error("cannot open " + queries_path);
  std::vector<double> latencies_ms;
  std::string line;
  for (std::size_t line_no = 1; std::getline(in, line); ++line_no) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos) {
      std::cerr << queries_path << ':' << line_no << ": skipped: no TAB after qid\n";
      continue;
    }
    const std::string qid = line.substr(0, tab);
    const auto start = std::chrono::steady_clock::now();
    const auto hits = searcher.search(line.substr(tab + 1), limit);
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    latencies_ms.push_back(took.count());
    if (!hits) {
      std::cerr << "parse error: " << qid << ": " << searcher.last_error() << '\n';
      continue;
    }
    for (const auto& hit : *hits) {
      std::printf("%s Q0 %s %u %.6f baseline\n", qid.c_str(), hit.id.c_str(), hit.rank, hit.score);
    }
  }
  if (in.bad()) throw std::runtime_error("read error in " + queries_path);
  std::fflush(stdout);

  std::sort(latencies_ms.begin(), latencies_ms.end());
  const double mean = latencies_ms.empty() ? 0.0
                                           : std::accumulate(latencies_ms.begin(), latencies_ms.end(), 0.0) /
                                                 static_cast<double>(latencies_ms.size());
  std::fprintf(stderr, "LATENCY n=%zu p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f mean_ms=%.3f\n", latencies_ms.size(),
               percentile(latencies_ms, 0.50), percentile(latencies_ms, 0.95), percentile(latencies_ms, 0.99), mean);
  std::fprintf(stderr, "PARSE_ERRORS n=%zu retried=%zu\n", searcher.failed(), searcher.retried());
  return 0;
}

int run_search(const std::vector<std::string>& args) {
  po::options_description options("search options");
  // One option a line, as --help shows them.
  // clang-format off
  options.add_options()("db", po::value<std::string>()->required(), "database directory")(
      "queries", po::value<std::string>(), "qid<TAB>query file")(
      "limit", po::value<Xapian::doccount>()->default_value(10), "results per query")(
      "op", po::value<std::string>()->default_value("or"), "default operator: or|and")(
      "query", po::value<std::vector<std::string>>(), "query words");
  // clang-format on
  const auto vm = parse_args(args, options, "query");

  const std::string op = vm["op"].as<std::string>();
  if (op != "or" && op != "and") throw UsageError("--op must be 'or' or 'and', not '" + op + "'");
  const bool batch = vm.count("queries") != 0;
  const bool one_off = vm.count("query") != 0;
  if (batch == one_off) throw UsageError("search: give either --queries FILE or QUERY words");

  Searcher searcher(vm["db"].as<std::string>(), op == "and" ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
  const auto limit = vm["limit"].as<Xapian::doccount>();
  if (batch) return run_batch(searcher, vm["queries"].as<std::string>(), limit);

  std::string text;
  for (const auto& word : vm["query"].as<std::vector<std::string>>()) {
    text += text.empty() ? word : " " + word;
  }
  const auto hits = searcher.search(text, limit);
  if (!hits) throw std::runtime_error("cannot parse query: " + searcher.last_error());
  for (const auto& hit : *hits) {
    std::printf("%u\t%.6f\t%s\n", hit.rank, hit.score, hit.id.c_str());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc < 2) throw UsageError("no subcommand given");
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    if (command == "index") return run_index(args);
    if (command == "search") return run_search(args);
    if (command == "--help" || command == "-h") {
      std::cout << kUsage;
      return 0;
    }
    throw UsageError("unknown subcommand '" + command + "'");
  } catch (const UsageError& e) {
    std::cerr << "sinmun-baseline: " << e.what() << '\n' << kUsage;
    return 1;
  } catch (const Xapian::Error& e) {
    std::cerr << "sinmun-baseline: " << e.get_description() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "sinmun-baseline: " << e.what() << '\n';
    return 2;
  }
}
