#ifndef SINMUN_INDEXER_DETAIL_SHARD_SET_H_
#define SINMUN_INDEXER_DETAIL_SHARD_SET_H_

#include <filesystem>
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
// Not thread-safe: the writer thread's. commit() runs its own threads.
class ShardSet {
 public:
  // Opens the database at `path`, creating it when absent (or an empty directory, or one
  // holding only the lock of a killed creation): `shards` databases when `shards` ≥ 2, one
  // otherwise. An existing database keeps its layout: `shards` 0 takes it as it is, and a
  // count other than its own is a UsageError (re-sharding would move most articles).
  // Throws EnvironmentError for a path that is a file or a non-empty directory that is not
  // a database (or a sharded database with a missing shard), Xapian::Error when a shard
  // cannot be opened (locked, damaged).
  ShardSet(const std::filesystem::path& path, unsigned shards);

  unsigned size() const { return static_cast<unsigned>(shards_.size()); }
  bool sharded() const { return sharded_; }
  // Every shard as one database: docids are Xapian's multi-database ones (shard-local
  // docid d of shard s is (d - 1) × size() + s + 1), which get_document, replace_document
  // and delete_document route to the right shard. set_metadata is not allowed on it.
  Xapian::WritableDatabase& all() { return all_; }
  // Shard 0, which keeps the metadata.
  Xapian::WritableDatabase& metadata() { return shards_.front(); }
  // Sets `key` in every shard: what a search must know when shard 0 is down (the analysis
  // mode).
  void set_metadata_everywhere(const std::string& key, const std::string& value);

  // Replaces (or adds) the document of article `id` — `id_term` is its schema::id_term —
  // in the shard of the id; returns its docid in all().
  Xapian::docid replace(const std::string& id, const std::string& id_term, const Xapian::Document& doc);

  // Commits every shard, one thread each, shard 0 (with the ledger) last: a run killed in
  // between leaves the ledger behind the documents, never ahead, and the next run reads
  // those files again (an upsert changes nothing twice).
  void commit();

  // The directory of each shard (the database itself when not sharded): for compaction.
  const std::vector<std::filesystem::path>& paths() const { return paths_; }

 private:
  bool sharded_ = false;
  std::vector<std::filesystem::path> paths_;
  std::vector<Xapian::WritableDatabase> shards_;
  Xapian::WritableDatabase all_;
};

// The shard directories a sharded database's stub lists, in order; empty when `path` holds
// no stub. Throws EnvironmentError for a stub that is not one sinmun-index writes.
std::vector<std::filesystem::path> listed_shards(const std::filesystem::path& path);

}  // namespace sinmun

#endif  // SINMUN_INDEXER_DETAIL_SHARD_SET_H_
