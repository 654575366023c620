#include "corpus/gzip.h"

#include <gtest/gtest.h>

#include "tests/corpus/fixtures.h"

namespace sinmun {
namespace {

TEST(GzipTest, InflatesEveryMember) {
  const Gunzipped g = gunzip(testing::fixture("warc/pages.warc.gz"));
  EXPECT_TRUE(g.error.empty()) << g.error;
  EXPECT_EQ(g.members, 3u);
  EXPECT_TRUE(g.data.starts_with("WARC/1.1\r\n"));
}

TEST(GzipTest, ABadCrcDropsThatMemberAndKeepsTheOnesBefore) {
  const std::string bytes = testing::fixture("gz/feed-bad-crc.jsonl.gz");
  const Gunzipped g = gunzip(bytes);
  EXPECT_EQ(g.error, "CRC mismatch");
  EXPECT_EQ(g.members, 1u);
  EXPECT_EQ(g.error_offset, 106u);
  EXPECT_NE(g.data.find("gz-1"), std::string::npos);
  EXPECT_EQ(g.data.find("gz-2"), std::string::npos);
}

TEST(GzipTest, TruncationAndGarbageAreErrorsNotCrashes) {
  const std::string whole = testing::fixture("gz/page.html.gz");
  for (std::size_t cut : {std::size_t{3}, std::size_t{10}, whole.size() / 2, whole.size() - 1}) {
    const Gunzipped g = gunzip(whole.substr(0, cut));
    EXPECT_FALSE(g.error.empty()) << cut;
    EXPECT_TRUE(g.data.empty()) << cut;
  }
  EXPECT_EQ(gunzip("plain text").error, "not a gzip member");
  EXPECT_EQ(gunzip(whole + std::string(8, '\0')).error, "") << "NUL padding after the last member";
  EXPECT_EQ(gunzip(whole + "junk").error, "not a gzip member");
  EXPECT_EQ(gunzip(whole + "junk").members, 1u);
}

TEST(GzipTest, OutputLimitStopsABomb) {
  const Gunzipped g = gunzip(testing::fixture("gz/page.html.gz"), 100);
  EXPECT_EQ(g.error, "decompressed size exceeds 100 bytes");
  EXPECT_TRUE(g.data.empty());
}

TEST(GzipTest, MagicNumber) {
  EXPECT_TRUE(is_gzip("\x1f\x8b\x08"));
  EXPECT_FALSE(is_gzip("\x1f"));
  EXPECT_FALSE(is_gzip("<html>"));
}

}  // namespace
}  // namespace sinmun
