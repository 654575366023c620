#include "indexer/file_ledger.h"

#include <nlohmann/json.hpp>

#include "indexer/hash.h"

namespace sinmun {
namespace {

constexpr std::string_view kKeyPrefix = "sinmun:file:";

std::string key_of(const std::string& path) { return std::string(kKeyPrefix) + fnv1a_hex(path); }

}  // namespace

std::string FileLedger::file_term(const std::string& path) { return "XF" + fnv1a_hex(path); }

std::optional<LedgerEntry> FileLedger::find(const std::string& path) const {
  const std::string value = db_.get_metadata(key_of(path));
  if (value.empty()) return std::nullopt;
  const nlohmann::json j = nlohmann::json::parse(value, nullptr, false);
  if (!j.is_object() || j.value("path", "") != path) return std::nullopt;
  return LedgerEntry{path, j.value("size", std::uintmax_t{0}), j.value("mtime_ns", std::int64_t{0}),
                     j.value("hash", ""), j.value("failure", "")};
}

void FileLedger::put(const LedgerEntry& entry) {
  const nlohmann::json j = {{"path", entry.path},
                            {"size", entry.size},
                            {"mtime_ns", entry.mtime_ns},
                            {"hash", entry.content_hash},
                            {"failure", entry.failure}};
  db_.set_metadata(key_of(entry.path), j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void FileLedger::erase(const std::string& path) { db_.set_metadata(key_of(path), ""); }

std::vector<LedgerEntry> FileLedger::entries() const {
  std::vector<LedgerEntry> out;
  for (auto it = db_.metadata_keys_begin(std::string(kKeyPrefix)); it != db_.metadata_keys_end(std::string(kKeyPrefix)); ++it) {
    const nlohmann::json j = nlohmann::json::parse(db_.get_metadata(*it), nullptr, false);
    if (!j.is_object()) continue;
    out.push_back({j.value("path", ""), j.value("size", std::uintmax_t{0}),
                   j.value("mtime_ns", std::int64_t{0}), j.value("hash", ""), j.value("failure", "")});
  }
  return out;
}

}  // namespace sinmun
