#ifndef SINMUN_INDEXER_COMPACTION_H_
#define SINMUN_INDEXER_COMPACTION_H_

#include <filesystem>

namespace sinmun {

// Rewrites the database at `db_path` compactly (Xapian::Database::compact): after a bulk
// load a Xapian database holds about half empty blocks (76 MB → 37 MB for 10,652 news
// leads). Holds the write lock while it reads, so no indexer can commit meanwhile, then
// swaps the directories: DB → DB.pre-compact, DB.compacting → DB, and removes the old one.
// Searchers that had the old files open pick up the new ones on their next reopen.
// Throws Xapian::Error (locked, damaged) or EnvironmentError (the swap failed).
void compact_database(const std::filesystem::path& db_path);

// Finishes or undoes a compaction that was killed half-way: with no DB but a
// DB.pre-compact, the old one is put back; a leftover DB.compacting is removed. Returns
// true if it had to put the old database back.
bool recover_interrupted_compaction(const std::filesystem::path& db_path);

}  // namespace sinmun

#endif  // SINMUN_INDEXER_COMPACTION_H_
