#include "resources/data_files.h"

#include <system_error>

namespace sinmun {
namespace {

namespace fs = std::filesystem;

struct Location {
  const char* installed;  // under <prefix>/share/sinmun/
  const char* source;     // under the source tree
};

// resources/CMakeLists.txt installs each source path to its installed name.
Location location_of(DataFile file) {
  switch (file) {
    case DataFile::kUserDictionary:
      return {"user-dictionary.tsv", "analyzers/data/user-dictionary.tsv"};
    case DataFile::kSynonyms:
      return {"synonyms.tsv", "searcher/data/synonyms.tsv"};
    case DataFile::kWebDirectory:
      return {"web", "web"};
  }
  return {"", ""};  // not reached: every enumerator is handled above (-Wswitch checks it)
}

bool present(const fs::path& path) {
  std::error_code error;  // unreadable counts as missing: the caller reports the path it gets
  return fs::exists(path, error);
}

}  // namespace

fs::path data_file_path(DataFile file, const fs::path& executable, const fs::path& source_dir) {
  const Location location = location_of(file);
  fs::path source = source_dir / location.source;
  if (executable.empty()) return source;
  // SINMUN_DATA_FROM_BIN is share/sinmun seen from bin (GNUInstallDirs), "../share/sinmun".
  fs::path installed = (executable.parent_path() / SINMUN_DATA_FROM_BIN / location.installed).lexically_normal();
  if (present(installed)) return installed;
  if (present(source)) return source;
  return installed;
}

fs::path data_file_path(DataFile file) {
  // Read on every call rather than cached: three look-ups per program run cost nothing, and
  // no static state means nothing to synchronise.
  std::error_code error;
  const fs::path executable = fs::read_symlink("/proc/self/exe", error);
  return data_file_path(file, error ? fs::path() : executable, SINMUN_SOURCE_DIR);
}

}  // namespace sinmun
