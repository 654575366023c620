#ifndef SINMUN_SEARCHER_DETAIL_SECOND_READER_H_
#define SINMUN_SEARCHER_DETAIL_SECOND_READER_H_

#include <optional>
#include <vector>

#include <xapian.h>

#include "searcher/shard_database.h"

namespace sinmun::detail {

// A second handle on a searcher's database, for a pass that runs on a thread of its own
// while the searcher's handle ranks (a Xapian::Database is one thread's). It is usable only
// at the revision of the searcher's handle, so that both passes read the same articles:
// over one local database. Over shards (remote or not) a revision cannot be compared, and
// there is none.
class SecondReader {
 public:
  // Opens the database `specs` names again when it is one local database, which `main` is.
  // Throws Xapian::Error as opening `main` did.
  void open(const std::vector<ShardSpec>& specs, const Xapian::Database& main);
  // After main.reopen(): the revision `main` is at now, or unusable until the next call (a
  // commit landed between the two reopens).
  void follow(const Xapian::Database& main);
  // The handle, at the revision of `main` when last opened or followed; nullptr when unusable.
  const Xapian::Database* get() const { return usable_ ? &*db_ : nullptr; }

 private:
  // Both handles at one revision.
  bool same_revision(const Xapian::Database& main) const;

  std::optional<Xapian::Database> db_;
  bool usable_ = false;
};

}  // namespace sinmun::detail

#endif  // SINMUN_SEARCHER_DETAIL_SECOND_READER_H_
