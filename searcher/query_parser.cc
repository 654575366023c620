#include "searcher/query_parser.h"

namespace sinmun {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::vector<QueryClause> parse_query(std::string_view query) {
  std::vector<QueryClause> clauses;
  std::size_t i = 0;
  while (i < query.size()) {
    if (is_space(query[i])) {
      ++i;
      continue;
    }
    if (query[i] == '"') {
      const std::size_t close = query.find('"', i + 1);
      const std::size_t end = close == std::string_view::npos ? query.size() : close;
      std::string_view inside = query.substr(i + 1, end - i - 1);
      if (inside.find_first_not_of(" \t\n\r\f\v") != std::string_view::npos) {
        clauses.push_back({std::string(inside), true});
      }
      i = close == std::string_view::npos ? query.size() : close + 1;
      continue;
    }
    std::size_t end = i;
    while (end < query.size() && !is_space(query[end]) && query[end] != '"') ++end;
    clauses.push_back({std::string(query.substr(i, end - i)), false});
    i = end;
  }
  return clauses;
}

}  // namespace sinmun
