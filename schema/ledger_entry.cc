#include "schema/ledger_entry.h"

#include <nlohmann/json.hpp>

#include "schema/hash.h"
#include "schema/schema.h"

namespace sinmun::schema {

std::string ledger_key(std::string_view path) { return std::string(kLedgerKeyPrefix).append(fnv1a_hex(path)); }

std::string encode_ledger_entry(const LedgerEntry& entry) {
  const nlohmann::json j = {{"path", entry.path},
                            {"size", entry.size},
                            {"mtime_ns", entry.mtime_ns},
                            {"hash", entry.content_hash},
                            {"failure", entry.failure}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<LedgerEntry> decode_ledger_entry(std::string_view value) {
  const nlohmann::json j = nlohmann::json::parse(value, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  try {
    return LedgerEntry{j.value("path", ""), j.value("size", std::uintmax_t{0}), j.value("mtime_ns", std::int64_t{0}),
                       j.value("hash", ""), j.value("failure", "")};
  } catch (const nlohmann::json::exception&) {  // a field of the wrong type: a damaged entry
    return std::nullopt;
  }
}

}  // namespace sinmun::schema
