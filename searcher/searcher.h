#ifndef SINMUN_SEARCHER_SEARCHER_H_
#define SINMUN_SEARCHER_SEARCHER_H_

#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "analyzers/dictionary_location.h"
#include "schema/stored_article.h"
#include "searcher/detail/second_reader.h"
#include "searcher/query_builder.h"
#include "searcher/related.h"
#include "searcher/shard_database.h"
#include "searcher/synonyms.h"

namespace sinmun {

enum class SortOrder {
  kRelevance,  // best match first; equal scores: newer first, then by id
  kDate,       // newest first; same day: best match first
};

struct SearchRequest {
  std::string query;
  // Non-empty: instead of `query`, articles most like the article with this id (its most
  // telling terms, Xapian's relevance-feedback expand set); the article itself is left out.
  std::string similar_to;
  Xapian::doccount limit = 10;
  Xapian::doccount offset = 0;
  SortOrder sort = SortOrder::kRelevance;
  std::string date_from;  // YYYY-MM-DD, inclusive; empty: open
  std::string date_to;    // YYYY-MM-DD, inclusive; empty: open
  // Exact source names (case-insensitive for Latin): articles of any of them; empty: any. A
  // name no article has is refused (UsageError, with the names it may have meant).
  std::vector<std::string> sources;
  bool with_snippets = true;  // off for batch evaluation, where only ids matter
  bool with_facets = true;    // counts per source and month over the whole result set
                              // (articles: every copy of a folded story counts for its source)
  // Count every match in a pass of its own (no scores, no order): exact totals. Implied by
  // with_facets; off, the totals are lower bounds from the ranked pass ("at least").
  bool exact_counts = true;
  bool collapse = true;  // one result per near-duplicate group (same wire story)
  bool strict = false;   // never loosen a long query to "most of the words"
  bool explain = false;  // say per result how each query word matched
  // Over shards: answer from those that answer when some do not (SearchResponse::partial)
  // instead of failing. SearchSettings::allow_partial makes it every request's default.
  bool allow_partial = false;
};

// How one concept of the query (a word, a phrase, title:word) matched one result.
struct ConceptMatch {
  std::string text;  // the concept as typed
  bool matched = false;
  MatchForm form = MatchForm::kWord;  // the best form that matched (when matched)
  std::string term;                   // the index term that did, as stored ("XN수출", "h200")
};

struct SearchHit {
  Xapian::doccount rank = 0;  // 1-based, counting from the first result of the whole list
  Xapian::docid docid = 0;    // in the searcher's database
  std::string id;
  std::string title;
  std::string date;
  std::string source;
  std::string url;
  double score = 0;
  std::string snippet;     // HTML-escaped, matches in <mark>…</mark>
  std::string title_html;  // the title HTML-escaped with its matches in <mark>…</mark>
  // A result of a loosened query that lacks some of its words ("match": "partial"); known
  // when snippets are made or explain is asked for.
  bool partial = false;
  std::vector<ConceptMatch> explain;  // with SearchRequest::explain, one per query concept
  Xapian::doccount similar = 0;       // near-duplicates folded into this result (exact when counted); the
                                      // copy shown is the best described of them (title, date,
                                      // source, URL), the best ranked on ties
  std::vector<StoredQuote> quotes;    // with quote: or speaker:, the quotations they match
};

struct FacetCount {
  std::string value;  // a source name, or a month as YYYY-MM; "" for articles without one
  Xapian::doccount count = 0;
};

// The count rule: `total` counts the results as listed (a story whose copies are folded
// counts once), `total_articles` every matching article (each copy once); the facets count
// articles, so each facet's counts sum to total_articles (an undated article counts under
// the month "", one without a source under the source "").
struct SearchResponse {
  std::string query;
  Xapian::doccount total = 0;           // results as listed
  Xapian::doccount total_articles = 0;  // matching articles, copies included
  bool total_is_exact = false;          // false: both totals are lower bounds ("at least")
  bool relaxed = false;                 // not every word matched: results have most of them
  // A short query's page that reaches past its `total` full matches goes on with articles
  // that have some of the words (marked partial): how many articles those are, copies
  // included, counted up to 1000 (past that a lower bound: partial_matches_is_exact false).
  // 0 when the page did not reach them.
  Xapian::doccount partial_matches = 0;
  bool partial_matches_is_exact = true;
  // 0: the facets count every match. Otherwise (a loosened query, which matches most of the
  // archive) they count its best `facets_sample` matches, and so do the totals unless
  // total_is_exact (a source filter's articles may all fit in the sample while the source
  // facets, counted without the filter, are of a sample).
  Xapian::doccount facets_sample = 0;
  double took_ms = 0;
  std::vector<SearchHit> hits;
  // Most frequent first (the 50 most), "" last. Counted without the request's own source
  // filter, so that the other sources' counts stay visible while some are chosen.
  std::vector<FacetCount> source_facets;
  std::vector<FacetCount> month_facets;  // newest month first, "" last
  // Some shards were down or timed out (allow_partial): the answer is the other shards'.
  bool partial = false;
  std::vector<std::string> missing_shards;  // as the stub lists them
};

// The analysis mode the database at `db_path` was indexed with ("ngram", "morph+ngram"),
// or "" when it does not say (or cannot be opened).
std::string indexed_analyzer_mode(const std::string& db_path);

// The analyzer to query `db_path` with: `config`, in the mode the database was indexed with
// unless `mode_given` (then config.mode stands). A mismatch that remains (no dictionary on
// this machine) is told to `report`, as are make_analyzer()'s notes, and so is a database
// indexed by an older analysis (older_analysis_note()).
Analyzer make_query_analyzer(const std::string& db_path, AnalyzerConfig config, bool mode_given,
                             const std::function<void(const std::string&)>& report);

// What to tell the user of a database whose oldest articles were analysed by analysis
// revision `revision`, older than kAnalysisRevision: what it costs and the command to fix it.
std::string older_analysis_note(const std::string& db_path, int revision);

// BM25 parameters (Xapian's BM25Weight): k1 saturates term frequency, b normalises by
// document length. Chosen by scripts/sweep-bm25.sh on the dev known-item sets (k1 0.3-1.6 ×
// b 0.4-1.0): 0.6/0.9 gave MRR@10 0.9650 and 0.7746 against Xapian's 1.0/0.5 with 0.9620
// and 0.7692; quick saturation and full length normalisation suit short news leads.
struct Bm25Parameters {
  double k1 = 0.6;
  double b = 0.9;
};

// An article id that is not in the database (--similar ID): the user's mistake, but not a
// malformed request.
class NotFound : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SearchSettings {
  Bm25Parameters bm25;
  // Seconds a match may run before Xapian returns what it has (Enquire::set_time_limit):
  // no query, however written, holds a searcher longer. 0: no limit.
  double time_limit_seconds = 5.0;
  double proximity_weight = QueryOptions{}.proximity_weight;
  std::shared_ptr<const Synonyms> synonyms;  // null: no expansion
  bool allow_partial = false;                // SearchRequest::allow_partial for every request
  RemoteTimeouts remote_timeouts;            // of remote shards (never infinite)
  // Count totals and facets on a thread of their own while the results are ranked (over one
  // local database; otherwise after them): the same counts, sooner, for a second core.
  bool count_beside = true;
};

// Answers queries over one database (a directory or a Xapian stub file listing shards).
// Not thread-safe (Xapian::Database is not); use one Searcher per thread.
class Searcher {
 public:
  // How many of a loosened query's best matches its totals and facets count: ranking them is
  // most of a pasted headline's time with facets (1M articles, p99 51 ms with 1,000, 46 with
  // 500).
  static constexpr Xapian::doccount kLoosenedSample = 500;
  // How many of a short query's partial matches are counted exactly (SearchResponse::
  // partial_matches): an unranked count, cheap.
  static constexpr Xapian::doccount kPartialMatchesCounted = 1000;
  // How many of a short query's best matches by its words its near-words bonus reorders
  // (BuiltQuery::proximity), as Lucene's rescoring window does; the rest follow in the words'
  // order. Checking positions over every match of two common words cost more than ranking
  // them (1M articles, 2 words: p99 12.2 -> 8.4 ms, with 100: 10.6); on the dev short
  // queries the bonus over the best 20 changed the top 10 of 18 in 2,998, the first of none.
  static constexpr Xapian::doccount kProximityWindow = 30;
  // Bytes of analysed pieces (queries and snippet text) one Searcher keeps.
  static constexpr std::size_t kAnalysisCacheBytes = std::size_t{4} << 20;

  // Throws EnvironmentError if `db_path` does not exist, Xapian::Error if it is not a
  // database. `db_path` may be a stub listing shards (shard_database.h): a remote shard
  // that cannot be reached is not an error here, but at each search (which names it)
  // unless partial answers are allowed.
  Searcher(const std::string& db_path, const Analyzer& analyzer, SearchSettings settings = {});

  // Throws UsageError for an empty query, a malformed date_from/date_to (or from after to),
  // a date: that is not a date or a source no article has; NotFound when similar_to names
  // no article; EnvironmentError naming the shards that are down or time out (unless
  // partial answers are allowed: then from the others, flagged).
  SearchResponse search(const SearchRequest& request);

  // The related words of the request's results (searcher/related.h): its query, filters and
  // folding of copies; limit and offset are ignored. Throws as search() does.
  RelatedResponse related(const SearchRequest& request);

  // The article stored under `id`, or nullopt when there is none.
  std::optional<StoredArticle> find(const std::string& id);

  Xapian::doccount document_count() const { return db_.get_doccount(); }

  // For passes of their own over the articles search() finds (searcher/trend.h, export.h):
  // the query `request` runs in its strict form (every word must match; a long query is
  // never loosened, as with SearchRequest::strict), with the request's date and source
  // filters. `terms`, when given, receives the index terms to highlight. Throws as search().
  Xapian::Query matching_query(const SearchRequest& request, std::set<std::string>* terms = nullptr);
  // The first results of matching_query() as search() lists them when a short query's
  // near-words bonus reorders them: its best kProximityWindow matches, ranked again with the
  // bonus (ranked_enquire() lists the rest, in its order from that rank on). Empty when there
  // is no bonus (a long query, a single word, sorted by date).
  Xapian::MSet proximity_window(const SearchRequest& request);
  // An Enquire without a query that ranks, orders, folds copies (request.collapse) and stops
  // at the time limit as search()'s ranked pass does.
  Xapian::Enquire ranked_enquire(const SearchRequest& request) const;
  // An Enquire without a query that counts: no scores, no order, the time limit of a search.
  Xapian::Enquire counting_enquire() const;
  // How the database's stored articles are read (its dictionary, as of the last reopen()).
  const schema::ArticleCodec& article_codec() const { return codec_; }
  // What highlights text as snippets do: the query analyzer and this searcher's context.
  const Analyzer& analyzer() const { return analyzer_; }
  AnalysisContext& analysis_context() { return context_; }

  // Every source in the database with its number of articles, most first ("" for the
  // articles without one, last).
  std::vector<FacetCount> sources();

  // Picks up what sinmun-index committed since the database was opened; true if anything
  // changed (or a remote shard went down or came back).
  bool reopen();

 private:
  // A request's date and source filters, made once a search (the date filter reads the
  // database's date bounds): apply() puts them on a query, the sources unless `with_sources`
  // is false.
  struct RequestFilters {
    Xapian::Query dates;    // empty: any date
    Xapian::Query sources;  // empty: any source
    Xapian::Query apply(Xapian::Query query, bool with_sources = true) const;
  };
  // Throws UsageError for a malformed date or a from after to.
  RequestFilters filters_of(const SearchRequest& request) const;
  // The query of `request` (its words, or the article like similar_to), checked.
  BuiltQuery build(const SearchRequest& request);
  SearchResponse search_shards(const SearchRequest& request);
  // Opens the shards again: those that fail are missing_.
  void reopen_shards();
  // The query for articles like `id`, and the terms it uses (for highlighting).
  BuiltQuery similar_query(const std::string& id);
  // What count_matches() counts: the totals and facets of a SearchResponse, and the matches
  // of each collapse key seen.
  struct MatchCounts {
    Xapian::doccount total = 0;
    Xapian::doccount total_articles = 0;
    bool total_is_exact = false;
    Xapian::doccount facets_sample = 0;
    std::vector<FacetCount> source_facets;
    std::vector<FacetCount> month_facets;
    std::map<std::string, Xapian::doccount> group_sizes;
  };
  // The counts of `query` over `db` (those of the sources over `without_sources`, the query
  // without the request's source filter); a `relaxed` query's from its best matches. Reads
  // nothing of the searcher but its settings, so that it can run on another thread.
  MatchCounts count_matches(const Xapian::Database& db, const Xapian::Query& query,
                            const Xapian::Query& without_sources, const SearchRequest& request, bool relaxed,
                            bool narrowed) const;
  // count_matches() over the second reader, on a thread of its own; the queries go to it
  // serialised (Xapian counts a query's references without atomics: two threads never
  // share one). Only when second_reader_.get().
  std::future<MatchCounts> count_beside(const Xapian::Query& query, const Xapian::Query& without_sources,
                                        const SearchRequest& request, bool relaxed, bool narrowed) const;
  // Every match of `query` over `db`, unranked, shown to `spies`; the MSet holds no items.
  Xapian::MSet every_match(const Xapian::Database& db, const Xapian::Query& query,
                           const std::vector<Xapian::MatchSpy*>& spies) const;
  // The best kLoosenedSample matches of `query` over `db`, ranked as the results are and
  // shown to `spies`.
  Xapian::MSet sample_matches(const Xapian::Database& db, const Xapian::Query& query,
                              const std::vector<Xapian::MatchSpy*>& spies) const;
  Xapian::BM25Weight bm25_weight() const { return Xapian::BM25Weight(settings_.bm25.k1, 0, 1, settings_.bm25.b, 0.5); }
  // The best kProximityWindow matches of `ranked` (the ranked pass over `query`, best first)
  // ranked again with the near-words bonus `bonus` added; `copies` receives how many copies
  // the ranked pass folded into each.
  Xapian::MSet rescore_window(const Xapian::MSet& ranked, const Xapian::Query& query, const Xapian::Query& bonus,
                              const SearchRequest& request, std::map<Xapian::docid, Xapian::doccount>& copies);
  // `strict` limited to the articles of `seen` (the ranked pass over it, which saw every
  // match): by their stories (stories_of); empty if it matched nothing.
  Xapian::Query seen_full_matches(const Xapian::MSet& seen, const Xapian::Query& strict) const;
  // `lacking` (a short query's partial matches) without the copies of `stories` (every full
  // match's story, folded), which partial_copies_ counts instead.
  Xapian::Query fold_partial_copies(const Xapian::MSet& stories, const Xapian::Query& lacking);
  // The `count` stories (copies folded) that `query` matches, all of them, unranked.
  Xapian::MSet every_story(const Xapian::Query& query, Xapian::doccount count) const;
  // The result at `it` of the ranked pass over `query` (loosened when `relaxed`).
  // `copies`: the copies folded into it that the ranked pass saw, when another pass ranked it.
  SearchHit make_hit(const Xapian::MSetIterator& it, Xapian::doccount rank, const Xapian::Query& query,
                     const BuiltQuery& built, const SearchRequest& request, bool relaxed, Xapian::doccount copies = 0);
  // How each concept of `built` matches the document `doc`: by which of its terms, best first.
  static std::vector<ConceptMatch> explain(const BuiltQuery& built, const Xapian::Document& doc);
  // Replaces `shown` by the copy of its near-duplicate `group` matching `query` that is
  // best described (title, date, source, URL), if one is better.
  void best_described_copy(const Xapian::Query& query, const std::string& group, StoredArticle& shown);
  static constexpr Xapian::doccount kMaxCopiesLookedAt = 50;
  // Throws UsageError when a source that `request` or its query filters by has no article.
  void check_sources(const SearchRequest& request, const QueryNode& query);

  std::vector<ShardSpec> shard_specs_;
  std::vector<std::string> missing_;                     // remote shards left out of db_: down or timed out
  bool just_opened_ = false;                             // missing_ is fresh: not tried again yet
  std::map<std::string, Xapian::doccount> group_sizes_;  // matches per collapse key, when counted
  // A short query's partial matches per collapse key of a full match's story (folded into it).
  std::map<std::string, Xapian::doccount> partial_copies_;
  Xapian::Database db_;
  schema::ArticleCodec codec_;          // db_'s, followed at every reopen
  detail::SecondReader second_reader_;  // db_ again, for the counts (SearchSettings::count_beside)
  const Analyzer& analyzer_;
  SearchSettings settings_;
  AnalysisContext context_{kAnalysisCacheBytes};  // this searcher's (it is one thread's)
};

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_SEARCHER_H_
