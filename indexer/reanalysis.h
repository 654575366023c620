#ifndef SINMUN_INDEXER_REANALYSIS_H_
#define SINMUN_INDEXER_REANALYSIS_H_

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <functional>

#include "analyzers/analyzer.h"
#include "schema/stored_article.h"

namespace sinmun {

// A document sinmun-index wrote, analysed again from its stored article with `analyzer` (a
// changed user dictionary): the text terms, values and data of the indexer's own document
// builder, with the old document's file terms, near-duplicate group term and collapse key
// kept (they say where it came from and which story it belongs to, which analysis does not
// change). For replace_document() on the same docid. Throws DataError when the document's
// data is not a stored article. `codec` is the database's: it reads the old article and
// stores the new one. `context` is the calling thread's.
Xapian::Document reanalysed_document(const Xapian::Document& old, const schema::ArticleCodec& codec,
                                     const Analyzer& analyzer, AnalysisContext& context);

// Analyses every document of the database at `db_path` (one database, or each shard of a
// sharded one) again with `analyzer`, committing every 1000 documents, and then records
// kAnalysisRevision: what a database indexed by an older Sinmun needs for its old articles
// to have the terms of the new ones. `progress(done, total)` is called now and then.
// Returns the documents analysed. Throws Xapian::Error (locked, damaged), DataError (a
// document without a stored article). Interrupted, it is simply run again.
std::size_t reanalyze_database(const std::filesystem::path& db_path, const Analyzer& analyzer,
                               const std::function<void(std::size_t done, std::size_t total)>& progress);

}  // namespace sinmun

#endif  // SINMUN_INDEXER_REANALYSIS_H_
