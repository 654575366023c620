#include "indexer/reanalysis.h"

#include <string>

#include "base/errors.h"
#include "corpus/article.h"
#include "indexer/detail/document_builder.h"
#include "schema/schema.h"
#include "schema/stored_article.h"

namespace sinmun {

Xapian::Document reanalysed_document(const Xapian::Document& old, const Analyzer& analyzer, AnalysisContext& context) {
  StoredArticle stored;
  if (!schema::decode_stored_article(old.get_data(), stored)) {
    throw DataError("document " + std::to_string(old.get_docid()) + " holds no stored article");
  }
  const Article article{stored.id,  stored.title,  stored.body,     stored.date, stored.source,
                        stored.url, stored.author, stored.category, stored.file};
  Xapian::Document doc = build_document(article, analyzer, context);
  for (auto it = old.termlist_begin(); it != old.termlist_end(); ++it) {
    const std::string term = *it;
    if (term.starts_with(schema::kFile) || term.starts_with(schema::kGroup)) doc.add_boolean_term(term);
  }
  if (const std::string group = old.get_value(schema::kCollapseSlot); !group.empty()) {
    doc.add_value(schema::kCollapseSlot, group);
  }
  return doc;
}

}  // namespace sinmun
