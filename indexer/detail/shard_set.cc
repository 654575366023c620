#include "indexer/detail/shard_set.h"

#include <exception>
#include <fstream>
#include <sstream>
#include <thread>

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

Xapian::WritableDatabase open_single(const fs::path& path) {
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
  return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
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

ShardSet::ShardSet(const fs::path& path, unsigned shards) {
  if (shards > schema::kMaxShards) {
    throw UsageError("--shards must be at most " + std::to_string(schema::kMaxShards));
  }
  std::vector<fs::path> listed = listed_shards(path);
  std::error_code ec;
  const bool fresh = !fs::exists(path, ec) || (fs::is_directory(path, ec) && holds_nothing_but_a_lock(path));
  if (listed.empty() && shards >= 2 && fresh) {
    fs::create_directories(path, ec);
    if (ec) throw EnvironmentError("cannot create " + path.string() + ": " + ec.message());
    write_stub(path, shards);
    listed = listed_shards(path);
  }
  if (listed.empty()) {
    if (shards >= 2 && is_database(path)) {
      throw UsageError(path.string() + " is a single database; --shards " + std::to_string(shards) +
                       " needs a new directory (or leave --shards out)");
    }
    paths_.push_back(path);
    shards_.push_back(open_single(path));
    all_ = shards_.front();
    return;
  }
  if (shards != 0 && shards != listed.size()) {
    throw UsageError(path.string() + " has " + std::to_string(listed.size()) + " shards, not " +
                     std::to_string(shards) + "; leave --shards out, or index into a new directory");
  }
  sharded_ = true;
  paths_ = std::move(listed);
  for (const fs::path& shard : paths_) {
    recover_interrupted_compaction(shard);  // else the shard would be created afresh, empty
    shards_.emplace_back(shard.string(), Xapian::DB_CREATE_OR_OPEN);
    all_.add_database(shards_.back());
  }
  set_metadata_everywhere(std::string(schema::kShardCountKey), std::to_string(size()));
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
  if (!sharded_) {
    all_.commit();
    return;
  }
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
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  shards_.front().commit();
}

}  // namespace sinmun
