#ifndef SINMUN_SCHEMA_LEDGER_ENTRY_H_
#define SINMUN_SCHEMA_LEDGER_ENTRY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sinmun {

// What the indexer last saw of one input file: enough to skip it when it has not changed.
struct LedgerEntry {
  std::string path;  // absolute path of the file
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;  // modification time, nanoseconds since the epoch
  std::string content_hash;   // 16 hex digits (FNV-1a 64 of the bytes)
  std::string failure;        // why the file gave no article; empty when it was indexed

  bool same_stamp(std::uintmax_t other_size, std::int64_t other_mtime_ns) const {
    return size == other_size && mtime_ns == other_mtime_ns;
  }
};

namespace schema {

// The metadata key of the ledger entry of the file at `path`: kLedgerKeyPrefix + 16 hex.
std::string ledger_key(std::string_view path);

// The metadata value: a JSON object (path, size, mtime_ns, hash, failure).
std::string encode_ledger_entry(const LedgerEntry& entry);

// The inverse of encode_ledger_entry(); nullopt for a value that is not a JSON object.
std::optional<LedgerEntry> decode_ledger_entry(std::string_view value);

}  // namespace schema
}  // namespace sinmun

#endif  // SINMUN_SCHEMA_LEDGER_ENTRY_H_
