// sinmun-index --shards N: the same articles, ledger and groups as one database, each
// article in the shard of its id, and incremental runs, --prune and id collisions as exact.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <map>
#include <sstream>

#include "base/errors.h"
#include "indexer/detail/shard_set.h"
#include "indexer/indexer.h"
#include "schema/schema.h"
#include "schema/shards.h"
#include "schema/values.h"
#include "tests/corpus/collect.h"

namespace sinmun {
namespace {

using testing::Collected;
using testing::TempDir;

constexpr unsigned kShards = 3;

// A body long enough to be signed (SimHash) and so grouped with its copies.
std::string long_body(const std::string& subject) {
  return subject +
         " 관련 소식이다. 정부는 오늘 반도체 수출 규제를 완화한다고 발표했으며, 업계는 공급망 회복을 기대한다. " +
         "전문가들은 이번 조치가 내년 경기에도 영향을 줄 것으로 내다봤다. 관계 부처는 후속 대책을 마련하기로 했다.";
}

std::string record(const std::string& id, const std::string& title, const std::string& body) {
  return "{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"body\": \"" + body +
         "\", \"source\": \"한빛일보\"}\n";
}

// An id of the form PREFIXn that lands in `shard`.
std::string id_in_shard(const std::string& prefix, unsigned shard) {
  for (int n = 0;; ++n) {
    const std::string id = prefix + std::to_string(n);
    if (schema::shard_of(id, kShards) == shard) return id;
  }
}

class ShardsTest : public ::testing::Test {
 protected:
  IndexStats run(const std::string& db, const std::filesystem::path& crawl, unsigned shards, bool prune = false) {
    Collected c;
    const auto root = std::filesystem::absolute(crawl);
    const std::vector<CrawlRoot> roots = {{root, walk_crawl_directory(root, c.report())}};
    IndexOptions options;
    options.shards = shards;
    options.prune = prune;
    Indexer indexer(db, analyzer_, options);
    return indexer.index(roots, [&](const Problem& p) { problems_.push_back(describe(p)); });
  }
  IndexStats run_sharded(bool prune = false) { return run(sharded(), dir_.path() / "crawl", kShards, prune); }

  std::string sharded() const { return (dir_.path() / "sharded").string(); }
  std::string shard(unsigned i) const { return sharded() + "/" + schema::shard_directory_name(i); }

  // id → collapse key of every article in the database at `path` (a stub opens as one).
  static std::map<std::string, std::string> articles(const std::string& path) {
    const Xapian::Database db(path);
    std::map<std::string, std::string> out;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      const Xapian::Document doc = db.get_document(*it);
      out[doc.get_value(schema::kIdSlot)] = doc.get_value(schema::kCollapseSlot);
    }
    return out;
  }

  // The shards holding `id`.
  std::vector<unsigned> holders(const std::string& id) const {
    std::vector<unsigned> out;
    for (unsigned i = 0; i < kShards; ++i) {
      if (Xapian::Database(shard(i)).term_exists(schema::id_term(id))) out.push_back(i);
    }
    return out;
  }

  static std::size_t ledger_entries(const std::string& path) {
    const Xapian::Database db(path);
    std::size_t n = 0;
    const std::string prefix(schema::kLedgerKeyPrefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) ++n;
    return n;
  }

  TempDir dir_;
  Analyzer analyzer_;
  std::vector<std::string> problems_;
};

TEST_F(ShardsTest, TheSampleCorpusGivesTheSameArticlesAndGroupsAsOneDatabase) {
  const std::filesystem::path sample = std::string(SINMUN_SOURCE_DIR) + "/corpus/sample";
  const std::string single = (dir_.path() / "single").string();
  const IndexStats one = run(single, sample, 0);
  const IndexStats three = run(sharded(), sample, kShards);
  EXPECT_EQ(three.articles_added, one.articles_added);
  EXPECT_EQ(three.files_indexed, one.files_indexed);
  const auto expected = articles(single);
  ASSERT_GT(expected.size(), 50u);
  EXPECT_EQ(articles(sharded()), expected);  // the same ids, and the same near-duplicate groups
  std::set<std::string> keys;
  for (const auto& [id, key] : expected) {
    EXPECT_EQ(holders(id), std::vector<unsigned>{schema::shard_of(id, kShards)}) << id;
    keys.insert(key);
  }
  EXPECT_LT(keys.size(), expected.size()) << "the sample has copies of one story: some group must hold two";
  // Every shard got some; the stub lists them in order; the ledger is shard 0's alone.
  for (unsigned i = 0; i < kShards; ++i) EXPECT_GT(Xapian::Database(shard(i)).get_doccount(), 0u) << i;
  std::ifstream stub(sharded() + "/XAPIANDB");
  std::stringstream text;
  text << stub.rdbuf();
  EXPECT_EQ(text.str(), "glass shard-000\nglass shard-001\nglass shard-002\n");
  EXPECT_EQ(ledger_entries(shard(0)), ledger_entries(single));
  EXPECT_EQ(ledger_entries(shard(1)), 0u);
  for (unsigned i = 0; i < kShards; ++i) {
    const Xapian::Database db(shard(i));
    EXPECT_EQ(db.get_metadata(std::string(schema::kShardCountKey)), "3");
    EXPECT_EQ(db.get_metadata(std::string(schema::kAnalyzerModeKey)), analyzer_.mode());
  }
  // Nothing changed: a second run reads nothing and writes nothing.
  const IndexStats again = run(sharded(), sample, 0);
  EXPECT_EQ(again.files_indexed, 0u);
  EXPECT_EQ(again.articles_added, 0u);
  EXPECT_EQ(again.files_unchanged, one.files_indexed);
}

TEST_F(ShardsTest, ChangedFilesAndPruneRemoveExactlyTheirArticlesFromEveryShard) {
  std::string lines;
  for (int i = 0; i < 12; ++i) lines += record("a" + std::to_string(i), "제목 " + std::to_string(i), "본문");
  dir_.write("crawl/a.jsonl", lines);
  dir_.write("crawl/b.jsonl", record("b0", "다른 제목", "다른 본문") + record("b1", "셋째", "본문"));
  EXPECT_EQ(run_sharded().articles_added, 14u);
  std::set<unsigned> used;
  for (int i = 0; i < 12; ++i) used.insert(schema::shard_of("a" + std::to_string(i), kShards));
  ASSERT_EQ(used.size(), kShards) << "the test needs a.jsonl spread over every shard";

  // a.jsonl loses half its records, one changes: the rest are removed wherever they are.
  lines.clear();
  for (int i = 0; i < 6; ++i)
    lines += record("a" + std::to_string(i), i == 0 ? "새 제목" : "제목 " + std::to_string(i), "본문");
  dir_.write("crawl/a.jsonl", lines);
  const IndexStats changed = run_sharded();
  EXPECT_EQ(changed.files_indexed, 1u);
  EXPECT_EQ(changed.files_unchanged, 1u);
  EXPECT_EQ(changed.articles_removed, 6u);
  EXPECT_EQ(Xapian::Database(sharded()).get_doccount(), 8u);
  for (int i = 6; i < 12; ++i) EXPECT_TRUE(holders("a" + std::to_string(i)).empty()) << i;

  // b.jsonl vanishes: counted, kept without --prune, removed with it (and its ledger entry).
  std::filesystem::remove(dir_.path() / "crawl/b.jsonl");
  EXPECT_EQ(run_sharded().files_vanished, 1u);
  EXPECT_EQ(Xapian::Database(sharded()).get_doccount(), 8u);
  const IndexStats pruned = run_sharded(true);
  EXPECT_EQ(pruned.files_pruned, 1u);
  EXPECT_EQ(pruned.articles_removed, 2u);
  EXPECT_TRUE(holders("b0").empty());
  EXPECT_TRUE(holders("b1").empty());
  EXPECT_EQ(ledger_entries(shard(0)), 1u);
  EXPECT_EQ(Xapian::Database(sharded()).get_doccount(), 6u);
}

TEST_F(ShardsTest, IdCollisionsAndCopiesFollowTheIdRule) {
  dir_.write("crawl/1.jsonl", record("same", "제목", "본문") + record("clash", "첫 기사", "첫 본문"));
  dir_.write("crawl/2.jsonl", record("same", "제목", "본문") + record("clash", "다른 기사", "다른 본문"));
  const IndexStats stats = run_sharded();
  EXPECT_EQ(stats.id_collisions, 1u);
  EXPECT_EQ(stats.records_copied, 1u);
  EXPECT_EQ(Xapian::Database(sharded()).get_doccount(), 2u);
  EXPECT_EQ(holders("clash").size(), 1u);
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_NE(problems_[0].find("1.jsonl"), std::string::npos) << problems_[0];  // names the other file
  // The copy is held by both files: it stays while one of them does.
  std::filesystem::remove(dir_.path() / "crawl/1.jsonl");
  EXPECT_EQ(run_sharded(true).files_pruned, 1u);
  EXPECT_EQ(holders("same").size(), 1u);
  EXPECT_TRUE(holders("clash").empty()) << "the kept 'clash' was 1.jsonl's";
  std::filesystem::remove(dir_.path() / "crawl/2.jsonl");
  run_sharded(true);
  EXPECT_EQ(Xapian::Database(sharded()).get_doccount(), 0u);
}

TEST_F(ShardsTest, ACopyInAnotherShardJoinsTheGroupOfTheFirst) {
  const std::string first = id_in_shard("wire", 0);
  const std::string copy = id_in_shard("copy", 2);
  dir_.write("crawl/a.jsonl", record(first, "통신 기사", long_body("반도체")));
  dir_.write("crawl/b.jsonl", record(copy, "통신 기사 전재", long_body("반도체")));
  run_sharded();
  const auto found = articles(sharded());
  ASSERT_EQ(found.size(), 2u);
  EXPECT_FALSE(found.at(first).empty());
  EXPECT_EQ(found.at(copy), found.at(first));
  // And a later run, which reloads the groups from every shard, still puts a third copy there.
  const std::string third = id_in_shard("third", 1);
  dir_.write("crawl/c.jsonl", record(third, "세 번째", long_body("반도체")));
  run_sharded();
  EXPECT_EQ(articles(sharded()).at(third), found.at(first));
}

TEST_F(ShardsTest, FailedFilesAreRememberedInShardZero) {
  dir_.write("crawl/good.txt", "제목\n본문");
  dir_.write("crawl/empty.txt", "");
  const IndexStats first = run_sharded();
  EXPECT_EQ(first.files_failed, 1u);
  const IndexStats second = run_sharded();
  EXPECT_EQ(second.files_failed_before, 1u);
  EXPECT_EQ(second.files_indexed, 0u);
}

TEST_F(ShardsTest, TheShardCountStaysWhatItWas) {
  dir_.write("crawl/a.txt", "제목\n본문");
  run_sharded();
  EXPECT_EQ(run(sharded(), dir_.path() / "crawl", 0).files_unchanged, 1u);  // no --shards: as it is
  EXPECT_THROW(run(sharded(), dir_.path() / "crawl", 2), UsageError);
  const std::string single = (dir_.path() / "single").string();
  run(single, dir_.path() / "crawl", 0);
  EXPECT_THROW(run(single, dir_.path() / "crawl", 2), UsageError);
  EXPECT_FALSE(std::filesystem::exists(single + "/XAPIANDB"));
}

// The shard threads add new articles while the writer goes on: an id given again before its
// first copy is in the database must still be found (one article, held by both files).
TEST_F(ShardsTest, AnIdStillBeingAddedIsFoundByTheIdRule) {
  std::string first, second;
  for (int i = 0; i < 300; ++i) {
    const std::string id = "w" + std::to_string(i);
    first += record(id, "제목 " + id, "본문 " + id);
    if (i % 3 == 0) first += record(id, "제목 " + id, "본문 " + id);  // again in the same file
    second += record(id, "제목 " + id, "본문 " + id);
  }
  dir_.write("crawl/1.jsonl", first);
  dir_.write("crawl/2.jsonl", second);
  const IndexStats stats = run_sharded();
  EXPECT_EQ(stats.articles_added, 300u);
  EXPECT_EQ(stats.records_copied, 400u);
  EXPECT_EQ(stats.id_collisions, 0u);
  EXPECT_EQ(Xapian::Database(sharded()).get_doccount(), 300u);
  std::filesystem::remove(dir_.path() / "crawl/1.jsonl");
  run_sharded(true);
  EXPECT_EQ(Xapian::Database(sharded()).get_doccount(), 300u) << "2.jsonl holds them too";
}

TEST_F(ShardsTest, AnInterruptedRunCommitsWhatIsDoneAndTheNextFinishes) {
  for (int f = 0; f < 10; ++f) {
    std::string lines;
    for (int i = 0; i < 20; ++i) lines += record("f" + std::to_string(f) + "-" + std::to_string(i), "제목", "본문");
    dir_.write("crawl/f" + std::to_string(f) + ".jsonl", lines);
  }
  std::atomic<bool> interrupt{false};
  const auto root = std::filesystem::absolute(dir_.path() / "crawl");
  IndexStats stats;
  {
    Indexer indexer(sharded(), analyzer_, {.jobs = 2, .shards = kShards});
    stats = indexer.index(
        {{root, walk_crawl_directory(root, [](const Problem&) {})}}, [](const Problem&) {},
        [&](const IndexStats& so_far, std::size_t) { interrupt = so_far.files_indexed == 3; }, &interrupt);
  }
  EXPECT_TRUE(stats.interrupted);
  EXPECT_EQ(stats.files_indexed, 3u);
  EXPECT_EQ(Xapian::Database(sharded()).get_doccount(), 60u) << "committed in every shard";
  const IndexStats rest = run_sharded();
  EXPECT_EQ(rest.files_unchanged, 3u);
  EXPECT_EQ(rest.files_indexed, 7u);
  EXPECT_EQ(Xapian::Database(sharded()).get_doccount(), 200u);
}

// Unsynced commits (the parts of a merged build) carry a mark of the boot they were written
// in until the disk holds them: an interrupted run waits for the disk and drops it; a run
// that ends normally leaves it for the merge that follows.
TEST_F(ShardsTest, AnUnsyncedDatabaseIsMarkedWithItsBootUntilTheDiskHoldsIt) {
  for (int f = 0; f < 10; ++f)
    dir_.write("crawl/f" + std::to_string(f) + ".jsonl", record("u" + std::to_string(f), "제목", "본문"));
  const auto root = std::filesystem::absolute(dir_.path() / "crawl");
  const std::vector<CrawlRoot> roots = {{root, walk_crawl_directory(root, [](const Problem&) {})}};
  const std::filesystem::path mark = std::filesystem::path(sharded()) / "sinmun-unsynced";
  {
    Indexer indexer(sharded(), analyzer_, {.jobs = 2, .shards = kShards, .synced_commits = false});
    EXPECT_TRUE(std::filesystem::exists(mark)) << "marked before the first write";
    indexer.index(roots, [](const Problem&) {});
  }
  EXPECT_TRUE(std::filesystem::exists(mark)) << "a finished run leaves it for the merge";
  EXPECT_FALSE(written_unsynced_before_a_restart(sharded())) << "written in this boot";
  EXPECT_EQ(Xapian::Database(sharded()).get_doccount(), 10u);
  { std::ofstream(mark) << "a boot before this one\n"; }
  EXPECT_TRUE(written_unsynced_before_a_restart(sharded()));

  dir_.write("crawl/more.jsonl", record("u-more", "제목", "본문"));
  std::atomic<bool> interrupt{true};
  IndexStats stats;
  {
    Indexer indexer(sharded(), analyzer_, {.jobs = 2, .shards = kShards, .synced_commits = false});
    EXPECT_FALSE(written_unsynced_before_a_restart(sharded())) << "each unsynced run marks it with its own boot";
    stats = indexer.index(
        {{root, walk_crawl_directory(root, [](const Problem&) {})}}, [](const Problem&) {}, {}, &interrupt);
  }
  EXPECT_TRUE(stats.interrupted);
  EXPECT_FALSE(std::filesystem::exists(mark)) << "an interrupted run waits for the disk: it is resumed after a restart";
  EXPECT_FALSE(written_unsynced_before_a_restart(sharded()));

  run_sharded();  // synced, as every run that is not a merged build's
  EXPECT_FALSE(std::filesystem::exists(mark));
  EXPECT_EQ(Xapian::Database(sharded()).get_doccount(), 11u);
}

// The metadata set between commits (the ledger) is what this run reads at once, and is
// written only with the commit, after the documents of every shard.
TEST_F(ShardsTest, MetadataIsHeldBackUntilTheShardsCommit) {
  ShardSet shards(sharded(), kShards);
  for (unsigned i = 0; i < kShards; ++i) {
    const std::string id = id_in_shard("held", i);
    Xapian::Document doc;
    doc.add_boolean_term(schema::id_term(id));
    shards.add_new(id, schema::id_term(id), doc);
  }
  shards.set_metadata("Ltest:kept", "entry");
  shards.set_metadata("Ltest:removed", "entry");
  EXPECT_EQ(shards.get_metadata("Ltest:kept"), "entry");
  EXPECT_EQ(Xapian::Database(shard(0)).get_metadata("Ltest:kept"), "") << "not before the commit";
  shards.commit();
  EXPECT_EQ(Xapian::Database(shard(0)).get_metadata("Ltest:kept"), "entry");
  EXPECT_EQ(Xapian::Database(sharded()).get_doccount(), kShards) << "every shard's document committed";
  shards.set_metadata("Ltest:removed", "");
  EXPECT_EQ(shards.metadata_keys("Ltest:"), std::vector<std::string>{"Ltest:kept"});
  EXPECT_EQ(Xapian::Database(shard(0)).get_metadata("Ltest:removed"), "entry") << "removed with the next commit";
  shards.commit();
  EXPECT_EQ(Xapian::Database(shard(0)).get_metadata("Ltest:removed"), "");
}

TEST_F(ShardsTest, PlacementIsFnv1aOfTheIdModuloTheCount) {
  // Pinned: an on-disk contract (docs/schema.md). FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c.
  EXPECT_EQ(schema::shard_of("a", 7), static_cast<unsigned>(0xaf63dc4c8601ec8cull % 7));
  EXPECT_EQ(schema::shard_of("a", 1), 0u);
  EXPECT_EQ(schema::shard_directory_name(7), "shard-007");
}

}  // namespace
}  // namespace sinmun
