#ifndef SINMUN_INDEXER_MERGED_BUILD_H_
#define SINMUN_INDEXER_MERGED_BUILD_H_

#include <filesystem>

namespace sinmun {

// A new database written by several writers at once. Xapian writes one database on one
// thread, which left the other cores idle once analysis kept up; so a run that creates a
// database indexes into the shards of a sharded database beside it (DB.building, one writer
// thread a shard, detail/shard_set.h) and then merges them into one plain database at DB
// with Xapian's compaction, which a bulk load ends with anyway. The merged database is what a
// one-writer run makes (the same articles, metadata and ledger; documents numbered in
// another order, which nothing relies on), and later runs update it as usual.
//
// A run killed before the merge leaves DB.building, which the same command resumes (the
// ledger is exact there) and merges; killed during the merge, the next run merges again;
// killed after it, the leftover DB.building is removed.
//
// The parts' commits do not wait for the disk (IndexOptions::synced_commits false): waiting
// for it at every commit was a tenth of a bulk load's time at 100k articles and a sixth at
// 300k, for parts that are merged into a database written anew (and synced) at the end. A
// killed run loses nothing by it; a machine that crashed or lost power may have lost what
// the parts held, so parts written that way before the machine restarted are built again
// from the start.
struct BuildPlan {
  std::filesystem::path write_to;  // the database the Indexer opens
  unsigned shards = 0;             // IndexOptions::shards for it
  bool merge = false;              // merge_build() when the run completes
  bool synced = true;              // IndexOptions::synced_commits for it
  // A DB.building written without waiting for the disk before the machine restarted was
  // removed: this run builds the database from the start.
  bool rebuilt_after_restart = false;
};

// Where a run writes for `db`: DB.building with `writers` shards when `db` is new (nothing
// there yet, see detail/shard_set.h), writers ≥ 2 and no --shards was asked for (`shards`
// 0); DB.building as it is when one is left to resume; otherwise `db` itself with `shards`.
// Removes a DB.building that a killed merge left beside a complete DB, and one that the
// machine may have damaged (above).
BuildPlan plan_build(const std::filesystem::path& db, unsigned writers, unsigned shards);

// The writers a new database gets when the user names none: one per core, at most 8.
unsigned default_writers();

// Merges DB.building into one database at `db` (absent): compacts its shards into
// DB.merging under their write locks, drops the shard count from the metadata, renames
// DB.merging to DB and removes DB.building. Throws Xapian::Error (locked, damaged) or
// EnvironmentError (a rename failed), leaving DB.building to merge again.
void merge_build(const std::filesystem::path& db);

// DB.building: the sharded database a merged build writes.
std::filesystem::path building_path(const std::filesystem::path& db);

}  // namespace sinmun

#endif  // SINMUN_INDEXER_MERGED_BUILD_H_
