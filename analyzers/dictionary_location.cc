#include "analyzers/dictionary_location.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "resources/data_files.h"

namespace sinmun {
namespace {

namespace fs = std::filesystem;

std::string from_environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

fs::path default_dictionary_dir() {
  const std::string env = from_environment("SINMUN_DICT");
  if (!env.empty()) return env;
  return fs::path(from_environment("HOME")) / ".local/share/sinmun/mecab-ko-dic";
}

Analyzer make_analyzer(const AnalyzerConfig& config, const std::function<void(const std::string&)>& report) {
  if (config.mode == AnalysisMode::kNgram) return Analyzer();

  bool explicit_dictionary = !config.dictionary_dir.empty();
  fs::path dictionary = config.dictionary_dir;
  if (dictionary.empty()) {
    dictionary = from_environment("SINMUN_DICT");
    explicit_dictionary = !dictionary.empty();
  }
  if (dictionary.empty()) dictionary = default_dictionary_dir();

  if (!explicit_dictionary && !fs::exists(dictionary / "sys.dic") && config.mode == AnalysisMode::kMorphemeNgram) {
    report("no Korean dictionary at " + dictionary.string() +
           ": analysing with n-grams only (run scripts/fetch-dictionary.sh, or give --dict DIR)");
    return Analyzer();
  }

  std::string user = config.user_dictionary.empty() ? from_environment("SINMUN_USER_DICT") : config.user_dictionary;
  if (user.empty()) user = data_file_path(DataFile::kUserDictionary).string();
  morph::Dictionary::Options options;
  if (user != "none") options.user_dictionary = user;
  return Analyzer(morph::Dictionary::open(dictionary, options, report), config.mode);
}

}  // namespace sinmun
