#ifndef SINMUN_SEARCHER_OUTPUT_H_
#define SINMUN_SEARCHER_OUTPUT_H_

#include <ostream>
#include <string>

#include "searcher/searcher.h"

namespace sinmun {

// The --json object (contract): {"query", "total", "total_articles", "total_is_exact",
// "relaxed", "facets_sample" (0, or how many best matches the counts describe), "took_ms", "results": [{"rank", "id",
// "title", "date", "source", "url", "score", "snippet", "title_html", "similar", and with quote:/speaker: "quotes":
// [{"speaker", "text"}]}], "facets": {"source": [{"value", "count"}], "month": [{"value": "YYYY-MM", "count"}]}} on
// one line; the counts follow SearchResponse's count rule (value "" counts the articles without a source or date).
std::string to_json(const SearchResponse& response);

// Human-readable result list: a note first when the query was loosened, then per result the
// title, date · source · id · score (· +N similar), the URL and the snippet (wrapped at
// `width` columns with its lines indented; 0: not wrapped), and the count line last ("245
// results", "at least 11 results"). With `color`, highlights are bold yellow (ANSI).
void print_human(std::ostream& out, const SearchResponse& response, bool color, std::size_t width = 0);

// "sources:  한빛일보 (12)  동해신문 (3)" and "months:  2026-01 (4) …" lines.
void print_facets(std::ostream& out, const SearchResponse& response);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_OUTPUT_H_
