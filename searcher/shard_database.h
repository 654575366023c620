#ifndef SINMUN_SEARCHER_SHARD_DATABASE_H_
#define SINMUN_SEARCHER_SHARD_DATABASE_H_

#include <string>
#include <vector>

#include <xapian.h>

namespace sinmun {

// One database a search goes over: a local directory, or a remote one served by
// xapian-tcpsrv (or xapian-progsrv).
struct ShardSpec {
  enum class Kind { kLocal, kTcp, kProgram };
  Kind kind = Kind::kLocal;
  std::string name;  // in messages and "missing_shards": the path, ":HOST:PORT" or "PROGRAM ARGS"
  std::string path;  // kLocal: absolute or relative to the working directory
  std::string host;  // kTcp
  unsigned port = 0;
  std::string program;  // kProgram
  std::string args;
};

// Timeouts of remote shards, in milliseconds: an answer (each message of the protocol) and
// a connection. Never 0, which Xapian takes as "wait for ever".
struct RemoteTimeouts {
  unsigned reply_ms = 10000;  // Xapian's own default for a stub's `remote` line
  unsigned connect_ms = 3000;
};

// The shards `db_path` lists: a database directory is one local shard; a Xapian stub file,
// or a directory holding one named XAPIANDB (what sinmun-index --shards writes), lists them
// one a line as Xapian reads stubs — `auto|glass|chert PATH` (relative to the stub's
// directory), `remote :HOST:PORT`, `remote PROGRAM ARGS`; blank lines and lines starting
// with '#' are skipped. Throws EnvironmentError for a missing path or a line it cannot read
// (it names the line).
std::vector<ShardSpec> read_shard_specs(const std::string& db_path);

// Opens one shard (remote ones with `timeouts`). Throws Xapian::Error.
Xapian::Database open_shard(const ShardSpec& spec, const RemoteTimeouts& timeouts);

// The shards as one database, in the listed order (the first answers for metadata), with
// the names of the remote ones that are down or do not answer in `missing` (then left out).
// Throws Xapian::Error for a local shard that cannot be opened.
Xapian::Database open_shards(const std::vector<ShardSpec>& specs, const RemoteTimeouts& timeouts,
                             std::vector<std::string>& missing);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_SHARD_DATABASE_H_
