// The id rule of Indexer::index(): ids from paths are unique across the roots of one run, an
// id from another file with other text is an error that names both files, re-indexing a file
// is an upsert, and the same record in two files is one article held by both.
#include <gtest/gtest.h>

#include "indexer/indexer.h"
#include "schema/schema.h"
#include "schema/stored_article.h"
#include "tests/corpus/collect.h"

namespace sinmun {
namespace {

using testing::TempDir;

class IdRuleTest : public ::testing::Test {
 protected:
  // Indexes the roots (directories under the temp dir) in one run.
  IndexStats run(const std::vector<std::string>& roots, IndexOptions options = {}) {
    problems_.clear();
    std::vector<CrawlRoot> crawl;
    for (const std::string& root : roots) {
      const auto path = std::filesystem::absolute(dir_.path() / root);
      crawl.push_back({path, walk_crawl_directory(path, [&](const Problem& p) { problems_.push_back(describe(p)); })});
    }
    Indexer indexer(db(), analyzer_, options);
    return indexer.index(crawl, [&](const Problem& p) { problems_.push_back(describe(p)); });
  }
  std::string db() const { return (dir_.path() / "db").string(); }
  Xapian::Database open() const { return Xapian::Database(db()); }
  std::string abs(const std::string& relative) const { return (dir_.path() / relative).string(); }

  StoredArticle stored(const std::string& id) const {
    const Xapian::Database database = open();
    const std::string term = schema::id_term(id);
    StoredArticle article;
    const auto it = database.postlist_begin(term);
    if (it != database.postlist_end(term)) {
      schema::decode_stored_article(database.get_document(*it).get_data(), article);
    }
    return article;
  }
  void bump_mtime(const std::string& relative) {
    const auto path = dir_.path() / relative;
    std::filesystem::last_write_time(path, std::filesystem::last_write_time(path) + std::chrono::seconds(5));
  }

  TempDir dir_;
  Analyzer analyzer_;
  std::vector<std::string> problems_;
};

TEST_F(IdRuleTest, SeveralRootsPrefixPathIdsWithTheRootName) {
  dir_.write("rootA/txt/a.txt", "가람 제목\n가람 본문");
  dir_.write("rootB/txt/a.txt", "나래 제목\n나래 본문");
  dir_.write("rootB/txt/empty.txt", "");
  dir_.write("rootB/feed.jsonl", "{\"title\": \"줄 기사\"}\n{\"id\": \"own-id\", \"title\": \"제 아이디\"}\n");
  const IndexStats stats = run({"rootA", "rootB"});
  EXPECT_EQ(stats.articles_added, 4u);
  EXPECT_EQ(stats.id_collisions, 0u);
  EXPECT_EQ(problems_, std::vector<std::string>{"rootB/txt/empty.txt: empty file"}) << "messages name the root too";
  EXPECT_EQ(open().get_doccount(), 4u);
  EXPECT_EQ(stored("rootA/txt/a.txt").title, "가람 제목");
  EXPECT_EQ(stored("rootB/txt/a.txt").title, "나래 제목");
  EXPECT_EQ(stored("rootB/txt/a.txt").file, "rootB/txt/a.txt");
  EXPECT_EQ(stored("rootB/feed.jsonl#1").title, "줄 기사");
  EXPECT_EQ(stored("own-id").file, "rootB/feed.jsonl") << "a record's own id is kept as it is";

  const IndexStats again = run({"rootA", "rootB"});
  EXPECT_EQ(again.files_unchanged, 3u);
  EXPECT_EQ(again.articles_added, 0u);
  EXPECT_EQ(open().get_doccount(), 4u);
}

TEST_F(IdRuleTest, OneRootKeepsPathsAsTheyAre) {
  dir_.write("rootA/txt/a.txt", "가람 제목\n가람 본문");
  run({"rootA"});
  EXPECT_EQ(stored("txt/a.txt").file, "txt/a.txt");
}

TEST_F(IdRuleTest, TheRootNameIgnoresATrailingSlashAndAFileRootIsNamedByItsDirectory) {
  dir_.write("rootA/a.txt", "제목\n본문");
  EXPECT_EQ(crawl_root_name(abs("rootA") + "/"), "rootA");
  EXPECT_EQ(crawl_root_name(dir_.path() / "rootA"), "rootA");
  EXPECT_EQ(crawl_root_name(dir_.path() / "rootA/a.txt"), "rootA");
}

TEST_F(IdRuleTest, RootsOfTheSameNameCollideAndTheLaterFileIsSkipped) {
  dir_.write("x/crawl/a.txt", "첫 제목\n첫 본문");
  dir_.write("y/crawl/a.txt", "둘째 제목\n둘째 본문");
  dir_.write("y/crawl/b.txt", "다른 제목\n다른 본문");
  const IndexStats stats = run({"x/crawl", "y/crawl"});
  EXPECT_EQ(stats.id_collisions, 1u);
  EXPECT_EQ(stats.records_skipped, 1u);
  EXPECT_EQ(stats.skip_reasons.at("id collision"), 1u);
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_EQ(problems_[0], "crawl/a.txt: id collision: 'crawl/a.txt' is also the id of an article from " +
                              abs("x/crawl/a.txt") + ", whose title or body differs; this record is skipped");
  EXPECT_EQ(stored("crawl/a.txt").title, "첫 제목") << "the first is kept, never silently replaced";
  EXPECT_EQ(open().get_doccount(), 2u);
  EXPECT_EQ(stats.files_failed, 1u) << "a file that gave nothing but a collision failed";

  const IndexStats again = run({"x/crawl", "y/crawl"});
  EXPECT_EQ(again.files_failed_before, 1u);
  EXPECT_EQ(stored("crawl/a.txt").title, "첫 제목");
}

TEST_F(IdRuleTest, ACollisionWithWhatTheDatabaseHoldsFromAnotherFileIsAnError) {
  dir_.write("one/a.jsonl", "{\"id\": \"same\", \"title\": \"가\"}\n");
  dir_.write("two/b.jsonl", "{\"id\": \"same\", \"title\": \"나\"}\n{\"id\": \"other\", \"title\": \"다\"}\n");
  run({"one"});
  const IndexStats second = run({"two"});
  EXPECT_EQ(second.id_collisions, 1u);
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_EQ(problems_[0], "b.jsonl: id collision: 'same' is also the id of an article from " + abs("one/a.jsonl") +
                              ", whose title or body differs; this record is skipped");
  EXPECT_EQ(stored("same").title, "가");
  EXPECT_EQ(stored("other").title, "다");
  EXPECT_EQ(second.files_indexed, 1u);
}

TEST_F(IdRuleTest, AnIdTwiceInOneFileWithOtherTextIsACollision) {
  dir_.write("crawl/a.jsonl",
             "{\"id\": \"x\", \"title\": \"처음\"}\n"
             "{\"id\": \"x\", \"title\": \"처음\"}\n"
             "{\"id\": \"x\", \"title\": \"나중\"}\n");
  const IndexStats stats = run({"crawl"});
  EXPECT_EQ(stats.articles_added, 1u);
  EXPECT_EQ(stats.records_copied, 1u) << "the same record twice is one article";
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_EQ(problems_[0],
            "a.jsonl: id collision: 'x' is also the id of an earlier record of this file, whose "
            "title or body differs; this record is skipped");
  EXPECT_EQ(stored("x").title, "처음");
}

TEST_F(IdRuleTest, ReindexingTheSameFileStaysAnUpsert) {
  dir_.write("crawl/a.jsonl", "{\"id\": \"x\", \"title\": \"처음\"}\n");
  run({"crawl"});
  dir_.write("crawl/a.jsonl", "{\"id\": \"x\", \"title\": \"고친 제목\"}\n");
  bump_mtime("crawl/a.jsonl");
  const IndexStats changed = run({"crawl"});
  EXPECT_TRUE(problems_.empty()) << problems_[0];
  EXPECT_EQ(changed.articles_added, 1u);
  EXPECT_EQ(stored("x").title, "고친 제목");
  EXPECT_EQ(open().get_doccount(), 1u);
}

TEST_F(IdRuleTest, TheSameRecordInTwoFilesIsOneArticleHeldByBoth) {
  const std::string record = "{\"id\": \"wire-1\", \"title\": \"같은 기사\", \"body\": \"같은 본문\"}\n";
  dir_.write("crawl/2025-12.jsonl", record);
  dir_.write("crawl/2026-01.jsonl", record + "{\"id\": \"new\", \"title\": \"새 기사\"}\n");
  const IndexStats first = run({"crawl"});
  EXPECT_TRUE(problems_.empty());
  EXPECT_EQ(first.articles_added, 2u);
  EXPECT_EQ(first.records_copied, 1u);
  EXPECT_EQ(open().get_doccount(), 2u);

  // The first file drops it: the second still holds it.
  dir_.write("crawl/2025-12.jsonl", "{\"id\": \"old\", \"title\": \"옛 기사\"}\n");
  bump_mtime("crawl/2025-12.jsonl");
  const IndexStats second = run({"crawl"});
  EXPECT_EQ(second.articles_removed, 0u);
  EXPECT_EQ(stored("wire-1").title, "같은 기사");

  // Gone from both: gone.
  std::filesystem::remove(dir_.path() / "crawl/2026-01.jsonl");
  const IndexStats pruned = run({"crawl"}, {.prune = true});
  EXPECT_EQ(pruned.articles_removed, 2u);
  EXPECT_EQ(stored("wire-1").title, "");
  EXPECT_EQ(open().get_doccount(), 1u);
}

TEST_F(IdRuleTest, ACopyWhoseTextChangesInOneFileCollidesAndTheOtherKeepsIt) {
  const std::string record = "{\"id\": \"wire-1\", \"title\": \"같은 기사\"}\n";
  dir_.write("crawl/a.jsonl", record);
  dir_.write("crawl/b.jsonl", record);
  run({"crawl"});
  dir_.write("crawl/b.jsonl", "{\"id\": \"wire-1\", \"title\": \"바뀐 기사\"}\n");
  bump_mtime("crawl/b.jsonl");
  const IndexStats changed = run({"crawl"});
  EXPECT_EQ(changed.id_collisions, 1u);
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_NE(problems_[0].find("from " + abs("crawl/a.jsonl") + ", whose"), std::string::npos) << problems_[0];
  EXPECT_EQ(stored("wire-1").title, "같은 기사");
  // b.jsonl no longer holds it: once a.jsonl is gone, so is the article.
  std::filesystem::remove(dir_.path() / "crawl/a.jsonl");
  run({"crawl"}, {.prune = true});
  EXPECT_EQ(open().get_doccount(), 0u);
}

}  // namespace
}  // namespace sinmun
