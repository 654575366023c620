// Stored articles compressed over a dictionary the indexer trains (schema::ArticleCodec), end
// to end with the real programs: the first 1,000 articles a database is written stay JSON
// and train the dictionary (in one run or over several), the rest are zstd frames over it,
// and every reader (--show, snippets, --format, an incremental run, --reanalyze, a sharded
// database) reads both.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <random>
#include <string>

#include <xapian.h>

#include "schema/schema.h"
#include "schema/stored_article.h"
#include "tests/support/programs.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

using testing::CommandResult;
using testing::kIndex;
using testing::kSearch;
using testing::shell_quote;
using testing::TempDir;

// Made-up articles sharing their phrasing as news does; article n carries the word tagN.
std::string body_of(std::size_t n) {
  static const char* const phrases[] = {"정부는 이날 ",   "관계자는 ",      "밝혔다. ",    "반도체 수출이 ",
                                        "지난해보다 ",    "크게 늘었다. ",  "시장에서는 ", "전망이 나온다. ",
                                        "업계에 따르면 ", "오는 12월부터 ", "시행된다. ",  "주민들은 "};
  std::mt19937 rng(static_cast<unsigned>(n));
  std::uniform_int_distribution<std::size_t> pick(0, std::size(phrases) - 1);
  std::string body = "tag" + std::to_string(n) + " ";
  for (int i = 0; i < 40; ++i) body += phrases[pick(rng)];
  body.pop_back();  // the indexer keeps no trailing space
  return body;
}

std::string articles(std::size_t first, std::size_t count) {
  std::string lines;
  for (std::size_t n = first; n < first + count; ++n) {
    lines += nlohmann::json{{"id", "art-" + std::to_string(n)},
                            {"title", "기사 " + std::to_string(n)},
                            {"body", body_of(n)},
                            {"date", "2025-12-01"},
                            {"source", "한빛일보"}}
                 .dump() +
             "\n";
  }
  return lines;
}

struct Stored {
  std::size_t json = 0;
  std::size_t frames = 0;
  std::size_t unreadable = 0;
};

// How the documents of the database (or shard) at `path` are stored.
Stored stored_in(const std::string& path) {
  const Xapian::Database db(path);
  const schema::ArticleCodec codec = schema::ArticleCodec::of(db);
  Stored stored;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const std::string data = db.get_document(*it).get_data();
    ++(data.starts_with("{") ? stored.json : stored.frames);
    StoredArticle article;
    if (!codec.decode(data, article) || article.body != body_of(std::stoul(article.id.substr(4)))) ++stored.unreadable;
  }
  return stored;
}

class ArticleCompressionTest : public ::testing::Test {
 protected:
  CommandResult run(const std::string& args) const { return testing::run_command(args + " </dev/null", dir_.path()); }
  CommandResult index(const std::string& db, const std::string& more = "") const {
    CommandResult r = run(kIndex + " --analysis ngram --db " + shell_quote(db) + " " + more + " " +
                          shell_quote((dir_.path() / "crawl").string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r;
  }
  std::string db() const { return (dir_.path() / "news.db").string(); }
  // The database's articles are all readable, `json` of them stored as JSON and `frames`
  // over the dictionary.
  void expect_stored(std::size_t json, std::size_t frames) const {
    const Stored stored = stored_in(db());
    EXPECT_EQ(stored.json, json);
    EXPECT_EQ(stored.frames, frames);
    EXPECT_EQ(stored.unreadable, 0u);
  }
  // --show prints article n's body.
  void expect_shown(std::size_t n) const {
    const CommandResult shown = run(kSearch + " --db " + shell_quote(db()) + " --show art-" + std::to_string(n));
    ASSERT_EQ(shown.exit_code, 0) << shown.err;
    EXPECT_NE(shown.out.find(body_of(n).substr(0, 60)), std::string::npos) << shown.out;
  }

  TempDir dir_;
};

TEST_F(ArticleCompressionTest, ArticlesPastTheFirstThousandAreStoredOverTheDictionaryTheyTrained) {
  dir_.write("crawl/a.jsonl", articles(0, 1200));
  index(db());
  expect_stored(1000, 200);
  EXPECT_NE(Xapian::Database(db()).get_metadata(std::string(schema::kArticleDictionaryKey)), "");

  expect_shown(1150);
  const CommandResult found = run(kSearch + " --db " + shell_quote(db()) + " --json --snippets tag1150");
  ASSERT_EQ(found.exit_code, 0) << found.err;
  const nlohmann::json response = nlohmann::json::parse(found.out);
  ASSERT_EQ(response["results"].size(), 1u) << found.out;
  EXPECT_EQ(response["results"][0]["id"], "art-1150");
  EXPECT_EQ(response["results"][0]["title"], "기사 1150");
  EXPECT_NE(response["results"][0]["snippet"].get<std::string>().find("tag1150"), std::string::npos);
  const CommandResult exported =
      run(kSearch + " --db " + shell_quote(db()) + " --format tsv --fields id,body tag1199 OR tag5");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_NE(exported.out.find("art-1199\t" + body_of(1199).substr(0, 40)), std::string::npos) << exported.out;
  EXPECT_NE(exported.out.find("art-5\t" + body_of(5).substr(0, 40)), std::string::npos) << exported.out;
}

TEST_F(ArticleCompressionTest, LaterRunsStoreOverTheSameDictionaryAndReanalysisPacksEveryArticle) {
  dir_.write("crawl/a.jsonl", articles(0, 1200));
  index(db());
  const std::string dictionary = Xapian::Database(db()).get_metadata(std::string(schema::kArticleDictionaryKey));
  dir_.write("crawl/b.jsonl", articles(2000, 5));
  index(db());
  expect_stored(1000, 205);
  EXPECT_EQ(Xapian::Database(db()).get_metadata(std::string(schema::kArticleDictionaryKey)), dictionary);

  const CommandResult again = run(kIndex + " --db " + shell_quote(db()) + " --reanalyze");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  expect_stored(0, 1205);
  expect_shown(3);
}

TEST_F(ArticleCompressionTest, RunsTooSmallToTrainADictionaryAloneTrainOneWithTheArticlesBeforeThem) {
  // An archive that grows by a few hundred articles a run.
  dir_.write("crawl/a.jsonl", articles(0, 600));
  index(db());
  expect_stored(600, 0);
  EXPECT_EQ(Xapian::Database(db()).get_metadata(std::string(schema::kArticleDictionaryKey)), "");
  dir_.write("crawl/b.jsonl", articles(600, 600));
  index(db());
  const std::string dictionary = Xapian::Database(db()).get_metadata(std::string(schema::kArticleDictionaryKey));
  EXPECT_NE(dictionary, "");
  expect_stored(1000, 200);
  expect_shown(1150);

  dir_.write("crawl/c.jsonl", articles(1200, 300));
  index(db());
  expect_stored(1000, 500);
  EXPECT_EQ(Xapian::Database(db()).get_metadata(std::string(schema::kArticleDictionaryKey)), dictionary);
}

TEST_F(ArticleCompressionTest, ReanalysisTrainsADictionaryForADatabaseTooSmallToHaveOne) {
  dir_.write("crawl/a.jsonl", articles(0, 600));
  index(db());
  EXPECT_EQ(Xapian::Database(db()).get_metadata(std::string(schema::kArticleDictionaryKey)), "");

  const CommandResult again = run(kIndex + " --db " + shell_quote(db()) + " --reanalyze");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  expect_stored(0, 600);
  EXPECT_NE(Xapian::Database(db()).get_metadata(std::string(schema::kArticleDictionaryKey)), "");
}

TEST_F(ArticleCompressionTest, EveryShardHoldsTheDictionaryItsArticlesAreStoredOver) {
  dir_.write("crawl/a.jsonl", articles(0, 1200));
  index(db(), "--shards 2");
  std::size_t frames = 0;
  for (const char* shard : {"/shard-000", "/shard-001"}) {
    const Stored stored = stored_in(db() + shard);
    EXPECT_EQ(stored.unreadable, 0u) << shard;
    EXPECT_GT(stored.frames, 50u) << shard;
    frames += stored.frames;
    EXPECT_NE(Xapian::Database(db() + shard).get_metadata(std::string(schema::kArticleDictionaryKey)), "") << shard;
  }
  EXPECT_EQ(frames, 200u);
  const CommandResult shown = run(kSearch + " --db " + shell_quote(db()) + " --show art-1150");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find(body_of(1150).substr(0, 60)), std::string::npos) << shown.out;
}

}  // namespace
}  // namespace sinmun
