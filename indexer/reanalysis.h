#ifndef SINMUN_INDEXER_REANALYSIS_H_
#define SINMUN_INDEXER_REANALYSIS_H_

#include <xapian.h>

#include "analyzers/analyzer.h"

namespace sinmun {

// A document sinmun-index wrote, analysed again from its stored article with `analyzer` (a
// changed user dictionary): the text terms, values and data of the indexer's own document
// builder, with the old document's file terms, near-duplicate group term and collapse key
// kept (they say where it came from and which story it belongs to, which analysis does not
// change). For replace_document() on the same docid. Throws DataError when the document's
// data is not a stored article. `context` is the calling thread's.
Xapian::Document reanalysed_document(const Xapian::Document& old, const Analyzer& analyzer, AnalysisContext& context);

}  // namespace sinmun

#endif  // SINMUN_INDEXER_REANALYSIS_H_
