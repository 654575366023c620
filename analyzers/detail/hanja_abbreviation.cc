#include "analyzers/detail/hanja_abbreviation.h"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "analyzers/detail/unicode_class.h"

namespace sinmun {
namespace {

// One abbreviation: the word a lone character stands for, and the syllable it becomes in a
// run of abbreviations (empty: it never stands in a run).
struct Abbreviation {
  char32_t hanja;
  std::u32string_view word;
  std::u32string_view in_run;
};

// The abbreviations of Korean news headlines: countries, the parties, institutions, the
// companies' and markets' suffixes (삼성證, 현대車, 국민銀), units, a few prefixes (反, 親,
// 新) and the family names a headline writes for a person already named (尹, 李, 金).
// Not 前 and 對: spelled 전 and 대 they matched more noise than news (dev rss split A, MRR@10
// of the queries holding them: -0.02 and -0.13; all the others together +0.01).
constexpr Abbreviation kAbbreviations[] = {
    {U'中', U"중국", U"중"},   {U'伊', U"이탈리아", U""}, {U'億', U"억", U""},     {U'兆', U"조", U""},
    {U'北', U"북한", U"북"},   {U'南', U"남한", U"남"},   {U'印', U"인도", U"인"}, {U'反', U"반", U""},
    {U'台', U"대만", U"대"},   {U'與', U"여당", U"여"},   {U'大', U"대", U""},     {U'女', U"여성", U""},
    {U'安', U"안", U""},       {U'宋', U"송", U""},       {U'崔', U"최", U""},     {U'州', U"주", U""},
    {U'故', U"고", U""},       {U'文', U"문", U""},       {U'新', U"신", U""},     {U'日', U"일본", U"일"},
    {U'月', U"월", U""},       {U'朴', U"박", U""},       {U'李', U"이", U""},     {U'株', U"주", U""},
    {U'比', U"필리핀", U""},   {U'泰', U"태국", U""},     {U'洪', U"홍", U""},     {U'濠', U"호주", U"호"},
    {U'獨', U"독일", U"독"},   {U'現', U"현", U""},       {U'男', U"남성", U""},   {U'英', U"영국", U"영"},
    {U'親', U"친", U""},       {U'證', U"증권", U""},     {U'警', U"경찰", U"경"}, {U'豪', U"호주", U"호"},
    {U'趙', U"조", U""},       {U'越', U"베트남", U""},   {U'車', U"차", U""},     {U'軍', U"군", U""},
    {U'重', U"중공업", U""},   {U'金', U"김", U""},       {U'銀', U"은행", U""},   {U'野', U"야당", U"야"},
    {U'露', U"러시아", U"러"}, {U'靑', U"청와대", U""},   {U'韓', U"한국", U"한"}, {U'尹', U"윤", U""},
    {U'美', U"미국", U"미"},   {U'臺', U"대만", U"대"},   {U'檢', U"검찰", U"검"}, {U'佛', U"프랑스", U"불"},
    {U'電', U"전자", U""},
};

// Written in a readable order above; looked up through this sorted copy.
struct SortedAbbreviations {
  Abbreviation entries[std::size(kAbbreviations)];
  constexpr SortedAbbreviations() : entries{} {
    std::copy(std::begin(kAbbreviations), std::end(kAbbreviations), std::begin(entries));
    std::sort(std::begin(entries), std::end(entries),
              [](const Abbreviation& a, const Abbreviation& b) { return a.hanja < b.hanja; });
  }
};
constexpr SortedAbbreviations kSorted;

const Abbreviation* find(char32_t c) {
  const auto* it = std::lower_bound(std::begin(kSorted.entries), std::end(kSorted.entries), c,
                                    [](const Abbreviation& a, char32_t key) { return a.hanja < key; });
  return it != std::end(kSorted.entries) && it->hanja == c ? it : nullptr;
}

// 15日 is the 15th, 3月 March: after a digit the calendar reading wins.
std::u32string_view calendar_reading(char32_t c) {
  if (c == U'日') return U"일";
  if (c == U'月') return U"월";
  return {};
}

void write(std::u32string_view hangul, const NormalizedChar& from, std::vector<NormalizedChar>& out) {
  for (char32_t c : hangul) out.push_back({c, from.start, from.end});
}

}  // namespace

void expand_hanja_abbreviations(std::vector<NormalizedChar>& text) {
  if (std::none_of(text.begin(), text.end(), [](const NormalizedChar& c) { return find(c.code_point) != nullptr; })) {
    return;  // nearly every text: no copy
  }
  std::vector<NormalizedChar> out;
  out.reserve(text.size() + 8);
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_han(text[i].code_point)) {
      out.push_back(text[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_han(text[end].code_point)) ++end;
    const bool next_to_kana =
        (i > 0 && is_kana(text[i - 1].code_point)) || (end < text.size() && is_kana(text[end].code_point));
    const bool after_digit = i > 0 && is_digit(text[i - 1].code_point);
    if (next_to_kana) {
      out.insert(out.end(), text.begin() + static_cast<std::ptrdiff_t>(i),
                 text.begin() + static_cast<std::ptrdiff_t>(end));
    } else if (end - i == 1) {
      const Abbreviation* abbreviation = find(text[i].code_point);
      const std::u32string_view calendar = after_digit ? calendar_reading(text[i].code_point) : std::u32string_view{};
      if (!calendar.empty()) {
        write(calendar, text[i], out);
      } else if (abbreviation != nullptr) {
        write(abbreviation->word, text[i], out);
      } else {
        out.push_back(text[i]);
      }
    } else {
      const bool all_in_runs =
          std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i), text.begin() + static_cast<std::ptrdiff_t>(end),
                      [](const NormalizedChar& c) {
                        const Abbreviation* a = find(c.code_point);
                        return a != nullptr && !a->in_run.empty();
                      });
      for (std::size_t k = i; k < end; ++k) {
        if (all_in_runs) {
          write(find(text[k].code_point)->in_run, text[k], out);
        } else {
          out.push_back(text[k]);
        }
      }
    }
    i = end;
  }
  text = std::move(out);
}

}  // namespace sinmun
