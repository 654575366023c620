#ifndef SINMUN_SEARCHER_SEARCH_CONFIG_H_
#define SINMUN_SEARCHER_SEARCH_CONFIG_H_

#include <functional>
#include <memory>
#include <string>

#include "analyzers/analyzer.h"
#include "analyzers/dictionary_location.h"
#include "searcher/searcher.h"

namespace sinmun {

// What a user may choose about searching, as given (command-line flags of sinmun-search and
// sinmun-serve alike); empty or unset means the default.
struct SearchConfigOptions {
  std::string db_path;                                 // a database directory or a Xapian stub file
  AnalyzerConfig analyzer;                             // dictionary and user dictionary; mode, if analysis_mode
  std::string analysis_mode;                           // "": the mode the database was indexed with
  std::string synonyms_path;                           // "": $SINMUN_SYNONYMS, else the shipped file; "none"
  std::string bm25;                                    // "K1,B"; "": Bm25Parameters' defaults
  double proximity = QueryOptions{}.proximity_weight;  // the near-words bonus; 0: none
  bool allow_partial = false;                          // answer from the shards that answer
  bool one_thread = false;                             // no counting beside the ranking
};

// `options` with the user dictionary and the synonym file that the database records
// (schema/lexicon_files.h: sinmun-lexicon apply's) where none is given, by option or
// environment. SearchConfig::load applies it; callers that watch the files use it to know
// which ones.
SearchConfigOptions with_recorded_lexicon(SearchConfigOptions options,
                                          const std::function<void(const std::string&)>& report);

// Everything a search depends on besides the request, loaded and validated once, the same
// way for every entry point: the query analyzer (in the mode the database was indexed
// with), the synonyms, BM25 and proximity. Immutable and safe to share across threads; each
// thread makes its own Searcher from it.
class SearchConfig {
 public:
  using Reporter = std::function<void(const std::string&)>;

  // Throws UsageError for a malformed option (bm25, proximity, analysis mode), and the
  // errors of make_analyzer() and load_synonyms() (a named dictionary or synonym file that
  // cannot be read). Notes — no dictionary here, a mode other than the index's, skipped
  // synonym lines — go to `report`.
  static std::shared_ptr<const SearchConfig> load(const SearchConfigOptions& options, const Reporter& report);

  const std::string& db_path() const { return db_path_; }
  const Analyzer& analyzer() const { return analyzer_; }
  const SearchSettings& settings() const { return settings_; }

  // A Searcher over the database with this configuration; it must not outlive this object.
  // Throws like Searcher's constructor.
  std::unique_ptr<Searcher> open_searcher() const;

 private:
  SearchConfig(std::string db_path, Analyzer analyzer) : db_path_(std::move(db_path)), analyzer_(std::move(analyzer)) {}

  std::string db_path_;
  Analyzer analyzer_;
  SearchSettings settings_;
};

// "K1,B" (e.g. "1.2,0.75") → parameters; "" → the defaults. Throws UsageError.
Bm25Parameters parse_bm25(const std::string& text);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_SEARCH_CONFIG_H_
