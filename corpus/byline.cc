#include "corpus/byline.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "corpus/text_utils.h"

namespace sinmun {
namespace {

constexpr std::array<std::string_view, 10> kTitles = {"기자",     "특파원",   "논설위원", "선임기자", "전문기자",
                                                      "객원기자", "인턴기자", "수습기자", "편집위원", "대기자"};

// Words that stand before 기자 without being a name ("취재 기자", "사진 기자").
constexpr std::array<std::string_view, 12> kNotNames = {"취재", "사진", "영상", "담당", "현장", "본지",
                                                        "해당", "외신", "국내", "여러", "다른", "일부"};

bool is_hangul_syllable_at(std::string_view s, std::size_t i) {
  if (i + 3 > s.size()) return false;
  const auto b0 = static_cast<unsigned char>(s[i]);
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  const unsigned code = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
  return (b0 & 0xF0u) == 0xE0u && code >= 0xAC00 && code <= 0xD7A3;
}

// 2–4 Hangul syllables, or several such names joined by '·' (U+00B7) or ','.
bool is_name(std::string_view word) {
  std::size_t syllables = 0;
  std::size_t i = 0;
  bool any = false;
  while (i < word.size()) {
    if (is_hangul_syllable_at(word, i)) {
      ++syllables;
      i += 3;
      continue;
    }
    const bool middle_dot = word.substr(i).starts_with("\xC2\xB7");
    if ((!middle_dot && word[i] != ',') || syllables < 2 || syllables > 4) return false;
    i += middle_dot ? 2 : 1;
    syllables = 0;
    any = true;
  }
  return syllables >= 2 && syllables <= 4 &&
         (any || (std::find(kNotNames.begin(), kNotNames.end(), word) == kNotNames.end() &&
                  std::find(kTitles.begin(), kTitles.end(), word) == kTitles.end()));
}

std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

std::string_view strip(std::string_view word, std::string_view leading, std::string_view trailing) {
  while (!word.empty() && leading.find(word.front()) != std::string_view::npos) word.remove_prefix(1);
  while (!word.empty() && trailing.find(word.back()) != std::string_view::npos) word.remove_suffix(1);
  return word;
}

// The name in "NAME TITLE" at word `i` (the title), or in a glued "NAME기자" word.
std::string name_at(const std::vector<std::string_view>& words, std::size_t i, bool* ends_dateline) {
  const std::string_view raw = words[i];
  const std::string_view word = strip(raw, "[(", "=]),.:");
  *ends_dateline = raw.ends_with("=") || (i + 1 < words.size() && words[i + 1] == "=");
  for (std::string_view title : kTitles) {
    if (word == title && i > 0) {
      const std::string_view name = strip(words[i - 1], "[(", "");
      if (is_name(name)) return std::string(name);
    } else if (word.size() > title.size() && word.ends_with(title)) {
      const std::string_view name = strip(word.substr(0, word.size() - title.size()), "[(", "");
      if (is_name(name)) return std::string(name);
    }
  }
  return "";
}

std::string byline_in_line(std::string_view line) {
  const std::vector<std::string_view> words = words_of(line);
  const bool short_line = line.size() <= 200;
  for (std::size_t i = 0; i < words.size(); ++i) {
    bool dateline = false;
    std::string name = name_at(words, i, &dateline);
    if (name.empty()) continue;
    // In a long line only the agency dateline opening it, "(서울=통신) 홍길동 기자 = …", counts.
    if (short_line || (dateline && i < 6)) return name;
  }
  return "";
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool is_email_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' || c == '+';
}

}  // namespace

std::string byline_author(std::string_view text) {
  const std::vector<std::string_view> lines = lines_of(text);
  // Bylines close Korean articles more often than they open them.
  const std::size_t n = lines.size();
  const std::size_t tail = std::min<std::size_t>(n, 5);
  for (std::size_t k = 0; k < tail; ++k) {
    if (std::string name = byline_in_line(lines[n - 1 - k]); !name.empty()) return name;
  }
  for (std::size_t k = 0; k + tail < n; ++k) {
    if (std::string name = byline_in_line(lines[k]); !name.empty()) return name;
  }
  return "";
}

std::string email_byline(std::string_view text) {
  for (std::string_view line : lines_of(text)) {
    if (line.size() > 200) continue;
    const std::size_t at = line.find('@');
    if (at == std::string_view::npos || at == 0) continue;
    std::size_t begin = at;
    while (begin > 0 && is_email_char(line[begin - 1])) --begin;
    std::size_t end = at + 1;
    while (end < line.size() && is_email_char(line[end])) ++end;
    const std::string_view domain = line.substr(at + 1, end - at - 1);
    if (begin == at || domain.find('.') == std::string_view::npos) continue;
    const std::vector<std::string_view> before = words_of(line.substr(0, begin));
    for (auto it = before.rbegin(); it != before.rend() && it - before.rbegin() < 2; ++it) {
      const std::string_view word = strip(*it, "[(", ")]");
      if (is_name(word)) return std::string(word);
    }
    return std::string(strip(line.substr(begin, end - begin), ".", "."));
  }
  return "";
}

}  // namespace sinmun
