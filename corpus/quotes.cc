#include "corpus/quotes.h"

#include <algorithm>
#include <array>

#include "base/text.h"

namespace sinmun {
namespace {

constexpr std::string_view kOpen = "“";
constexpr std::string_view kClose = "”";
// How far before a quotation its speaker is looked for: a long sentence's subject, and no
// more, so that the look-back stays bounded however long the paragraph.
constexpr std::size_t kMaxLookBackBytes = 600;
// Words of a name and title before the word that carries the particle (김하늘 산업부 장관은).
constexpr std::size_t kMaxNameWords = 4;
// A transcript label <이름 / 직함> is short.
constexpr std::size_t kMaxLabelBytes = 120;

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// A precomposed Hangul syllable (가-힣) at the start of `text`: 3 bytes EA B0 80 .. ED 9E A3.
bool hangul_at(std::string_view text) {
  if (text.size() < 3) return false;
  const auto b0 = static_cast<unsigned char>(text[0]);
  const auto b1 = static_cast<unsigned char>(text[1]);
  if (b0 < 0xEA || b0 > 0xED) return false;
  if (b0 == 0xEA) return b1 >= 0xB0;
  if (b0 == 0xED) return b1 < 0x9E || (b1 == 0x9E && static_cast<unsigned char>(text[2]) <= 0xA3);
  return true;
}

bool ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Hangul syllables, Latin letters, digits and the middle dot of names (홍길동·김철수): a word
// that can be part of a name or a title.
bool is_name_like(std::string_view word) {
  if (word.empty()) return false;
  for (std::size_t i = 0; i < word.size();) {
    if (ascii_alnum(word[i])) {
      ++i;
    } else if (hangul_at(word.substr(i))) {
      i += 3;
    } else if (word.substr(i, 2) == "·") {
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

// The last Hangul syllable of a word, or "".
std::string_view last_syllable(std::string_view word) {
  if (word.size() < 3 || !hangul_at(word.substr(word.size() - 3))) return {};
  return word.substr(word.size() - 3);
}

// Endings of a topic-marked word that make it no noun phrase: adnominal verbs and
// adjectives (있는, 많은), particles stacked before 은/는 (회의에서는, 정부로서는), and
// connectives.
constexpr std::array<std::string_view, 49> kNotNounTopicEndings = {
    "가는",   "하는",   "되는",   "있는",   "없는",   "않는", "다는", "라는", "같은", "많은", "작은", "높은", "낮은",
    "좋은",   "받은",   "넓은",   "깊은",   "젊은",   "늦은", "짧은", "적은", "싶은", "오는", "보는", "주는", "내는",
    "겠는",   "었는",   "았는",   "였는",   "쓰는",   "두는", "는데", "에는", "서는", "로는", "와는", "과는", "지는",
    "부터는", "보다는", "에게는", "한테는", "까지는", "만은", "고는", "이는", "나는", "면은"};

// Words that are topics of time or discourse, never speakers (이날은, 현재는), and
// demonstratives.
constexpr std::array<std::string_view, 24> kNotSpeakerStems = {
    "이날",   "오늘", "내일", "어제", "현재", "당시", "이번", "최근", "지금", "앞서", "그동안", "올해",
    "지난해", "이후", "한편", "특히", "이어", "그간", "향후", "결국", "이것", "그것", "이",     "저"};

constexpr std::array<std::string_view, 6> kPronouns = {"그", "그녀", "그들", "이들", "그분", "그녀들"};

// Endings of a word that is no bare noun of a name run: particles and verb endings (the word
// before a name is then a clause of its own: 국회에서, 대해, 따르면). Not 서, 지, 라, 나, 한 alone:
// names end so (민서, 수지, 소라, 유나, 북한); nor 과, 와: titles do (감염내과 교수).
// clang-format off
constexpr std::array<std::string_view, 44> kNotBareNounEndings = {
    "의", "을", "를", "에", "에서", "로", "도", "만", "고", "며", "다",
    "면", "게", "은", "는", "이", "가", "된", "할", "던", "해", "난", "면서",
    "까지", "부터", "에게", "처럼", "보다", "하자", "지자", "되자", "나자", "오자", "르자", "리자", "치자",
    "위한", "대한", "관한", "통한", "의한", "인한", "향한", "포함한"};

constexpr std::array<std::string_view, 28> kNotNameWords = {
    "지난", "최근", "이날", "앞서", "또", "및", "등", "이번", "당시", "한편", "특히", "이어", "뒤", "후",
    "때", "직후", "이후", "관련", "대해", "가운데", "그러나", "하지만", "그런데", "또한", "다만", "반면",
    "이에", "실제로"};
// clang-format on

// One syllable right before the title is a surname (이 대통령은, 한 교수는), not these.
constexpr std::array<std::string_view, 8> kNotSurnames = {"그", "저", "또", "및", "등", "각", "첫", "온"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

template <std::size_t N>
bool ends_with_any(std::string_view word, const std::array<std::string_view, N>& endings) {
  return std::any_of(endings.begin(), endings.end(), [&](std::string_view e) { return ends_with(word, e); });
}

// A word of the look-back with trailing commas taken off.
std::string_view clean_word(std::string_view word) {
  while (!word.empty() && word.back() == ',') word.remove_suffix(1);
  return word;
}

// Surnames, for telling a three-syllable name ending in 은 (김정은) from a topic.
constexpr std::array<std::string_view, 40> kSurnames = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임",
                                                        "한", "오", "서", "신", "권", "황", "안", "송", "류", "전",
                                                        "홍", "고", "문", "양", "손", "배", "백", "허", "유", "남",
                                                        "심", "노", "하", "곽", "성", "차", "주", "우", "구", "민"};

// A three-syllable name ending in 은 (김정은, 한지은): a surname, then two syllables.
bool is_name_ending_in_eun(std::string_view word) {
  return word.size() == 9 && ends_with(word, "은") && hangul_at(word) && in(kSurnames, word.substr(0, 3));
}

bool is_bare_noun(std::string_view word) {
  if (!is_name_like(word) || (word[0] >= '0' && word[0] <= '9') || in(kNotNameWords, word)) return false;
  if (is_name_ending_in_eun(word)) return true;
  return !ends_with_any(word, kNotBareNounEndings);
}

// The stem of a word marked with one of `particles` ("장관은" → "장관"), or "".
std::string_view marked_stem(std::string_view word, std::string_view a, std::string_view b) {
  if (!is_name_like(word)) return {};
  const std::string_view last = last_syllable(word);
  if (last != a && last != b) return {};
  return word.substr(0, word.size() - last.size());
}

// "topic", "subject", or nothing for a word of the look-back.
enum class Role { kNone, kTopic, kSubject, kPronoun };

// True when the Hangul syllable `syllable` (3 bytes) ends in a consonant (batchim).
bool has_final_consonant(std::string_view syllable) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(syllable[i])); };
  const unsigned code = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  return (code - 0xAC00) % 28 != 0;
}

// The particles follow the noun's sound: 은/이 after a final consonant, 는/가 after a vowel.
// "묶는", "먹는" (는 after a consonant) are verbs, never a noun and its particle.
bool particle_fits(std::string_view word, std::string_view stem) {
  const std::string_view last = last_syllable(stem);
  if (last.empty()) return true;  // FT는: a Latin word takes either
  const std::string_view particle = word.substr(stem.size());
  const bool after_consonant = particle == "은" || particle == "이";
  return has_final_consonant(last) == after_consonant;
}

Role role_of(std::string_view word) {
  if (const std::string_view stem = marked_stem(word, "은", "는"); !stem.empty()) {
    if (!particle_fits(word, stem)) return Role::kNone;
    if (in(kPronouns, stem)) return Role::kPronoun;
    if (ends_with_any(word, kNotNounTopicEndings) || in(kNotSpeakerStems, stem)) return Role::kNone;
    return Role::kTopic;
  }
  if (const std::string_view stem = marked_stem(word, "이", "가"); !stem.empty()) {
    if (!particle_fits(word, stem)) return Role::kNone;
    if (in(kPronouns, stem) || stem == "그녀") return Role::kPronoun;
    // 같이, 많이, 깊이 are adverbs; a one-syllable stem is rarely a speaker (국가 → 국+가).
    if (stem.size() < 6 || in(kNotSpeakerStems, stem)) return Role::kNone;
    return Role::kSubject;
  }
  return Role::kNone;
}

// The words of the look-back; a word inside brackets or single quotes ("(No Kings·왕은
// 없다)") is "(": an aside, and it breaks a name run.
std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  int depth = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    const std::size_t start = i;
    const int depth_before = depth;
    while (i < text.size() && !is_space(text[i])) {
      const std::string_view rest = text.substr(i);
      if (rest[0] == '(' || starts_with(rest, "‘")) ++depth;
      if ((rest[0] == ')' || starts_with(rest, "’")) && depth > 0) --depth;
      ++i;
    }
    if (i > start) words.push_back(depth_before > 0 ? std::string_view("(") : text.substr(start, i - start));
  }
  return words;
}

// "김정은 북한 국무위원장이": a name ending in 은 with its title after it, not a topic.
bool is_name_before_title(const std::vector<std::string_view>& words, std::size_t k) {
  const std::string_view word = clean_word(words[k]);
  if (!is_name_ending_in_eun(word) || k + 1 == words.size()) return false;
  const std::string_view next = clean_word(words[k + 1]);
  return is_name_like(next) && !(next[0] >= '0' && next[0] <= '9') && !in(kNotNameWords, next) &&
         role_of(next) == Role::kNone;
}

// The name run ending with the marked word at `k`: up to kMaxNameWords bare nouns before it,
// and its stem.
std::string name_run(const std::vector<std::string_view>& words, std::size_t k, std::string_view stem) {
  std::size_t first = k;
  while (first > 0 && k - first < kMaxNameWords && is_bare_noun(clean_word(words[first - 1]))) --first;
  if (first == k && k > 0) {
    const std::string_view before = words[k - 1];
    if (before.size() == 3 && hangul_at(before) && !in(kNotSurnames, before)) --first;
  }
  std::string speaker;
  for (std::size_t i = first; i < k; ++i) speaker.append(clean_word(words[i])).append(" ");
  return speaker.append(stem);
}

// What the look-back text before a quotation says of its speaker.
struct SpeakerFound {
  bool pronoun = false;  // "그는": the previous speaker
  std::string name;      // a speaker named here
  bool cited = false;    // "…에 따르면": a source is cited, not the previous speaker
};

// Bound nouns that an adnominal verb form modifies ("규제를 내놓은 데 대해", "만난 뒤"): the
// word before them is a verb, not a topic.
constexpr std::array<std::string_view, 12> kBoundNouns = {"데",   "데에", "것", "뒤", "뒤에", "후",
                                                          "후에", "바",   "때", "적", "만큼", "가운데"};

bool before_bound_noun(const std::vector<std::string_view>& words, std::size_t k) {
  return k + 1 < words.size() && in(kBoundNouns, clean_word(words[k + 1]));
}

SpeakerFound speaker_in(std::string_view clause) {
  const std::vector<std::string_view> words = split_words(clause);
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string_view word = clean_word(words[k]);
    const Role role = role_of(word);
    if (role == Role::kTopic && (is_name_before_title(words, k) || before_bound_noun(words, k))) continue;
    if (role == Role::kTopic) return {false, name_run(words, k, marked_stem(word, "은", "는"))};
    if (role == Role::kPronoun) return {true, ""};
  }
  // No topic: the sentence's subject (관계자가 “…”, 김하늘 장관이 27일 “…”).
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string_view word = clean_word(words[k]);
    if (role_of(word) == Role::kSubject) return {false, name_run(words, k, marked_stem(word, "이", "가"))};
  }
  const bool cited = std::any_of(words.begin(), words.end(), [](std::string_view w) { return ends_with(w, "따르면"); });
  return {false, "", cited};
}

// "<홍길동 / 한빛대 교수>" right before a quotation → "홍길동 한빛대 교수"; "" otherwise.
std::string transcript_label(std::string_view before) {
  before = trim(before);
  if (before.empty() || before.back() != '>') return "";
  const std::size_t open = before.rfind('<');
  if (open == std::string_view::npos || before.size() - open > kMaxLabelBytes) return "";
  const std::string_view inside = before.substr(open + 1, before.size() - open - 2);
  const std::size_t slash = inside.find('/');
  if (slash == std::string_view::npos) return "";
  const std::string_view name = trim(inside.substr(0, slash));
  const std::string_view title = trim(inside.substr(slash + 1));
  if (name.empty() || !is_name_like(name)) return "";
  return title.empty() ? std::string(name) : std::string(name) + " " + std::string(title);
}

// The words after 라는 that make a quotation reported speech (“…”라는 입장을 밝혔다).
constexpr std::array<std::string_view, 12> kStanceNouns = {"입장", "뜻",   "말",   "취지", "의견", "메시지",
                                                           "주장", "지적", "반응", "설명", "답",   "견해"};

// Quotative endings glued to the closing mark, longest first.
constexpr std::array<std::string_view, 9> kQuotatives = {"이라면서", "라면서", "이라고", "이라며", "라고",
                                                         "라며",     "면서",   "고",     "며"};

bool is_reported(std::string_view after) {
  for (std::string_view q : kQuotatives) {
    if (starts_with(after, q)) return true;
  }
  for (std::string_view q : {std::string_view("이라는 "), std::string_view("라는 ")}) {
    if (!starts_with(after, q)) continue;
    const std::string_view next = after.substr(q.size());
    return std::any_of(kStanceNouns.begin(), kStanceNouns.end(),
                       [&](std::string_view n) { return starts_with(next, n); });
  }
  return false;
}

struct Span {
  std::size_t open = 0;        // the opening mark
  std::size_t text_start = 0;  // after it
  std::size_t text_end = 0;    // the closing mark
  std::size_t after = 0;       // after the closing mark
};

// The quotation marks of the paragraph [begin, end): each opening mark paired with its
// closing one, curly quotes nesting (“…“…”…”); a quotation that never closes is passed over
// at its opening mark only, so that the quotations inside it are still found.
std::vector<Span> find_spans(std::string_view body, std::size_t begin, std::size_t end) {
  std::vector<Span> spans;
  std::size_t i = begin;
  while (i < end) {
    const bool curly = body.compare(i, kOpen.size(), kOpen) == 0;
    if (!curly && body[i] != '"') {
      i += utf8_sequence_length(static_cast<unsigned char>(body[i]));
      continue;
    }
    const std::size_t text_start = i + (curly ? kOpen.size() : 1);
    std::size_t j = text_start;
    std::size_t depth = 1;
    while (j < end && j - text_start <= kMaxQuoteBytes) {
      if (curly && body.compare(j, kOpen.size(), kOpen) == 0) {
        ++depth;
      } else if (body[j] == '"' || body.compare(j, kClose.size(), kClose) == 0) {
        // A plain mark always closes (plain quotes cannot nest); a curly one closes its level.
        if (body[j] == '"' || --depth == 0) break;
      }
      j += utf8_sequence_length(static_cast<unsigned char>(body[j]));
    }
    if (j >= end || j - text_start > kMaxQuoteBytes) {
      i = text_start;  // unbalanced: what follows may still hold quotations
      continue;
    }
    const std::size_t after = j + (body[j] == '"' ? 1 : kClose.size());
    spans.push_back({i, text_start, j, after});
    i = after;
  }
  return spans;
}

// The start of the sentence holding `pos`, no earlier than `lower`: after the last '.', '?'
// or '!' followed by a space.
std::size_t sentence_start(std::string_view body, std::size_t lower, std::size_t pos) {
  for (std::size_t p = pos; p > lower; --p) {
    const char c = body[p - 1];
    if ((c == '.' || c == '?' || c == '!') && p < body.size() && is_space(body[p])) return p;
  }
  return lower;
}

// Moves `pos` forward to the start of a UTF-8 character.
std::size_t char_boundary(std::string_view body, std::size_t pos) {
  while (pos < body.size() && (static_cast<unsigned char>(body[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

}  // namespace

std::vector<Quote> extract_quotes(std::string_view body) {
  std::vector<Quote> quotes;
  std::string last_speaker;
  std::size_t begin = 0;
  while (begin < body.size()) {
    std::size_t end = body.find('\n', begin);
    if (end == std::string_view::npos) end = body.size();
    const std::vector<Span> spans = find_spans(body, begin, end);
    // A quotation continued by another after a space ("“…” “…”라고") is reported if that is.
    std::vector<bool> reported(spans.size(), false);
    for (std::size_t s = spans.size(); s-- > 0;) {
      const std::string_view after = body.substr(spans[s].after, std::min<std::size_t>(40, end - spans[s].after));
      reported[s] = is_reported(after);
      if (!reported[s] && s + 1 < spans.size() &&
          trim(body.substr(spans[s].after, spans[s + 1].open - spans[s].after)).empty()) {
        reported[s] = reported[s + 1];
      }
    }
    std::size_t previous_after = begin;
    for (std::size_t s = 0; s < spans.size(); ++s) {
      const Span& span = spans[s];
      const std::string_view raw = body.substr(span.text_start, span.text_end - span.text_start);
      const std::string_view text = trim(raw);
      const std::size_t leading = text.empty() ? 0 : static_cast<std::size_t>(text.data() - raw.data());
      const std::size_t floor =
          std::max(previous_after,
                   span.open > kMaxLookBackBytes ? char_boundary(body, span.open - kMaxLookBackBytes) : std::size_t{0});
      previous_after = span.after;
      std::string speaker = transcript_label(body.substr(begin, span.open - begin));
      const bool labelled = !speaker.empty();
      if (text.size() < 2) continue;
      if (!reported[s] && !labelled && std::count(text.begin(), text.end(), ' ') < 2) continue;
      if (reported[s] && !labelled) {
        const std::size_t from = sentence_start(body, floor, span.open);
        const SpeakerFound found = speaker_in(body.substr(from, span.open - from));
        speaker = found.cited ? "" : found.pronoun || found.name.empty() ? last_speaker : found.name;
      }
      if (!speaker.empty()) last_speaker = speaker;
      const std::size_t start = span.text_start + leading;
      quotes.push_back({std::string(text), std::move(speaker), start, start + text.size()});
    }
    begin = end + 1;
  }
  return quotes;
}

}  // namespace sinmun
