#ifndef SINMUN_SEARCHER_RELATED_H_
#define SINMUN_SEARCHER_RELATED_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include <xapian.h>

// Related words (contract): the words and names that the articles of a result set hold far
// more often than the whole archive does — Elasticsearch's significant_terms over document
// frequencies, made by Searcher::related() (searcher.h).
//
// Foreground: the first kRelatedSample results of the query by relevance (copies of one story
// folded once, as listed), each read through its term list; background: the whole database,
// from each term's termfreq. Scored with JLH, Elasticsearch's default heuristic:
//   fg = count / sample, bg = background / documents,
//   score = (fg - bg) * (fg / bg), words with fg <= bg left out.
// JLH rather than chi-square because it multiplies the absolute gain by the ratio: a word of
// the topic that is in 40% of the results and 2% of the archive wins over a general word in
// 60% and 30% (chi-square, driven by expected counts, lifts frequent general words on large
// result sets and one story's rare names on small ones). The minimum count keeps one
// article's names out.
//
// Words: words and morphemes only (the unprefixed terms of schema/schema.h: morphemes,
// compounds and their parts, Latin/number words), never n-grams, never field terms; not the
// query's own terms (its words, their morphemes and parts, synonyms searched); not numbers,
// not one character long, not in the stop list (searcher/data/related-stopwords.txt: 것, 등,
// 기자 …); in at least kRelatedMinCount articles of the sample; a noun, a name, a foreign or
// Han word or an unknown word (a new name) when the analyzer is given the word alone — not a
// verb or adjective stem, not an adverb (with n-gram analysis every word passes). A word is
// marked a proper noun when that analysis tags it NNP (a Latin word never is).
namespace sinmun {

inline constexpr Xapian::doccount kRelatedSample = 1000;
inline constexpr Xapian::doccount kRelatedMinCount = 3;
inline constexpr std::size_t kRelatedWords = 30;

struct RelatedWord {
  std::string word;                 // as indexed: "엔비디아", "hbm"
  Xapian::doccount count = 0;       // articles of the sample holding it
  Xapian::doccount background = 0;  // articles of the database holding it
  double score = 0;                 // JLH
  bool proper_noun = false;

  bool operator==(const RelatedWord&) const = default;
};

struct RelatedResponse {
  std::string query;
  Xapian::doccount sample = 0;       // results read (at most kRelatedSample)
  Xapian::doccount documents = 0;    // articles in the database: the background
  std::vector<RelatedWord> related;  // best first, at most kRelatedWords
  double took_ms = 0;
};

// True for a word the stop list names.
bool is_related_stopword(const std::string& word);

// The JLH score of a word in `count` of `sample` results and `background` of `documents`
// articles; 0 when it is no more frequent in the results than in the archive.
double jlh_score(Xapian::doccount count, Xapian::doccount sample, Xapian::doccount background,
                 Xapian::doccount documents);

// {"query", "sample", "documents", "took_ms", "related": [{"word", "count", "background",
// "score", "proper_noun"}]} on one line (contract).
std::string to_json(const RelatedResponse& response);

// One line per word: rank, word (with "(name)" for a proper noun), count/sample, background,
// score; and a line saying what was sampled.
void print_related(std::ostream& out, const RelatedResponse& response);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_RELATED_H_
