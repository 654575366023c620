#include "indexer/detail/document_builder.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "corpus/quotes.h"
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
// Adds `term` of `token` at `position`, or without a position for a bigram unless
// `ngram_positions`.
void add_text_term(Xapian::Document& doc, const std::string& term, const Token& token, Xapian::termpos position,
                   bool ngram_positions, Xapian::termcount wdf = 1) {
  if (token.kind == TokenKind::kNgram && !ngram_positions) {
    doc.add_term(term, wdf);
  } else {
    doc.add_posting(term, position, wdf);
  }
}

// Which of `tokens` are left out: with morphemes, the bigrams that a word or morpheme of the
// same text covers byte for byte (수출 of 수출을, 일 of 24일), which a search for the bigram
// finds as that morpheme (schema::covering_term). A fifth of an article's terms (100k
// synthetic articles: 71 of 391); where a morpheme is cut otherwise than the bigram, the
// bigram stays, the recall net it is there for. Without morphemes nothing is. What they
// would have added to the document's length is kept (schema::kLeftOutNgrams): BM25's length
// normalisation was tuned with them, and without them pasted headlines ranked worse (dev
// RSS MRR@10 split A 0.8137 -> 0.8127, B 0.8116 -> 0.8109; with the length kept, the same).
std::vector<bool> left_out(const std::vector<Token>& tokens, bool ngram_positions) {
  if (ngram_positions) return std::vector<bool>(tokens.size(), false);
  std::unordered_multimap<std::uint64_t, const Token*> words;
  const auto bytes = [](const Token& t) { return (static_cast<std::uint64_t>(t.start) << 32) | t.end; };
  for (const Token& token : tokens) {
    if (token.kind != TokenKind::kNgram) words.emplace(bytes(token), &token);
  }
  std::vector<bool> covered(tokens.size(), false);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::kNgram) continue;
    const auto [first, last] = words.equal_range(bytes(tokens[i]));
    covered[i] = std::any_of(first, last, [&](const auto& word) { return schema::covers(*word.second, tokens[i]); });
  }
  return covered;
}

void index_text(Xapian::Document& doc, const std::vector<Token>& tokens, const std::vector<bool>& left_out,
                Xapian::termpos base, bool is_title, bool ngram_positions) {
  Xapian::termcount left_out_wdf = 0;  // still counted in the document's length
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.term.size() > schema::kMaxTermBytes) continue;
    if (left_out[i]) {
      left_out_wdf += is_title ? schema::kTitleWdf + 1 : 1;  // both spaces, as if indexed
      continue;
    }
    const Xapian::termpos position = base + token.position;
    add_text_term(doc, schema::text_term(token), token, position, ngram_positions, is_title ? schema::kTitleWdf : 1);
    if (is_title) {
      add_text_term(doc, schema::text_term(token, schema::TextSpace::kTitleOnly), token, position, ngram_positions);
    }
  }
  if (left_out_wdf > 0) doc.add_term(std::string(schema::kLeftOutNgrams), left_out_wdf);
}

// The quotations of the body (corpus/quotes.h) as terms: the body tokens inside each one again
// in the quotation space at their body positions, and each speaker's own tokens. They count
// nothing (wdf 0): an article with quotations must not look longer to BM25 than it is (dev:
// RSS MRR@10 0.8099 -> 0.8087 with them counted), so quote: and speaker: rank by the words
// in the article itself (query_builder).
std::vector<StoredQuote> index_quotes(Xapian::Document& doc, const Article& article, const std::vector<Token>& body,
                                      const std::vector<bool>& body_left_out, Xapian::termpos body_base,
                                      const Analyzer& analyzer, AnalysisContext& context, bool ngram_positions) {
  std::vector<StoredQuote> stored;
  Xapian::termpos speaker_base = 0;
  auto token = body.begin();
  for (Quote& quote : extract_quotes(article.body)) {
    while (token != body.end() && token->start < quote.start) ++token;
    for (auto inside = token; inside != body.end() && inside->start < quote.end; ++inside) {
      if (inside->end > quote.end || inside->term.size() > schema::kMaxTermBytes ||
          body_left_out[static_cast<std::size_t>(inside - body.begin())]) {
        continue;
      }
      add_text_term(doc, schema::text_term(*inside, schema::TextSpace::kQuoteText), *inside,
                    body_base + inside->position, ngram_positions, 0);
    }
    if (!quote.speaker.empty()) {
      const std::vector<Token> speaker = analyzer.analyze(quote.speaker, context);
      const std::vector<bool> speaker_left_out = left_out(speaker, ngram_positions);
      for (std::size_t i = 0; i < speaker.size(); ++i) {
        const Token& t = speaker[i];
        if (t.term.size() <= schema::kMaxTermBytes && !speaker_left_out[i]) {
          add_text_term(doc, schema::text_term(t, schema::TextSpace::kSpeakerName), t, speaker_base + t.position,
                        ngram_positions, 0);
        }
      }
      if (!speaker.empty()) speaker_base += speaker.back().position + 100;
    }
    stored.push_back({std::move(quote.text), std::move(quote.speaker), quote.start, quote.end});
  }
  return stored;
}

}  // namespace

Xapian::Document build_document(const Article& article, const Analyzer& analyzer, AnalysisContext& context) {
  Xapian::Document doc;
  const std::vector<Token> title_tokens = analyzer.analyze(article.title, context);
  const bool ngram_positions = !analyzer.has_morphology();
  index_text(doc, title_tokens, left_out(title_tokens, ngram_positions), 0, true, ngram_positions);
  // A pathological title longer than kBodyFirstPosition positions pushes the body further.
  const Xapian::termpos body_base = title_tokens.empty()
                                        ? schema::kBodyFirstPosition
                                        : std::max(schema::kBodyFirstPosition, title_tokens.back().position + 100);
  const std::vector<Token> body_tokens = analyzer.analyze(article.body, context);
  const std::vector<bool> body_left_out = left_out(body_tokens, ngram_positions);
  index_text(doc, body_tokens, body_left_out, body_base, false, ngram_positions);
  std::vector<StoredQuote> quotes =
      index_quotes(doc, article, body_tokens, body_left_out, body_base, analyzer, context, ngram_positions);

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
  doc.set_data(
      schema::encode_stored_article({article.id, article.title, article.date, article.source, article.url,
                                     article.author, article.category, article.file, article.body, std::move(quotes)}));
  return doc;
}

}  // namespace sinmun
