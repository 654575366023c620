#ifndef SINMUN_INDEXER_DETAIL_FILE_LEDGER_H_
#define SINMUN_INDEXER_DETAIL_FILE_LEDGER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/detail/shard_set.h"
#include "schema/ledger_entry.h"

namespace sinmun {

// The ledger of input files kept in the database's user metadata (shard 0's), which commits
// after the documents it describes (a killed run never records a file whose documents were
// lost). Keys and values: schema/ledger_entry.h.
//
// Borrows the shards; not thread-safe (use it from the writer thread).
class FileLedger {
 public:
  explicit FileLedger(ShardSet& shards) : shards_(shards) {}

  // The entry of `path`; nullopt when there is none, or it is damaged or names another path.
  std::optional<LedgerEntry> find(const std::string& path) const;
  void put(const LedgerEntry& entry);
  void erase(const std::string& path);
  // The path of the file whose documents carry `file_term` (schema::file_term), when the
  // ledger has its entry.
  std::optional<std::string> path_of_file_term(std::string_view file_term) const;
  // Every readable entry.
  std::vector<LedgerEntry> entries() const;

 private:
  ShardSet& shards_;
};

}  // namespace sinmun

#endif  // SINMUN_INDEXER_DETAIL_FILE_LEDGER_H_
