#include "indexer/document_builder.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "corpus/simhash.h"
#include "indexer/hash.h"
#include "indexer/schema.h"

namespace sinmun {
namespace {

// About 40 Hangul syllables: a headline-and-lead record is long enough, a bare title is not.
constexpr std::size_t kMinBytesForSimhash = 120;

std::string with_prefix(std::string_view prefix, const std::string& term) {
  return std::string(prefix).append(term);
}

void index_text(Xapian::Document& doc, const std::vector<Token>& tokens, Xapian::termpos base,
                bool is_title) {
  for (const Token& token : tokens) {
    if (token.term.size() > schema::kMaxTermBytes) continue;
    const Xapian::termpos position = base + token.position;
    const bool is_ngram = token.kind == TokenKind::kNgram;
    const std::string term = is_ngram ? with_prefix(schema::kNgram, token.term) : token.term;
    doc.add_posting(term, position, is_title ? schema::kTitleWdf : 1);
    if (is_title) {
      doc.add_posting(with_prefix(is_ngram ? schema::kTitleNgram : schema::kTitle, token.term),
                      position);
    }
  }
}

void add_date(Xapian::Document& doc, const std::string& date) {
  if (date.size() != 10) return;
  const std::string compact = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
  doc.add_boolean_term(with_prefix(schema::kDay, compact));
  doc.add_boolean_term(with_prefix(schema::kMonth, compact.substr(0, 6)));
  doc.add_boolean_term(with_prefix(schema::kYear, compact.substr(0, 4)));
  doc.add_value(schema::kDateSlot, compact);
}

}  // namespace

Xapian::Document build_document(const Article& article, const Analyzer& analyzer) {
  Xapian::Document doc;
  const std::vector<Token> title_tokens = analyzer.analyze(article.title);
  index_text(doc, title_tokens, 0, true);
  // A pathological title longer than kBodyFirstPosition positions pushes the body further.
  const Xapian::termpos body_base =
      title_tokens.empty() ? schema::kBodyFirstPosition
                           : std::max(schema::kBodyFirstPosition, title_tokens.back().position + 100);
  index_text(doc, analyzer.analyze(article.body), body_base, false);

  doc.add_boolean_term(schema::id_term(article.id));
  doc.add_value(schema::kIdSlot, article.id);
  if (!article.source.empty()) {
    doc.add_boolean_term(schema::field_term(schema::kSource, article.source));
    doc.add_value(schema::kSourceSlot, article.source);
  }
  if (!article.author.empty()) doc.add_boolean_term(schema::field_term(schema::kAuthor, article.author));
  if (!article.category.empty()) {
    doc.add_boolean_term(schema::field_term(schema::kCategory, article.category));
  }
  if (!article.url.empty()) doc.add_boolean_term(schema::field_term(schema::kUrl, article.url));
  add_date(doc, article.date);
  const std::string month = article.date.size() == 10 ? article.date.substr(0, 4) + article.date.substr(5, 2) : "";
  doc.add_value(schema::kFacetSlot, month + "\t" + article.source);
  doc.add_value(schema::kOrderSlot, doc.get_value(schema::kDateSlot) + "\t" + article.id);
  // Only bodies long enough to tell stories apart get a signature (and so can be folded).
  if (article.body.size() >= kMinBytesForSimhash) doc.add_value(schema::kSimhashSlot, to_hex(simhash(article.body)));

  const nlohmann::json data = {
      {"id", article.id},         {"title", article.title},   {"date", article.date},
      {"source", article.source}, {"url", article.url},       {"author", article.author},
      {"category", article.category}, {"file", article.file}, {"body", article.body}};
  doc.set_data(data.dump());
  return doc;
}

}  // namespace sinmun
