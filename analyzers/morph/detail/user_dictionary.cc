#include "analyzers/morph/detail/user_dictionary.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>

#include "analyzers/morph/detail/char_property.h"
#include "analyzers/morph/morpheme.h"

namespace sinmun::morph {
namespace {

constexpr std::uint16_t kProperNounLeftId = 1786;
constexpr std::uint16_t kProperNounRightIdOpen = 3545;    // no final consonant
constexpr std::uint16_t kProperNounRightIdClosed = 3546;  // final consonant
constexpr int kDefaultCostMargin = 1000;

struct Line {
  std::size_t number;
  std::string surface;
  std::string pos;
  std::optional<std::int16_t> cost;
};

// "T" if the last character is a Hangul syllable with a final consonant, "F" for one
// without, "*" for anything else (mecab-ko-dic's third feature field).
std::string final_consonant_flag(std::string_view surface) {
  char32_t last = 0;
  for (std::size_t i = 0; i < surface.size();) {
    const DecodedChar c = decode_utf8(surface.substr(i));
    last = c.code;
    i += c.length;
  }
  if (last < 0xac00 || last > 0xd7a3) return "*";
  return (last - 0xac00) % 28 != 0 ? "T" : "F";
}

bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const DecodedChar c = decode_utf8(text.substr(i));
    if (c.code == 0) return false;
    i += c.length;
  }
  return true;
}

using Ids = std::tuple<std::uint16_t, std::uint16_t, std::uint16_t>;  // left, right, posid
struct IdStats {
  std::size_t count = 0;
  int min_cost = std::numeric_limits<int>::max();
};
// (POS, final-consonant flag) -> context ids seen on plain sys.dic entries.
using PosStats = std::map<std::pair<std::string, std::string>, std::map<Ids, IdStats>>;

// One pass over sys.dic, looking only at the requested POS tags.
PosStats collect_pos_stats(const BinaryDictionary& system, const std::set<std::string, std::less<>>& wanted) {
  PosStats stats;
  for (const DictionaryToken& token : system.tokens()) {
    const std::string_view feature = system.feature(token);
    const std::string_view pos = feature_field(feature, 0);
    if (!wanted.contains(pos) || feature_field(feature, 4) != "*") continue;
    IdStats& s = stats[{std::string(pos), std::string(feature_field(feature, 2))}]
                      [{token.left_id, token.right_id, token.pos_id}];
    ++s.count;
    s.min_cost = std::min(s.min_cost, int{token.cost});
  }
  return stats;
}

std::optional<std::pair<Ids, IdStats>> choose_ids(const PosStats& stats, const std::string& pos,
                                                  const std::string& flag) {
  if (pos == "NNP") {
    const Ids ids{kProperNounLeftId, flag == "T" ? kProperNounRightIdClosed : kProperNounRightIdOpen, std::uint16_t{0}};
    for (const auto& [key, by_ids] : stats) {
      if (key.first != pos) continue;
      for (const auto& [candidate, s] : by_ids) {
        if (std::get<0>(candidate) == std::get<0>(ids) && std::get<1>(candidate) == std::get<1>(ids)) {
          return std::pair{candidate, s};
        }
      }
    }
    return std::nullopt;
  }
  // Prefer entries with the same flag; a non-Hangul surface ("*") falls back to F, then T.
  for (const std::string& f : {flag, std::string("*"), std::string("F"), std::string("T")}) {
    const auto it = stats.find({pos, f});
    if (it == stats.end() || it->second.empty()) continue;
    const auto best = std::max_element(it->second.begin(), it->second.end(),
                                       [](const auto& a, const auto& b) { return a.second.count < b.second.count; });
    return *best;
  }
  return std::nullopt;
}

std::optional<Line> parse_line(std::string_view text, std::size_t number, std::string* error) {
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    const std::size_t tab = text.find('\t', start);
    fields.push_back(text.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  if (fields.size() < 2 || fields.size() > 3) {
    *error = "expected surface<TAB>POS[<TAB>cost], found " + std::to_string(fields.size()) + " field(s)";
    return std::nullopt;
  }
  Line line{number, std::string(fields[0]), std::string(fields[1]), std::nullopt};
  if (line.surface.empty()) {
    *error = "empty surface";
  } else if (line.surface.find_first_of(" ,\"") != std::string::npos) {
    *error = "surface must not contain a space, comma or quote";
  } else if (!valid_utf8(line.surface)) {
    *error = "surface is not valid UTF-8";
  } else if (line.pos.empty()) {
    *error = "empty POS";
  } else if (fields.size() == 3) {
    int cost = 0;
    const auto [end, ec] = std::from_chars(fields[2].data(), fields[2].data() + fields[2].size(), cost);
    if (ec != std::errc() || end != fields[2].data() + fields[2].size() ||
        cost < std::numeric_limits<std::int16_t>::min() || cost > std::numeric_limits<std::int16_t>::max()) {
      *error = "cost '" + std::string(fields[2]) + "' is not an integer in [-32768, 32767]";
    } else {
      line.cost = static_cast<std::int16_t>(cost);
    }
  }
  if (!error->empty()) return std::nullopt;
  return line;
}

}  // namespace

UserDictionary UserDictionary::load(const std::filesystem::path& path, const BinaryDictionary& system,
                                    const Reporter& report, const SystemReader& read_system) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot open user dictionary");
  const auto complain = [&](std::size_t number, const std::string& reason) {
    if (report) report(path.string() + ":" + std::to_string(number) + ": " + reason);
  };

  std::vector<Line> lines;
  std::set<std::string, std::less<>> wanted_pos;
  std::string text;
  for (std::size_t number = 1; std::getline(in, text); ++number) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.find_first_not_of(" \t") == std::string::npos || text.front() == '#') continue;
    std::string error;
    if (auto line = parse_line(text, number, &error)) {
      wanted_pos.insert(line->pos);
      lines.push_back(std::move(*line));
    } else {
      complain(number, error);
    }
  }

  UserDictionary dictionary;
  if (lines.empty()) return dictionary;
  const PosStats stats = collect_pos_stats(system, wanted_pos);
  for (const Line& line : lines) {
    const std::string flag = final_consonant_flag(line.surface);
    const auto chosen = choose_ids(stats, line.pos, flag);
    if (!chosen) {
      complain(line.number, "POS '" + line.pos +
                                "' has no plain entry in sys.dic to copy context ids from "
                                "(use a simple tag such as NNP, NNG, NNB, NR, MAG, XR, SL)");
      continue;
    }
    const auto& [ids, id_stats] = *chosen;
    UserEntry entry;
    entry.surface = line.surface;
    entry.feature = line.pos + ",*," + flag + "," + line.surface + ",*,*,*,*";
    entry.left_id = std::get<0>(ids);
    entry.right_id = std::get<1>(ids);
    entry.pos_id = std::get<2>(ids);
    entry.cost = line.cost.value_or(static_cast<std::int16_t>(
        std::max(id_stats.min_cost - kDefaultCostMargin, int{std::numeric_limits<std::int16_t>::min()})));
    dictionary.entries_.push_back(std::move(entry));
  }

  const auto key = [](const UserEntry& e) {
    return std::tie(e.surface, e.feature, e.cost, e.left_id, e.right_id, e.pos_id);
  };
  std::sort(dictionary.entries_.begin(), dictionary.entries_.end(),
            [&](const UserEntry& a, const UserEntry& b) { return key(a) < key(b); });
  dictionary.entries_.erase(std::unique(dictionary.entries_.begin(), dictionary.entries_.end(),
                                        [&](const UserEntry& a, const UserEntry& b) { return key(a) == key(b); }),
                            dictionary.entries_.end());
  if (read_system) {
    for (UserEntry& entry : dictionary.entries_) {
      std::vector<Morpheme> reading = read_system(entry.surface);
      if (reading.size() == 1 && reading[0].begin == 0 && reading[0].end == entry.surface.size()) continue;
      entry.system_reading = std::move(reading);
    }
  }
  dictionary.build_trie();
  return dictionary;
}

void UserDictionary::build_trie() {
  nodes_.assign(1, TrieNode{});
  for (std::uint32_t e = 0; e < entries_.size(); ++e) {
    std::uint32_t node = 0;
    for (const char c : entries_[e].surface) {
      const auto byte = static_cast<unsigned char>(c);
      auto& children = nodes_[node].children;
      // Surfaces arrive sorted, so a new child always has the largest byte so far.
      if (!children.empty() && children.back().first == byte) {
        node = children.back().second;
      } else {
        const auto child = static_cast<std::uint32_t>(nodes_.size());
        children.emplace_back(byte, child);
        nodes_.push_back(TrieNode{});
        node = child;
      }
    }
    if (nodes_[node].last_entry == 0) nodes_[node].first_entry = e;
    nodes_[node].last_entry = e + 1;
  }
}

}  // namespace sinmun::morph
