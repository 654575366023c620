// sinmun-search: queries a Sinmun database from the terminal, in batch (TREC run), or shows
// how text is analysed.
#include <sys/ioctl.h>
#include <unistd.h>
#include <xapian.h>
#include <boost/program_options.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/dictionary_location.h"
#include "base/errors.h"
#include "cli/cli.h"
#include "cli/search_options.h"
#include "searcher/article_view.h"
#include "searcher/export.h"
#include "searcher/output.h"
#include "searcher/search_config.h"
#include "searcher/searcher.h"
#include "searcher/trend.h"

namespace po = boost::program_options;

namespace {

constexpr const char* kUsage = R"(usage: sinmun-search --db DIR [options] QUERY...
       sinmun-search --db DIR --queries FILE [--limit N]
       sinmun-search --db DIR --similar ID
       sinmun-search --db DIR --trend day|week|month|year QUERY... [--vs QUERY]...
       sinmun-search --db DIR --format csv|tsv|jsonl [--fields LIST] [--all] QUERY...
       sinmun-search --db DIR --show ID [QUERY...]
       sinmun-search --analyze TEXT...

Searches a database made by sinmun-index. All words of the query must match (in the title
or the body); "quoted words" must appear together, in that order. Korean words are found
in any form (수출 finds 수출을, 수출하는) and, ranked lower, inside longer words (수출입).
A long query (a pasted headline) that no article matches in full finds the articles with
most of its words, and says so first (--strict turns that off). Copies of one wire story
are shown once, with "+N similar".

counts: "245 results" counts the results as listed (a story whose copies are folded counts
once) and is exact; the facets (--facets, --json) count articles, every copy included, so
each facet sums to the articles total, as in: 3 results (5 articles with copies); undated
articles count as (no date), those without a source as (no source).

query language: words (all must match), a OR b, -word or NOT word, "a phrase",
(grouping), title:word, quote:word (in a direct quotation), speaker:NAME (its speaker),
source:NAME, author:NAME, category:NAME, date:2025-03,
date:2025-01-01..2025-06-30, date:..2024-12-31, GPT* (Latin prefix). Synonyms from
--synonyms are searched too (엔비디아 finds NVIDIA). On the command line a -word that is no
option is a query word (sinmun-search --db D 엔비디아 -H200 needs no quotes), and -- ends
the options (sinmun-search --db D -- -n 수출 searches for -n).

examples:
  sinmun-search --db news.db H200 수출
  sinmun-search --db news.db '"반도체 공급망"' --limit 20
  sinmun-search --db news.db --json H200 수출 | jq .results[0].title
  sinmun-search --db news.db --from 2025-12-01 --to 2025-12-31 --sort date 수출
  sinmun-search --db news.db --queries queries.tsv --limit 100 > run.trec
  sinmun-search --db news.db '(삼성 OR 하이닉스) HBM -source:한빛일보 date:2025-12'
  sinmun-search --db news.db 엔비디아 -H200 --source 한빛일보 --source 동해신문
  sinmun-search --db news.db --similar sample-0001            # articles like this one
  sinmun-search --db news.db --related H200 수출               # words the results are about
  sinmun-search --db news.db 'quote:반도체 speaker:스펜스'      # quotations, and who said them
  sinmun-search --db news.db --trend month H200 수출 --vs 딥시크
  sinmun-search --db news.db --format csv --all --fields id,date,title 수출 > 수출.csv
  sinmun-search --db news.db --show sample-0001 H200
  sinmun-search --analyze '엔비디아의 H200 수출을 허용하자'

--queries FILE reads "qid<TAB>query" lines and prints a TREC run
("qid Q0 docid rank score sinmun") on stdout and one LATENCY summary line on stderr;
the other options (--sort, --from, --to, --source, --facets, --snippets, --no-collapse)
apply to every query.
--trend INTERVAL counts the results per day, ISO week (2025-W49), month or year, one
column per query (QUERY, then each --vs), with --from/--to/--source/--no-collapse as for a
search: each count is the "N results" of the same query with --strict and --from/--to set to
that period (copies folded count once per period they appear in; --no-collapse counts every
article). Periods between the first and the last with articles are all listed, 0 when
empty; undated articles are counted apart as (no date). --json gives {"trend": {"interval",
"series": [{"query", "counts": [{"period", "count"}], "undated", "exact"}]}}.
--format csv|tsv|jsonl writes the results (of the query with every word, as --strict, in
--sort order, a folded story once) as rows of --fields (default: id,date,source,author,
category,title,url,body): this page (--limit, --offset), or with --all every match, read
1000 at a time. CSV has a UTF-8 BOM, a header, RFC 4180 quotes and CRLF line ends (Excel,
LibreOffice); TSV writes \ TAB CR LF inside a field as \\ \t \r \n; JSONL is one object a line.
--show ID prints the article as stored (title, date, source, author, category, URL, body)
with the words of QUERY, if given, marked: reverse video on a terminal, **word** otherwise;
--json prints the article as /api/doc does, with title_html and body_html marked (<mark>). An
ID that is no article is a failure (exit 2), as with --similar.
--analyze prints every term the index would store for the text:
term<TAB>start-end<TAB>position<TAB>kind (byte offsets; kind: word, morph or ngram).

exit status: 0 done (also when nothing matched), 1 usage error, 2 failure (no database,
             an unreadable file, a damaged database)

options)";

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

int analyze(const sinmun::Analyzer& analyzer, const std::string& text, bool verbose) {
  for (const sinmun::Token& token : analyzer.analyze(text)) {
    std::cout << token.term << '\t' << token.start << '-' << token.end << '\t' << token.position << '\t'
              << sinmun::token_kind_name(token.kind);
    if (verbose && !token.tags.empty()) std::cout << '\t' << token.tags;
    std::cout << '\n';
  }
  return 0;
}

double percentile(std::vector<double> sorted_values, double p) {
  if (sorted_values.empty()) return 0;
  const auto index = static_cast<std::size_t>(std::lround(p * static_cast<double>(sorted_values.size() - 1)));
  return sorted_values[std::min(index, sorted_values.size() - 1)];
}

// Runs every query of the file with `base`'s options (limit, filters, sort, collapse, and
// snippets and facets when asked for, so that their cost can be measured too).
int run_batch(sinmun::Searcher& searcher, const std::string& path, const sinmun::SearchRequest& base) {
  std::ifstream in(path);
  if (!in) throw sinmun::EnvironmentError("cannot read queries file " + path);
  std::vector<double> latencies;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      std::cerr << "sinmun-search: " << path << ":" << line_number << ": skipped: expected qid<TAB>query\n";
      continue;
    }
    const std::string qid = line.substr(0, tab);
    sinmun::SearchRequest request = base;
    request.query = line.substr(tab + 1);
    sinmun::SearchResponse response;
    try {
      response = searcher.search(request);
    } catch (const sinmun::UsageError& e) {  // one bad query (empty, date:foo) is not the whole run
      std::cerr << "sinmun-search: " << path << ":" << line_number << ": skipped: " << e.what() << '\n';
      continue;
    }
    latencies.push_back(response.took_ms);
    for (const sinmun::SearchHit& hit : response.hits) {
      std::printf("%s Q0 %s %u %.6f sinmun\n", qid.c_str(), hit.id.c_str(), hit.rank, hit.score);
    }
  }
  std::sort(latencies.begin(), latencies.end());
  double sum = 0;
  for (double ms : latencies) sum += ms;
  std::fprintf(stderr, "LATENCY n=%zu p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f mean_ms=%.3f\n", latencies.size(),
               percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99),
               latencies.empty() ? 0.0 : sum / static_cast<double>(latencies.size()));
  return 0;
}

// The width of the terminal on stdout (80 when it does not say).
std::size_t terminal_columns() {
  winsize size{};
  return ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 20 ? size.ws_col : 80;
}

std::vector<std::string> with(const std::vector<std::string>& words, std::vector<std::string> versus) {
  versus.insert(versus.begin(), join(words));
  return versus;
}

int run_trend(sinmun::Searcher& searcher, const sinmun::SearchRequest& request, const std::string& interval,
              const std::vector<std::string>& queries, bool json) {
  const sinmun::Trend trend = sinmun::compute_trend(searcher, request, queries, sinmun::parse_trend_interval(interval));
  if (json) {
    std::cout << sinmun::trend_to_json(trend) << '\n';
  } else {
    sinmun::print_trend(std::cout, trend);
  }
  return 0;
}

// Streams page after page to stdout: the memory of one page, however many rows.
int export_results(sinmun::Searcher& searcher, const sinmun::SearchRequest& request, const std::string& format,
                   const std::string& fields, bool all) {
  sinmun::Exporter exporter(searcher, request, sinmun::parse_export_format(format), sinmun::parse_export_fields(fields),
                            all);
  for (std::string piece = exporter.next(); !piece.empty(); piece = exporter.next()) std::cout << piece;
  std::cout.flush();
  if (exporter.damaged() > 0) {
    std::cerr << "sinmun-search: " << exporter.damaged() << " article(s) with damaged stored data skipped\n";
  }
  if (!std::cout) throw sinmun::EnvironmentError("cannot write the export to stdout");
  return 0;
}

int show_article(sinmun::Searcher& searcher, const std::string& id, const std::string& query, bool json) {
  const sinmun::ArticleView view = sinmun::view_article(searcher, id, query);
  if (json) {
    std::cout << sinmun::article_view_to_json(view) << '\n';
  } else {
    sinmun::print_article(std::cout, view,
                          isatty(STDOUT_FILENO) != 0 ? sinmun::MarkStyle::kAnsi : sinmun::MarkStyle::kAsterisks);
  }
  return 0;
}

// Deep pages cost the ranked pass a match list that long; nobody reads past this.
constexpr long long kMaxOffset = 1000000;

constexpr sinmun::cli::Program kProgram{"sinmun-search", kUsage};

int search_main(int argc, char** argv) {
  std::string queries_path;
  std::vector<std::string> words;
  // Signed, so that a negative number is refused rather than wrapped around.
  long long limit = 10;
  long long offset = 0;
  std::string sort = "relevance";
  std::string trend;
  std::vector<std::string> versus;
  std::string format;
  std::string fields;
  std::string show_id;
  sinmun::SearchRequest request;
  sinmun::SearchConfigOptions config_options;
  po::options_description options(kUsage);
  // One option a line, as --help shows them.
  // clang-format off
  options.add_options()
      ("limit,n", po::value(&limit)->default_value(10)->value_name("N"), "results to show (1-10000)")
      ("offset", po::value(&offset)->default_value(0)->value_name("N"), "skip the first N results")
      ("sort", po::value(&sort)->default_value("relevance")->value_name("ORDER"),
       "relevance (best first) or date (newest first)")
      ("from", po::value(&request.date_from)->value_name("YYYY-MM-DD"), "only articles from this day on")
      ("to", po::value(&request.date_to)->value_name("YYYY-MM-DD"), "only articles up to this day")
      ("source", po::value(&request.sources)->value_name("NAME"),
       "only articles of this source (again for any of several)")
      ("sources", "list the sources in the database with their article counts")
      ("facets", "also print counts per source and month")
      ("no-collapse", "show every copy of a story printed by several sources")
      ("strict", "never loosen a long query: only articles with every word")
      ("explain", "say per result how each query word matched (word, part, synonym, bigram or none)")
      ("snippets", "with --queries: also make snippets (to measure their cost)")
      ("similar", po::value(&request.similar_to)->value_name("ID"), "articles most like the article ID")
      ("related", "instead of results, the 30 words and names the first 1000 results hold far more than the "
       "archive (JLH significant terms)")
      ("trend", po::value(&trend)->value_name("INTERVAL"), "count the results per day, week, month or year")
      ("vs", po::value(&versus)->value_name("QUERY"), "with --trend: another query to compare (again for more)")
      ("format", po::value(&format)->value_name("FORMAT"), "write the results as csv, tsv or jsonl rows")
      ("fields", po::value(&fields)->value_name("LIST"), "with --format: the columns, e.g. id,date,title,body")
      ("all", "with --format: every match, not one page")
      ("show", po::value(&show_id)->value_name("ID"), "print the article ID as stored, QUERY's words marked")
      ("json", "print one JSON object instead of text (always with facets)")
      ("queries", po::value(&queries_path)->value_name("FILE"), "batch mode: qid<TAB>query lines")
      ("analyze", "print the terms of the text instead of searching")
      ("verbose,v", "with --analyze: also the part-of-speech tags");
  // clang-format on
  sinmun::cli::add_search_options(options, config_options);
  po::options_description hidden;
  // One option a line, as --help shows them.
  // clang-format off
  hidden.add_options()("words", po::value(&words));
  // clang-format on
  po::positional_options_description positional;
  positional.add("words", -1);
  po::variables_map vm;
  if (!sinmun::cli::parse_command_line(kProgram, argc, argv, options, vm, hidden, positional)) return 0;

  if (sort != "relevance" && sort != "date") {
    throw sinmun::UsageError("--sort must be relevance or date, not '" + sort + "'");
  }
  request.sort = sort == "date" ? sinmun::SortOrder::kDate : sinmun::SortOrder::kRelevance;
  if (limit < 1 || limit > 10000) throw sinmun::UsageError("--limit must be between 1 and 10000");
  if (offset < 0 || offset > kMaxOffset) {
    throw sinmun::UsageError("--offset must be between 0 and " + std::to_string(kMaxOffset));
  }
  const auto note = sinmun::cli::note_printer(kProgram);
  if (vm.count("analyze")) {
    sinmun::AnalyzerConfig analyzer_config = config_options.analyzer;
    if (!config_options.analysis_mode.empty()) {
      analyzer_config.mode = sinmun::parse_analysis_mode(config_options.analysis_mode);
    }
    const sinmun::Analyzer analyzer = sinmun::make_analyzer(analyzer_config, note);
    if (words.empty()) throw sinmun::UsageError("--analyze needs some TEXT");
    return analyze(analyzer, join(words), vm.count("verbose") > 0);
  }
  if (config_options.db_path.empty()) throw sinmun::UsageError("need --db DIR");
  if (queries_path.empty() && words.empty() && request.similar_to.empty() && !vm.count("sources") && show_id.empty()) {
    throw sinmun::UsageError("need a QUERY or --queries FILE");
  }
  const std::shared_ptr<const sinmun::SearchConfig> config = sinmun::SearchConfig::load(config_options, note);
  const std::unique_ptr<sinmun::Searcher> searcher = config->open_searcher();
  if (vm.count("sources")) {
    for (const sinmun::FacetCount& source : searcher->sources()) {
      std::cout << (source.value.empty() ? "(no source)" : source.value) << '\t' << source.count << '\n';
    }
    return 0;
  }
  request.limit = static_cast<Xapian::doccount>(limit);
  request.offset = static_cast<Xapian::doccount>(offset);
  request.collapse = vm.count("no-collapse") == 0;
  request.strict = vm.count("strict") > 0;
  request.explain = vm.count("explain") > 0;
  if (!queries_path.empty()) {
    request.with_snippets = vm.count("snippets") > 0;
    request.with_facets = vm.count("facets") > 0;
    request.exact_counts = request.with_facets;  // a run lists ids: no totals needed
    return run_batch(*searcher, queries_path, request);
  }
  request.query = join(words);
  const bool json = vm.count("json") > 0;
  if (vm.count("related")) {
    const sinmun::RelatedResponse related = searcher->related(request);
    if (json) std::cout << sinmun::to_json(related) << '\n';
    if (!json) sinmun::print_related(std::cout, related);
    return 0;
  }
  if (!show_id.empty()) return show_article(*searcher, show_id, request.query, json);
  if (!trend.empty()) return run_trend(*searcher, request, trend, words.empty() ? versus : with(words, versus), json);
  if (!format.empty()) return export_results(*searcher, request, format, fields, vm.count("all") > 0);
  request.with_facets = json || vm.count("facets") > 0;
  const sinmun::SearchResponse response = searcher->search(request);
  if (json) {
    std::cout << sinmun::to_json(response) << '\n';
  } else {
    const bool terminal = isatty(STDOUT_FILENO) != 0;
    sinmun::print_human(std::cout, response, terminal, terminal ? terminal_columns() : 0);
    if (request.with_facets) sinmun::print_facets(std::cout, response);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return sinmun::cli::run(kProgram, [&] { return search_main(argc, argv); });
}
