#ifndef SINMUN_SEARCHER_DETAIL_QUOTE_MATCH_H_
#define SINMUN_SEARCHER_DETAIL_QUOTE_MATCH_H_

#include <set>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "schema/stored_article.h"

namespace sinmun {

// At most this many quotations are shown per result.
inline constexpr std::size_t kMaxQuotesShown = 3;

// The quotations of `quotes` (in text order, at most kMaxQuotesShown) whose text or speaker,
// analysed with `analyzer` as the indexer did, has one of `wanted` (quotation and speaker
// terms, "XQ반도체", "XSP스펜스": BuiltQuery::quote_terms). `context` is the caller's.
std::vector<StoredQuote> matching_quotes(const std::vector<StoredQuote>& quotes, const std::set<std::string>& wanted,
                                         const Analyzer& analyzer, AnalysisContext& context);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_DETAIL_QUOTE_MATCH_H_
