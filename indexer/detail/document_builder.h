#ifndef SINMUN_INDEXER_DETAIL_DOCUMENT_BUILDER_H_
#define SINMUN_INDEXER_DETAIL_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "corpus/article.h"

namespace sinmun {

// Turns an article into a Xapian document of the schema in schema/schema.h: text terms
// from the shared analyzer (title then body; words and morphemes with positions, bigrams
// with positions only when the analyzer has no morphology), boolean field terms, value slots,
// the direct quotations of the body and their speakers (corpus/quotes.h) in their own term
// spaces, and the document data (JSON with id, title, date, source, url, author, category,
// body, quotes) that result lists and snippets are made from.
// `context` is the calling thread's (see AnalysisContext).
Xapian::Document build_document(const Article& article, const Analyzer& analyzer, AnalysisContext& context);

}  // namespace sinmun

#endif  // SINMUN_INDEXER_DETAIL_DOCUMENT_BUILDER_H_
