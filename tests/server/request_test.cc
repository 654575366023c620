// What the HTTP API accepts as parameters, and what it refuses.
#include "server/request.h"

#include <gtest/gtest.h>

namespace sinmun::http {
namespace {

TEST(ParseSearchParams, OnlyQGivenUsesTheDefaults) {
  const SearchRequest request = parse_search_params({{"q", "H200 수출"}});
  EXPECT_EQ(request.query, "H200 수출");
  EXPECT_EQ(request.limit, 10u);
  EXPECT_EQ(request.offset, 0u);
  EXPECT_EQ(request.sort, SortOrder::kRelevance);
  EXPECT_TRUE(request.date_from.empty());
  EXPECT_TRUE(request.sources.empty());
  EXPECT_FALSE(request.strict);
  EXPECT_TRUE(request.with_facets);
  EXPECT_TRUE(request.with_snippets);
}

TEST(ParseSearchParams, TakesEveryField) {
  const SearchRequest request = parse_search_params({{"q", "수출"},
                                                     {"limit", "100"},
                                                     {"offset", "10000"},
                                                     {"sort", "date"},
                                                     {"from", "2025-12-01"},
                                                     {"to", "2025-12-31"},
                                                     {"source", "한빛일보"},
                                                     {"source", "동해신문"},
                                                     {"strict", "1"},
                                                     {"unknown", "ignored"}});
  EXPECT_EQ(request.limit, 100u);
  EXPECT_EQ(request.offset, 10000u);
  EXPECT_EQ(request.sort, SortOrder::kDate);
  EXPECT_EQ(request.date_from, "2025-12-01");
  EXPECT_EQ(request.date_to, "2025-12-31");
  EXPECT_EQ(request.sources, (std::vector<std::string>{"한빛일보", "동해신문"}));
  EXPECT_TRUE(request.strict);
}

TEST(ParseSearchParams, AQueryOfExactlyTheLimitIsAccepted) {
  EXPECT_EQ(parse_search_params({{"q", std::string(kMaxQueryBytes, 'a')}}).query.size(), kMaxQueryBytes);
}

struct Refused {
  Params params;
  std::string message_part;
};

TEST(ParseSearchParams, RefusesBadParametersSayingWhich) {
  const Refused cases[] = {
      {{}, "q (the query) is missing"},
      {{{"q", std::string(kMaxQueryBytes + 1, 'a')}}, "q is longer than 1000 bytes"},
      {{{"q", "\xff\xfe"}}, "q is not valid UTF-8"},
      {{{"q", "a"}, {"q", "b"}}, "q is given more than once"},
      {{{"q", "a"}, {"limit", "0"}}, "limit must be between 1 and 100"},
      {{{"q", "a"}, {"limit", "101"}}, "limit must be between 1 and 100"},
      {{{"q", "a"}, {"limit", "99999999999999999999999"}}, "limit must be between 1 and 100"},
      {{{"q", "a"}, {"limit", "-1"}}, "limit must be a whole number between 1 and 100"},
      {{{"q", "a"}, {"limit", "1e2"}}, "limit must be a whole number"},
      {{{"q", "a"}, {"limit", ""}}, "limit must be a whole number"},
      {{{"q", "a"}, {"limit", " 5"}}, "limit must be a whole number"},
      {{{"q", "a"}, {"offset", "10001"}}, "offset must be between 0 and 10000"},
      {{{"q", "a"}, {"sort", "best"}}, "sort must be relevance or date"},
      {{{"q", "a"}, {"source", std::string(kMaxFieldBytes + 1, 'x')}}, "source is longer than"},
      {{{"q", "a"}, {"from", "\xc0\x80"}}, "from is not valid UTF-8"},
      {{{"q", "a"}, {"strict", "yes"}}, "strict must be 0 or 1"},
      {{{"q", "a"}, {"explain", "true"}}, "explain must be 0 or 1"},
      {{{"q", "a"}, {"strict", "1"}, {"strict", "0"}}, "strict is given more than once"},
  };
  for (const Refused& c : cases) {
    try {
      parse_search_params(c.params);
      ADD_FAILURE() << "accepted: " << c.message_part;
    } catch (const BadRequest& e) {
      EXPECT_NE(std::string(e.what()).find(c.message_part), std::string::npos)
          << e.what() << " (expected: " << c.message_part << ")";
    }
  }
}

TEST(ParseDocParams, NeedsOneNonEmptyId) {
  EXPECT_EQ(parse_doc_params({{"id", "sample-0001"}}), "sample-0001");
  EXPECT_THROW(parse_doc_params({}), BadRequest);
  EXPECT_THROW(parse_doc_params({{"id", ""}}), BadRequest);
  EXPECT_THROW(parse_doc_params({{"id", "a"}, {"id", "b"}}), BadRequest);
  EXPECT_THROW(parse_doc_params({{"id", std::string(kMaxFieldBytes + 1, 'x')}}), BadRequest);
}

TEST(ParseListenAddress, HostAndPort) {
  const ListenAddress v4 = parse_listen_address("127.0.0.1:8080");
  EXPECT_EQ(v4.host, "127.0.0.1");
  EXPECT_EQ(v4.port, 8080);
  const ListenAddress v6 = parse_listen_address("[::1]:0");
  EXPECT_EQ(v6.host, "::1");
  EXPECT_EQ(v6.port, 0);
  EXPECT_EQ(parse_listen_address("localhost:65535").port, 65535);
}

TEST(ParseListenAddress, RefusesWhatIsNotHostColonPort) {
  for (const char* text :
       {"8080", ":8080", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.1:80x", "::1:8080", "[]:80"}) {
    EXPECT_THROW(parse_listen_address(text), std::invalid_argument) << text;
  }
}

}  // namespace
}  // namespace sinmun::http
