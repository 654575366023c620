// The query language on arbitrary text: parse_query never fails, its tree stays within
// kMaxQueryTreeDepth, and build_query (n-gram analyzer) turns any tree into a Xapian query
// or refuses it with a UsageError.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "analyzers/analyzer.h"
#include "base/errors.h"
#include "searcher/query_builder.h"
#include "searcher/query_parser.h"

namespace {

std::size_t depth(const sinmun::QueryNode& node) {
  std::size_t deepest = 0;
  for (const sinmun::QueryNode& child : node.children) deepest = std::max(deepest, depth(child));
  return deepest + 1;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const sinmun::Analyzer analyzer;
  const sinmun::QueryNode tree = sinmun::parse_query(std::string_view(reinterpret_cast<const char*>(data), size));
  if (depth(tree) > sinmun::kMaxQueryTreeDepth) std::abort();
  (void)sinmun::describe(tree);
  try {
    (void)sinmun::build_query(tree, analyzer).strict.get_description();
  } catch (const sinmun::UsageError&) {  // the documented refusals: a bad date:, too many words
  }
  return 0;
}
