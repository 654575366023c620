// Measures of a parsed query, for the tests of the parser's bounds.
#ifndef SINMUN_TESTS_SEARCHER_QUERY_TREE_H_
#define SINMUN_TESTS_SEARCHER_QUERY_TREE_H_

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include "searcher/query_parser.h"

namespace sinmun::testing {

// Levels of the tree (a lone word is 1). A loop, not recursion, so that it can measure a tree
// that is far too deep without crashing itself.
inline std::size_t tree_depth(const QueryNode& root) {
  std::size_t deepest = 0;
  std::vector<std::pair<const QueryNode*, std::size_t>> pending = {{&root, 1}};
  while (!pending.empty()) {
    const auto [node, depth] = pending.back();
    pending.pop_back();
    deepest = std::max(deepest, depth);
    for (const QueryNode& child : node->children) pending.emplace_back(&child, depth + 1);
  }
  return deepest;
}

}  // namespace sinmun::testing

#endif  // SINMUN_TESTS_SEARCHER_QUERY_TREE_H_
