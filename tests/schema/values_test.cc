#include "schema/values.h"

#include <gtest/gtest.h>

#include "schema/ledger_entry.h"
#include "schema/schema.h"

namespace sinmun::schema {
namespace {

TEST(ValuesTest, DatesEncodeAndDecode) {
  EXPECT_EQ(date_value("2025-12-05"), "20251205");
  EXPECT_EQ(iso_date(date_value("2025-12-05")), "2025-12-05");
  EXPECT_EQ(date_value(2025, 3, 1), "20250301");
  for (const char* bad : {"", "2025-12", "2025/12/05", "2025-1a-05", "20251205", "2025-12-05T"}) {
    EXPECT_EQ(date_value(bad), "") << bad;
  }
  EXPECT_EQ(iso_date("2025120"), "");
  EXPECT_EQ(iso_date("2025x205"), "");
}

TEST(ValuesTest, DateTermsAreDayMonthAndYear) {
  EXPECT_EQ(date_terms("2025-12-05"), (std::vector<std::string>{"D20251205", "M202512", "Y2025"}));
  EXPECT_TRUE(date_terms("").empty());
  EXPECT_TRUE(date_terms("someday").empty());
}

TEST(ValuesTest, FacetValuesRoundTrip) {
  EXPECT_EQ(facet_value("2025-12-05", "한빛일보"), "202512\t한빛일보");
  const std::optional<FacetValue> dated = parse_facet_value(facet_value("2025-12-05", "한빛일보"));
  ASSERT_TRUE(dated);
  EXPECT_EQ(dated->month, "2025-12");
  EXPECT_EQ(dated->source, "한빛일보");
  const std::optional<FacetValue> undated = parse_facet_value(facet_value("", "한빛일보"));
  ASSERT_TRUE(undated);
  EXPECT_EQ(undated->month, "");
  EXPECT_EQ(undated->source, "한빛일보");
  const std::optional<FacetValue> anonymous = parse_facet_value(facet_value("2025-01-02", ""));
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->month, "2025-01");
  EXPECT_EQ(anonymous->source, "");
  for (const char* bad : {"", "202512", "2025\tx", "20251x\tx"}) EXPECT_FALSE(parse_facet_value(bad)) << bad;
}

TEST(ValuesTest, OrderValuesSortByDateThenId) {
  EXPECT_EQ(order_value("2025-12-05", "a-1"), "20251205\ta-1");
  EXPECT_EQ(order_value("", "a-1"), "\ta-1");
  EXPECT_LT(order_value("2025-12-04", "z"), order_value("2025-12-05", "a"));
  EXPECT_LT(order_value("2025-12-05", "a"), order_value("2025-12-05", "b"));
}

TEST(ValuesTest, SimhashValuesRoundTripAndRejectDamage) {
  for (std::uint64_t signature : {0ull, 1ull, 0xfedcba9876543210ull, ~0ull}) {
    EXPECT_EQ(simhash_value(signature).size(), 16u);
    EXPECT_EQ(parse_simhash_value(simhash_value(signature)), signature);
  }
  for (const char* bad : {"", "123", "fedcba987654321g", "FEDCBA9876543210", "fedcba98765432100"}) {
    EXPECT_FALSE(parse_simhash_value(bad)) << bad;
  }
}

TEST(LedgerEntryTest, RoundTripsAndRejectsDamage) {
  const LedgerEntry entry{"/crawl/a.jsonl", 1234, -5, "00112233445566ff", "binary content"};
  const std::optional<LedgerEntry> back = decode_ledger_entry(encode_ledger_entry(entry));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->path, entry.path);
  EXPECT_EQ(back->size, entry.size);
  EXPECT_EQ(back->mtime_ns, entry.mtime_ns);
  EXPECT_EQ(back->content_hash, entry.content_hash);
  EXPECT_EQ(back->failure, entry.failure);
  EXPECT_FALSE(decode_ledger_entry(""));
  EXPECT_FALSE(decode_ledger_entry("[1,2]"));
  EXPECT_FALSE(decode_ledger_entry(R"({"path": 3})"));
  EXPECT_EQ(ledger_key("/crawl/a.jsonl").rfind(kLedgerKeyPrefix, 0), 0u);
  EXPECT_NE(ledger_key("/crawl/a.jsonl"), ledger_key("/crawl/b.jsonl"));
}

TEST(LedgerEntryTest, PathsThatAreNotUtf8AreKept) {
  const LedgerEntry entry{"/crawl/\xb4\xba\xbd\xba.txt", 1, 2, "h", ""};  // EUC-KR 뉴스
  const std::optional<LedgerEntry> back = decode_ledger_entry(encode_ledger_entry(entry));
  ASSERT_TRUE(back);  // replaced, but never an exception
  EXPECT_EQ(back->path.rfind("/crawl/", 0), 0u);
}

}  // namespace
}  // namespace sinmun::schema
