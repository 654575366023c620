#ifndef SINMUN_SEARCHER_SYNONYMS_H_
#define SINMUN_SEARCHER_SYNONYMS_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzers/analyzer.h"

namespace sinmun {

// Groups of equivalent words (엔비디아 nvidia), expanded at query time.
//
// File: one group per line, words separated by tabs or spaces, UTF-8; blank lines and lines
// starting with '#' are ignored. A word is looked up by its analysed form, so 엔비디아가 in
// a query finds the group of 엔비디아. A word in two groups joins them into one (order of
// lines never matters). Immutable after load(); safe to share across threads.
class Synonyms {
 public:
  using Reporter = std::function<void(const std::string&)>;

  Synonyms() = default;  // no groups

  // Throws std::runtime_error if the file cannot be read. A line of fewer than two words
  // is reported as "<path>:<line>: <reason>" and skipped.
  static Synonyms load(const std::filesystem::path& path, const Analyzer& analyzer, const Reporter& report);

  // The words of the group `key` belongs to (itself included), or nullptr.
  const std::vector<std::string>* group_of(const std::string& key) const;

  // The lookup key of a word: its word and morpheme terms (or, without morphemes, its
  // normalised letters) joined.
  static std::string key_of(const std::vector<Token>& tokens);

 private:
  std::vector<std::vector<std::string>> groups_;
  std::unordered_map<std::string, std::size_t> group_of_key_;
};

// The synonyms to search with: `path`, else $SINMUN_SYNONYMS, else the file shipped with
// Sinmun (searcher/data/synonyms.tsv); "none" for none. Throws like Synonyms::load().
std::shared_ptr<const Synonyms> load_synonyms(const std::string& path, const Analyzer& analyzer,
                                              const Synonyms::Reporter& report);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_SYNONYMS_H_
