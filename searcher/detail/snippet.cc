#include "searcher/detail/snippet.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "base/text.h"
#include "schema/schema.h"

namespace sinmun {
namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offset `chars` characters after `from` (or the end of the text).
std::size_t advance_chars(std::string_view text, std::size_t from, std::size_t chars) {
  std::size_t i = from;
  while (i < text.size() && chars > 0) {
    ++i;
    while (i < text.size() && is_continuation_byte(text[i])) ++i;
    --chars;
  }
  return i;
}

std::size_t back_chars(std::string_view text, std::size_t from, std::size_t chars) {
  std::size_t i = from;
  while (i > 0 && chars > 0) {
    --i;
    while (i > 0 && is_continuation_byte(text[i])) --i;
    --chars;
  }
  return i;
}

// The start of the character `at` is in.
std::size_t char_start(std::string_view text, std::size_t at) {
  while (at > 0 && at < text.size() && is_continuation_byte(text[at])) --at;
  return at;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// The start of the word around `at` (the text after the white space before it), looking
// back at most kWordSnapBytes; failing that, the next word's start if it comes before
// `limit`; else `at` itself.
constexpr std::size_t kWordSnapBytes = 48;

std::size_t word_start(std::string_view text, std::size_t at, std::size_t limit) {
  if (at == 0 || is_space(text[at - 1])) return at;
  for (std::size_t i = at; i > 0 && at - i < kWordSnapBytes; --i) {
    if (is_space(text[i - 1])) return i;
  }
  for (std::size_t i = at; i < limit; ++i) {
    if (is_space(text[i])) return i + 1 <= limit ? i + 1 : at;
  }
  return at;
}

// The end of the last whole word before `at` (at white space), not before `floor`; `at`
// itself when no white space is near.
std::size_t word_end_before(std::string_view text, std::size_t at, std::size_t floor) {
  if (at >= text.size() || is_space(text[at])) return at;
  for (std::size_t i = at; i > floor && at - i < kWordSnapBytes; --i) {
    if (is_space(text[i - 1])) return i - 1;
  }
  return at;
}

// Analysis of a snippet's neighbourhood is bounded: literal hits looked at per term, and the
// bytes scanned when no term appears literally.
constexpr std::size_t kMaxLiteralHits = 200;
constexpr std::size_t kScanBytes = 8192;

struct Match {
  std::size_t start;
  std::size_t end;
  std::string term;
};

// What the analysis of the snippet's neighbourhood needs.
struct Analysis {
  const Analyzer& analyzer;
  AnalysisContext& context;
};

std::vector<Match> analyse_matches(std::string_view text, std::size_t begin, std::size_t end,
                                   const std::set<std::string>& terms, const Analysis& analysis) {
  std::vector<Match> matches;
  for (Token& token : analysis.analyzer.analyze(text.substr(begin, end - begin), analysis.context)) {
    std::string term = schema::text_term(token);
    if (terms.count(term)) matches.push_back({begin + token.start, begin + token.end, std::move(term)});
  }
  return matches;
}

// The nearest white space at or after `at` (or the end), so that a region cut there splits
// no word.
// Looking for white space to cut at goes this far at most: a text without spaces (10 MB of
// Hangul in one "word") is cut on a character boundary instead of being analysed whole.
constexpr std::size_t kBoundarySearchBytes = 256;

std::size_t word_boundary(std::string_view text, std::size_t at) {
  if (at >= text.size()) return text.size();
  const std::size_t limit = std::min(text.size(), at + kBoundarySearchBytes);
  const std::size_t space = text.substr(0, limit).find_first_of(" \n\t", at);
  if (space != std::string_view::npos) return space;
  return limit == text.size() ? text.size() : char_start(text, at);
}

std::size_t word_boundary_before(std::string_view text, std::size_t at) {
  if (at == 0) return 0;
  const std::size_t floor = at > kBoundarySearchBytes ? at - kBoundarySearchBytes : 0;
  const std::size_t space = text.find_last_of(" \n\t", at);
  if (space != std::string_view::npos && space >= floor) return space;
  return floor == 0 ? 0 : char_start(text, at);
}

// Where the query's terms appear literally (ASCII case folded): a cheap map of where to
// analyse, since analysing a whole long article for every result is what made snippets
// slow. Stems (밝히 for 밝혔다) and other forms are not literal; they fall back to a scan.
std::vector<std::pair<std::size_t, const std::string*>> literal_hits(std::string_view text,
                                                                     const std::set<std::string>& terms) {
  const std::string folded = lowercase_ascii(text);
  std::vector<std::pair<std::size_t, const std::string*>> hits;
  for (const std::string& term : terms) {
    const std::string_view literal = schema::text_of_term(term);
    if (literal.empty()) continue;
    std::size_t count = 0;
    for (std::size_t at = folded.find(literal); at != std::string::npos && count < kMaxLiteralHits;
         at = folded.find(literal, at + literal.size()), ++count) {
      hits.emplace_back(at, &term);
    }
  }
  std::sort(hits.begin(), hits.end());
  return hits;
}

// The query's matches in the part of `text` a snippet will come from: around the densest
// cluster of literal hits, else the first kScanBytes.
std::vector<Match> find_matches(std::string_view text, const std::set<std::string>& terms, const Analysis& analysis,
                                std::size_t length) {
  const auto hits = literal_hits(text, terms);
  const std::size_t span = 4 * length;  // bytes: a window of `length` characters, and margin
  if (hits.empty()) return analyse_matches(text, 0, word_boundary(text, kScanBytes), terms, analysis);
  std::size_t best = 0;
  std::size_t best_distinct = 0;
  for (std::size_t h = 0; h < hits.size(); ++h) {
    std::set<const std::string*> distinct;
    for (std::size_t k = h; k < hits.size() && hits[k].first < hits[h].first + span; ++k)
      distinct.insert(hits[k].second);
    if (distinct.size() > best_distinct) {
      best = h;
      best_distinct = distinct.size();
    }
  }
  // The window starts at most length/5 characters before a match and spans at most `span`
  // bytes: [hit - length, hit + span] holds every window make_snippet may choose.
  const std::size_t begin = word_boundary_before(text, hits[best].first > length ? hits[best].first - length : 0);
  return analyse_matches(text, begin, word_boundary(text, hits[best].first + span), terms, analysis);
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string make_snippet(std::string_view text, const std::set<std::string>& terms, const Analyzer& analyzer,
                         std::size_t length, AnalysisContext* context) {
  AnalysisContext one_off(0);
  const std::vector<Match> matches =
      find_matches(text, terms, {analyzer, context ? *context : one_off}, std::min<std::size_t>(length, text.size()));

  // Best window: the one starting a little before some match that covers the most distinct
  // terms (then the most matches); the earliest wins ties.
  std::size_t best_start = 0;
  std::size_t best_distinct = 0;
  std::size_t best_count = 0;
  for (std::size_t m = 0; m < matches.size(); ++m) {
    const std::size_t start = back_chars(text, matches[m].start, length / 5);
    const std::size_t end = advance_chars(text, start, length);
    std::set<std::string_view> distinct;
    std::size_t count = 0;
    for (std::size_t k = m; k < matches.size() && matches[k].end <= end; ++k) {
      distinct.insert(matches[k].term);
      ++count;
    }
    if (distinct.size() > best_distinct || (distinct.size() == best_distinct && count > best_count)) {
      best_start = start;
      best_distinct = distinct.size();
      best_count = count;
    }
  }
  std::size_t window_end = advance_chars(text, best_start, length);
  // Cut on word boundaries ("…대통령이 밝혔다…", never "…럼프 미국"): the start moves back to
  // the beginning of its word, the end back to the end of the last whole word, never cutting
  // a match out of the window.
  std::size_t first_match = window_end;
  std::size_t last_match = best_start;
  for (const Match& match : matches) {
    if (match.start < best_start || match.end > window_end) continue;
    first_match = std::min(first_match, match.start);
    last_match = std::max(last_match, match.end);
  }
  best_start = word_start(text, best_start, std::min(first_match, window_end));
  if (window_end < text.size()) window_end = std::max(word_end_before(text, window_end, best_start), last_match);

  // Overlapping bigram matches (엔비·비디·디아) merge into one highlighted stretch.
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  for (const Match& match : matches) {
    if (match.start < best_start || match.end > window_end) continue;
    if (!marks.empty() && match.start <= marks.back().second) {
      marks.back().second = std::max(marks.back().second, match.end);
    } else {
      marks.emplace_back(match.start, match.end);
    }
  }

  std::string out;
  if (best_start > 0) out += "…";
  std::size_t cursor = best_start;
  for (const auto& [start, end] : marks) {
    out += html_escape(text.substr(cursor, start - cursor));
    out += "<mark>" + html_escape(text.substr(start, end - start)) + "</mark>";
    cursor = end;
  }
  out += html_escape(text.substr(cursor, window_end - cursor));
  if (window_end < text.size()) out += "…";
  return out;
}

}  // namespace sinmun
