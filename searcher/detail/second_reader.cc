#include "searcher/detail/second_reader.h"

namespace sinmun::detail {

void SecondReader::open(const std::vector<ShardSpec>& specs, const Xapian::Database& main) {
  db_.reset();
  usable_ = false;
  if (specs.size() != 1 || specs.front().kind != ShardSpec::Kind::kLocal || main.size() != 1) return;
  db_.emplace(specs.front().path);
  usable_ = same_revision(main);
}

void SecondReader::follow(const Xapian::Database& main) {
  if (!db_) return;
  db_->reopen();
  usable_ = same_revision(main);
}

// Xapian counts a database's commits: equal revisions of one database are the same articles.
// A database whose revision cannot be read (another backend) is never shared.
bool SecondReader::same_revision(const Xapian::Database& main) const {
  try {
    return db_->get_revision() == main.get_revision();
  } catch (const Xapian::InvalidOperationError&) {
    return false;
  }
}

}  // namespace sinmun::detail
