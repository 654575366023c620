#include "searcher/synonyms.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "resources/data_files.h"

namespace sinmun {

std::string Synonyms::key_of(const std::vector<Token>& tokens) {
  const bool has_morphemes =
      std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.kind == TokenKind::kMorpheme; });
  std::string key;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.role == TokenRole::kPart) continue;  // its compound is in the key
    if (token.kind != TokenKind::kNgram) {
      key += token.term;
    } else if (!has_morphemes) {
      // A piece's bigrams overlap by one syllable: the first whole, then each one's second.
      const bool first_of_piece =
          i == 0 || tokens[i - 1].kind != TokenKind::kNgram || tokens[i - 1].piece != token.piece;
      std::size_t second = 0;
      if (!first_of_piece) {
        second = 1;
        while (second < token.term.size() && (static_cast<unsigned char>(token.term[second]) & 0xC0) == 0x80) ++second;
      }
      key += token.term.substr(second);
    }
  }
  return key;
}

Synonyms Synonyms::load(const std::filesystem::path& path, const Analyzer& analyzer, const Reporter& report) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path.string() + ": cannot read the synonym file");
  Synonyms synonyms;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::vector<std::string> group;
    for (std::string word; words >> word;) group.push_back(word);
    if (group.size() < 2) {
      if (!group.empty() && report) {
        report(path.string() + ":" + std::to_string(line_number) + ": a group needs two words or more; skipped");
      }
      continue;
    }
    // Merge with every group that already holds one of these words.
    std::vector<std::string> merged = group;
    std::vector<std::size_t> absorbed;
    for (const std::string& word : group) {
      const auto it = synonyms.group_of_key_.find(key_of(analyzer.analyze(word)));
      if (it != synonyms.group_of_key_.end() &&
          std::find(absorbed.begin(), absorbed.end(), it->second) == absorbed.end()) {
        absorbed.push_back(it->second);
        for (const std::string& other : synonyms.groups_[it->second]) merged.push_back(other);
      }
    }
    std::sort(merged.begin(), merged.end());
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    const std::size_t index = absorbed.empty() ? synonyms.groups_.size() : absorbed.front();
    if (absorbed.empty()) synonyms.groups_.emplace_back();
    for (std::size_t other : absorbed) {
      if (other != index) synonyms.groups_[other].clear();
    }
    synonyms.groups_[index] = merged;
    for (const std::string& word : merged) synonyms.group_of_key_[key_of(analyzer.analyze(word))] = index;
  }
  return synonyms;
}

std::shared_ptr<const Synonyms> load_synonyms(const std::string& path, const Analyzer& analyzer,
                                              const Synonyms::Reporter& report) {
  std::string chosen = path;
  if (chosen.empty()) {
    const char* env = std::getenv("SINMUN_SYNONYMS");
    chosen = env && *env ? env : data_file_path(DataFile::kSynonyms).string();
  }
  if (chosen == "none") return nullptr;
  return std::make_shared<const Synonyms>(Synonyms::load(chosen, analyzer, report));
}

const std::vector<std::string>* Synonyms::group_of(const std::string& key) const {
  const auto it = group_of_key_.find(key);
  return it == group_of_key_.end() ? nullptr : &groups_[it->second];
}

}  // namespace sinmun
