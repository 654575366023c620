#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <xapian.h>

#include "base/errors.h"
#include "schema/schema.h"
#include "schema/stored_article.h"
#include "tests/support/random_text.h"

namespace sinmun {
namespace {

// Articles that share their phrasing as news does (made up here from a few phrases).
std::vector<StoredArticle> made_up_articles(std::size_t count, unsigned seed) {
  static const std::vector<std::string> phrases = {
      "정부는 이날 ",      "관계자는 ",     "밝혔다. ",        "것으로 알려졌다. ", "반도체 수출이 ",
      "지난해보다 ",       "크게 늘었다. ", "시장에서는 ",     "전망이 나온다. ",   "서울시는 ",
      "새로운 정책을 ",    "발표했다. ",    "업계에 따르면 ",  "기자 = ",           "오는 12월부터 ",
      "시행될 예정이다. ", "주민들은 ",     "우려를 표했다. ", "경제 성장률이 ",    "둔화됐다. "};
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, phrases.size() - 1);
  std::uniform_int_distribution<int> length(20, 60);
  std::vector<StoredArticle> articles;
  for (std::size_t i = 0; i < count; ++i) {
    StoredArticle article;
    article.id = "made-up-" + std::to_string(seed) + "-" + std::to_string(i);
    for (int w = 0; w < 5; ++w) article.title += phrases[pick(rng)];
    for (int w = length(rng); w > 0; --w) article.body += phrases[pick(rng)];
    article.date = "2025-12-0" + std::to_string(1 + i % 9);
    article.source = i % 2 ? "한빛일보" : "누리타임스";
    article.url = "https://example.com/" + article.id;
    article.file = "a.jsonl";
    if (i % 3 == 0) article.quotes = {{"인용문", "관계자", 3, 12}};
    articles.push_back(std::move(article));
  }
  return articles;
}

std::vector<std::string> json_of(const std::vector<StoredArticle>& articles) {
  std::vector<std::string> out;
  for (const StoredArticle& a : articles) out.push_back(schema::encode_stored_article(a));
  return out;
}

const schema::ArticleCodec& trained_codec() {
  static const schema::ArticleCodec codec(schema::ArticleCodec::train(json_of(made_up_articles(1000, 1))));
  return codec;
}

TEST(ArticleCodecTest, ArticlesPackedOverATrainedDictionaryReadBackWhole) {
  const schema::ArticleCodec& codec = trained_codec();
  ASSERT_TRUE(codec.has_dictionary());
  std::size_t json_bytes = 0;
  std::size_t packed_bytes = 0;
  for (const StoredArticle& article : made_up_articles(300, 2)) {  // not trained on
    const std::string json = schema::encode_stored_article(article);
    const std::string packed = codec.encode(article);
    json_bytes += json.size();
    packed_bytes += packed.size();
    StoredArticle back;
    ASSERT_TRUE(codec.decode(packed, back)) << article.id;
    EXPECT_EQ(schema::encode_stored_article(back), json) << article.id;
  }
  // zlib of the same JSON, one article at a time, is what Xapian would store instead.
  EXPECT_LT(packed_bytes, json_bytes / 4) << "packed " << packed_bytes << " of " << json_bytes;
}

TEST(ArticleCodecTest, JsonIsStoredAsItIsWithoutADictionaryAndReadAsItIsWithOne) {
  const StoredArticle article = made_up_articles(1, 3).front();
  const std::string json = schema::encode_stored_article(article);
  const schema::ArticleCodec none;
  EXPECT_FALSE(none.has_dictionary());
  EXPECT_EQ(none.dictionary(), "");
  EXPECT_EQ(none.encode(article), json);
  StoredArticle back;
  ASSERT_TRUE(trained_codec().decode(json, back));  // an article written before the dictionary
  EXPECT_EQ(back.body, article.body);
  ASSERT_TRUE(none.decode(json, back));
}

TEST(ArticleCodecTest, PackingTwiceLeavesTheFirstFrame) {
  const std::string packed = trained_codec().encode(made_up_articles(1, 4).front());
  EXPECT_NE(packed.front(), '{');
  EXPECT_EQ(trained_codec().pack(packed), packed);
}

TEST(ArticleCodecTest, AFrameOverAnotherDictionaryOrNoneIsNotRead) {
  const schema::ArticleCodec other(schema::ArticleCodec::train(json_of(made_up_articles(1000, 5))));
  ASSERT_NE(other.dictionary(), trained_codec().dictionary());
  const std::string packed = trained_codec().encode(made_up_articles(1, 6).front());
  StoredArticle back;
  EXPECT_FALSE(other.decode(packed, back));
  EXPECT_FALSE(schema::ArticleCodec().decode(packed, back));
  EXPECT_TRUE(trained_codec().decode(packed, back));
}

TEST(ArticleCodecTest, DamagedFramesAreRefusedOrReadAsTheirOwnArticle) {
  std::mt19937 rng(7);
  const std::vector<StoredArticle> articles = made_up_articles(50, 8);
  int damaged_frames = 0;
  for (int round = 0; round < 2000; ++round) {
    const std::string packed = trained_codec().encode(articles[round % articles.size()]);
    std::string damaged = testing::mutate(rng, packed);
    damaged.replace(0, std::min<std::size_t>(4, damaged.size()), packed.substr(0, 4));  // still a frame
    if (damaged == packed) continue;
    ++damaged_frames;
    StoredArticle back;
    // The frame's checksum: damage is never read as another text (a bit the format ignores
    // may still read as the article itself).
    if (trained_codec().decode(damaged, back)) {
      EXPECT_EQ(schema::encode_stored_article(back), schema::encode_stored_article(articles[round % articles.size()]))
          << "round " << round;
    }
  }
  EXPECT_GT(damaged_frames, 1900);
  StoredArticle back;
  EXPECT_FALSE(trained_codec().decode(std::string("\x28\xb5\x2f\xfd", 4), back));
}

TEST(ArticleCodecTest, TooLittleToTrainOnTrainsNothing) {
  EXPECT_EQ(schema::ArticleCodec::train({}), "");
  EXPECT_EQ(schema::ArticleCodec::train(json_of(made_up_articles(3, 9))), "");
}

TEST(ArticleCodecTest, WhatIsNotADictionaryIsADataError) {
  EXPECT_THROW(schema::ArticleCodec("not a dictionary"), DataError);
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.set_metadata(std::string(schema::kArticleDictionaryKey), "damaged");
  EXPECT_THROW(schema::ArticleCodec::of(db), DataError);
}

TEST(ArticleCodecTest, FollowsTheDictionaryADatabaseRecords) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  schema::ArticleCodec codec = schema::ArticleCodec::of(db);
  EXPECT_FALSE(codec.has_dictionary());
  db.set_metadata(std::string(schema::kArticleDictionaryKey), trained_codec().dictionary());
  codec.follow(db);
  EXPECT_EQ(codec.dictionary(), trained_codec().dictionary());
  const std::string packed = trained_codec().encode(made_up_articles(1, 10).front());
  StoredArticle back;
  EXPECT_TRUE(codec.decode(packed, back));
  EXPECT_TRUE(schema::ArticleCodec::of(db).decode(packed, back));
}

}  // namespace
}  // namespace sinmun
