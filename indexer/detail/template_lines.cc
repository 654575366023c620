#include "indexer/detail/template_lines.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "corpus/text_utils.h"
#include "schema/schema.h"

namespace sinmun {
namespace {

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Calls `visit(line)` for each '\n'-separated line of `text`, untrimmed.
template <typename Visit>
void for_each_line(std::string_view text, Visit visit) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    visit(text.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace

std::string source_group(std::string_view source) {
  const std::string trimmed = trim(source);
  if (trimmed.empty()) return "";
  return schema::field_term(schema::kSource, trimmed).substr(schema::kSource.size());
}

std::vector<std::string> template_candidate_lines(std::string_view body) {
  std::vector<std::string> lines;
  for_each_line(body, [&](std::string_view raw) {
    std::string line = trim(raw);
    if (line.size() > kTemplateMaxBytes || code_points(line) < kTemplateMinChars) return;
    if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(std::move(line));
  });
  return lines;
}

std::string strip_template_lines(std::string_view body, const std::set<std::string, std::less<>>& lines,
                                 std::vector<std::string>* removed) {
  if (lines.empty()) return std::string(body);
  std::string kept;
  bool any = false;
  for_each_line(body, [&](std::string_view line) {
    if (std::string trimmed = trim(line); lines.count(trimmed)) {
      if (removed && std::find(removed->begin(), removed->end(), trimmed) == removed->end()) {
        removed->push_back(std::move(trimmed));
      }
      any = true;
      return;
    }
    if (!kept.empty()) kept += '\n';
    kept += line;
  });
  return any ? kept : std::string(body);
}

bool LineCounter::add(const std::string& group, const std::vector<std::string>& lines) {
  Group& counted = groups_[group];
  ++counted.articles;
  for (const std::string& line : lines) {
    const auto it = counted.counts.find(line);
    if (it != counted.counts.end()) {
      ++it->second;
      continue;
    }
    if (counted.counts.size() >= capacity_) make_room(counted);
    counted.counts.emplace(line, 1);
  }
  // 20, 40, 80, …: a decision after every doubling keeps the decisions few and early.
  const std::size_t steps = counted.articles / kTemplateMinArticles;
  return counted.articles % kTemplateMinArticles == 0 && (steps & (steps - 1)) == 0;
}

// Drops the least frequent half (at least): every line counted no more often than the median.
void LineCounter::make_room(Group& group) {
  std::vector<std::uint32_t> counts;
  counts.reserve(group.counts.size());
  for (const auto& entry : group.counts) counts.push_back(entry.second);
  const auto middle = counts.begin() + static_cast<std::ptrdiff_t>(counts.size() / 2);
  std::nth_element(counts.begin(), middle, counts.end());
  const std::uint32_t floor = *middle;
  std::erase_if(group.counts, [floor](const auto& entry) { return entry.second <= floor; });
}

std::vector<std::pair<std::string, std::size_t>> LineCounter::frequent(const std::string& group,
                                                                       std::size_t at_least) const {
  std::vector<std::pair<std::string, std::size_t>> out;
  const auto found = groups_.find(group);
  if (found == groups_.end()) return out;
  for (const auto& [line, count] : found->second.counts) {
    if (count >= at_least) out.emplace_back(line, count);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return out;
}

void LineCounter::forget(const std::string& group, const std::string& line) {
  const auto found = groups_.find(group);
  if (found != groups_.end()) found->second.counts.erase(line);
}

std::vector<std::string> LineCounter::groups() const {
  std::vector<std::string> out;
  for (const auto& entry : groups_) out.push_back(entry.first);
  return out;
}

std::string encode_learned_lines(const LearnedLines& learned) {
  nlohmann::ordered_json value = {{"source", learned.source}, {"lines", nlohmann::ordered_json::array()}};
  for (const LearnedLines::Line& line : learned.lines) {
    value["lines"].push_back({{"line", line.text}, {"articles", line.articles}});
  }
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::optional<LearnedLines> decode_learned_lines(std::string_view value) {
  const nlohmann::json parsed = nlohmann::json::parse(value, nullptr, false);
  if (!parsed.is_object() || !parsed.contains("lines") || !parsed["lines"].is_array()) return std::nullopt;
  LearnedLines learned;
  if (parsed.contains("source") && parsed["source"].is_string()) learned.source = parsed["source"];
  for (const nlohmann::json& line : parsed["lines"]) {
    if (!line.is_object() || !line.contains("line") || !line["line"].is_string()) continue;
    LearnedLines::Line entry{line["line"], 0};
    if (line.contains("articles") && line["articles"].is_number_unsigned()) entry.articles = line["articles"];
    learned.lines.push_back(std::move(entry));
  }
  return learned;
}

}  // namespace sinmun
