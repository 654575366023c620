#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "base/errors.h"
#include "indexer/indexer.h"
#include "schema/ledger_entry.h"
#include "schema/schema.h"
#include "tests/corpus/collect.h"

namespace sinmun {
namespace {

using testing::Collected;
using testing::TempDir;

class IncrementalTest : public ::testing::Test {
 protected:
  IndexStats run(IndexOptions options = {}) {
    Collected c;
    problems_.clear();
    const auto root = std::filesystem::absolute(dir_.path() / "crawl");
    const std::vector<CrawlRoot> roots = {{root, walk_crawl_directory(root, c.report())}};
    Indexer indexer(db(), analyzer_, options);
    const IndexStats stats = indexer.index(roots, [&](const Problem& p) { problems_.push_back(describe(p)); });
    return stats;
  }
  std::string db() const { return (dir_.path() / "db").string(); }
  Xapian::Database open() const { return Xapian::Database(db()); }
  bool has(const std::string& id) const { return open().term_exists(schema::id_term(id)); }

  // Moves the file's mtime so that the ledger sees a new stamp even within one clock tick.
  void bump_mtime(const std::string& relative) {
    const auto path = dir_.path() / "crawl" / relative;
    std::filesystem::last_write_time(path, std::filesystem::last_write_time(path) + std::chrono::seconds(5));
  }

  TempDir dir_;
  Analyzer analyzer_;
  std::vector<std::string> problems_;
};

// A run killed in the milliseconds while Xapian creates the database leaves a directory with
// only its lock file; every later run used to refuse it as "not a Xapian database".
TEST_F(IncrementalTest, ADirectoryWithOnlyTheLockOfAKilledCreationIsCreatedAfresh) {
  dir_.write("crawl/a.jsonl", "{\"id\": \"a\", \"title\": \"제목\", \"body\": \"본문\"}\n");
  std::filesystem::create_directories(db());
  dir_.write("db/flintlock", "");
  EXPECT_EQ(run().articles_added, 1u);
  EXPECT_TRUE(has("a"));
  // Anything else in the directory still makes it someone else's.
  TempDir other;
  other.write("notes.txt", "mine");
  EXPECT_THROW(Indexer((other.path()).string(), analyzer_, {}), EnvironmentError);
}

TEST_F(IncrementalTest, SecondRunReadsNothing) {
  dir_.write("crawl/a.jsonl", "{\"id\": \"a1\", \"title\": \"가\"}\n{\"id\": \"a2\", \"title\": \"나\"}\n");
  dir_.write("crawl/b.txt", "제목\n본문");
  IndexStats first = run();
  EXPECT_EQ(first.files_indexed, 2u);
  EXPECT_EQ(first.articles_added, 3u);
  IndexStats second = run();
  EXPECT_EQ(second.files_indexed, 0u);
  EXPECT_EQ(second.files_unchanged, 2u);
  EXPECT_EQ(second.articles_added, 0u);
  EXPECT_EQ(open().get_doccount(), 3u);
}

TEST_F(IncrementalTest, TouchedButUnchangedFileIsNotReindexed) {
  dir_.write("crawl/a.txt", "제목\n본문");
  run();
  bump_mtime("a.txt");
  const IndexStats second = run();
  EXPECT_EQ(second.files_unchanged, 1u);
  EXPECT_EQ(second.articles_added, 0u);
  const IndexStats third = run();  // the new mtime was recorded
  EXPECT_EQ(third.files_unchanged, 1u);
}

TEST_F(IncrementalTest, ChangedFileReplacesItsArticlesAndDropsRemovedOnes) {
  dir_.write("crawl/a.jsonl", "{\"id\": \"a1\", \"title\": \"가\"}\n{\"id\": \"a2\", \"title\": \"나\"}\n");
  run();
  dir_.write("crawl/a.jsonl", "{\"id\": \"a1\", \"title\": \"가 고침\"}\n{\"id\": \"a3\", \"title\": \"다\"}\n");
  bump_mtime("a.jsonl");
  const IndexStats second = run();
  EXPECT_EQ(second.files_indexed, 1u);
  EXPECT_EQ(second.articles_added, 2u);
  EXPECT_EQ(second.articles_removed, 1u);
  EXPECT_TRUE(has("a1"));
  EXPECT_FALSE(has("a2"));
  EXPECT_TRUE(has("a3"));
  EXPECT_EQ(open().get_doccount(), 2u);
}

TEST_F(IncrementalTest, FailedFileIsSkippedUntilItChanges) {
  dir_.write("crawl/empty.txt", "");
  const IndexStats first = run();
  EXPECT_EQ(first.files_failed, 1u);
  EXPECT_EQ(first.skip_reasons.at("empty file"), 1u);
  const IndexStats second = run();
  EXPECT_EQ(second.files_failed_before, 1u);
  EXPECT_TRUE(problems_.empty()) << "an unchanged failed file is not read or reported again";
  dir_.write("crawl/empty.txt", "이제 제목\n본문");
  bump_mtime("empty.txt");
  const IndexStats third = run();
  EXPECT_EQ(third.files_indexed, 1u);
  EXPECT_TRUE(has("empty.txt"));
}

// A file that could not be opened (Permission denied) was "failed before" forever after the
// chmod that fixed it: such failures of the machine are tried again; failures of the file
// (empty, binary, broken) wait until it changes.
TEST_F(IncrementalTest, AFileThatCouldNotBeOpenedIsTriedAgainUnchanged) {
  dir_.write("crawl/a.txt", "제목\n본문");
  dir_.write("crawl/empty.txt", "");
  run();
  // What a run as a user without read permission would have recorded (root reads anything).
  {
    Xapian::WritableDatabase db(this->db());
    const std::string path = std::filesystem::absolute(dir_.path() / "crawl" / "a.txt").lexically_normal().string();
    std::optional<LedgerEntry> entry = schema::decode_ledger_entry(db.get_metadata(schema::ledger_key(path)));
    ASSERT_TRUE(entry);
    entry->failure = "cannot open: Permission denied";
    db.set_metadata(schema::ledger_key(path), schema::encode_ledger_entry(*entry));
    db.commit();
  }
  const IndexStats again = run();
  EXPECT_EQ(again.files_indexed, 1u) << "a.txt is read again";
  EXPECT_EQ(again.files_failed_before, 1u) << "empty.txt still waits for a change";
  EXPECT_TRUE(has("a.txt"));
}

TEST_F(IncrementalTest, AFileThatBreaksKeepsItsEarlierArticles) {
  dir_.write("crawl/a.jsonl", "{\"id\": \"a1\", \"title\": \"가\"}\n");
  run();
  dir_.write("crawl/a.jsonl", "{\"id\": \"a1\", \"title\": \n");
  bump_mtime("a.jsonl");
  const IndexStats second = run();
  EXPECT_EQ(second.files_failed, 1u);
  EXPECT_TRUE(has("a1"));
}

TEST_F(IncrementalTest, VanishedFilesArePrunedOnlyWhenAsked) {
  dir_.write("crawl/a.txt", "가\n본문");
  dir_.write("crawl/b.txt", "나\n본문");
  run();
  std::filesystem::remove(dir_.path() / "crawl/b.txt");
  const IndexStats kept = run();
  EXPECT_EQ(kept.files_vanished, 1u);
  EXPECT_EQ(kept.files_pruned, 0u);
  EXPECT_TRUE(has("b.txt"));
  const IndexStats pruned = run({.prune = true});
  EXPECT_EQ(pruned.files_pruned, 1u);
  EXPECT_EQ(pruned.articles_removed, 1u);
  EXPECT_FALSE(has("b.txt"));
  EXPECT_TRUE(has("a.txt"));
  EXPECT_EQ(run({.prune = true}).files_vanished, 0u);
}

TEST_F(IncrementalTest, DuplicateIdsAcrossFilesAreReported) {
  dir_.write("crawl/a.jsonl", "{\"id\": \"same\", \"title\": \"가\"}\n");
  dir_.write("crawl/b.jsonl", "{\"id\": \"same\", \"title\": \"나\"}\n");
  run();
  ASSERT_EQ(problems_.size(), 1u);
  // Issue 16: another file's record of another text no longer replaces the first silently.
  EXPECT_EQ(problems_[0], "b.jsonl: id collision: 'same' is also the id of an article from " +
                              (dir_.path() / "crawl/a.jsonl").string() +
                              ", whose title or body differs; this record is skipped");
  EXPECT_EQ(open().get_doccount(), 1u);
}

TEST_F(IncrementalTest, ABigJsonLinesFileIsReadInChunksWithNothingLost) {
  std::string lines;
  for (int r = 1; r <= 300; ++r) {
    lines += r == 150 ? "{broken\n"
                      : "{\"title\": \"기사 " + std::to_string(r) + "\", \"body\": \"반도체 수출이 늘었다\"}\n";
  }
  dir_.write("crawl/big.jsonl", lines);
  const IndexStats first = run({.jobs = 2, .chunk_bytes = 1000});
  EXPECT_EQ(first.files_seen, 1u);
  EXPECT_EQ(first.files_indexed, 1u);
  EXPECT_EQ(first.articles_added, 299u);
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_EQ(problems_[0].substr(0, 23), "big.jsonl:line 150: inv");
  EXPECT_TRUE(has("big.jsonl#1"));
  EXPECT_TRUE(has("big.jsonl#300"));
  EXPECT_EQ(open().get_doccount(), 299u);

  const IndexStats again = run({.jobs = 2, .chunk_bytes = 1000});
  EXPECT_EQ(again.files_unchanged, 1u);
  EXPECT_EQ(again.articles_added, 0u);

  dir_.write("crawl/big.jsonl", lines.substr(0, lines.size() / 2 + lines.substr(lines.size() / 2).find('\n') + 1));
  bump_mtime("big.jsonl");
  const IndexStats shrunk = run({.jobs = 2, .chunk_bytes = 1000});
  EXPECT_EQ(shrunk.files_indexed, 1u);
  EXPECT_GT(shrunk.articles_removed, 100u);
  EXPECT_EQ(open().get_doccount(), shrunk.articles_added);
  EXPECT_FALSE(has("big.jsonl#300"));
}

TEST_F(IncrementalTest, ProgressIsMeasuredInTheBytesOfTheFilesToRead) {
  dir_.write("crawl/small.txt", "제목\n본문");
  dir_.write("crawl/big.jsonl", std::string(5000, ' ') + "{\"id\": \"big\", \"title\": \"큰 파일\"}\n");
  dir_.write("crawl/other.txt", "다른 제목\n다른 본문");
  const auto size = [&](const char* name) { return std::filesystem::file_size(dir_.path() / "crawl" / name); };
  std::vector<IndexStats> seen;
  const auto index_with_progress = [&] {
    seen.clear();
    const auto root = std::filesystem::absolute(dir_.path() / "crawl");
    Indexer indexer(db(), analyzer_, {.jobs = 1});
    return indexer.index(
        {{root, walk_crawl_directory(root, [](const Problem&) {})}}, [](const Problem&) {},
        [&](const IndexStats& so_far, std::size_t) { seen.push_back(so_far); });
  };
  const IndexStats first = index_with_progress();
  EXPECT_EQ(first.bytes_total, size("small.txt") + size("big.jsonl") + size("other.txt"));
  EXPECT_EQ(first.bytes_done, first.bytes_total);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].bytes_done, size("big.jsonl")) << "files go in name order";

  bump_mtime("other.txt");  // touched, not changed: hashed, so counted
  dir_.write("crawl/small.txt", "새 제목\n본문");
  bump_mtime("small.txt");
  const IndexStats second = index_with_progress();
  EXPECT_EQ(second.bytes_total, size("small.txt") + size("other.txt")) << "unchanged stamps cost nothing";
  EXPECT_EQ(second.bytes_done, second.bytes_total);
}

TEST_F(IncrementalTest, TheEtaComesFromBytesNotFiles) {
  IndexStats stats;
  stats.files_seen = 2;
  stats.files_indexed = 1;  // half the files, but 90% of the bytes
  stats.bytes_total = 1000;
  stats.bytes_done = 900;
  EXPECT_DOUBLE_EQ(seconds_left(stats, 9.0), 1.0);
  stats.bytes_done = 0;
  EXPECT_DOUBLE_EQ(seconds_left(stats, 9.0), 0.0);
  stats.bytes_done = 1000;
  EXPECT_DOUBLE_EQ(seconds_left(stats, 9.0), 0.0);
}

TEST_F(IncrementalTest, AnInterruptedRunCommitsWhatIsDoneAndTheNextFinishes) {
  for (int f = 0; f < 10; ++f)
    dir_.write("crawl/f" + std::to_string(f) + ".txt", "제목 " + std::to_string(f) + "\n본문");
  std::atomic<bool> interrupt{false};
  const auto root = std::filesystem::absolute(dir_.path() / "crawl");
  IndexStats stats;
  {
    Indexer indexer(db(), analyzer_, {.jobs = 2});
    stats = indexer.index(
        {{root, walk_crawl_directory(root, [](const Problem&) {})}}, [](const Problem&) {},
        [&](const IndexStats& so_far, std::size_t) { interrupt = so_far.files_indexed == 3; }, &interrupt);
  }
  EXPECT_TRUE(stats.interrupted);
  EXPECT_EQ(stats.files_indexed, 3u);
  EXPECT_EQ(stats.files_left, 7u);
  EXPECT_EQ(open().get_doccount(), 3u) << "committed";
  const IndexStats rest = run();
  EXPECT_FALSE(rest.interrupted);
  EXPECT_EQ(rest.files_unchanged, 3u);
  EXPECT_EQ(rest.files_indexed, 7u);
  EXPECT_EQ(open().get_doccount(), 10u);
}

TEST_F(IncrementalTest, ParallelAndSerialRunsGiveTheSameDatabase) {
  for (int f = 0; f < 40; ++f) {
    std::string lines;
    for (int r = 0; r < 5; ++r) {
      lines += "{\"id\": \"f" + std::to_string(f) + "r" + std::to_string(r) + "\", \"title\": \"수출 기사 " +
               std::to_string(r) + "\", \"body\": \"반도체 수출이 늘었다\"}\n";
    }
    dir_.write("crawl/f" + std::to_string(f) + ".jsonl", lines);
  }
  dir_.write("crawl/broken.jsonl", "{oops\n");
  const IndexStats parallel = run({.jobs = 4});
  const auto parallel_problems = problems_;
  std::vector<std::string> parallel_terms;
  {
    Xapian::Database db = open();
    for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
      parallel_terms.push_back(*it + ":" + std::to_string(it.get_termfreq()));
    }
  }
  std::filesystem::remove_all(db());
  const IndexStats serial = run({.jobs = 1});
  EXPECT_EQ(parallel.articles_added, 200u);
  EXPECT_EQ(serial.articles_added, 200u);
  EXPECT_EQ(problems_, parallel_problems);
  std::vector<std::string> serial_terms;
  Xapian::Database db = open();
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
    serial_terms.push_back(*it + ":" + std::to_string(it.get_termfreq()));
  }
  EXPECT_EQ(serial_terms, parallel_terms);
}

}  // namespace
}  // namespace sinmun
