#include "indexer/detail/near_duplicates.h"

#include <optional>

#include "base/errors.h"
#include "corpus/simhash.h"
#include "schema/hash.h"
#include "schema/schema.h"
#include "schema/values.h"

namespace sinmun {
namespace {

constexpr int kBands = 8;

std::uint32_t bucket_of(int band, std::uint64_t signature) {
  return static_cast<std::uint32_t>(band) * 256u + static_cast<std::uint32_t>((signature >> (band * 8)) & 0xFF);
}

}  // namespace

NearDuplicates::NearDuplicates(const Xapian::Database& db) {
  for (auto it = db.valuestream_begin(schema::kSimhashSlot); it != db.valuestream_end(schema::kSimhashSlot); ++it) {
    const Xapian::Document doc = db.get_document(it.get_docid());
    const std::string id = doc.get_value(schema::kIdSlot);
    const std::string key = doc.get_value(schema::kCollapseSlot);
    if (id.empty() || key.empty()) continue;
    const std::optional<std::uint64_t> signature = schema::parse_simhash_value(*it);
    if (!signature) {
      throw DataError("document " + std::to_string(it.get_docid()) + " (id '" + id +
                      "') has a damaged SimHash value '" + *it + "' in slot " + std::to_string(schema::kSimhashSlot) +
                      " (run xapian-check on the database, or re-index into a new one)");
    }
    remember(id, *signature, key);
  }
}

std::string NearDuplicates::assign(const std::string& id, std::uint64_t signature) {
  const auto own = entry_of_id_.find(id);
  const std::uint32_t own_entry = own != entry_of_id_.end() ? own->second : UINT32_MAX;
  const std::string* key = nullptr;
  int best = kSimhashNearDuplicate + 1;
  for (int band = 0; band < kBands && best > 0; ++band) {
    const auto bucket = buckets_.find(bucket_of(band, signature));
    if (bucket == buckets_.end()) continue;
    for (const std::uint32_t other : bucket->second) {
      if (other == own_entry) continue;
      const int distance = hamming(entries_[other].signature, signature);
      if (distance < best) {
        best = distance;
        key = &entries_[other].key;
      }
    }
  }
  std::string chosen = key ? *key : own_entry != UINT32_MAX ? entries_[own_entry].key : fnv1a_hex(id);
  remember(id, signature, chosen);
  return chosen;
}

void NearDuplicates::remember(const std::string& id, std::uint64_t signature, const std::string& key) {
  const auto [it, inserted] = entry_of_id_.try_emplace(id, static_cast<std::uint32_t>(entries_.size()));
  if (inserted) {
    entries_.push_back({signature, key});
  } else if (entries_[it->second].signature == signature) {
    entries_[it->second].key = key;
    return;
  } else {
    entries_[it->second] = {signature, key};
  }
  for (int band = 0; band < kBands; ++band) buckets_[bucket_of(band, signature)].push_back(it->second);
}

}  // namespace sinmun
