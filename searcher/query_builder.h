#ifndef SINMUN_SEARCHER_QUERY_BUILDER_H_
#define SINMUN_SEARCHER_QUERY_BUILDER_H_

#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "searcher/query_parser.h"
#include "searcher/synonyms.h"

namespace sinmun {

struct QueryOptions {
  // Weight of an n-gram (substring) match relative to a word/morpheme match, so that 수출
  // matching 수출 ranks above 수출 matching inside 수출입.
  double ngram_weight = 0.5;
  // Queries of at least this many plain words get a relaxed form for when the strict one
  // finds too little: the articles that have some of the words, marked partial.
  std::size_t relax_from_concepts = 2;
  // Queries of at least this many plain words are long (a pasted headline rarely has all its
  // words anywhere): their partial matches rank among the full ones by weight, and they get
  // no proximity bonus. A shorter query lists every full match before any partial one.
  std::size_t long_from_concepts = 3;
  // Weight of the bonus for the words of a short query (fewer than long_from_concepts)
  // standing close together (OP_NEAR over their main terms); 0 turns it off.
  double proximity_weight = 0.5;
  // Equivalent words to expand each word with (borrowed; may be null).
  const Synonyms* synonyms = nullptr;
  // How many articles hold a term, over the whole database (all its shards): to pick the
  // words of a long query's counting sample (BuiltQuery::relaxed_sample), and to leave out
  // the phrase of a compound's parts when they are all common. Null: no sample, every phrase.
  std::function<Xapian::doccount(const std::string&)> term_frequency;
  // The terms that are `prefix`, or `prefix` and one character more, with how many articles
  // hold each (all shards together): what a one-syllable word's n-gram variant is chosen
  // from (미: XN미국, XN미디 and 미국, 미군). Null: the most frequent of its bigrams, by
  // Xapian's wildcard, or the morpheme of the syllable itself.
  std::function<std::vector<std::pair<std::string, Xapian::doccount>>(const std::string& prefix)> terms_one_longer;
  // The articles dated from `from` to `to` (YYYYMMDD, inclusive), for date:; null: a value
  // range on the date slot.
  std::function<Xapian::Query(const std::string& from, const std::string& to)> date_range;
};

// How a query word may be found in an article, best first.
enum class MatchForm {
  kWord,     // the word itself: a Latin/number word, or its morpheme (수출 for 수출을)
  kPart,     // a part of a compound or derived word (공급 of 공급망)
  kSynonym,  // a word of its synonym group (엔비디아 for nvidia)
  kBigram,   // only as a substring (the n-gram net: 수출 inside 수출입)
};

// "word", "part", "synonym", "bigram".
const char* match_form_name(MatchForm form);

// An index term that stands for a concept, and what a match on it means.
struct ConceptTerm {
  std::string term;
  MatchForm form = MatchForm::kWord;
  bool prefix = false;  // a wildcard: any term starting with `term` (눈 inside 눈이, GPT*)
};

// One concept of the query (a word, a phrase, a title: word, an OR group) and the index terms
// that stand for it.
struct QueryConcept {
  std::string text;  // as typed
  std::vector<ConceptTerm> terms;
};

// A Xapian query and the index terms it looks for (for highlighting).
struct BuiltQuery {
  Xapian::Query strict;             // every concept must match; MatchNothing when nothing is searchable
  Xapian::Query relaxed;            // any word may match, more is better; empty unless the query is
                                    // at least relax_from_concepts plain words (with any filters)
  bool full_matches_first = false;  // a short query's relaxed form: its matches that lack a
                                    // word come after every strict match, not among them
  // The relaxed form over half the words of a long query, the rarest (with the same filters):
  // what its counts and facets sample, far cheaper to rank than every word of a pasted
  // headline. Empty when the query has too few words to narrow, or no term_frequency.
  Xapian::Query relaxed_sample;
  // A short query's bonus for its words standing close together (proximity_weight × OP_NEAR
  // of their main terms), apart from `strict` because checking positions over every match
  // is slow: the searcher adds it among strict's best matches. Empty when there is none.
  Xapian::Query proximity;
  std::set<std::string> terms;  // index terms as stored (prefixed), e.g. "h200", "XN수출"
  // The scored concepts of the top level, in query order (filters and exclusions are not
  // concepts): what --explain reports on, and what a partial match lacks some of.
  std::vector<QueryConcept> concepts;
  // The quotation and speaker terms (XQ…, XSP…) that quote: and speaker: look for, not those
  // excluded: which of a result's quotations to show.
  std::set<std::string> quote_terms;
};

// The most words and phrases a query may hold (a phrase counts one, punctuation none, filters
// none): enough for any query a person writes, and the cost of building and matching stays
// near a second however the query is written (10,000 ORed words took 8.5 s, growing
// quadratically).
inline constexpr std::size_t kMaxQueryWords = 1024;

// Builds the Xapian query for a parsed query with the same analyzer as the index. Throws
// UsageError for a query of more than kMaxQueryWords words and phrases.
//
// Each word is a concept: an OR of its variants — its words and morphemes (a compound also
// as the phrase of its parts, so 반도체공급망 meets 반도체 공급망; a prefixed word like 비급여
// only whole) and, at `ngram_weight`, the bigram phrase of its content syllables (the recall
// net for names the dictionary lacks; never across a word boundary, never over a particle).
// A word with synonyms is the OP_SYNONYM of the concepts of its group's words.
// A one-syllable word also matches as the first syllable of a bigram; a Latin word ending in
// `*` is a prefix wildcard (GPT*); a query expands 8 such wildcards at most, the rest being
// matched as written. A quoted phrase is the phrase of its words' and
// morphemes' terms in order. title: searches the title only, quote: the article's direct
// quotations and speaker: their speakers (both scored like title:); source:, author:, category: and
// date: filter without changing the ranking; NOT/-excludes. A date: value that is not a
// date is searched as text.
// `context`: the calling thread's analysis context, to reuse (null: a fresh one).
BuiltQuery build_query(const QueryNode& query, const Analyzer& analyzer, const QueryOptions& options = {},
                       AnalysisContext* context = nullptr);

// The day range a date: value names, as inclusive YYYYMMDD bounds ("2025" → 20250101..
// 20251231, "2025-03" → the month, "A..B", "..B", "A.."); false if it is not a date.
bool parse_date_range(const std::string& value, std::string& from, std::string& to);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_QUERY_BUILDER_H_
