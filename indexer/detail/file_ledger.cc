#include "indexer/detail/file_ledger.h"

#include "schema/schema.h"

namespace sinmun {

std::optional<LedgerEntry> FileLedger::find(const std::string& path) const {
  std::optional<LedgerEntry> entry = schema::decode_ledger_entry(shards_.get_metadata(schema::ledger_key(path)));
  if (entry && entry->path != path) return std::nullopt;  // a hash collision
  return entry;
}

std::optional<std::string> FileLedger::path_of_file_term(std::string_view file_term) const {
  // Both are keyed by the same hash of the path.
  if (!file_term.starts_with(schema::kFile)) return std::nullopt;
  const std::string key = std::string(schema::kLedgerKeyPrefix).append(file_term.substr(schema::kFile.size()));
  std::optional<LedgerEntry> entry = schema::decode_ledger_entry(shards_.get_metadata(key));
  if (!entry || schema::file_term(entry->path) != file_term) return std::nullopt;
  return entry->path;
}

void FileLedger::put(const LedgerEntry& entry) {
  shards_.set_metadata(schema::ledger_key(entry.path), schema::encode_ledger_entry(entry));
}

void FileLedger::erase(const std::string& path) { shards_.set_metadata(schema::ledger_key(path), ""); }

std::vector<LedgerEntry> FileLedger::entries() const {
  std::vector<LedgerEntry> out;
  const std::string prefix(schema::kLedgerKeyPrefix);
  for (const std::string& key : shards_.metadata_keys(prefix)) {
    if (std::optional<LedgerEntry> entry = schema::decode_ledger_entry(shards_.get_metadata(key))) {
      out.push_back(std::move(*entry));
    }
  }
  return out;
}

}  // namespace sinmun
