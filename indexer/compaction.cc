#include "indexer/compaction.h"

#include <xapian.h>

#include <system_error>

#include "base/errors.h"

namespace sinmun {
namespace {

namespace fs = std::filesystem;

fs::path beside(const fs::path& db_path, const char* suffix) {
  return db_path.parent_path() / (db_path.filename().string() + suffix);
}

}  // namespace

bool recover_interrupted_compaction(const fs::path& db_path) {
  const fs::path fresh = beside(db_path, ".compacting");
  const fs::path old = beside(db_path, ".pre-compact");
  std::error_code error;
  fs::remove_all(fresh, error);
  if (fs::exists(db_path) || !fs::exists(old)) return false;
  fs::rename(old, db_path, error);
  if (error)
    throw EnvironmentError("cannot put " + old.string() + " back as " + db_path.string() + ": " + error.message());
  return true;
}

void compact_database(const fs::path& db_path) {
  const fs::path fresh = beside(db_path, ".compacting");
  const fs::path old = beside(db_path, ".pre-compact");
  recover_interrupted_compaction(db_path);
  {
    // The write lock keeps indexers out while the copy is made; nothing is written here.
    const Xapian::WritableDatabase lock(db_path.string(), Xapian::DB_OPEN);
    Xapian::Database(db_path.string()).compact(fresh.string());
  }
  std::error_code error;
  fs::rename(db_path, old, error);
  if (!error) fs::rename(fresh, db_path, error);
  if (error) {
    recover_interrupted_compaction(db_path);
    throw EnvironmentError("cannot swap in the compacted database at " + db_path.string() + ": " + error.message());
  }
  fs::remove_all(old, error);  // a leftover is removed by the next compaction
}

}  // namespace sinmun
