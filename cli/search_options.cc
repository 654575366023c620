#include "cli/search_options.h"

namespace sinmun::cli {

void add_search_options(po::options_description& options, SearchConfigOptions& config) {
  // One option a line, as --help shows them.
  // clang-format off
  options.add_options()
      ("db", po::value(&config.db_path)->value_name("DIR"), "database made by sinmun-index (or a Xapian stub file)")
      ("synonyms", po::value(&config.synonyms_path)->value_name("FILE"),
       "synonym groups, one per line (default: $SINMUN_SYNONYMS, else the one shipped; 'none')")
      ("bm25", po::value(&config.bm25)->value_name("K1,B"), "BM25 parameters (default 0.6,0.9, tuned on news)")
      ("proximity", po::value(&config.proximity)->value_name("W"),
       "weight of the bonus for query words close together (default 0.5; 0: none)")
      ("allow-partial", po::bool_switch(&config.allow_partial),
       "over shards, answer from those that answer when some are down (flagged partial) instead of failing")
      ("one-thread", po::bool_switch(&config.one_thread),
       "count totals and facets after the ranking, not on a second thread beside it (slower answers; "
       "for a server that keeps one core a search)");
  // clang-format on
  add_analyzer_options(options, config.analyzer, config.analysis_mode,
                       "morph+ngram, ngram or morph (default: what the database was indexed with)");
}

}  // namespace sinmun::cli
