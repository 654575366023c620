#include "indexer/merged_build.h"

#include <xapian.h>

#include <algorithm>
#include <system_error>
#include <thread>
#include <vector>

#include "base/errors.h"
#include "indexer/detail/shard_set.h"
#include "schema/schema.h"

namespace sinmun {
namespace {

namespace fs = std::filesystem;

fs::path beside(const fs::path& db, const char* suffix) {
  const fs::path normal = db.lexically_normal();
  const fs::path name = normal.has_filename() ? normal.filename() : normal.parent_path().filename();
  const fs::path parent = normal.has_filename() ? normal.parent_path() : normal.parent_path().parent_path();
  return parent / (name.string() + suffix);
}

// More writers than this only add shards to merge: past a few, the reading and analysing
// threads are what limits a run.
constexpr unsigned kMaxDefaultWriters = 8;

}  // namespace

fs::path building_path(const fs::path& db) { return beside(db, ".building"); }

unsigned default_writers() { return std::clamp(std::thread::hardware_concurrency(), 1u, kMaxDefaultWriters); }

BuildPlan plan_build(const fs::path& db, unsigned writers, unsigned shards) {
  const fs::path building = building_path(db);
  std::error_code error;
  bool rebuilt_after_restart = false;
  if (fs::exists(building, error)) {
    rebuilt_after_restart = is_new_database_path(db) && written_unsynced_before_a_restart(building);
    if (is_new_database_path(db) && !rebuilt_after_restart) return {building, 0, true, false};  // resume, then merge
    // A merge killed after its rename left it behind, or the machine restarted under it.
    fs::remove_all(building, error);
    if (error) throw EnvironmentError("cannot remove " + building.string() + ": " + error.message());
  }
  if (shards == 0 && writers >= 2 && is_new_database_path(db)) {
    return {building, writers, true, false, rebuilt_after_restart};
  }
  return {db, shards, false, true, rebuilt_after_restart};
}

void merge_build(const fs::path& db) {
  const fs::path building = building_path(db);
  const fs::path merging = beside(db, ".merging");
  std::error_code error;
  fs::remove_all(merging, error);
  {
    // The shards' write locks keep another indexer out while the copy is made.
    std::vector<Xapian::WritableDatabase> locks;
    for (const fs::path& shard : listed_shards(building)) locks.emplace_back(shard.string(), Xapian::DB_OPEN);
    Xapian::Database(building.string()).compact(merging.string());
  }
  {
    // Every shard said how many there were; the merged database is one.
    Xapian::WritableDatabase merged(merging.string(), Xapian::DB_OPEN);
    merged.set_metadata(std::string(schema::kShardCountKey), "");
    merged.commit();
  }
  if (!is_new_database_path(db)) {
    throw EnvironmentError(db.string() + " was written to while " + building.string() +
                           " was being merged into it; the merged database is left at " + merging.string());
  }
  fs::remove_all(db, error);  // an empty directory, or a lock
  fs::rename(merging, db, error);
  if (error)
    throw EnvironmentError("cannot rename " + merging.string() + " to " + db.string() + ": " + error.message());
  fs::remove_all(building, error);  // a leftover is removed by the next run's plan_build()
}

}  // namespace sinmun
