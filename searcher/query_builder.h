#ifndef SINMUN_SEARCHER_QUERY_BUILDER_H_
#define SINMUN_SEARCHER_QUERY_BUILDER_H_

#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "searcher/query_parser.h"

namespace sinmun {

struct QueryOptions {
  // Weight of an n-gram (substring) match relative to a word/morpheme match, so that 수출
  // matching 수출 ranks above 수출 matching inside 수출입.
  double ngram_weight = 0.5;
  // Queries of at least this many concepts get a relaxed form for when the strict one finds
  // too little (a pasted headline).
  std::size_t relax_from_concepts = 3;
};

// A Xapian query and the index terms it looks for (for highlighting).
struct BuiltQuery {
  Xapian::Query strict;   // every concept must match; MatchNothing when nothing is searchable
  Xapian::Query relaxed;  // any concept may match, more is better; empty for short queries
  std::set<std::string> terms;  // index terms as stored (prefixed), e.g. "h200", "XN수출"
};

// Builds the query for parsed clauses with the same analyzer as the index.
//
// A query is an AND of concepts, one per bare word or quoted phrase. A word's concept is an
// OR of its variants: its words and morphemes (a compound also as the phrase of its parts,
// so 반도체공급망 meets 반도체 공급망; a prefixed word like 비급여 only whole), and, at
// `ngram_weight`, the bigram phrase of its content syllables (the recall net for names the
// dictionary lacks; never across a word boundary, never over a particle). A quoted phrase is
// the phrase of its words' and morphemes' terms in order (n-gram bigrams without a
// dictionary).
BuiltQuery build_query(const std::vector<QueryClause>& clauses, const Analyzer& analyzer,
                       const QueryOptions& options = {});

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_QUERY_BUILDER_H_
