#ifndef SINMUN_INDEXER_FILE_LEDGER_H_
#define SINMUN_INDEXER_FILE_LEDGER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace sinmun {

// What the indexer last saw of one input file: enough to skip it when it has not changed.
struct LedgerEntry {
  std::string path;           // absolute path of the file
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;  // modification time, nanoseconds since the epoch
  std::string content_hash;   // 16 hex digits (FNV-1a 64 of the bytes)
  std::string failure;        // why the file gave no article; empty when it was indexed

  bool same_stamp(std::uintmax_t other_size, std::int64_t other_mtime_ns) const {
    return size == other_size && mtime_ns == other_mtime_ns;
  }
};

// The ledger of input files kept in the database's user metadata, so that it commits
// together with the documents it describes (a killed run never records a file whose
// documents were lost). Keys: "sinmun:file:<hash of path>"; values: JSON.
//
// Borrows the database; not thread-safe (use it from the writer thread).
class FileLedger {
 public:
  explicit FileLedger(Xapian::WritableDatabase& db) : db_(db) {}

  std::optional<LedgerEntry> find(const std::string& path) const;
  void put(const LedgerEntry& entry);
  void erase(const std::string& path);
  std::vector<LedgerEntry> entries() const;

  // The boolean term every document read from `path` carries, so that the documents of one
  // file can be found, replaced or removed together: "XF" + 16 hex digits.
  static std::string file_term(const std::string& path);

 private:
  Xapian::WritableDatabase& db_;
};

}  // namespace sinmun

#endif  // SINMUN_INDEXER_FILE_LEDGER_H_
