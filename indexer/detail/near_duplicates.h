#ifndef SINMUN_INDEXER_DETAIL_NEAR_DUPLICATES_H_
#define SINMUN_INDEXER_DETAIL_NEAR_DUPLICATES_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace sinmun {

// Groups near-duplicate articles (the same wire story on many sites) under one collapse
// key, so that a search can show one copy and say how many it folded.
//
// Each article's SimHash is compared with those already known that share one of eight
// 8-bit bands with it: two signatures within 7 bits always share a band (pigeonhole), and
// most within kSimhashNearDuplicate do. An article within kSimhashNearDuplicate bits of a
// known one joins that one's group; otherwise it starts its own group, keyed by its id.
// All of it stays in memory (about 100 bytes an article), loaded once from the database's
// value slots.
//
// Not thread-safe; used by the indexer's writer thread.
class NearDuplicates {
 public:
  // Loads the signatures and keys of the documents already in `db`.
  explicit NearDuplicates(const Xapian::Database& db);

  // The collapse key for article `id` with SimHash `signature`, remembering it for the
  // articles that follow. An article indexed again keeps to its own key unless it now
  // resembles another group.
  std::string assign(const std::string& id, std::uint64_t signature);

 private:
  struct Entry {
    std::uint64_t signature;
    std::string key;
  };
  void remember(const std::string& id, std::uint64_t signature, const std::string& key);

  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::uint32_t> entry_of_id_;
  // band index * 256 + band value → entries. An entry whose signature changed stays in its
  // old buckets too; it is then compared by its current signature, which is still correct.
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> buckets_;
};

}  // namespace sinmun

#endif  // SINMUN_INDEXER_DETAIL_NEAR_DUPLICATES_H_
