#include "schema/stored_article.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>

#include "tests/support/random_text.h"

namespace sinmun {
namespace {

StoredArticle every_field() {
  return {"id-1", "제목 \"따옴표\"", "2025-12-05",        "한빛일보", "https://example.com/a", "홍길동",
          "경제", "txt/a.txt",       "본문\n둘째 줄\t탭", {}};
}

TEST(StoredArticleTest, EveryFieldRoundTrips) {
  const StoredArticle article = every_field();
  StoredArticle back;
  ASSERT_TRUE(schema::decode_stored_article(schema::encode_stored_article(article), back));
  for (const schema::StoredField& field : schema::kStoredFields) {
    EXPECT_EQ(back.*field.member, article.*field.member) << field.name;
  }
}

TEST(StoredArticleTest, WritesTheFieldListInOrder) {
  const nlohmann::ordered_json data = nlohmann::ordered_json::parse(schema::encode_stored_article(every_field()));
  std::vector<std::string> names;
  for (const auto& [name, value] : data.items()) names.push_back(name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"id", "title", "date", "source", "url", "author", "category", "file", "body"}));
}

TEST(StoredArticleTest, QuotesRoundTripAndAreAbsentWhenThereAreNone) {
  StoredArticle article = every_field();
  article.body = "장관은 “수출이 늘었다”고 말했다.";
  article.quotes = {{"수출이 늘었다", "장관", 13, 32}, {"둘째 \"인용\"", "", 40, 52}};
  StoredArticle back;
  ASSERT_TRUE(schema::decode_stored_article(schema::encode_stored_article(article), back));
  EXPECT_EQ(back.quotes, article.quotes);
  const nlohmann::json without = nlohmann::json::parse(schema::encode_stored_article(every_field()));
  EXPECT_FALSE(without.contains("quotes"));
}

TEST(StoredArticleTest, DataWithoutQuotesOrWithBadOnesReadsAsNone) {
  StoredArticle back;
  // Document data as databases indexed before quotations hold it.
  ASSERT_TRUE(schema::decode_stored_article(R"({"id": "a", "body": "본문"})", back));
  EXPECT_EQ(back.body, "본문");
  EXPECT_TRUE(back.quotes.empty());
  ASSERT_TRUE(schema::decode_stored_article(R"({"id": "a", "quotes": "x"})", back));
  EXPECT_TRUE(back.quotes.empty());
  ASSERT_TRUE(schema::decode_stored_article(
      R"({"id": "a", "quotes": [5, {"speaker": "b"}, {"text": "말", "start": 1}]})", back));
  ASSERT_EQ(back.quotes.size(), 1u);
  EXPECT_EQ(back.quotes[0].text, "말");
  EXPECT_EQ(back.quotes[0].start, 1u);
}

TEST(StoredArticleTest, InvalidUtf8IsReplacedNotThrown) {
  StoredArticle article;
  article.id = "x";
  article.file = "txt/\xb4\xba\xbd\xba.txt";  // an EUC-KR file name
  std::string data;
  ASSERT_NO_THROW(data = schema::encode_stored_article(article));
  StoredArticle back;
  ASSERT_TRUE(schema::decode_stored_article(data, back));
  EXPECT_EQ(back.file, "txt/\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd.txt");
}

TEST(StoredArticleTest, DamagedDataIsRefusedAndMissingFieldsStayEmpty) {
  StoredArticle back;
  EXPECT_FALSE(schema::decode_stored_article("", back));
  EXPECT_FALSE(schema::decode_stored_article("not json", back));
  EXPECT_FALSE(schema::decode_stored_article("[1]", back));
  ASSERT_TRUE(schema::decode_stored_article(R"({"id": "a", "title": 5, "extra": "x"})", back));
  EXPECT_EQ(back.id, "a");
  EXPECT_EQ(back.title, "");
  EXPECT_EQ(back.body, "");
}

// Document data is ours, but a damaged disk (or a frame that decompresses to the wrong
// bytes) can hand the reader anything: it answers false or reads what it can, never crashes.
TEST(StoredArticleTest, DamagedDataIsReadOrRefusedNeverACrash) {
  std::mt19937 rng(11);
  StoredArticle article = every_field();
  article.quotes = {{"수출이 늘었다", "장관", 13, 32}, {"둘째", "", 40, 52}};
  const std::string data = schema::encode_stored_article(article);
  int refused = 0;
  for (int round = 0; round < 20000; ++round) {
    StoredArticle back;
    const std::string damaged = testing::mutate(rng, data, {"[", "]", "{", "}", ",", "\"", ":", "\\"});
    if (!schema::decode_stored_article(damaged, back)) ++refused;
  }
  EXPECT_GT(refused, 10000);  // most damage breaks the JSON; a flipped letter of a value does not
  EXPECT_LT(refused, 20000);
}

}  // namespace
}  // namespace sinmun
