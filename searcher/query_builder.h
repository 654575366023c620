#ifndef SINMUN_SEARCHER_QUERY_BUILDER_H_
#define SINMUN_SEARCHER_QUERY_BUILDER_H_

#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "searcher/query_parser.h"

namespace sinmun {

// A Xapian query and the index terms it looks for (for highlighting).
struct BuiltQuery {
  Xapian::Query query;        // MatchNothing when the text has no searchable term
  std::set<std::string> terms;  // index terms as stored (prefixed), e.g. "h200", "XN수출"
};

// Builds the query for parsed clauses with the same analyzer as the index.
//
// Clauses are ANDed. Within a bare word, each alphanumeric piece is its term and each Hangul
// run is the phrase of its bigrams (so `엔비디아` needs 엔비·비디·디아 in a row, never spread
// over a document); a lone syllable glued after Latin or digits (`H200을`) is taken for a
// particle and not required. A quoted clause is one phrase over all its terms, in order,
// allowing one extra position between words (`"H200 수출"` matches `H200 수출을`).
BuiltQuery build_query(const std::vector<QueryClause>& clauses, const Analyzer& analyzer);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_QUERY_BUILDER_H_
