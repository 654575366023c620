#include "indexer/detail/shard_set.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <fstream>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "base/errors.h"
#include "indexer/compaction.h"
#include "schema/schema.h"
#include "schema/shards.h"

namespace sinmun {
namespace {

namespace fs = std::filesystem;

// Empty, or holding only the lock file Xapian makes first: a run killed while it created
// the database leaves just that, and the next run creates it as if nothing were there.
bool holds_nothing_but_a_lock(const fs::path& path) {
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
    if (entry.path().filename() != "flintlock") return false;
  }
  return !ec;
}

bool is_database(const fs::path& path) { return fs::exists(path / "iamglass") || fs::exists(path / "iamchert"); }

// This boot's id: Linux's boot_id, else the boot time; "" when neither can be read.
std::string current_boot() {
  std::string line;
  if (std::ifstream id("/proc/sys/kernel/random/boot_id"); std::getline(id, line) && !line.empty()) return line;
  std::ifstream stat("/proc/stat");
  while (std::getline(stat, line)) {
    if (line.starts_with("btime ")) return line;
  }
  return "";
}

// Closes `fd` (when open) and throws `what` with the error of the call that failed.
[[noreturn]] void fail(int fd, const std::string& what) {
  const int error = errno;
  if (fd >= 0) ::close(fd);
  throw EnvironmentError(what + ": " + std::strerror(error));
}

// Written, and on the disk, before anything the disk may not hold: a crash never leaves
// unsynced data without its mark.
void mark_unsynced(const fs::path& path) {
  const fs::path mark = path / schema::kUnsyncedMarkFileName;
  const std::string boot = current_boot() + "\n";
  const int fd = ::open(mark.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0 || ::write(fd, boot.data(), boot.size()) != static_cast<ssize_t>(boot.size()) || ::fsync(fd) != 0) {
    fail(fd, "cannot write " + mark.string());
  }
  ::close(fd);
  const int dir = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0 || ::fsync(dir) != 0) fail(dir, "cannot sync " + path.string());
  ::close(dir);
}

Xapian::WritableDatabase open_single(const fs::path& path, int flags) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (fs::is_regular_file(status)) {
    throw EnvironmentError(path.string() +
                           " is a file, not a database directory; "
                           "give --db a new or existing database directory");
  }
  if (fs::is_directory(status) && !holds_nothing_but_a_lock(path) && !is_database(path)) {
    throw EnvironmentError(path.string() +
                           " is a non-empty directory that is not a Xapian "
                           "database; refusing to write into it");
  }
  return Xapian::WritableDatabase(path.string(), flags);
}

// The stub is written before any shard, and replaced whole (rename): a creation killed
// half-way leaves a stub whose missing shards the next run creates.
void write_stub(const fs::path& path, unsigned shards) {
  std::ostringstream text;
  for (unsigned i = 0; i < shards; ++i) text << "glass " << schema::shard_directory_name(i) << '\n';
  const fs::path stub = path / schema::kStubFileName;
  const fs::path temporary = path / (std::string(schema::kStubFileName) + ".new");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text.str();
    if (!out.flush()) throw EnvironmentError("cannot write " + temporary.string());
  }
  std::error_code ec;
  fs::rename(temporary, stub, ec);
  if (ec) throw EnvironmentError("cannot write " + stub.string() + ": " + ec.message());
}

}  // namespace

bool written_unsynced_before_a_restart(const fs::path& path) {
  std::ifstream mark(path / schema::kUnsyncedMarkFileName);
  std::string boot;
  if (!mark || !std::getline(mark, boot)) return false;
  const std::string now = current_boot();
  return now.empty() || boot != now;
}

bool is_new_database_path(const fs::path& path) {
  std::error_code ec;
  return !fs::exists(path, ec) || (fs::is_directory(path, ec) && holds_nothing_but_a_lock(path));
}

std::vector<fs::path> listed_shards(const fs::path& path) {
  const fs::path stub = path / schema::kStubFileName;
  std::vector<fs::path> out;
  if (!fs::is_directory(path) || !fs::exists(stub)) return out;
  std::ifstream in(stub);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::string expected = "glass " + schema::shard_directory_name(static_cast<unsigned>(out.size()));
    if (line != expected || out.size() >= schema::kMaxShards) {
      throw EnvironmentError(stub.string() + " is not the stub of a sharded database made by sinmun-index (line '" +
                             line + "', expected '" + expected + "'); index into a new directory");
    }
    out.push_back(path / schema::shard_directory_name(static_cast<unsigned>(out.size())));
  }
  if (out.empty()) throw EnvironmentError(stub.string() + " lists no shard");
  return out;
}

// A shard's thread and its queue of new documents. `database` guards the shard's database
// (the thread adds under it; the writer thread reads under it); `mutex` the rest.
struct ShardSet::Worker {
  // Bounds the documents in flight per shard (memory), as the reading pipeline's window does.
  static constexpr std::size_t kMaxQueued = 64;
  struct Pending {
    Xapian::docid local;  // the docid it will get
    std::string id_term;
    Xapian::Document doc;
  };
  std::mutex database;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<Pending> queue;
  std::unordered_map<std::string, Xapian::docid> in_flight;  // id term → local docid, until added
  bool busy = false;
  bool stop = false;
  std::exception_ptr failure;
  Xapian::docid next_docid = 1;  // of the next new document
  std::thread thread;
};

ShardSet::ShardSet(const fs::path& path, unsigned shards, Durability durability)
    : durability_(durability), path_(path) {
  if (shards > schema::kMaxShards) {
    throw UsageError("--shards must be at most " + std::to_string(schema::kMaxShards));
  }
  std::vector<fs::path> listed = listed_shards(path);
  std::error_code ec;
  if (listed.empty() && shards >= 2 && is_new_database_path(path)) {
    fs::create_directories(path, ec);
    if (ec) throw EnvironmentError("cannot create " + path.string() + ": " + ec.message());
    write_stub(path, shards);
    listed = listed_shards(path);
  }
  const bool unsynced = durability_ == Durability::kUnsynced;
  const int flags = Xapian::DB_CREATE_OR_OPEN | (unsynced ? Xapian::DB_NO_SYNC : 0);
  if (listed.empty()) {
    if (shards >= 2 && is_database(path)) {
      throw UsageError(path.string() + " is a single database; --shards " + std::to_string(shards) +
                       " needs a new directory (or leave --shards out)");
    }
    paths_.push_back(path);
    shards_.push_back(open_single(path, flags));
    // Marked once it exists: a crash before its first commit can leave it unmarked and
    // damaged, which opening it then reports.
    if (unsynced) mark_unsynced(path);
    all_ = shards_.front();
    return;
  }
  if (shards != 0 && shards != listed.size()) {
    throw UsageError(path.string() + " has " + std::to_string(listed.size()) + " shards, not " +
                     std::to_string(shards) + "; leave --shards out, or index into a new directory");
  }
  sharded_ = true;
  paths_ = std::move(listed);
  if (unsynced) mark_unsynced(path);
  for (const fs::path& shard : paths_) {
    recover_interrupted_compaction(shard);  // else the shard would be created afresh, empty
    shards_.emplace_back(shard.string(), flags);
    all_.add_database(shards_.back());
  }
  set_metadata_everywhere(std::string(schema::kShardCountKey), std::to_string(size()));
  for (unsigned i = 0; i < size(); ++i) {
    workers_.push_back(std::make_unique<Worker>());
    workers_.back()->next_docid = shards_[i].get_lastdocid() + 1;
  }
  for (unsigned i = 0; i < size(); ++i) workers_[i]->thread = std::thread([this, i] { work(i); });
}

ShardSet::~ShardSet() {
  for (const std::unique_ptr<Worker>& worker : workers_) {
    {
      std::lock_guard lock(worker->mutex);
      worker->stop = true;
    }
    worker->changed.notify_all();
  }
  for (const std::unique_ptr<Worker>& worker : workers_) worker->thread.join();
}

void ShardSet::work(unsigned shard) {
  Worker& worker = *workers_[shard];
  std::unique_lock lock(worker.mutex);
  while (true) {
    worker.changed.wait(lock, [&] { return worker.stop || !worker.queue.empty(); });
    if (worker.queue.empty()) return;  // stopping
    Worker::Pending pending = std::move(worker.queue.front());
    worker.queue.pop_front();
    worker.busy = true;
    const bool failed = worker.failure != nullptr;
    lock.unlock();
    std::exception_ptr failure;
    if (!failed) {
      try {
        std::lock_guard database(worker.database);
        const Xapian::docid added = shards_[shard].add_document(pending.doc);
        if (added != pending.local) {
          throw EnvironmentError(paths_[shard].string() + " numbered a new document " + std::to_string(added) +
                                 ", not " + std::to_string(pending.local) + "; was it written to by another program?");
        }
      } catch (...) {
        failure = std::current_exception();
      }
    }
    lock.lock();
    // Only now: until the document is in the database, find() sees it here.
    worker.in_flight.erase(pending.id_term);
    if (failure && !worker.failure) worker.failure = failure;
    worker.busy = false;
    worker.changed.notify_all();
  }
}

std::optional<Xapian::docid> ShardSet::find(const std::string& id, const std::string& id_term) {
  const unsigned shard = schema::shard_of(id, size());
  std::unique_lock<std::mutex> database;
  if (sharded_) {
    Worker& worker = *workers_[shard];
    {
      std::lock_guard lock(worker.mutex);
      if (const auto it = worker.in_flight.find(id_term); it != worker.in_flight.end()) {
        return (it->second - 1) * size() + shard + 1;
      }
    }
    // Not queued, or added since: then the shard has it.
    database = std::unique_lock(worker.database);
  }
  const Xapian::PostingIterator found = shards_[shard].postlist_begin(id_term);
  if (found == shards_[shard].postlist_end(id_term)) return std::nullopt;
  return (*found - 1) * size() + shard + 1;
}

Xapian::docid ShardSet::add_new(const std::string& id, const std::string& id_term, Xapian::Document doc) {
  const unsigned shard = schema::shard_of(id, size());
  if (!sharded_) return shards_.front().add_document(doc);
  Worker& worker = *workers_[shard];
  std::unique_lock lock(worker.mutex);
  worker.changed.wait(lock, [&] { return worker.queue.size() < Worker::kMaxQueued; });
  const Xapian::docid local = worker.next_docid++;
  worker.in_flight.emplace(id_term, local);
  worker.queue.push_back({local, id_term, std::move(doc)});
  lock.unlock();
  worker.changed.notify_all();
  return (local - 1) * size() + shard + 1;
}

void ShardSet::drain() {
  for (const std::unique_ptr<Worker>& worker : workers_) {
    std::unique_lock lock(worker->mutex);
    worker->changed.wait(lock, [&] { return worker->queue.empty() && !worker->busy; });
    if (worker->failure) std::rethrow_exception(worker->failure);
  }
}

std::set<Xapian::docid> ShardSet::postings(const std::string& term) {
  std::vector<std::unique_lock<std::mutex>> locks;
  for (const std::unique_ptr<Worker>& worker : workers_) locks.emplace_back(worker->database);
  return std::set<Xapian::docid>(all_.postlist_begin(term), all_.postlist_end(term));
}

void ShardSet::set_metadata(const std::string& key, const std::string& value) { held_metadata_[key] = value; }

void ShardSet::sync_to_disk() {
  if (durability_ != Durability::kUnsynced) return;
  const int fd = ::open(path_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || ::syncfs(fd) != 0) fail(fd, "cannot sync " + path_.string() + " to disk");
  ::close(fd);
  std::error_code ignored;  // a mark left behind only costs a rebuild after a restart
  fs::remove(path_ / schema::kUnsyncedMarkFileName, ignored);
}

std::string ShardSet::get_metadata(const std::string& key) {
  if (const auto held = held_metadata_.find(key); held != held_metadata_.end()) return held->second;
  // Shard 0's thread may be adding a document.
  const auto database = sharded_ ? std::unique_lock(workers_.front()->database) : std::unique_lock<std::mutex>();
  return shards_.front().get_metadata(key);
}

std::vector<std::string> ShardSet::metadata_keys(const std::string& prefix) {
  std::set<std::string> keys;
  {
    const auto database = sharded_ ? std::unique_lock(workers_.front()->database) : std::unique_lock<std::mutex>();
    const Xapian::WritableDatabase& shard = shards_.front();
    keys.insert(shard.metadata_keys_begin(prefix), shard.metadata_keys_end(prefix));
  }
  for (auto held = held_metadata_.lower_bound(prefix); held != held_metadata_.end() && held->first.starts_with(prefix);
       ++held) {
    if (held->second.empty()) {
      keys.erase(held->first);
    } else {
      keys.insert(held->first);
    }
  }
  return {keys.begin(), keys.end()};
}

void ShardSet::set_metadata_everywhere(const std::string& key, const std::string& value) {
  for (Xapian::WritableDatabase& shard : shards_) shard.set_metadata(key, value);
}

Xapian::docid ShardSet::replace(const std::string& id, const std::string& id_term, const Xapian::Document& doc) {
  const unsigned shard = schema::shard_of(id, size());
  const Xapian::docid local = shards_[shard].replace_document(id_term, doc);
  return (local - 1) * size() + shard + 1;
}

void ShardSet::commit() {
  drain();
  const auto write_held_metadata = [this] {
    for (const auto& [key, value] : held_metadata_) shards_.front().set_metadata(key, value);
    held_metadata_.clear();
  };
  if (!sharded_) {  // one database commits its documents and metadata together
    write_held_metadata();
    all_.commit();
    return;
  }
  // Every shard at once: committed one after another, the shards left a core idle for a
  // quarter of a bulk load (20k articles, 2 shards: 13.7 -> 12.5 s).
  std::vector<std::exception_ptr> failures(size());
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < size(); ++i) {
    threads.emplace_back([this, i, &failures] {
      try {
        shards_[i].commit();
      } catch (...) {
        failures[i] = std::current_exception();
      }
    });
  }
  try {
    shards_.front().commit();
  } catch (...) {
    failures.front() = std::current_exception();
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  if (held_metadata_.empty()) return;
  write_held_metadata();
  shards_.front().commit();
}

}  // namespace sinmun
