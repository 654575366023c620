#include "searcher/query_builder.h"

#include "indexer/schema.h"

namespace sinmun {
namespace {

std::string index_term(const Token& token) {
  return token.kind == TokenKind::kNgram ? std::string(schema::kNgram) + token.term : token.term;
}

// Tokens of one piece: a word alone, or the overlapping bigrams of one Hangul/CJK run.
std::vector<std::vector<Token>> group_by_piece(const std::vector<Token>& tokens) {
  std::vector<std::vector<Token>> groups;
  for (const Token& token : tokens) {
    const bool continues_run = !groups.empty() && token.kind == TokenKind::kNgram &&
                               groups.back().back().kind == TokenKind::kNgram &&
                               token.start < groups.back().back().end;
    if (!continues_run) groups.emplace_back();
    groups.back().push_back(token);
  }
  return groups;
}

bool is_lone_syllable(const std::vector<Token>& group) {
  return group.size() == 1 && group[0].kind == TokenKind::kNgram && group[0].end - group[0].start <= 4;
}

Xapian::Query phrase_of(const std::vector<Token>& tokens, Xapian::termcount window,
                        std::set<std::string>& terms) {
  std::vector<Xapian::Query> parts;
  for (const Token& token : tokens) {
    parts.emplace_back(index_term(token));
    terms.insert(index_term(token));
  }
  if (parts.size() == 1) return parts[0];
  return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), window);
}

Xapian::Query word_query(const std::string& word, const Analyzer& analyzer,
                         std::set<std::string>& terms) {
  const auto groups = group_by_piece(analyzer.analyze(word));
  std::vector<Xapian::Query> required;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const bool glued_to_word = g > 0 && groups[g - 1].back().kind == TokenKind::kWord &&
                               groups[g - 1].back().end == groups[g].front().start;
    if (glued_to_word && is_lone_syllable(groups[g]) && groups.size() > 1) continue;
    required.push_back(phrase_of(groups[g], static_cast<Xapian::termcount>(groups[g].size()), terms));
  }
  if (required.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
}

std::size_t count_words(const std::string& text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

Xapian::Query phrase_query(const std::string& text, const Analyzer& analyzer,
                           std::set<std::string>& terms) {
  const std::vector<Token> tokens = analyzer.analyze(text);
  if (tokens.empty()) return Xapian::Query::MatchNothing;
  const Xapian::termcount span = tokens.back().position - tokens.front().position + 1;
  const std::size_t words = count_words(text);
  return phrase_of(tokens, span + static_cast<Xapian::termcount>(words > 0 ? words - 1 : 0), terms);
}

}  // namespace

BuiltQuery build_query(const std::vector<QueryClause>& clauses, const Analyzer& analyzer) {
  BuiltQuery built;
  std::vector<Xapian::Query> required;
  for (const QueryClause& clause : clauses) {
    Xapian::Query q = clause.phrase ? phrase_query(clause.text, analyzer, built.terms)
                                    : word_query(clause.text, analyzer, built.terms);
    // A clause of pure punctuation has no terms; it must not turn the whole query empty.
    if (!q.empty()) required.push_back(std::move(q));
  }
  if (required.empty()) {
    built.query = Xapian::Query::MatchNothing;
  } else {
    built.query = Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
  }
  return built;
}

}  // namespace sinmun
