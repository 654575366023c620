#include "searcher/shard_database.h"

#include <charconv>
#include <filesystem>
#include <fstream>

#include "base/errors.h"

namespace sinmun {
namespace {

namespace fs = std::filesystem;

bool is_database_directory(const fs::path& path) {
  return fs::exists(path / "iamglass") || fs::exists(path / "iamchert");
}

// One line of a stub, as Xapian's read_stub_file() reads it.
ShardSpec parse_stub_line(const std::string& line, const fs::path& base, const std::string& where) {
  const std::size_t space = line.find(' ');
  const std::string type = line.substr(0, space);
  const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
  ShardSpec spec;
  if (space == std::string::npos || rest.empty()) {
    throw EnvironmentError(where + ": '" + line + "' is not a stub line (auto|glass|chert PATH, remote :HOST:PORT)");
  }
  if (type == "auto" || type == "glass" || type == "chert") {
    const fs::path path = fs::path(rest).is_absolute() ? fs::path(rest) : base / rest;
    spec.path = path.lexically_normal().string();
    spec.name = spec.path;
    return spec;
  }
  if (type != "remote") throw EnvironmentError(where + ": unsupported stub line '" + line + "'");
  if (rest.front() != ':') {
    spec.kind = ShardSpec::Kind::kProgram;
    const std::size_t split = rest.find(' ');
    spec.program = rest.substr(0, split);
    spec.args = split == std::string::npos ? "" : rest.substr(split + 1);
    spec.name = rest;
    return spec;
  }
  spec.kind = ShardSpec::Kind::kTcp;
  const std::size_t colon = rest.rfind(':');
  spec.host = rest.substr(1, colon - 1);
  const std::string port = rest.substr(colon + 1);
  const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), spec.port);
  if (colon == 0 || spec.host.empty() || port.empty() || error != std::errc() || end != port.data() + port.size() ||
      spec.port == 0 || spec.port > 65535) {
    throw EnvironmentError(where + ": '" + line + "' needs remote :HOST:PORT with a port from 1 to 65535");
  }
  spec.name = rest;
  return spec;
}

}  // namespace

std::vector<ShardSpec> read_shard_specs(const std::string& db_path) {
  const fs::path path(db_path);
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw EnvironmentError(db_path + ": no such database (create it with sinmun-index --db " + db_path + " CRAWL_DIR)");
  }
  fs::path stub = path;
  if (fs::is_directory(path, ec)) {
    if (is_database_directory(path) || !fs::exists(path / "XAPIANDB")) {
      ShardSpec spec;
      spec.path = db_path;
      spec.name = db_path;
      return {spec};
    }
    stub = path / "XAPIANDB";
  }
  std::ifstream in(stub, std::ios::binary);
  char magic[4] = {};
  in.read(magic, sizeof magic);
  if (in.gcount() == 4 && std::string_view(magic, 4) != std::string_view("auto", 4) &&
      std::string_view(magic, 4) != std::string_view("glas", 4) &&
      std::string_view(magic, 4) != std::string_view("cher", 4) &&
      std::string_view(magic, 4) != std::string_view("remo", 4) && magic[0] != '#' && magic[0] != '\n') {
    ShardSpec spec;  // not a stub we read (a single-file glass database): Xapian opens it
    spec.path = db_path;
    spec.name = db_path;
    return {spec};
  }
  in.clear();
  in.seekg(0);
  std::vector<ShardSpec> specs;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    specs.push_back(parse_stub_line(line, stub.parent_path(), stub.string() + ":" + std::to_string(number)));
  }
  if (specs.empty()) throw EnvironmentError(db_path + ": holds no database (an empty stub file?)");
  return specs;
}

Xapian::Database open_shard(const ShardSpec& spec, const RemoteTimeouts& timeouts) {
  switch (spec.kind) {
    case ShardSpec::Kind::kTcp:
      return Xapian::Remote::open(spec.host, spec.port, timeouts.reply_ms, timeouts.connect_ms);
    case ShardSpec::Kind::kProgram:
      return Xapian::Remote::open(spec.program, spec.args, timeouts.reply_ms);
    case ShardSpec::Kind::kLocal:
      break;
  }
  return Xapian::Database(spec.path);
}

Xapian::Database open_shards(const std::vector<ShardSpec>& specs, const RemoteTimeouts& timeouts,
                             std::vector<std::string>& missing) {
  Xapian::Database all;
  missing.clear();
  for (const ShardSpec& spec : specs) {
    try {
      all.add_database(open_shard(spec, timeouts));
    } catch (const Xapian::NetworkError&) {  // down, refusing or silent (a local shard's errors are thrown)
      missing.push_back(spec.name);
    }
  }
  return all;
}

}  // namespace sinmun
