#include "schema/schema.h"

#include <charconv>

#include "base/text.h"
#include "schema/hash.h"

namespace sinmun::schema {
namespace {

// Cuts at most `limit` bytes without splitting a UTF-8 character.
std::string_view utf8_prefix(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

bool starts_with_upper(std::string_view term) { return !term.empty() && term[0] >= 'A' && term[0] <= 'Z'; }

}  // namespace

std::string text_term(const Token& token, TextSpace space) {
  const bool ngram = token.kind == TokenKind::kNgram;
  std::string_view prefix = ngram ? kNgram : "";
  if (space == TextSpace::kTitleOnly) prefix = ngram ? kTitleNgram : kTitle;
  if (space == TextSpace::kQuoteText) prefix = ngram ? kQuoteNgram : kQuote;
  if (space == TextSpace::kSpeakerName) prefix = ngram ? kSpeakerNgram : kSpeaker;
  return std::string(prefix).append(token.term);
}

std::string covering_term(const Token& bigram, TextSpace space) {
  Token word = bigram;
  word.kind = TokenKind::kMorpheme;
  return text_term(word, space);
}

bool covers(const Token& word, const Token& ngram) {
  return word.kind != TokenKind::kNgram && ngram.kind == TokenKind::kNgram && word.start == ngram.start &&
         word.end == ngram.end && word.term == ngram.term;
}

std::string_view text_of_term(std::string_view term) {
  if (term.starts_with(kNgram) && !starts_with_upper(term.substr(kNgram.size()))) return term.substr(kNgram.size());
  return starts_with_upper(term) ? std::string_view() : term;
}

bool is_word_or_morpheme_term(std::string_view term) { return !term.empty() && !starts_with_upper(term); }

std::string id_term(std::string_view id) {
  std::string term(kId);
  if (term.size() + id.size() <= kMaxTermBytes) return term.append(id);
  return term.append(utf8_prefix(id, kMaxTermBytes - term.size() - 17)).append("#" + fnv1a_hex(id));
}

std::string field_term(std::string_view prefix, std::string_view value) {
  return std::string(prefix).append(lowercase_ascii(utf8_prefix(value, kMaxTermBytes - prefix.size())));
}

std::string group_term(std::string_view key) { return std::string(kGroup).append(key); }

std::string file_term(std::string_view path) { return std::string(kFile).append(fnv1a_hex(path)); }

int recorded_analysis_revision(const Xapian::Database& db) {
  const std::string recorded = db.get_metadata(std::string(kAnalysisRevisionKey));
  int revision = 0;
  const char* end = recorded.data() + recorded.size();
  const auto [stop, error] = std::from_chars(recorded.data(), end, revision);
  return error == std::errc() && stop == end && revision > 0 ? revision : 1;
}

}  // namespace sinmun::schema
