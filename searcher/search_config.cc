#include "searcher/search_config.h"

#include <cstdlib>

#include "base/errors.h"
#include "schema/lexicon_files.h"
#include "schema/schema.h"
#include "searcher/synonyms.h"

namespace sinmun {

Bm25Parameters parse_bm25(const std::string& text) {
  Bm25Parameters parameters;
  if (text.empty()) return parameters;
  const std::size_t comma = text.find(',');
  try {
    std::size_t used = 0;
    parameters.k1 = std::stod(text.substr(0, comma), &used);
    if (comma == std::string::npos || used != comma) throw UsageError("");
    parameters.b = std::stod(text.substr(comma + 1), &used);
    if (used != text.size() - comma - 1) throw UsageError("");
  } catch (const std::exception&) {  // std::stod's own, or ours
    throw UsageError("--bm25 takes K1,B such as 1.2,0.75, not '" + text + "'");
  }
  if (parameters.k1 < 0 || parameters.b < 0 || parameters.b > 1) {
    throw UsageError("--bm25 needs K1 >= 0 and 0 <= B <= 1");
  }
  return parameters;
}

SearchConfigOptions with_recorded_lexicon(SearchConfigOptions options, const SearchConfig::Reporter& report) {
  if (options.analyzer.user_dictionary.empty() && std::getenv("SINMUN_USER_DICT") == nullptr) {
    options.analyzer.user_dictionary =
        schema::recorded_lexicon_file(options.db_path, schema::kUserDictionaryKey, report);
  }
  if (options.synonyms_path.empty() && std::getenv("SINMUN_SYNONYMS") == nullptr) {
    options.synonyms_path = schema::recorded_lexicon_file(options.db_path, schema::kSynonymsKey, report);
  }
  return options;
}

std::shared_ptr<const SearchConfig> SearchConfig::load(const SearchConfigOptions& given, const Reporter& report) {
  if (given.db_path.empty()) throw UsageError("need --db DIR (a database made by sinmun-index)");
  const SearchConfigOptions options = with_recorded_lexicon(given, report);
  if (options.proximity < 0) throw UsageError("--proximity must be 0 or more");
  const Bm25Parameters bm25 = parse_bm25(options.bm25);
  AnalyzerConfig analyzer_config = options.analyzer;
  const bool mode_given = !options.analysis_mode.empty();
  if (mode_given) analyzer_config.mode = parse_analysis_mode(options.analysis_mode);
  // Queries are analysed the way the index was, whatever this machine could load.
  std::shared_ptr<SearchConfig> config(
      new SearchConfig(options.db_path, make_query_analyzer(options.db_path, analyzer_config, mode_given, report)));
  config->settings_.bm25 = bm25;
  config->settings_.proximity_weight = options.proximity;
  config->settings_.allow_partial = options.allow_partial;
  config->settings_.count_beside = !options.one_thread;
  config->settings_.synonyms = load_synonyms(options.synonyms_path, config->analyzer_, report);
  return config;
}

std::unique_ptr<Searcher> SearchConfig::open_searcher() const {
  return std::make_unique<Searcher>(db_path_, analyzer_, settings_);
}

}  // namespace sinmun
