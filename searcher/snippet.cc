#include "searcher/snippet.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "indexer/schema.h"

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

struct Match {
  std::size_t start;
  std::size_t end;
  std::string term;
};

std::vector<Match> find_matches(std::string_view text, const std::set<std::string>& terms,
                                const Analyzer& analyzer) {
  std::vector<Match> matches;
  for (Token& token : analyzer.analyze(text)) {
    std::string term = token.kind == TokenKind::kNgram ? std::string(schema::kNgram) + token.term
                                                       : std::move(token.term);
    if (terms.count(term)) matches.push_back({token.start, token.end, std::move(term)});
  }
  return matches;
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string make_snippet(std::string_view text, const std::set<std::string>& terms,
                         const Analyzer& analyzer, std::size_t length) {
  const std::vector<Match> matches = find_matches(text, terms, analyzer);

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
  const std::size_t window_end = advance_chars(text, best_start, length);

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
