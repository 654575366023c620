#include "searcher/detail/quote_match.h"

#include "schema/schema.h"

namespace sinmun {
namespace {

bool has_wanted(const std::string& text, schema::TextSpace space, const std::set<std::string>& wanted,
                const Analyzer& analyzer, AnalysisContext& context) {
  if (text.empty()) return false;
  for (const Token& token : analyzer.analyze(text, context)) {
    if (wanted.count(schema::text_term(token, space)) > 0) return true;
  }
  return false;
}

}  // namespace

std::vector<StoredQuote> matching_quotes(const std::vector<StoredQuote>& quotes, const std::set<std::string>& wanted,
                                         const Analyzer& analyzer, AnalysisContext& context) {
  std::vector<StoredQuote> shown;
  for (const StoredQuote& quote : quotes) {
    if (shown.size() == kMaxQuotesShown) break;
    // The quotation alone, not the sentence around it: a term at its edge analyses alike.
    if (has_wanted(quote.text, schema::TextSpace::kQuoteText, wanted, analyzer, context) ||
        has_wanted(quote.speaker, schema::TextSpace::kSpeakerName, wanted, analyzer, context)) {
      shown.push_back(quote);
    }
  }
  return shown;
}

}  // namespace sinmun
