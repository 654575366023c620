#include "analyzers/morph/dictionary.h"

#include "analyzers/morph/segmenter.h"

#include <charconv>
#include <fstream>
#include <stdexcept>
#include <string_view>

namespace sinmun::morph {
namespace {

std::string_view trim(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

// Reads `left-space-penalty-factor = posid,cost,posid,cost,...` from dicrc. The first entry
// for a posid wins, as in mecab-ko.
std::vector<int> read_space_penalties(const std::filesystem::path& dicrc) {
  std::ifstream in(dicrc);
  if (!in) throw std::runtime_error(dicrc.string() + ": cannot open");
  std::vector<int> penalties;
  std::vector<bool> seen;
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t equals = line.find('=');
    if (equals == std::string::npos || trim(std::string_view(line).substr(0, equals)) != "left-space-penalty-factor") {
      continue;
    }
    std::vector<int> values;
    std::string_view rest = trim(std::string_view(line).substr(equals + 1));
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      const std::string_view item = trim(rest.substr(0, comma));
      int value = 0;
      const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
      if (ec != std::errc() || end != item.data() + item.size()) {
        throw std::runtime_error(dicrc.string() + ": left-space-penalty-factor: '" + std::string(item) +
                                 "' is not an integer");
      }
      values.push_back(value);
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    if (values.size() % 2 != 0) {
      throw std::runtime_error(dicrc.string() + ": left-space-penalty-factor needs posid,cost pairs");
    }
    for (std::size_t i = 0; i < values.size(); i += 2) {
      if (values[i] < 0 || values[i] > 0xffff) {
        throw std::runtime_error(dicrc.string() + ": left-space-penalty-factor: posid " + std::to_string(values[i]) +
                                 " out of range");
      }
      const auto pos_id = static_cast<std::size_t>(values[i]);
      if (pos_id >= penalties.size()) {
        penalties.resize(pos_id + 1, 0);
        seen.resize(pos_id + 1, false);
      }
      if (!seen[pos_id]) penalties[pos_id] = values[i + 1];
      seen[pos_id] = true;
    }
  }
  return penalties;
}

}  // namespace

std::shared_ptr<const Dictionary> Dictionary::open(const std::filesystem::path& dir, const Options& options,
                                                   const Reporter& report) {
  if (!std::filesystem::is_directory(dir)) {
    throw std::runtime_error(dir.string() + ": dictionary directory not found (run scripts/fetch-dictionary.sh)");
  }
  std::shared_ptr<Dictionary> dictionary(new Dictionary(dir));
  if (!options.user_dictionary.empty()) {
    // Read while user_ is still empty, so the segmenter sees the system dictionary alone.
    Segmenter system_only(dictionary);
    dictionary->user_ = UserDictionary::load(options.user_dictionary, dictionary->system_, report,
                                             [&](std::string_view surface) { return system_only.segment(surface); });
    dictionary->check_user_context_ids();
  }
  return dictionary;
}

Dictionary::Dictionary(const std::filesystem::path& dir)
    : system_(dir / "sys.dic"),
      unknown_(dir / "unk.dic"),
      chars_(dir / "char.bin"),
      matrix_(dir / "matrix.bin"),
      space_penalties_(read_space_penalties(dir / "dicrc")) {
  for (std::size_t i = 0; i < chars_.category_count(); ++i) {
    const auto templates = unknown_.exact_match(chars_.category_name(i));
    if (templates.empty()) {
      throw std::runtime_error(unknown_.path().string() + ": no unknown-word template for category " +
                               chars_.category_name(i));
    }
    unknown_templates_.push_back(templates);
  }
  check_context_ids();
}

// Checked once here so the segmenter can index matrix.bin without bounds checks.
void Dictionary::check_context_ids() const {
  const auto in_range = [&](std::uint16_t left_id, std::uint16_t right_id) {
    return left_id < matrix_.right_size() && right_id < matrix_.left_size();
  };
  for (const BinaryDictionary* dic : {&system_, &unknown_}) {
    for (const DictionaryToken& token : dic->tokens()) {
      if (!in_range(token.left_id, token.right_id)) {
        throw std::runtime_error(dic->path().string() + ": context id " + std::to_string(token.left_id) + "/" +
                                 std::to_string(token.right_id) + " outside matrix.bin (mismatched files?)");
      }
    }
  }
}

void Dictionary::check_user_context_ids() const {
  for (const UserEntry& entry : user_.entries()) {
    if (entry.left_id >= matrix_.right_size() || entry.right_id >= matrix_.left_size()) {
      throw std::runtime_error("user dictionary entry " + entry.surface + ": context ids outside matrix.bin");
    }
  }
}

}  // namespace sinmun::morph
