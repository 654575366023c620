#ifndef SINMUN_INDEXER_DETAIL_SHARD_SET_H_
#define SINMUN_INDEXER_DETAIL_SHARD_SET_H_

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

namespace sinmun {

// The database an Indexer writes: one Xapian database, or the shards of a sharded one
// (schema/shards.h: DIR/XAPIANDB listing DIR/shard-NNN). Articles go to the shard of their
// id (schema::shard_of), so that an id is only ever looked for in one shard; everything
// else (the documents of a file, near-duplicate groups, boilerplate) is read over all
// shards as one database. The metadata of the whole lives in shard 0.
//
// Writes: a new article (an id no shard holds) is queued to a thread of its shard, which
// adds it while the writer goes on, so that N shards use N cores; its docid is known at
// once (a shard numbers new documents from its last docid + 1, in order). Everything else
// runs on the writer thread, after drain() when it reads or changes documents.
//
// Not thread-safe: the writer thread's. It runs its own threads.
class ShardSet {
 public:
  // When a commit returns.
  enum class Durability {
    kSynced,  // once the disk holds it (Xapian's default): survives a machine crash
    // Once the system holds it (Xapian's DB_NO_SYNC): survives the process being killed,
    // not a machine crash or power loss. For databases that are rebuilt rather than
    // repaired (the parts of a merged build): they carry a mark that says since which boot
    // they were written so (written_unsynced_before_a_restart), until sync_to_disk().
    kUnsynced,
  };

  // Opens the database at `path`, creating it when absent (or an empty directory, or one
  // holding only the lock of a killed creation): `shards` databases when `shards` ≥ 2, one
  // otherwise. An existing database keeps its layout: `shards` 0 takes it as it is, and a
  // count other than its own is a UsageError (re-sharding would move most articles).
  // Throws EnvironmentError for a path that is a file or a non-empty directory that is not
  // a database (or a sharded database with a missing shard), Xapian::Error when a shard
  // cannot be opened (locked, damaged).
  ShardSet(const std::filesystem::path& path, unsigned shards, Durability durability = Durability::kSynced);
  ~ShardSet();  // stops the shard threads; what they did not commit is lost, as with Xapian

  unsigned size() const { return static_cast<unsigned>(shards_.size()); }
  bool sharded() const { return sharded_; }
  // Every shard as one database (use it after drain(), or under lock_all()): docids are Xapian's multi-database ones
  // (shard-local docid d of shard s is (d - 1) × size() + s + 1), which get_document, replace_document and
  // delete_document route to the right shard. set_metadata is not allowed on it.
  Xapian::WritableDatabase& all() { return all_; }
  // Shard 0, which keeps the metadata: for reading what earlier runs committed (this run
  // writes shard 0's metadata through set_metadata()).
  Xapian::WritableDatabase& metadata() { return shards_.front(); }
  // Sets `key` in every shard: what a search must know when shard 0 is down (the analysis
  // mode).
  void set_metadata_everywhere(const std::string& key, const std::string& value);

  // The docid in all() of article `id` (`id_term` is its schema::id_term), looked up in its
  // shard only; nullopt when there is none. Safe while new articles are being added.
  std::optional<Xapian::docid> find(const std::string& id, const std::string& id_term);

  // Adds the document of article `id`, which no shard holds (find() said so), on its
  // shard's thread; returns its docid in all(). A failure is thrown by the next drain().
  Xapian::docid add_new(const std::string& id, const std::string& id_term, Xapian::Document doc);

  // Replaces the document of article `id`, which its shard holds; returns its docid.
  Xapian::docid replace(const std::string& id, const std::string& id_term, const Xapian::Document& doc);

  // Waits until every queued article is added; rethrows the first failure of a shard thread.
  void drain();

  // The documents of all shards carrying `term` (read under every shard's lock: the
  // articles being added carry other files' terms, so no drain is needed).
  std::set<Xapian::docid> postings(const std::string& term);

  // Shard 0's metadata as this run sees it (the file ledger, the learned boilerplate). What is
  // set is held back until commit(), which writes it once every shard's documents are
  // committed. Setting "" removes the key.
  void set_metadata(const std::string& key, const std::string& value);
  std::string get_metadata(const std::string& key);
  // The keys that start with `prefix`, in order (those removed since the last commit left out).
  std::vector<std::string> metadata_keys(const std::string& prefix);

  // Drains, then commits every shard's documents at once, one thread each, and after them the
  // metadata held back: a run killed in between leaves the ledger behind the documents,
  // never ahead, and the next run reads those files again (an upsert changes nothing twice).
  void commit();

  // Unsynced: waits until the disk holds everything committed, then drops the mark, so that
  // the database is trusted after a restart too. Synced: nothing to do.
  void sync_to_disk();

  // The directory of each shard (the database itself when not sharded): for compaction.
  const std::vector<std::filesystem::path>& paths() const { return paths_; }

 private:
  struct Worker;
  void work(unsigned shard);

  bool sharded_ = false;
  Durability durability_;
  std::filesystem::path path_;
  std::vector<std::filesystem::path> paths_;
  std::vector<Xapian::WritableDatabase> shards_;
  Xapian::WritableDatabase all_;
  std::vector<std::unique_ptr<Worker>> workers_;      // one a shard when sharded
  std::map<std::string, std::string> held_metadata_;  // set since the last commit
};

// True when the database at `path` was written kUnsynced and the machine has started again
// since (Linux's boot id): what it holds may not be what was committed.
bool written_unsynced_before_a_restart(const std::filesystem::path& path);

// True when `path` holds no database yet: absent, an empty directory, or one holding only
// the lock file of a creation that was killed (the next run creates it afresh).
bool is_new_database_path(const std::filesystem::path& path);

// The shard directories a sharded database's stub lists, in order; empty when `path` holds
// no stub. Throws EnvironmentError for a stub that is not one sinmun-index writes.
std::vector<std::filesystem::path> listed_shards(const std::filesystem::path& path);

}  // namespace sinmun

#endif  // SINMUN_INDEXER_DETAIL_SHARD_SET_H_
