#include "server/detail/lexicon_watch.h"

#include <cstdlib>
#include <ctime>

#include "resources/data_files.h"

namespace sinmun::http {
namespace {

std::filesystem::path resolved(const std::string& given, const char* variable, DataFile shipped) {
  const char* env = std::getenv(variable);
  return !given.empty() ? given : env && *env ? env : data_file_path(shipped).string();
}

}  // namespace

LexiconWatch::LexiconWatch(const SearchConfigOptions& options) {
  for (const std::filesystem::path& file :
       {resolved(options.analyzer.user_dictionary, "SINMUN_USER_DICT", DataFile::kUserDictionary),
        resolved(options.synonyms_path, "SINMUN_SYNONYMS", DataFile::kSynonyms)}) {
    if (file != "none") files_.push_back(file);
  }
  changed();
}

bool LexiconWatch::changed() {
  std::string now;
  for (const std::filesystem::path& file : files_) {
    std::error_code size_error;
    std::error_code time_error;
    const auto size = std::filesystem::file_size(file, size_error);
    const auto time = std::filesystem::last_write_time(file, time_error);
    // A file that is missing (being replaced) counts as a state of its own.
    ((now += std::to_string(size_error ? 0 : size)) += ':') +=
        std::to_string(time_error ? 0 : time.time_since_epoch().count()) + ';';
  }
  const bool different = now != stamp_;
  stamp_ = now;
  return different;
}

int wait_for_signal(const sigset_t& signals, double seconds) {
  if (seconds <= 0) {
    int signal = 0;
    sigwait(&signals, &signal);
    return signal;
  }
  timespec timeout{};
  timeout.tv_sec = static_cast<time_t>(seconds);
  timeout.tv_nsec = static_cast<long>((seconds - static_cast<double>(timeout.tv_sec)) * 1e9);
  const int signal = sigtimedwait(&signals, nullptr, &timeout);
  return signal < 0 ? 0 : signal;
}

}  // namespace sinmun::http
