#include "lexicon/noun_learner.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "base/errors.h"
#include "lexicon/detail/hangul.h"
#include "lexicon/right_parts_data.h"

namespace sinmun::lexicon {
namespace {

constexpr std::size_t kMinSyllables = 2;      // one-syllable "names" are mostly fragments
constexpr std::size_t kMinStemSyllables = 1;  // but one-syllable stems are counted (길 of 길이)
constexpr std::size_t kMaxSyllables = 12;
constexpr double kMinNounRatio = 0.6;
constexpr std::size_t kExampleBytes = 160;

bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Text right after a closing quote or bracket continues the word before it ('…'라면서,
// (가칭)은): it starts no eojeol.
bool after_closing(std::string_view text, std::size_t i) {
  const char c = text[i - 1];
  if (c == ')' || c == ']' || c == '>') return true;
  // An ASCII quote closes when it follows a word, and opens after a space.
  if (c == '\'' || c == '"') return i >= 2 && text[i - 2] != ' ' && text[i - 2] != '\n' && text[i - 2] != '\t';
  for (const std::string_view closing : {"’", "”", "」", "』", "》", "〉", "）"}) {
    if (i >= closing.size() && text.substr(i - closing.size(), closing.size()) == closing) return true;
  }
  return false;
}

// Right parts that nouns take as readily as other words: 하다/되다 forms and 적(인): neither
// for nor against.
bool is_neutral(std::string_view right) {
  static const char* const kNeutral[] = {"하", "했", "한", "할", "해", "함",   "합",   "됐",
                                         "된", "되", "될", "돼", "됨", "시키", "시킨", "적"};
  for (const char* prefix : kNeutral) {
    if (right.starts_with(prefix)) return true;
  }
  return false;
}

struct LeftStats {
  std::uint32_t noun = 0;                                    // R empty or a right part
  std::uint32_t against = 0;                                 // any other R (neutral ones excepted)
  std::map<std::string, std::uint32_t, std::less<>> rights;  // noun occurrences by R ("" alone)
};

using Table = std::unordered_map<std::string, LeftStats>;

// Visits every (L, R) split of every eojeol run of `text`.
template <typename Visit>
void for_each_split(std::string_view text, Visit&& visit) {
  for (std::string_view run : hangul_eojeols(text)) {
    const std::size_t syllables = run.size() / kSyllableBytes;
    for (std::size_t n = kMinStemSyllables; n <= std::min(syllables, kMaxSyllables); ++n) {
      visit(run, run.substr(0, n * kSyllableBytes), run.substr(n * kSyllableBytes));
    }
  }
}

// The noun occurrences of `left` that are not followed by a right part starting with `tail`.
std::uint32_t standalone(const LeftStats& left, std::string_view tail) {
  std::uint32_t n = left.noun;
  for (const auto& [right, count] : left.rights) {
    if (!right.empty() && right.starts_with(tail)) n -= count;
  }
  return n;
}

double entropy(const LeftStats& left) {
  double h = 0;
  for (const auto& [right, count] : left.rights) {
    const double p = static_cast<double>(count) / left.noun;
    h -= p * std::log2(p);
  }
  return h;
}

// What the analyzer makes of `word` alone: whether one morpheme covers it, else where the
// one content morpheme that starts it ends (0 when there are several, or none) and its tags.
struct Reading {
  bool one_word = false;
  bool no_content = false;
  bool verb_last = false;  // the last content morpheme is a verb or adjective (선고+받, 끝+나)
  bool no_noun = true;     // no content morpheme is a noun-like one
  std::size_t stem_end = 0;
  std::string stem_tags;
  std::string text;                // the morphemes (of compounds: their parts) joined by '+'
  std::vector<std::string> parts;  // of a compound over all of it (정상+회담, 튀르+키+예)
  // The single morphemes as written (노란, 봉투, 법), with what follows them in the word when
  // they start it ("" for one that is no morpheme alone: 노란 is 노랗+ㄴ).
  std::vector<std::pair<std::string, std::string>> atoms;
};

// A stem that no noun continues: a verb or adjective (있다, 하지), a pronoun (이들), a bound
// noun or numeral (번째), an adverb.
bool is_non_noun_stem(std::string_view tags) {
  return tags.starts_with("V") || tags.starts_with("E") || tags.starts_with("NP") || tags.starts_with("NNB") ||
         tags.starts_with("NR") || tags.starts_with("MA") || tags.starts_with("MM") || tags.starts_with("J") ||
         tags.starts_with("XR");
}

// Person and plural suffixes: 김씨, 지지자들 are a word and its suffix, never a new word.
bool ends_with_suffix(std::string_view word) {
  for (const char* suffix : {"씨", "들", "님", "측"}) {
    if (word.ends_with(suffix)) return true;
  }
  return false;
}

Reading read_with(const Analyzer& analyzer, const std::string& word) {
  Reading reading;
  std::size_t content = 0;
  std::size_t first_end = 0;
  bool first_at_start = false;
  const std::vector<Token> tokens = analyzer.analyze(word);
  // A user word is one morpheme with the system dictionary's reading as its parts (노란봉투법:
  // 노랗+봉투+법): here it is the one word the dictionary now reads.
  const auto user_word = [](const Token& token) {
    return token.role == TokenRole::kCompound && token.tags.find('+') == std::string::npos;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.kind != TokenKind::kMorpheme) continue;
    if (token.role == TokenRole::kPart && user_word(tokens[token.compound])) continue;
    const TokenRole role = user_word(token) ? TokenRole::kWhole : token.role;
    if (role == TokenRole::kPart || token.tags.find('+') == std::string::npos) {
      reading.atoms.emplace_back(word.substr(token.start, token.end - token.start),
                                 token.start == 0 ? word.substr(token.end) : "");
    } else if (role == TokenRole::kWhole) {
      reading.atoms.emplace_back();  // a word with its ending inside a noun (노란 of 노란봉투법): a mis-split
    }
    if (role == TokenRole::kPart || role == TokenRole::kWhole) {
      if (!reading.text.empty()) reading.text += '+';
      reading.text += token.term;
    }
    if (role == TokenRole::kPart) {
      const Token& whole = tokens[token.compound];
      if (whole.start == 0 && whole.end == word.size()) reading.parts.push_back(token.term);
      continue;
    }
    // A compound over all of it (튀르+키+예) is several morphemes: not one word.
    if (token.start == 0 && token.end == word.size() && role == TokenRole::kWhole &&
        token.tags.find('+') == std::string::npos) {
      reading.one_word = true;
    }
    reading.verb_last = token.tags.starts_with("V");
    if (!is_non_noun_stem(token.tags)) reading.no_noun = false;
    if (content++ == 0) {
      first_at_start = token.start == 0;
      first_end = token.end;
      reading.stem_tags = token.tags;
    }
  }
  reading.no_content = content == 0;
  if (content == 1 && first_at_start) reading.stem_end = first_end;
  return reading;
}

// True when the word is mostly the start of one longer word the dictionary knows (산부인 of
// 산부인과, where 과 looks like a particle).
bool is_part_of_known_word(const Analyzer& analyzer, const std::string& word, const LeftStats& stats) {
  const std::pair<const std::string, std::uint32_t>* top = nullptr;
  for (const auto& entry : stats.rights) {
    if (!entry.first.empty() && (!top || entry.second > top->second)) top = &entry;
  }
  if (!top || top->second * 2 < stats.noun) return false;
  return read_with(analyzer, word + top->first).one_word;
}

std::string example_around(std::string_view text, std::size_t at) {
  std::size_t begin = at;
  while (begin > 0 && text[begin - 1] != '\n' && !(text[begin - 1] == '.' && begin >= 2 && text[begin - 2] != ' ') &&
         at - begin < kExampleBytes) {
    --begin;
  }
  while (begin < at && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) ++begin;
  std::size_t end = at;
  while (end < text.size() && text[end] != '\n' && end - begin < 2 * kExampleBytes) {
    if (text[end] == '.' && (end + 1 == text.size() || text[end + 1] == ' ')) {
      ++end;
      break;
    }
    ++end;
  }
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  std::string out(text.substr(begin, end - begin));
  for (char& c : out) {
    if (c == '\t' || c == '\r' || c == '\n') c = ' ';
  }
  const std::size_t first = out.find_first_not_of(' ');
  return first == std::string::npos ? "" : out.substr(first);
}

}  // namespace

std::set<std::string> parse_right_parts(std::string_view text) {
  std::set<std::string> parts;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    ++line_number;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    for (std::size_t i = 0; i < line.size(); i += kSyllableBytes) {
      if (!is_syllable_at(line, i)) {
        throw DataError("right parts, line " + std::to_string(line_number) + ": not Hangul syllables: '" +
                        std::string(line) + "'");
      }
    }
    parts.emplace(line);
  }
  return parts;
}

const std::set<std::string>& default_right_parts() {
  static const std::set<std::string> parts = parse_right_parts(kRightPartsText);
  return parts;
}

std::vector<std::string_view> hangul_eojeols(std::string_view text) {
  std::vector<std::string_view> runs;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_syllable_at(text, i)) {
      ++i;
      continue;
    }
    const bool glued_before = i > 0 && (is_ascii_alnum(text[i - 1]) || after_closing(text, i));
    const std::size_t begin = i;
    while (i < text.size() && is_syllable_at(text, i)) i += kSyllableBytes;
    const bool glued_after = i < text.size() && is_ascii_alnum(text[i]);
    if (!glued_before && !glued_after) runs.push_back(text.substr(begin, i - begin));
  }
  return runs;
}

std::vector<NounCandidate> learn_nouns(const ForEachText& for_each, const Analyzer& analyzer,
                                       const std::set<std::string>& right_parts, const LearnOptions& options) {
  // Pass 1: the L-R table.
  Table table;
  for_each([&](const LearnText& article) {
    for_each_split(article.text, [&](std::string_view, std::string_view left, std::string_view right) {
      const bool noun = right.empty() || right_parts.count(std::string(right)) > 0;
      if (!noun && is_neutral(right)) return;
      LeftStats& stats = table[std::string(left)];
      if (noun) {
        ++stats.noun;
        ++stats.rights[std::string(right)];
      } else {
        ++stats.against;
      }
    });
  });

  const std::size_t min_count = std::max<std::size_t>(options.min_count, 1);
  const auto noun_count = [&table](std::string_view word) -> const LeftStats* {
    const auto it = table.find(std::string(word));
    return it == table.end() ? nullptr : &it->second;
  };
  // An established word followed by `tail`: the word stands without the tail at least as
  // often as the whole does.
  const auto word_plus = [&](const std::string& whole, std::size_t split, std::uint32_t whole_count) {
    if (split < kMinStemSyllables * kSyllableBytes || split >= whole.size()) return false;
    const LeftStats* stem = noun_count(std::string_view(whole).substr(0, split));
    return stem &&
           standalone(*stem, std::string_view(whole).substr(split)) >= std::max<std::uint32_t>(2, whole_count / 5);
  };

  // A word always written bare (대장동 사건, 볼로디미르 젤렌스키: no particle in the corpus) is a
  // noun as surely as one with two right parts, unless it ends in one (종가는, 바탕으로: a noun
  // always written with the same particle).
  const auto bare_noun = [&](const std::string& word, const LeftStats& stats) {
    if (stats.rights.size() != 1 || !stats.rights.contains("")) return false;
    for (std::size_t split = kSyllableBytes; split < word.size(); split += kSyllableBytes) {
      if (right_parts.count(word.substr(split))) return false;
    }
    return true;
  };
  std::vector<NounCandidate> kept;
  for (const auto& [word, stats] : table) {
    if (word.size() < kMinSyllables * kSyllableBytes || stats.noun < min_count) continue;
    if (stats.rights.size() < 2 && !bare_noun(word, stats)) continue;
    if (ends_with_suffix(word) || word.ends_with("으")) continue;
    const double ratio = static_cast<double>(stats.noun) / (stats.noun + stats.against);
    if (ratio < kMinNounRatio) continue;
    bool plus_particle = false;
    for (std::size_t split = kMinSyllables * kSyllableBytes; split < word.size() && !plus_particle;
         split += kSyllableBytes) {
      if (right_parts.count(word.substr(split))) plus_particle = word_plus(word, split, stats.noun);
    }
    if (plus_particle) continue;
    const Reading reading = read_with(analyzer, word);
    // Without a dictionary (n-gram analysis) there is no reading to judge by: statistics alone.
    const bool read = analyzer.has_morphology();
    if (read && (reading.one_word || reading.no_content || reading.no_noun || reading.verb_last)) continue;
    if (read && reading.stem_end != 0 &&
        (is_non_noun_stem(reading.stem_tags) || is_neutral(std::string_view(word).substr(reading.stem_end)) ||
         word_plus(word, reading.stem_end, stats.noun))) {
      continue;
    }
    if (read && is_part_of_known_word(analyzer, word, stats)) continue;
    // A compound the dictionary spells out of words the corpus uses alone (정상+회담) is
    // indexed whole already; one out of pieces nobody writes alone (튀르+키+예) is not a word.
    if (!reading.parts.empty() && std::all_of(reading.parts.begin(), reading.parts.end(), [&](const std::string& part) {
          const LeftStats* alone = noun_count(part);
          return (part.size() < 2 * kSyllableBytes && &part != &reading.parts.front()) ||
                 (alone && alone->noun >= min_count);
        })) {
      continue;
    }
    NounCandidate candidate;
    candidate.word = word;
    candidate.count = stats.noun;
    candidate.right_parts = stats.rights.size();
    // Split into pieces the corpus never uses alone (튀르+키+예, 대+장동): what the dictionary
    // gets most wrong, and what learning is for, ranks first.
    const auto unused = std::count_if(reading.atoms.begin(), reading.atoms.end(), [&](const auto& atom) {
      const LeftStats* alone = atom.first.empty() ? nullptr : noun_count(atom.first);
      return !alone || (atom.second.empty() ? alone->noun : standalone(*alone, atom.second)) < min_count;
    });
    const double badness =
        reading.atoms.empty() ? 1.0 : static_cast<double>(unused) / static_cast<double>(reading.atoms.size());
    candidate.score = ratio * std::log2(1.0 + stats.noun) * (1.0 + entropy(stats)) * (1.0 + 5.0 * badness);
    candidate.analysis = reading.text;
    kept.push_back(std::move(candidate));
  }

  // Fragments: a prefix of a longer kept word, rarely seen without the rest of it.
  std::sort(kept.begin(), kept.end(), [](const NounCandidate& a, const NounCandidate& b) {
    return a.word.size() != b.word.size() ? a.word.size() > b.word.size() : a.word < b.word;
  });
  std::vector<NounCandidate> whole;
  for (NounCandidate& candidate : kept) {
    bool fragment = false;
    for (const NounCandidate& longer : whole) {
      if (longer.word.size() <= candidate.word.size() || !longer.word.starts_with(candidate.word)) continue;
      const LeftStats& stats = *noun_count(candidate.word);
      const std::uint32_t alone = standalone(stats, std::string_view(longer.word).substr(candidate.word.size()));
      if (alone < std::max<std::size_t>(min_count, longer.count / 4)) fragment = true;
    }
    if (!fragment) whole.push_back(std::move(candidate));
  }
  std::sort(whole.begin(), whole.end(), [](const NounCandidate& a, const NounCandidate& b) {
    return a.score != b.score ? a.score > b.score : a.word < b.word;
  });
  if (options.limit != 0 && whole.size() > options.limit) whole.resize(options.limit);

  // Pass 2: dates, months and an example for the words kept.
  std::unordered_map<std::string, NounCandidate*> by_word;
  for (NounCandidate& candidate : whole) by_word.emplace(candidate.word, &candidate);
  std::unordered_set<std::string> has_example;
  for_each([&](const LearnText& article) {
    for_each_split(article.text, [&](std::string_view run, std::string_view left, std::string_view right) {
      const auto it = by_word.find(std::string(left));
      if (it == by_word.end()) return;
      if (!right.empty() && right_parts.count(std::string(right)) == 0) return;
      NounCandidate& candidate = *it->second;
      const bool dated = article.date.size() >= 7;
      if (dated) ++candidate.monthly[std::string(article.date.substr(0, 7))];
      const bool earlier = dated && (candidate.first_seen.empty() || article.date < candidate.first_seen);
      if (earlier || !has_example.count(candidate.word)) {
        if (earlier) candidate.first_seen = std::string(article.date);
        candidate.example = example_around(article.text, static_cast<std::size_t>(run.data() - article.text.data()));
        has_example.insert(candidate.word);
      }
    });
  });
  return whole;
}

WordTimeline word_timeline(const ForEachText& for_each, const std::string& word,
                           const std::set<std::string>& right_parts) {
  WordTimeline timeline;
  for_each([&](const LearnText& article) {
    for (std::string_view run : hangul_eojeols(article.text)) {
      if (!run.starts_with(word)) continue;
      const std::string right(run.substr(word.size()));
      if (!right.empty() && !right_parts.count(right)) continue;
      ++timeline.count;
      if (article.date.size() < 7) continue;
      ++timeline.monthly[std::string(article.date.substr(0, 7))];
      if (timeline.first_seen.empty() || article.date < timeline.first_seen) timeline.first_seen = article.date;
    }
  });
  return timeline;
}

}  // namespace sinmun::lexicon
