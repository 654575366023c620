#ifndef SINMUN_CLI_SEARCH_OPTIONS_H_
#define SINMUN_CLI_SEARCH_OPTIONS_H_

#include "cli/cli.h"
#include "searcher/search_config.h"

namespace sinmun::cli {

// What sinmun-search and sinmun-serve both take about searching: --db, the analyzer options,
// --synonyms, --bm25 and --proximity, written into `config`.
void add_search_options(po::options_description& options, SearchConfigOptions& config);

}  // namespace sinmun::cli

#endif  // SINMUN_CLI_SEARCH_OPTIONS_H_
