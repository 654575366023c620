#include "corpus/boilerplate.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "corpus/text_utils.h"

namespace sinmun {
namespace {

enum class Test {
  kContainsAll,          // every word occurs somewhere in the line
  kContainsAny,          // some word occurs in the line
  kStartsWithAny,        // the line starts with one of the words
  kStartsAndContains,    // starts with one of `words` and contains one of `also`
  kOnlyWords,            // every token is one of the words
  kOnlyWordsAndNumbers,  // every token is a word or a number/date/time; at least one word
  kSlashCredit,          // ends with "/Name": a photo caption credit such as "… /연합뉴스"
  kDateLine,             // nothing but a date stamp: "2025년 12월 3일", "2025. 12. 3."
};

struct Rule {
  std::string_view name;
  Test test;
  std::vector<std::string_view> words;
  std::vector<std::string_view> also;
  std::size_t max_bytes;  // longer lines are prose and never match
};

// The one list of boilerplate rules. Matching is on whole lines; the byte limits keep a
// sentence that merely mentions a word (a story about copyright) from being dropped.
// One rule a row, each with the lines it is for.
// clang-format off
const std::vector<Rule>& rules() {
  static const std::vector<Rule> kRules = {
      // "ⓒ 한빛일보 무단 전재 및 재배포 금지", "<저작권자 © 무단전재-재배포 금지>".
      {"copyright", Test::kContainsAll, {"무단", "전재", "금지"}, {}, 300},
      // "무단 복제·배포 금지" without 전재.
      {"copyright", Test::kContainsAll, {"무단", "배포", "금지"}, {}, 300},
      // A short line carrying the copyright sign is a footer, never a sentence.
      {"copyright", Test::kContainsAny, {"ⓒ", "©"}, {}, 200},
      // "Copyright 2025 Hanbit. All rights reserved."
      {"copyright", Test::kContainsAny, {"Copyright", "COPYRIGHT", "All rights reserved", "All Rights Reserved"}, {}, 300},
      // The 2024+ notice "무단전재 및 재배포, AI 학습 및 활용 금지", also printed alone.
      {"ai-training-ban", Test::kContainsAll, {"AI", "학습", "금지"}, {}, 300},
      // "기사문의 및 제보: tip@example.com", "제보는 카카오톡 okjebo".
      {"tip-off", Test::kContainsAny, {"기사문의", "기사 문의", "기사제보", "뉴스제보", "제보하기"}, {}, 200},
      {"tip-off", Test::kContainsAll, {"제보", "카카오톡"}, {}, 200},
      // Tip-line slogans and handles: "당신의 제보가 뉴스가 됩니다", "카카오톡 okjebo".
      {"tip-off", Test::kContainsAny,
       {"순간이 뉴스", "제보가 뉴스", "뉴스가 됩니다", "제보를 기다립니다", "jebo", "Jebo", "JEBO"}, {}, 120},
      // Reaction counters under the text: "좋아요 0", "추천 3 비추천 1", "댓글 12",
      // "좋아요 0 응원해요 0 후속 원해요 0".
      {"reactions", Test::kOnlyWordsAndNumbers,
       {"좋아요", "싫어요", "추천", "비추천", "공감", "비공감", "훈훈해요", "슬퍼요", "화나요", "흥미로워요",
        "후속기사", "후속", "원해요", "응원해요", "추천해요", "감동이에요", "궁금해요", "놀랐어요", "기뻐요",
        "최고예요", "최고에요", "팬이에요", "공감해요", "댓글", "개"}, {}, 200},
      // Ad slot labels left as text.
      {"advertisement", Test::kOnlyWords, {"ADVERTISEMENT", "Advertisement", "advertisement", "AD", "Ad", "광고", "Sponsored"}, {}, 60},
      // Share/subscribe/print toolbars: "공유하기 카카오톡 URL 복사", "구독신청", "글자크기 가 가".
      {"share-toolbar", Test::kOnlyWords,
       {"공유하기", "공유", "구독신청", "구독", "구독하기", "카카오톡", "카카오스토리", "페이스북", "트위터", "X",
        "네이버", "밴드", "네이버밴드", "라인", "URL", "복사", "URL복사", "링크", "링크복사", "주소복사",
        "스크랩", "기사스크랩", "인쇄", "프린트", "기사저장", "저장", "글자크기", "글씨크기", "글자", "크기",
        "가", "+", "-", "닫기", "메일", "이메일", "보내기", "북마크", "기사", "본문", "듣기", "기사듣기",
        "번역", "설정", "Facebook", "Twitter", "Kakao", "Share"}, {}, 200},
      // Navigation leftovers: "관련기사", "이전기사 다음기사", "많이 본 뉴스", "맨 위로".
      {"navigation", Test::kOnlyWords,
       {"관련기사", "관련", "기사", "이전기사", "다음기사", "목록", "많이", "본", "뉴스", "많이본뉴스",
        "맨", "위로", "맨위로", "TOP", "Top", "홈", "HOME", "Home", "전체메뉴", "메뉴", "검색", "로그인",
        "회원가입", "더보기"}, {}, 120},
      // Date stamps from the article header: "입력 2025.12.05 10:31 수정 2025.12.05 11:02",
      // "기사입력 2025.12.05. 오전 9:01", "2025-12-05 오후 3:04".
      {"date-stamp", Test::kOnlyWordsAndNumbers,
       {"입력", "수정", "기사입력", "최종수정", "등록", "승인", "기사승인", "업데이트", "발행", "송고", "게재",
        "입력일", "수정일", "등록일", "작성", "작성일", "오전", "오후", "AM", "PM", "월", "화", "수", "목",
        "금", "토", "일", "KST"}, {}, 200},
      // A line holding only a date: "2025년 12월 3일", "2025. 12. 3.", "2025-12-05T10:31:00+09:00".
      {"date-stamp", Test::kDateLine, {}, {}, 80},
      // Credit lines under photos: "사진=한빛일보 DB", "[사진 제공=다온로보틱스]", "그래픽=홍길동 기자".
      {"photo-credit", Test::kStartsWithAny,
       {"사진=", "사진 =", "사진제공=", "사진 제공=", "사진 제공 =", "[사진", "(사진", "<사진", "그래픽=",
        "[그래픽", "(그래픽", "자료사진"}, {}, 150},
      // Photo captions ending in the agency credit: "… 회의를 주재하고 있다. /연합뉴스".
      {"photo-credit", Test::kSlashCredit, {}, {}, 400},
      // Promotions: "▶ 네이버에서 한빛일보를 구독하세요", "☞ 제보하기".
      {"promotion", Test::kStartsAndContains, {"▶", "▷", "☞", "■", "◆", "→"},
       {"구독", "제보", "바로가기", "클릭", "다운로드", "이벤트", "채널 추가", "앱 설치"}, 200},
  };
  return kRules;
}
// clang-format on

bool is_separator(UChar32 c) {
  return u_isUWhiteSpace(c) || c == '|' || c == '/' || c == ':' || c == ',' || c == '(' || c == ')' || c == '[' ||
         c == ']' || c == '<' || c == '>' || c == 0x00B7 || c == 0x2502 || c == 0xFF5C || c == 0x2022 || c == 0x3161 ||
         c == '*' || c == '\'' || c == '"';
}

std::vector<std::string_view> tokens(std::string_view line) {
  std::vector<std::string_view> out;
  const auto* s = reinterpret_cast<const uint8_t*>(line.data());
  const auto length = static_cast<int32_t>(line.size());
  int32_t i = 0;
  int32_t start = -1;
  while (i < length) {
    const int32_t here = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (is_separator(c)) {
      if (start >= 0)
        out.push_back(line.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(here - start)));
      start = -1;
    } else if (start < 0) {
      start = here;
    }
  }
  if (start >= 0) out.push_back(line.substr(static_cast<std::size_t>(start)));
  return out;
}

// "0", "12", "2025.12.05.", "10:31", "2025-12-05", "2025년", "5일": numbers, dates and times.
bool is_number_like(std::string_view token) {
  for (std::string_view unit : {"년", "월", "일", "시", "분", "초"}) {
    if (token.size() > unit.size() && token.ends_with(unit)) {
      token.remove_suffix(unit.size());
      break;
    }
  }
  if (token.empty() || !std::isdigit(static_cast<unsigned char>(token.front()))) return false;
  return std::all_of(token.begin(), token.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':';
  });
}

bool contains(std::string_view line, std::string_view word) { return line.find(word) != std::string_view::npos; }

bool any_of_words(std::string_view token, const std::vector<std::string_view>& words) {
  return std::find(words.begin(), words.end(), token) != words.end();
}

bool is_slash_credit(std::string_view line) {
  const std::size_t slash = line.rfind('/');
  if (slash == std::string_view::npos || slash == 0) return false;
  const std::string_view name = line.substr(slash + 1);
  if (name.empty() || name.size() > 30 || name.ends_with('.')) return false;
  if (name.find(' ') != std::string_view::npos) return false;
  // The credit follows the caption after a space or its date ("… 2025.12.5/뉴스1"); a slash
  // inside a word is a unit, a pair or a URL ("60km/h", "성우/홍길동", "http://").
  if (line[slash - 1] != ' ') {
    const std::size_t word = line.rfind(' ', slash - 1);
    const std::string_view before = line.substr(word == std::string_view::npos ? 0 : word + 1,
                                                slash - (word == std::string_view::npos ? 0 : word + 1));
    if (date_line(before).empty()) return false;
  }
  // An agency or photographer is a name, not markup or a formula ("</poem>", "n)logQ").
  const bool name_like = std::all_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
  });
  return name_like && std::any_of(name.begin(), name.end(), [](char c) {
           return static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c));
         });
}

bool matches(const Rule& rule, std::string_view line) {
  switch (rule.test) {
    case Test::kContainsAll:
      return std::all_of(rule.words.begin(), rule.words.end(), [&](auto w) { return contains(line, w); });
    case Test::kContainsAny:
      return std::any_of(rule.words.begin(), rule.words.end(), [&](auto w) { return contains(line, w); });
    case Test::kStartsWithAny:
      return std::any_of(rule.words.begin(), rule.words.end(), [&](auto w) { return line.starts_with(w); });
    case Test::kStartsAndContains:
      return std::any_of(rule.words.begin(), rule.words.end(), [&](auto w) { return line.starts_with(w); }) &&
             std::any_of(rule.also.begin(), rule.also.end(), [&](auto w) { return contains(line, w); });
    case Test::kOnlyWords: {
      const auto words = tokens(line);
      return !words.empty() &&
             std::all_of(words.begin(), words.end(), [&](auto t) { return any_of_words(t, rule.words); });
    }
    case Test::kOnlyWordsAndNumbers: {
      const auto words = tokens(line);
      bool any_word = false;
      for (std::string_view t : words) {
        if (any_of_words(t, rule.words)) {
          any_word = true;
        } else if (!is_number_like(t)) {
          return false;
        }
      }
      return any_word;
    }
    case Test::kSlashCredit:
      return is_slash_credit(line);
    case Test::kDateLine:
      return !date_line(line).empty();
  }
  return false;
}

// True for the inside of a bracket that credits a photo or graphic.
bool is_credit(std::string_view inside) {
  const std::string text = trim(inside);
  const bool credit_word = text.starts_with("사진") || text.starts_with("그래픽") || text.starts_with("영상") ||
                           text.starts_with("일러스트");
  return (credit_word && (contains(text, "=") || contains(text, "제공") || contains(text, "출처"))) ||
         text.ends_with("자료사진");
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    if (!out.empty()) out += '\n';
    out += lines[i];
  }
  return out;
}

}  // namespace

std::string_view boilerplate_rule(std::string_view line) {
  const std::string text = trim(line);
  if (text.empty()) return {};
  for (const Rule& rule : rules()) {
    if (text.size() <= rule.max_bytes && matches(rule, text)) return rule.name;
  }
  return {};
}

std::string strip_photo_credits(std::string_view line) {
  std::string out(line);
  static constexpr std::pair<char, char> kBrackets[] = {{'[', ']'}, {'(', ')'}, {'<', '>'}};
  for (const auto& [open, close] : kBrackets) {
    std::size_t at = 0;
    while ((at = out.find(open, at)) != std::string::npos) {
      const std::size_t end = out.find(close, at + 1);
      if (end == std::string::npos || end - at > 120) {
        ++at;
        continue;
      }
      if (is_credit(std::string_view(out).substr(at + 1, end - at - 1))) {
        out.erase(at, end - at + 1);
      } else {
        ++at;
      }
    }
  }
  return trim(tidy_whitespace(out));
}

std::string collapse_repeated_text(std::string_view text) {
  std::vector<std::string> lines;
  for (std::string& line : split_lines(text)) {
    if (!trim(line).empty()) lines.push_back(trim(line));
  }
  const std::size_t n = lines.size();
  std::size_t total = 0;
  for (const std::string& line : lines) total += line.size();
  // Each line as a number, then z[k] = how many lines from k on repeat the lines from the
  // start (the Z-function): "the first k lines are printed again right after" is z[k] >= k,
  // for every k in one linear pass, however repetitive the text.
  std::unordered_map<std::string_view, std::size_t> ids;
  std::vector<std::size_t> seq;
  seq.reserve(n);
  for (const std::string& line : lines) seq.push_back(ids.try_emplace(line, ids.size()).first->second);
  std::vector<std::size_t> z(n, 0);
  for (std::size_t i = 1, left = 0, right = 0; i < n; ++i) {
    if (i < right) z[i] = std::min(right - i, z[i - left]);
    while (i + z[i] < n && seq[z[i]] == seq[i + z[i]]) ++z[i];
    if (i + z[i] > right) {
      left = i;
      right = i + z[i];
    }
  }
  // The longest passage that is immediately printed again; it must be most of the text, so a
  // repeated short line (a refrain, a quoted slogan) is left alone.
  for (std::size_t k = n / 2; k >= 1; --k) {
    if (z[k] < k) continue;
    std::size_t repeated = 0;
    for (std::size_t i = 0; i < k; ++i) repeated += lines[i].size();
    if (repeated * 2 * 10 < total * 7) break;
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(k), lines.begin() + static_cast<std::ptrdiff_t>(2 * k));
    return join_lines(lines, 0, lines.size());
  }
  return std::string(text);
}

std::string clean_article_text(std::string_view text) {
  std::vector<std::string> kept;
  for (const std::string& line : split_lines(text)) {
    std::string stripped = strip_photo_credits(line);
    if (stripped.empty() || !boilerplate_rule(stripped).empty()) continue;
    kept.push_back(std::move(stripped));
  }
  // Every kept line is tidy already (strip_photo_credits), so the joined text is too.
  return collapse_repeated_text(join_lines(kept, 0, kept.size()));
}

bool is_bracket_tag(std::string_view line) {
  static constexpr std::pair<std::string_view, std::string_view> kBrackets[] = {
      {"[", "]"},
      {"<", ">"},
      {"\xE3\x80\x90", "\xE3\x80\x91"} /* 【】 */,
      {"\xE3\x80\x88", "\xE3\x80\x89"} /* 〈〉 */,
      {"\xEF\xBC\xBB", "\xEF\xBC\xBD"} /* ［］ */};
  const std::string text = trim(line);
  for (const auto& [open, close] : kBrackets) {
    if (text.size() <= open.size() + close.size() || !text.starts_with(open) || !text.ends_with(close)) continue;
    const std::string inner =
        trim(std::string_view(text).substr(open.size(), text.size() - open.size() - close.size()));
    return !inner.empty() && inner.size() <= 60 && inner.find(open) == std::string::npos &&
           inner.find(close) == std::string::npos;
  }
  return false;
}

std::string clean_title(std::string_view title) {
  const std::vector<std::string> lines = split_lines(title);
  if (std::none_of(lines.begin(), lines.end(), [](const std::string& l) { return is_bracket_tag(l); })) {
    return trim(title);
  }
  std::string out;
  for (const std::string& line : lines) {
    if (is_bracket_tag(line) || trim(line).empty()) continue;
    if (!out.empty()) out += ' ';
    out += trim(line);
  }
  return out;
}

std::string first_real_line(std::string_view text) {
  for (const std::string& line : split_lines(text)) {
    if (!trim(line).empty() && !is_bracket_tag(line)) return trim(line);
  }
  return "";
}

}  // namespace sinmun
