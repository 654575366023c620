#include "indexer/compaction.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "indexer/indexer.h"
#include "schema/schema.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

class CompactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string lines;
    for (int i = 0; i < 300; ++i) {
      lines += "{\"id\": \"a-" + std::to_string(i) + "\", \"title\": \"수출 기사 " + std::to_string(i) +
               "\", \"body\": \"반도체 수출이 " + std::to_string(i) + "개월째 늘었다. 정부는 지원을 늘린다.\"}\n";
    }
    dir_.write("crawl/a.jsonl", lines);
  }

  IndexStats run() {
    const auto root = fs::absolute(dir_.path() / "crawl");
    Indexer indexer(db(), analyzer_, {});
    return indexer.index({{root, walk_crawl_directory(root, [](const Problem&) {})}}, [](const Problem&) {});
  }
  fs::path db() const { return dir_.path() / "db"; }

  TempDir dir_;
  Analyzer analyzer_;
};

TEST_F(CompactionTest, KeepsEveryDocumentTermAndTheLedger) {
  run();
  const Xapian::Database before(db().string());
  const Xapian::doccount documents = before.get_doccount();
  const Xapian::doccount with_term = before.get_termfreq("XN수출");
  const std::string mode = before.get_metadata(std::string(schema::kAnalyzerModeKey));
  compact_database(db());
  EXPECT_FALSE(fs::exists(dir_.path() / "db.pre-compact"));
  EXPECT_FALSE(fs::exists(dir_.path() / "db.compacting"));
  const Xapian::Database after(db().string());
  EXPECT_EQ(after.get_doccount(), documents);
  EXPECT_EQ(after.get_termfreq("XN수출"), with_term);
  EXPECT_EQ(after.get_metadata(std::string(schema::kAnalyzerModeKey)), mode);
  EXPECT_TRUE(after.term_exists(schema::id_term("a-299")));
  // The ledger came along: nothing is read again.
  const IndexStats again = run();
  EXPECT_EQ(again.files_unchanged, 1u);
  EXPECT_EQ(again.articles_added, 0u);
}

TEST_F(CompactionTest, AKilledSwapIsUndoneAndALeftoverCopyRemoved) {
  run();
  const Xapian::doccount documents = Xapian::Database(db().string()).get_doccount();
  // Killed between the two renames: the old database aside, a half-made copy beside it.
  fs::rename(db(), dir_.path() / "db.pre-compact");
  fs::create_directories(dir_.path() / "db.compacting");
  EXPECT_TRUE(recover_interrupted_compaction(db()));
  EXPECT_EQ(Xapian::Database(db().string()).get_doccount(), documents);
  EXPECT_FALSE(fs::exists(dir_.path() / "db.compacting"));
  EXPECT_FALSE(recover_interrupted_compaction(db())) << "nothing to do the second time";
}

TEST_F(CompactionTest, ALockedDatabaseIsNotCompacted) {
  run();
  const Xapian::WritableDatabase writer(db().string(), Xapian::DB_OPEN);
  EXPECT_THROW(compact_database(db()), Xapian::DatabaseLockError);
  EXPECT_TRUE(fs::exists(db()));
}

}  // namespace
}  // namespace sinmun
