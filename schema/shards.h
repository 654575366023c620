#ifndef SINMUN_SCHEMA_SHARDS_H_
#define SINMUN_SCHEMA_SHARDS_H_

#include <string>
#include <string_view>

namespace sinmun::schema {

// The layout of a sharded database directory (sinmun-index --shards N), an on-disk
// contract (docs/schema.md):
//   DIR/XAPIANDB      a Xapian stub file listing "glass shard-000" ... one line a shard, in
//                     order, so that Xapian opens DIR as one database (shard 0 first: its
//                     metadata is the one a multi-database answers with)
//   DIR/shard-NNN/    the shard databases; shard 0 also keeps the metadata of the whole
//                     (kShardCountKey, the analysis mode, the file ledger, boilerplate)
//   DIR/sinmun-unsynced  present while DIR is written without waiting for the disk (the
//                     parts of a merged build): one line, the boot id it was written under
inline constexpr std::string_view kStubFileName = "XAPIANDB";
inline constexpr std::string_view kUnsyncedMarkFileName = "sinmun-unsynced";
inline constexpr unsigned kMaxShards = 1000;

// "shard-000" for 0: the directory of shard `index` inside the sharded database.
std::string shard_directory_name(unsigned index);

// The shard that holds the article with `id` among `shards` (≥ 1): FNV-1a 64 of the id's
// UTF-8 bytes, modulo the count. Stable across versions, compilers and machines, so that a
// later run finds an article where an earlier one put it (upserts, --prune, id collisions
// look in that shard only). Changing it would need a re-index.
unsigned shard_of(std::string_view id, unsigned shards);

}  // namespace sinmun::schema

#endif  // SINMUN_SCHEMA_SHARDS_H_
