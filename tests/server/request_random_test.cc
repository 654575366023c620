// Random parameters for the HTTP API: parse_search_params and parse_doc_params either give a
// request inside every documented limit or throw BadRequest naming the parameter; nothing
// else ever escapes.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "corpus/text_utils.h"
#include "server/request.h"
#include "tests/support/random_text.h"

namespace sinmun::http {
namespace {

const std::vector<std::string> kNames = {"q",      "limit",   "offset", "sort", "from", "to",
                                         "source", "similar", "id",     "x",    ""};

std::string random_value(std::mt19937& rng) {
  static const std::vector<std::string> kValues = {
      "", "0", "1", "10", "100", "101", "10000", "10001", "-1", "+5", " 5", "5 ", "1e2", "0x10", "007",
      "18446744073709551616", "99999999999999999999999", "relevance", "date", "DATE", "2025-12-01",
      "수출 H200", "\xFF\xFE", "\xC0\x80", "\xED\xA0\x80", std::string(1, '\0'), std::string("a\0b", 3)};
  switch (rng() % 5) {
    case 0:
      return testing::random_bytes(rng, rng() % 40);
    case 1:
      return testing::random_mix(rng, rng() % 400);  // up to ~1,200 bytes: both sides of the limits
    case 2:
      return std::string(kMaxQueryBytes - 1 + rng() % 3, 'a');
    default:
      return kValues[rng() % kValues.size()];
  }
}

Params random_params(std::mt19937& rng) {
  Params params;
  for (std::size_t i = 0, n = rng() % 6; i < n; ++i) params.emplace(kNames[rng() % kNames.size()], random_value(rng));
  return params;
}

bool valid_utf8(std::string text) { return repair_utf8(text) == 0; }

// A refusal names the parameter it is about, first.
void expect_names_a_parameter(const BadRequest& error) {
  const std::string what = error.what();
  bool named = false;
  for (const std::string& name : kNames) named = named || (!name.empty() && what.starts_with(name + " "));
  EXPECT_TRUE(named) << what;
}

TEST(RequestRandomTest, SearchParamsAreWithinTheLimitsOrRefused) {
  std::mt19937 rng(20260201);
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    const Params params = random_params(rng);
    try {
      const SearchRequest request = parse_search_params(params);
      ++accepted;
      EXPECT_GE(request.limit, 1u);
      EXPECT_LE(request.limit, kMaxLimit);
      EXPECT_LE(request.offset, kMaxOffset);
      EXPECT_LE(request.query.size(), kMaxQueryBytes);
      EXPECT_TRUE(valid_utf8(request.query));
      for (const std::string* field : {&request.date_from, &request.date_to, &request.source, &request.similar_to}) {
        EXPECT_LE(field->size(), kMaxFieldBytes);
        EXPECT_TRUE(valid_utf8(*field));
      }
      EXPECT_TRUE(params.count("q") == 1 || !request.similar_to.empty());
      if (params.count("q") == 1) {
        EXPECT_EQ(request.query, params.find("q")->second);
      }
      EXPECT_TRUE(request.with_facets);
      EXPECT_TRUE(request.with_snippets);
    } catch (const BadRequest& error) {
      expect_names_a_parameter(error);
    }
    if (::testing::Test::HasFailure()) return;
  }
  // The generator must reach both sides, or the test proves little.
  EXPECT_GT(accepted, 1000);
  EXPECT_LT(accepted, 19000);
}

TEST(RequestRandomTest, DocParamsAreAnIdOrRefused) {
  std::mt19937 rng(11);
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    const Params params = random_params(rng);
    try {
      const std::string id = parse_doc_params(params);
      ++accepted;
      EXPECT_FALSE(id.empty());
      EXPECT_LE(id.size(), kMaxFieldBytes);
      EXPECT_TRUE(valid_utf8(id));
      EXPECT_EQ(params.count("id"), 1u);
      EXPECT_EQ(id, params.find("id")->second);
    } catch (const BadRequest& error) {
      expect_names_a_parameter(error);
    }
    if (::testing::Test::HasFailure()) return;
  }
  EXPECT_GT(accepted, 500);
}

}  // namespace
}  // namespace sinmun::http
