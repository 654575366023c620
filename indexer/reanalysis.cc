#include "indexer/reanalysis.h"

#include <string>
#include <vector>

#include "base/errors.h"
#include "corpus/article.h"
#include "indexer/detail/document_builder.h"
#include "indexer/detail/shard_set.h"
#include "schema/schema.h"
#include "schema/stored_article.h"

namespace sinmun {

Xapian::Document reanalysed_document(const Xapian::Document& old, const schema::ArticleCodec& codec,
                                     const Analyzer& analyzer, AnalysisContext& context) {
  StoredArticle stored;
  if (!codec.decode(old.get_data(), stored)) {
    throw DataError("document " + std::to_string(old.get_docid()) + " holds no stored article");
  }
  const Article article{stored.id,  stored.title,  stored.body,     stored.date, stored.source,
                        stored.url, stored.author, stored.category, stored.file};
  Xapian::Document doc = build_document(article, analyzer, context);
  doc.set_data(codec.pack(doc.get_data()));
  for (auto it = old.termlist_begin(); it != old.termlist_end(); ++it) {
    const std::string term = *it;
    if (term.starts_with(schema::kFile) || term.starts_with(schema::kGroup)) doc.add_boolean_term(term);
  }
  if (const std::string group = old.get_value(schema::kCollapseSlot); !group.empty()) {
    doc.add_value(schema::kCollapseSlot, group);
  }
  return doc;
}

namespace {

// The dictionary the databases record, or, when they have none (indexed before there was
// one, or in runs too small to train one), one trained on their first articles: every
// article is written again anyway.
schema::ArticleCodec codec_for(const std::vector<std::filesystem::path>& databases) {
  schema::ArticleCodec codec = schema::ArticleCodec::of(Xapian::Database(databases.front().string()));
  if (codec.has_dictionary()) return codec;
  std::vector<std::string> samples;
  for (const std::filesystem::path& path : databases)
    schema::ArticleCodec::add_samples(Xapian::Database(path.string()), samples);
  const std::string dictionary = schema::ArticleCodec::train(samples);
  return dictionary.empty() ? codec : schema::ArticleCodec(dictionary);
}

}  // namespace

std::size_t reanalyze_database(const std::filesystem::path& db_path, const Analyzer& analyzer,
                               const std::function<void(std::size_t done, std::size_t total)>& progress) {
  constexpr std::size_t kCommitEvery = 1000;
  std::vector<std::filesystem::path> databases = listed_shards(db_path);
  if (databases.empty()) databases.push_back(db_path);
  std::size_t total = 0;
  for (const std::filesystem::path& path : databases) total += Xapian::Database(path.string()).get_doccount();
  const schema::ArticleCodec codec = codec_for(databases);
  AnalysisContext context;
  std::size_t done = 0;
  for (const std::filesystem::path& path : databases) {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_OPEN);
    // Committed with the first articles stored over it.
    if (codec.has_dictionary()) db.set_metadata(std::string(schema::kArticleDictionaryKey), codec.dictionary());
    // Docids first: replacing documents while walking the posting list would walk a
    // changing list.
    std::vector<Xapian::docid> docids;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) docids.push_back(*it);
    for (const Xapian::docid docid : docids) {
      db.replace_document(docid, reanalysed_document(db.get_document(docid), codec, analyzer, context));
      if (++done % kCommitEvery == 0) {
        db.commit();
        if (progress) progress(done, total);
      }
    }
    db.set_metadata(std::string(schema::kAnalyzerModeKey), analyzer.mode());
    db.set_metadata(std::string(schema::kAnalysisRevisionKey), std::to_string(kAnalysisRevision));
    db.commit();
  }
  if (progress) progress(done, total);
  return done;
}

}  // namespace sinmun
