#include "lexicon/alias_miner.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "lexicon/detail/hangul.h"

namespace sinmun::lexicon {
namespace {

constexpr std::size_t kMaxLatinBytes = 40;

bool all_syllables(std::string_view text) {
  if (text.empty() || text.size() % kSyllableBytes != 0) return false;
  for (std::size_t i = 0; i < text.size(); i += kSyllableBytes) {
    if (!is_syllable_at(text, i)) return false;
  }
  return true;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Words that glosses follow but that name nothing: credits, times, places in a photo.
const std::set<std::string, std::less<>>& credit_words() {
  static const std::set<std::string, std::less<>> words = {
      "사진",   "자료",     "출처",   "제공",     "그래픽",   "영상",     "기자",      "특파원", "편집",
      "뉴스",   "연합뉴스", "뉴스1",  "현지시간", "한국시간", "시간",     "당시",      "가칭",   "예정",
      "오른쪽", "왼쪽",     "가운데", "사진제공", "이하",     "일명",     "약칭",      "영문",   "영어",
      "원제",   "부제",     "별칭",   "캡처",     "화면",     "홈페이지", "인스타그램"};
  return words;
}

// "NVIDIA" → "nvidia"; "" when the text is no Latin alias.
std::string latin_alias(std::string_view text) {
  if (text.empty() || text.size() > kMaxLatinBytes || !is_letter(text.front())) return "";
  std::size_t letters = 0;
  std::string out;
  for (char c : text) {
    if (is_letter(c)) {
      ++letters;
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (is_digit(c) || c == '-' || c == '.' || c == '&') {
      out += c;
    } else {
      return "";  // spaces too: a phrase is no synonym word
    }
  }
  while (!out.empty() && out.back() == '.') out.pop_back();
  return letters >= 2 ? out : "";
}

// True when `abbreviation` could abbreviate `word`: shorter, at least two syllables, the same
// first syllable, and its syllables found in the word in order (한은 of 한국은행).
bool abbreviates(std::string_view abbreviation, std::string_view word) {
  if (!all_syllables(abbreviation) || abbreviation.size() < 2 * kSyllableBytes || abbreviation.size() >= word.size() ||
      abbreviation.substr(0, kSyllableBytes) != word.substr(0, kSyllableBytes)) {
    return false;
  }
  std::size_t at = 0;
  for (std::size_t i = 0; i < abbreviation.size(); i += kSyllableBytes) {
    const std::string_view syllable = abbreviation.substr(i, kSyllableBytes);
    bool found = false;
    while (at + kSyllableBytes <= word.size()) {
      const bool same = word.substr(at, kSyllableBytes) == syllable;
      at += kSyllableBytes;
      if (same) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

}  // namespace

void AliasMiner::add(std::string_view text) {
  for (std::size_t open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1)) {
    std::size_t begin = open;
    while (begin >= kSyllableBytes && is_syllable_at(text, begin - kSyllableBytes)) begin -= kSyllableBytes;
    if (begin == open || (begin > 0 && (is_letter(text[begin - 1]) || is_digit(text[begin - 1])))) continue;
    const std::string_view word = text.substr(begin, open - begin);
    if (word.size() < 2 * kSyllableBytes || credit_words().count(word)) continue;
    const std::size_t close = text.find(')', open + 1);
    if (close == std::string_view::npos || close - open - 1 > kMaxLatinBytes) continue;
    const std::string_view inside = text.substr(open + 1, close - open - 1);
    std::string alias = latin_alias(inside);
    if (alias.empty() && abbreviates(inside, word)) alias = std::string(inside);
    if (alias.empty()) continue;
    Alias& entry = seen_[{std::string(word), alias}];
    if (entry.count++ == 0) {
      entry.word = word;
      entry.alias = alias;
      entry.gloss = std::string(text.substr(begin, close + 1 - begin));
    }
  }
}

std::vector<Alias> AliasMiner::aliases(std::size_t min_count) const {
  // An alias glossing several words belongs to its most frequent one (대표(CEO), 사장(CEO)).
  std::unordered_map<std::string, const Alias*> best_of_alias;
  for (const auto& [key, entry] : seen_) {
    const Alias*& best = best_of_alias[entry.alias];
    if (!best || entry.count > best->count) best = &entry;
  }
  std::vector<Alias> out;
  for (const auto& [alias, entry] : best_of_alias) {
    if (entry->count >= std::max<std::size_t>(min_count, 1)) out.push_back(*entry);
  }
  std::sort(out.begin(), out.end(), [](const Alias& a, const Alias& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.word != b.word ? a.word < b.word : a.alias < b.alias;
  });
  return out;
}

}  // namespace sinmun::lexicon
