// Random and hostile queries: the parser never throws, its tree keeps the shape the builder
// relies on and stays within kMaxQueryTreeDepth, its cost grows with the length of the query
// only, and the builder turns every tree into a Xapian query.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "base/errors.h"
#include "searcher/query_builder.h"
#include "searcher/query_parser.h"
#include "tests/searcher/query_tree.h"
#include "tests/support/cpu_time.h"
#include "tests/support/random_text.h"

namespace sinmun {
namespace {

// Checks `node` and everything under it; `query` is what was parsed.
void check_shape(const QueryNode& node, const std::string& query, bool is_root) {
  using Kind = QueryNode::Kind;
  switch (node.kind) {
    case Kind::kAnd:
    case Kind::kOr:
      // A group of one is flattened into its child; only the root may hold fewer than two.
      if (!is_root) {
        ASSERT_GE(node.children.size(), 2u) << describe(node);
      }
      break;
    case Kind::kNot:
      ASSERT_EQ(node.children.size(), 1u) << describe(node);
      break;
    case Kind::kWord:
      ASSERT_FALSE(node.text.empty());
      [[fallthrough]];
    case Kind::kPhrase:
    case Kind::kField:
      ASSERT_TRUE(node.children.empty());
      ASSERT_NE(query.find(node.text), std::string::npos) << "text that is not in the query: " << node.text;
      break;
  }
  if (node.kind == Kind::kField) {
    ASSERT_TRUE(node.field == "title" || node.field == "source" || node.field == "author" || node.field == "category" ||
                node.field == "date")
        << node.field;
  } else {
    ASSERT_TRUE(node.field.empty());
    ASSERT_FALSE(node.quoted);
  }
  for (const QueryNode& child : node.children) {
    ASSERT_NE(child.kind == Kind::kAnd && node.kind == Kind::kAnd, true) << "AND in AND is merged";
    check_shape(child, query, false);
  }
}

std::size_t count_nodes(const QueryNode& node) {
  std::size_t n = 1;
  for (const QueryNode& child : node.children) n += count_nodes(child);
  return n;
}

// Parses `query` and checks every invariant; returns the tree.
QueryNode checked_parse(const std::string& query) {
  QueryNode tree;
  EXPECT_NO_THROW(tree = parse_query(query)) << query;
  EXPECT_EQ(tree.kind, QueryNode::Kind::kAnd);
  EXPECT_LE(testing::tree_depth(tree), kMaxQueryTreeDepth) << query.substr(0, 200);
  check_shape(tree, query, true);
  EXPECT_LE(count_nodes(tree), 2 * query.size() + 1) << query.substr(0, 200);
  const std::string described = describe(tree);
  EXPECT_LE(described.size(), 8 * query.size() + 8) << query.substr(0, 200);
  EXPECT_EQ(parse_query(query), tree) << "the same query, another tree: " << query;
  // describe() is close to the query language: read back, it must keep to the bounds too.
  const QueryNode again = parse_query(described);
  EXPECT_LE(testing::tree_depth(again), kMaxQueryTreeDepth) << described.substr(0, 200);
  return tree;
}

void check_builds(const QueryNode& tree, const Analyzer& analyzer) {
  BuiltQuery built;
  try {
    built = build_query(tree, analyzer);
  } catch (const UsageError& e) {  // the documented refusals: a date: that is not a date, too many words
    const std::string what = e.what();
    EXPECT_TRUE(what.find("date: takes") != std::string::npos ||
                what.find(" words and phrases; at most " + std::to_string(kMaxQueryWords)) != std::string::npos)
        << what;
    return;
  } catch (const std::exception& e) {
    FAIL() << describe(tree) << ": " << e.what();
  }
  ASSERT_FALSE(built.strict.get_description().empty());
  for (const std::string& term : built.terms) ASSERT_FALSE(term.empty()) << describe(tree);
}

// The pieces of the query language and of what people paste into a search box.
const std::vector<std::string> kPieces = {"수출",
                                          "H200",
                                          "반도체",
                                          "엔비디아의",
                                          "C++",
                                          "GPT*",
                                          "*",
                                          "a",
                                          "OR",
                                          "AND",
                                          "NOT",
                                          "or",
                                          "not",
                                          "(",
                                          ")",
                                          "-",
                                          "--",
                                          "\"",
                                          "\"반도체 공급망\"",
                                          "title:",
                                          "source:",
                                          "author:",
                                          "category:",
                                          "date:",
                                          "date:2025-12",
                                          "date:..2024-12-31",
                                          "date:2025-13",
                                          ":",
                                          "TITLE:",
                                          "title:\"",
                                          "\t",
                                          "\n",
                                          "🙂",
                                          "“",
                                          "”",
                                          "\xFF",
                                          "\xE1\x84",
                                          "..",
                                          "-(",
                                          "NOT(",
                                          "(-",
                                          "\\"};

std::string random_query(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> count(0, 40);
  std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() + 2);
  std::string query;
  for (std::size_t i = 0, n = count(rng); i < n; ++i) {
    const std::size_t p = pick(rng);
    if (p == kPieces.size()) {
      query += testing::random_mix(rng, 3);
    } else if (p == kPieces.size() + 1) {
      query += testing::random_bytes(rng, 2);
    } else if (p < kPieces.size()) {
      query += kPieces[p];
    }
    if (rng() % 3 != 0) query += ' ';  // else glued to the next piece
  }
  return query;
}

TEST(QueryRandomTest, RandomQueriesKeepTheTreeInvariants) {
  const Analyzer analyzer;  // n-grams: no dictionary needed
  std::mt19937 rng(20260105);
  for (int i = 0; i < 20000; ++i) {
    const std::string query = random_query(rng);
    const QueryNode tree = checked_parse(query);
    check_builds(tree, analyzer);
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "query: " << query;
      return;
    }
  }
}

TEST(QueryRandomTest, RandomBytesKeepTheTreeInvariants) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> length(0, 120);
  for (int i = 0; i < 20000; ++i) {
    const std::string query = testing::random_bytes(rng, length(rng));
    checked_parse(query);
    if (::testing::Test::HasFailure()) return;
  }
}

// Runs of nesting operators of random kinds and lengths around the limit and far past it.
TEST(QueryRandomTest, DeepNestingOfEveryKindStaysWithinTheBound) {
  const Analyzer analyzer;
  const std::vector<std::string> openers = {"(", "-(", "NOT ", "NOT (", "a OR (", "(a b OR ", "-", "(-"};
  std::mt19937 rng(33);
  std::uniform_int_distribution<std::size_t> kind(0, openers.size() - 1);
  const std::size_t lengths[] = {kMaxQueryNesting - 1, kMaxQueryNesting, kMaxQueryNesting + 1, 100, 5000};
  for (int i = 0; i < 300; ++i) {
    std::string query;
    const std::size_t n = lengths[static_cast<std::size_t>(i) % std::size(lengths)];
    for (std::size_t k = 0; k < n; ++k) query += openers[kind(rng)];
    query += "수출";
    for (std::size_t k = 0, closes = rng() % (n + 2); k < closes; ++k) query += rng() % 4 ? ")" : ") x";
    const QueryNode tree = checked_parse(query);
    check_builds(tree, analyzer);
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "query: " << query.substr(0, 300);
      return;
    }
  }
}

double seconds_to_parse(const std::string& query) {
  QueryNode tree;
  const double seconds = testing::best_cpu_seconds([&] { tree = parse_query(query); }, 2);
  EXPECT_LE(testing::tree_depth(tree), kMaxQueryTreeDepth);
  return seconds;
}

std::string repeat(const std::string& text, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

// 10 times the query may take about 10 times as long, never 100 (CPU time): the tokenizer
// once searched the rest of the query for a field's ':' at every word, and 10,000 NOTs took
// 119 s.
TEST(QueryRandomTest, ParsingTimeIsLinearInTheQuery) {
  for (const std::string piece : {"a ", "NOT ", "(", "-(", "(a OR ", "\"x\" ", "title:"}) {
    const double short_time = seconds_to_parse(repeat(piece, 20000));
    const double long_time = seconds_to_parse(repeat(piece, 200000));
    EXPECT_LT(long_time, std::max(40 * short_time, 0.05)) << piece;
  }
}

}  // namespace
}  // namespace sinmun
