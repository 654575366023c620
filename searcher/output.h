#ifndef SINMUN_SEARCHER_OUTPUT_H_
#define SINMUN_SEARCHER_OUTPUT_H_

#include <ostream>
#include <string>

#include "searcher/searcher.h"

namespace sinmun {

// The --json object (contract): {"query", "total", "total_is_exact", "took_ms",
// "results": [{"rank", "id", "title", "date", "source", "url", "score", "snippet",
// "title_html", "similar"}],
// "facets": {"source": [{"value", "count"}], "month": [{"value": "YYYY-MM", "count"}]}}
// on one line.
std::string to_json(const SearchResponse& response);

// Human-readable result list. With `color`, highlights are bold yellow (ANSI); without,
// they are plain text.
void print_human(std::ostream& out, const SearchResponse& response, bool color);

// "sources:  한빛일보 (12)  동해신문 (3)" and "months:  2026-01 (4) …" lines.
void print_facets(std::ostream& out, const SearchResponse& response);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_OUTPUT_H_
