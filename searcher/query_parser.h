#ifndef SINMUN_SEARCHER_QUERY_PARSER_H_
#define SINMUN_SEARCHER_QUERY_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

namespace sinmun {

// One part of a user query: a bare word, or the text of a "quoted phrase".
struct QueryClause {
  std::string text;
  bool phrase = false;

  bool operator==(const QueryClause&) const = default;
};

// Splits a query into words and "quoted phrases" (ASCII quotes; curly quotes are ordinary
// characters, as they are in Korean headlines). An unbalanced quote makes a phrase of the
// rest of the query. Never fails: any input gives some clauses, possibly none.
std::vector<QueryClause> parse_query(std::string_view query);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_QUERY_PARSER_H_
