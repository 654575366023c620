#include "indexer/detail/document_builder.h"

#include <algorithm>

#include "corpus/simhash.h"
#include "schema/schema.h"
#include "schema/stored_article.h"
#include "schema/values.h"

namespace sinmun {
namespace {

// About 40 Hangul syllables: a headline-and-lead record is long enough, a bare title is not.
constexpr std::size_t kMinBytesForSimhash = 120;

// With morphemes, phrases and proximity are matched on words and morphemes, and a bigram is
// only a recall net, matched by presence (a word's bigrams ANDed): a bigram's positions
// would be the largest table of the database (one B-tree entry per term and article) and
// buy nothing measurable (dev: RSS MRR@10 0.8099 either way, short-query known items equal;
// 36.4 -> 25.4 MB). Without morphemes the bigrams are the only terms, so they keep them.
void index_text(Xapian::Document& doc, const std::vector<Token>& tokens, Xapian::termpos base, bool is_title,
                bool ngram_positions) {
  const Xapian::termcount wdf = is_title ? schema::kTitleWdf : 1;
  for (const Token& token : tokens) {
    if (token.term.size() > schema::kMaxTermBytes) continue;
    const std::string term = schema::text_term(token);
    if (token.kind == TokenKind::kNgram && !ngram_positions) {
      doc.add_term(term, wdf);
      if (is_title) doc.add_term(schema::text_term(token, schema::TextSpace::kTitleOnly));
      continue;
    }
    const Xapian::termpos position = base + token.position;
    doc.add_posting(term, position, wdf);
    if (is_title) doc.add_posting(schema::text_term(token, schema::TextSpace::kTitleOnly), position);
  }
}

}  // namespace

Xapian::Document build_document(const Article& article, const Analyzer& analyzer, AnalysisContext& context) {
  Xapian::Document doc;
  const std::vector<Token> title_tokens = analyzer.analyze(article.title, context);
  const bool ngram_positions = !analyzer.has_morphology();
  index_text(doc, title_tokens, 0, true, ngram_positions);
  // A pathological title longer than kBodyFirstPosition positions pushes the body further.
  const Xapian::termpos body_base = title_tokens.empty()
                                        ? schema::kBodyFirstPosition
                                        : std::max(schema::kBodyFirstPosition, title_tokens.back().position + 100);
  index_text(doc, analyzer.analyze(article.body, context), body_base, false, ngram_positions);

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
  for (const std::string& term : schema::date_terms(article.date)) doc.add_boolean_term(term);
  if (const std::string date = schema::date_value(article.date); !date.empty()) doc.add_value(schema::kDateSlot, date);
  doc.add_value(schema::kFacetSlot, schema::facet_value(article.date, article.source));
  doc.add_value(schema::kOrderSlot, schema::order_value(article.date, article.id));
  // Only bodies long enough to tell stories apart get a signature (and so can be folded).
  if (article.body.size() >= kMinBytesForSimhash) {
    doc.add_value(schema::kSimhashSlot, schema::simhash_value(simhash(article.body)));
  }
  doc.set_data(schema::encode_stored_article({article.id, article.title, article.date, article.source, article.url,
                                              article.author, article.category, article.file, article.body}));
  return doc;
}

}  // namespace sinmun
