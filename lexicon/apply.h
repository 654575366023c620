#ifndef SINMUN_LEXICON_APPLY_H_
#define SINMUN_LEXICON_APPLY_H_

#include <cstddef>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "lexicon/review.h"

namespace sinmun::lexicon {

// Merges words into user-dictionary text (analyzers/morph/detail/user_dictionary.h's format:
// surface<TAB>POS[<TAB>cost]): every existing line is kept as written, and the words whose
// surface the text does not hold yet are appended, sorted, under one comment line. The result
// does not depend on the order of `words`. `added` receives the surfaces appended.
std::string merge_user_dictionary(std::string_view existing, const std::vector<ReviewEntry>& words,
                                  std::set<std::string>& added);

// Merges aliases into synonym text (searcher/synonyms.h's format: one group a line, words
// separated by tabs or spaces): an alias whose two words already share a line is skipped, the
// others are appended as "word<TAB>alias" lines, sorted (synonyms join groups that share a
// word, so a new line for a word already in a group widens that group). `added` counts them.
std::string merge_synonyms(std::string_view existing, const std::vector<ReviewEntry>& aliases, std::size_t& added);

// The documents of `db` whose stored title or body contains one of `words`: found through
// the n-gram postings (the word's bigram terms, as `analyzer` makes them, ANDed) and then
// checked against the stored text, so that bigrams met apart do not count. Sorted.
std::vector<Xapian::docid> documents_containing(const Xapian::Database& db, const std::set<std::string>& words,
                                                const Analyzer& analyzer);

// Replaces each of `docids` by its re-analysis with `analyzer` (indexer/reanalysis.h) and
// commits. Returns how many were replaced.
std::size_t reindex_documents(Xapian::WritableDatabase& db, const std::vector<Xapian::docid>& docids,
                              const Analyzer& analyzer);

}  // namespace sinmun::lexicon

#endif  // SINMUN_LEXICON_APPLY_H_
