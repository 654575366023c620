#ifndef SINMUN_SEARCHER_QUERY_PARSER_H_
#define SINMUN_SEARCHER_QUERY_PARSER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sinmun {

// How deep groups and negations may nest, counted together (a negated group `-( … )` counts
// two). Deeper, a bracket is plain text: the word "(" or ")", which like all punctuation
// matches nothing, and whose ")" closes no outer group; and a NOT or a leading '-' is ignored
// (its operand is kept as if it were not negated). The parse tree is then never more than
// kMaxQueryTreeDepth levels deep (a word is one level), so the query builder's recursion and
// the cost of a query stay bounded however the query is written.
inline constexpr std::size_t kMaxQueryNesting = 32;
inline constexpr std::size_t kMaxQueryTreeDepth = 2 * kMaxQueryNesting + 3;

// A parsed user query.
struct QueryNode {
  enum class Kind {
    kWord,    // `text` is one word as typed (수출을, H200, GPT*)
    kPhrase,  // `text` is the inside of "quotes"
    kAnd,     // all children (implicit between words, or AND)
    kOr,      // any child
    kNot,     // the one child must not match (-word, NOT word)
    kField,   // `field`:`text`; `quoted` when the value was "quoted"
  };
  Kind kind = Kind::kWord;
  std::string text;
  std::string field;  // lower-case: title, source, author, category, date, quote, speaker
  bool quoted = false;
  std::vector<QueryNode> children;

  bool operator==(const QueryNode&) const = default;
};

// Parses the query language:
//   words           all must match (implicit AND; `AND` may be written)
//   a OR b          either
//   -word, NOT word must not match (also -"phrase", -(group))
//   "exact phrase"  the words in this order, together
//   ( … )           grouping
//   title:word  title:"phrase"  source:NAME  author:NAME  category:NAME
//   quote:word  quote:"phrase"  speaker:NAME  (a direct quotation, its speaker)
//   date:2025  date:2025-03  date:2025-01-01..2025-06-30  date:..2024-12-31
// Operators are upper case (or, and, not in lower case are words). Never fails: whatever
// does not parse as an operator is a word (C++, a lone `-`, `AND` with nothing to join, an
// unbalanced quote or parenthesis, emoji); an empty query gives an empty kAnd. Nesting deeper
// than kMaxQueryNesting is cut as said above. Time and the size of the tree are linear in
// the length of the query.
QueryNode parse_query(std::string_view query);

// Compact form for tests and debugging: AND(w:H200 OR(w:a w:b) NOT(p:"x y") source:"연합뉴스").
std::string describe(const QueryNode& node);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_QUERY_PARSER_H_
