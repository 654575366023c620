#ifndef SINMUN_SEARCHER_OUTPUT_H_
#define SINMUN_SEARCHER_OUTPUT_H_

#include <ostream>
#include <string>

#include "searcher/searcher.h"

namespace sinmun {

// The --json object (contract): {"query", "total", "total_is_exact", "took_ms",
// "results": [{"rank", "id", "title", "date", "source", "url", "score", "snippet"}],
// "facets": {}} on one line.
std::string to_json(const SearchResponse& response);

// Human-readable result list. With `color`, highlights are bold yellow (ANSI); without,
// they are plain text.
void print_human(std::ostream& out, const SearchResponse& response, bool color);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_OUTPUT_H_
