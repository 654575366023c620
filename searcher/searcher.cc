#include "searcher/searcher.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <future>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <system_error>

#include "base/errors.h"
#include "base/text.h"
#include "schema/schema.h"
#include "schema/stored_article.h"
#include "schema/values.h"
#include "searcher/detail/date_filter.h"
#include "searcher/detail/quote_match.h"
#include "searcher/detail/snippet.h"
#include "searcher/query_builder.h"
#include "searcher/query_parser.h"

namespace sinmun {
namespace {

// "shard :h:1, shard :h:2".
std::string shard_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "shard " : ", shard ") + name;
  return out;
}

constexpr std::size_t kMaxSourceFacets = 50;

// Terms of an article that describe it for --similar: enough to find its subject, few enough
// that its boilerplate does not dominate.
constexpr Xapian::termcount kSimilarTerms = 24;

// The date value of one end of a --from/--to range: its first day (or, for `to`, its last):
// 2025-03-01, 2025-03 or 2025.
std::string date_bound(const std::string& date, bool to) {
  std::string from_day, to_day;
  if (!parse_date_range(date, from_day, to_day) || date.find("..") != std::string::npos) {
    throw UsageError(std::string(to ? "to" : "from") + " must be a date as YYYY-MM-DD (or YYYY-MM, YYYY), not '" +
                     date + "'");
  }
  return to ? to_day : from_day;
}

Xapian::Query sources_filter(const std::vector<std::string>& sources) {
  std::vector<Xapian::Query> any;
  any.reserve(sources.size());
  for (const std::string& source : sources) any.emplace_back(schema::field_term(schema::kSource, source));
  return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

// An Enquire over `db` that counts: no scores, no order, stopped after `time_limit` seconds
// (0: never).
Xapian::Enquire counting_enquire_over(const Xapian::Database& db, double time_limit) {
  Xapian::Enquire counter(db);
  counter.set_weighting_scheme(Xapian::BoolWeight());
  if (time_limit > 0) counter.set_time_limit(time_limit);
  return counter;
}

// Source and month facets from the counts of the facet slot ("YYYYMM<TAB>source"): sources
// most frequent first (at most kMaxSourceFacets), months newest first, the articles without
// a source or a date last.
void fill_facets(const Xapian::ValueCountMatchSpy& spy, std::vector<FacetCount>* source_facets,
                 std::vector<FacetCount>* month_facets, std::size_t max_sources = kMaxSourceFacets) {
  std::map<std::string, Xapian::doccount> by_source;
  std::map<std::string, Xapian::doccount, std::greater<>> by_month;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::optional<schema::FacetValue> facet = schema::parse_facet_value(*it);
    if (!facet) continue;
    by_month[facet->month] += it.get_termfreq();
    by_source[facet->source] += it.get_termfreq();
  }
  const auto unknown = [](auto& counts) {
    const auto it = counts.find("");
    const Xapian::doccount count = it == counts.end() ? 0 : it->second;
    if (it != counts.end()) counts.erase(it);
    return count;
  };
  const Xapian::doccount no_source = unknown(by_source);
  const Xapian::doccount no_month = unknown(by_month);
  if (source_facets) {
    for (const auto& [source, count] : by_source) source_facets->push_back({source, count});
    std::stable_sort(source_facets->begin(), source_facets->end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    if (source_facets->size() > max_sources) source_facets->resize(max_sources);
    if (no_source > 0) source_facets->push_back({"", no_source});
  }
  if (month_facets) {
    for (const auto& [month, count] : by_month) month_facets->push_back({month, count});
    if (no_month > 0) month_facets->push_back({"", no_month});
  }
}

// The source names a query filters by (source:NAME anywhere in it, excluded ones too).
void collect_sources(const QueryNode& node, std::vector<std::string>& out) {
  if (node.kind == QueryNode::Kind::kField && node.field == "source") out.push_back(node.text);
  for (const QueryNode& child : node.children) collect_sources(child, out);
}

// The number of near-duplicate groups among the articles a spy on the collapse slot saw:
// an article without a key (too short to sign) is a group of its own.
Xapian::doccount count_groups(const Xapian::ValueCountMatchSpy& groups) {
  Xapian::doccount keyed = 0;
  Xapian::doccount distinct = 0;
  for (auto it = groups.values_begin(); it != groups.values_end(); ++it) {
    keyed += it.get_termfreq();
    ++distinct;
  }
  return distinct + (static_cast<Xapian::doccount>(groups.get_total()) - keyed);
}

}  // namespace

namespace {

// What `read` gives for the first shard that answers (every shard records the analysis),
// or nullopt when none does or the database cannot be opened.
template <typename Read>
auto from_first_shard(const std::string& db_path, Read&& read) -> std::optional<decltype(read(Xapian::Database()))> {
  try {
    for (const ShardSpec& spec : read_shard_specs(db_path)) {
      try {
        return read(open_shard(spec, RemoteTimeouts{}));
      } catch (const Xapian::NetworkError&) {
      }
    }
    return std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;  // the Searcher itself reports what is wrong with the database
  }
}

// The terms of `db` that are `prefix` or `prefix` and one character more, with how many
// articles hold each: one skip_to past each run of longer terms (미국인, 미국산 after 미국),
// not a walk over every term that starts with `prefix`.
std::vector<std::pair<std::string, Xapian::doccount>> terms_one_longer(const Xapian::Database& db,
                                                                       const std::string& prefix) {
  std::vector<std::pair<std::string, Xapian::doccount>> out;
  Xapian::TermIterator it = db.allterms_begin(prefix);
  const Xapian::TermIterator end = db.allterms_end(prefix);
  while (it != end) {
    const std::string term = *it;
    const std::size_t rest = term.size() - prefix.size();
    const std::size_t next = rest == 0 ? 0 : utf8_sequence_length(static_cast<unsigned char>(term[prefix.size()]));
    if (rest <= next) {
      out.emplace_back(term, it.get_termfreq());
      ++it;
    } else {
      it.skip_to(term.substr(0, prefix.size() + next) + '\xff');  // past every term it starts
    }
  }
  return out;
}

}  // namespace

std::string indexed_analyzer_mode(const std::string& db_path) {
  return from_first_shard(
             db_path, [](const Xapian::Database& db) { return db.get_metadata(std::string(schema::kAnalyzerModeKey)); })
      .value_or("");
}

Analyzer make_query_analyzer(const std::string& db_path, AnalyzerConfig config, bool mode_given,
                             const std::function<void(const std::string&)>& report) {
  const std::string indexed_mode = indexed_analyzer_mode(db_path);
  if (!mode_given && !indexed_mode.empty()) config.mode = parse_analysis_mode(indexed_mode);
  Analyzer analyzer = make_analyzer(config, report);
  if (!indexed_mode.empty() && indexed_mode != analyzer.mode()) {
    report(db_path + " was indexed with '" + indexed_mode + "' analysis but queries get '" + analyzer.mode() +
           "': results will be poorer");
  }
  const int revision = from_first_shard(db_path, [](const Xapian::Database& db) {
                         return db.get_doccount() == 0 ? kAnalysisRevision : schema::recorded_analysis_revision(db);
                       }).value_or(kAnalysisRevision);
  if (revision < kAnalysisRevision) report(older_analysis_note(db_path, revision));
  return analyzer;
}

std::string older_analysis_note(const std::string& db_path, int revision) {
  return db_path + " holds articles indexed by an older Sinmun (analysis revision " + std::to_string(revision) +
         ", this one " + std::to_string(kAnalysisRevision) + "): searches can miss them; sinmun-index --db " + db_path +
         " --reanalyze analyses them again";
}

// Expand terms worth using: words and morphemes (unprefixed), not n-grams, field or id terms,
// not numbers alone, which say little about what an article is about, and not terms of
// this article only, which can find nothing else.
class ContentTerms : public Xapian::ExpandDecider {
 public:
  explicit ContentTerms(const Xapian::Database& db) : db_(db) {}

  bool operator()(const std::string& term) const override {
    if (!schema::is_word_or_morpheme_term(term)) return false;
    if (std::all_of(term.begin(), term.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; })) {
      return false;
    }
    return db_.get_termfreq(term) >= 2;
  }

 private:
  const Xapian::Database& db_;
};

BuiltQuery Searcher::similar_query(const std::string& id) {
  const std::string id_term = schema::id_term(id);
  Xapian::PostingIterator posting = db_.postlist_begin(id_term);
  if (posting == db_.postlist_end(id_term))
    throw NotFound("no article with id '" + id + "' (ids are listed by --json searches)");
  Xapian::RSet relevant;
  relevant.add_document(*posting);
  Xapian::Enquire enquire(db_);
  const ContentTerms decider(db_);
  // Exact term frequencies: over shards Xapian otherwise estimates them from the shard
  // holding the article, and the terms chosen would depend on the sharding.
  const Xapian::ESet expand = enquire.get_eset(kSimilarTerms, relevant, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
  BuiltQuery built;
  std::vector<Xapian::Query> terms;
  for (auto it = expand.begin(); it != expand.end(); ++it) {
    terms.emplace_back(*it);
    built.terms.insert(*it);
  }
  built.strict = Xapian::Query(Xapian::Query::OP_AND_NOT,
                               Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), Xapian::Query(id_term));
  return built;
}

// Totals and facets count every match, so they are counted in a pass of their own that
// needs no scores, no order and no folding of copies (each source did print its copy): far
// cheaper than making the ranked pass look at every match. Groups of copies are counted
// from the collapse keys seen, which is what the ranked pass folds by.
//
// A loosened query (any of a pasted headline's words) matches most of the archive, and
// counting all of it cost more than the search (100k articles: p99 200 ms). Its counts
// describe its best kLoosenedSample matches instead (`narrowed`: those of its rarest words),
// flagged as such, and its totals are lower bounds: "at least" is what they honestly are.
Searcher::MatchCounts Searcher::count_matches(const Xapian::Database& db, const Xapian::Query& query,
                                              const Xapian::Query& without_sources, const SearchRequest& request,
                                              bool relaxed, bool narrowed) const {
  MatchCounts counts;
  Xapian::ValueCountMatchSpy facets(schema::kFacetSlot);
  Xapian::ValueCountMatchSpy groups(schema::kCollapseSlot);
  std::vector<Xapian::MatchSpy*> spies;
  if (request.with_facets) spies.push_back(&facets);
  if (request.collapse) spies.push_back(&groups);
  const Xapian::MSet all = relaxed ? sample_matches(db, query, spies) : every_match(db, query, spies);
  counts.total_articles = all.get_matches_lower_bound();
  counts.total = request.collapse ? count_groups(groups) : counts.total_articles;
  for (auto it = groups.values_begin(); it != groups.values_end(); ++it) counts.group_sizes[*it] = it.get_termfreq();
  // Every match was seen, unless the time limit stopped the count or only the best were
  // sampled (or those of the query's rarest words): then lower bounds.
  counts.total_is_exact = all.get_matches_lower_bound() == all.get_matches_upper_bound() &&
                          (!relaxed || (all.size() == all.get_matches_lower_bound() && !narrowed));
  if (relaxed && !counts.total_is_exact) counts.facets_sample = all.size();
  if (!request.with_facets) return counts;
  const bool sources_filtered = !request.sources.empty();
  fill_facets(facets, sources_filtered ? nullptr : &counts.source_facets, &counts.month_facets);
  if (sources_filtered) {  // the sources' counts as if none were chosen
    Xapian::ValueCountMatchSpy source_facets(schema::kFacetSlot);
    if (relaxed) {
      // All the articles of the chosen sources may fit in the sample while those of every
      // source do not: then the sources' counts are of a sample, and say so.
      const Xapian::MSet seen = sample_matches(db, without_sources, {&source_facets});
      const bool saw_all = seen.get_matches_lower_bound() == seen.get_matches_upper_bound() &&
                           seen.size() == seen.get_matches_lower_bound();
      if (!saw_all) counts.facets_sample = std::max(counts.facets_sample, seen.size());
    } else {
      every_match(db, without_sources, {&source_facets});
    }
    fill_facets(source_facets, &counts.source_facets, nullptr);
  }
  return counts;
}

// A pasted headline's counts took a third of its time (1M articles, facets and snippets:
// p99 49 ms counting after the ranked pass, 36 beside it).
std::future<Searcher::MatchCounts> Searcher::count_beside(const Xapian::Query& query,
                                                          const Xapian::Query& without_sources,
                                                          const SearchRequest& request, bool relaxed,
                                                          bool narrowed) const {
  try {
    return std::async(std::launch::async, [this, db = second_reader_.get(), query = query.serialise(),
                                           without_sources = without_sources.serialise(), request, relaxed, narrowed] {
      return count_matches(*db, Xapian::Query::unserialise(query), Xapian::Query::unserialise(without_sources), request,
                           relaxed, narrowed);
    });
  } catch (const std::system_error&) {  // no thread to be had: counted after the ranking
    return {};
  }
}

Xapian::MSet Searcher::every_match(const Xapian::Database& db, const Xapian::Query& query,
                                   const std::vector<Xapian::MatchSpy*>& spies) const {
  Xapian::Enquire counter = counting_enquire_over(db, settings_.time_limit_seconds);
  counter.set_query(query);
  for (Xapian::MatchSpy* spy : spies) counter.add_matchspy(spy);
  return counter.get_mset(0, 0, db.get_doccount());
}

Xapian::MSet Searcher::sample_matches(const Xapian::Database& db, const Xapian::Query& query,
                                      const std::vector<Xapian::MatchSpy*>& spies) const {
  Xapian::Enquire ranked(db);
  ranked.set_query(query);
  ranked.set_weighting_scheme(bm25_weight());
  if (settings_.time_limit_seconds > 0) ranked.set_time_limit(settings_.time_limit_seconds);
  const Xapian::MSet best = ranked.get_mset(0, kLoosenedSample, kLoosenedSample);
  // A match spy is a function of the document: fed the best matches only, it counts them.
  for (Xapian::MSetIterator it = best.begin(); it != best.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    for (Xapian::MatchSpy* spy : spies) (*spy)(doc, it.get_weight());
  }
  return best;
}

std::vector<FacetCount> Searcher::sources() {
  Xapian::Enquire counter(db_);
  counter.set_query(Xapian::Query::MatchAll);
  counter.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::ValueCountMatchSpy facets(schema::kFacetSlot);
  counter.add_matchspy(&facets);
  counter.get_mset(0, 0, db_.get_doccount());
  std::vector<FacetCount> all;
  fill_facets(facets, &all, nullptr, std::numeric_limits<std::size_t>::max());
  return all;
}

void Searcher::check_sources(const SearchRequest& request, const QueryNode& query) {
  std::vector<std::string> named = request.sources;
  collect_sources(query, named);
  for (const std::string& source : named) {
    if (db_.get_termfreq(schema::field_term(schema::kSource, source)) > 0) continue;
    // Suggest the sources whose names hold what was typed (연합 → 연합뉴스, 연합뉴스TV).
    const std::string typed = lowercase_ascii(source);
    std::vector<std::string> near;
    for (const FacetCount& known : sources()) {
      if (!known.value.empty() && lowercase_ascii(known.value).find(typed) != std::string::npos) {
        near.push_back(known.value);
      }
    }
    std::string message = "no source " + source;
    for (std::size_t i = 0; i < near.size() && i < 5; ++i) message += (i == 0 ? "; did you mean " : ", ") + near[i];
    throw UsageError(message + (near.empty() ? " in this database" : "?"));
  }
}

// The document's terms are read once, in order, for every concept's terms: a loosened query
// finds the articles with every word by id, so the query's own matching terms would lack
// the words those are ranked by.
std::vector<ConceptMatch> Searcher::explain(const BuiltQuery& built, const Xapian::Document& doc) {
  std::map<std::string, std::string> found;  // a concept term (or wildcard) → the term indexing doc
  for (const QueryConcept& query_concept : built.concepts) {
    for (const ConceptTerm& term : query_concept.terms) found.emplace(term.term, "");
  }
  Xapian::TermIterator t = doc.termlist_begin();
  for (auto& [wanted, indexing] : found) {
    t.skip_to(wanted);
    if (t == doc.termlist_end()) break;
    if ((*t).rfind(wanted, 0) == 0) indexing = *t;  // the term itself, or one it is the prefix of
  }
  std::vector<ConceptMatch> out;
  for (const QueryConcept& query_concept : built.concepts) {
    ConceptMatch match{query_concept.text, false, MatchForm::kBigram, ""};
    for (const ConceptTerm& term : query_concept.terms) {
      if (match.matched && term.form >= match.form) continue;
      const std::string& indexing = found[term.term];
      if (indexing == term.term || (term.prefix && !indexing.empty())) {
        match = {query_concept.text, true, term.form, indexing};
      }
    }
    out.push_back(std::move(match));
  }
  return out;
}

namespace {

// How much a copy tells a reader about itself: a title, a date, a source, a URL.
int description(const StoredArticle& article) {
  return !article.title.empty() + !article.date.empty() + !article.source.empty() + !article.url.empty();
}

}  // namespace

// Xapian keeps the best-ranked copy of a group, which may be the worst described (a
// broadcast script with no date or source over three complete pages): show the matching
// copy that says most about itself instead, the ranked one on ties.
void Searcher::best_described_copy(const Xapian::Query& query, const std::string& group, StoredArticle& shown) {
  constexpr int kFullyDescribed = 4;
  if (group.empty() || description(shown) == kFullyDescribed) return;
  Xapian::Enquire copies(db_);
  copies.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(schema::group_term(group))));
  copies.set_weighting_scheme(Xapian::BoolWeight());
  // By id, not docid: the same copy wins on a single database and on shards.
  copies.set_sort_by_value(schema::kIdSlot, false);
  const Xapian::MSet members = copies.get_mset(0, kMaxCopiesLookedAt);
  for (auto it = members.begin(); it != members.end(); ++it) {
    StoredArticle copy;
    if (codec_.decode(it.get_document().get_data(), copy) && description(copy) > description(shown)) {
      shown = std::move(copy);
      if (description(shown) == kFullyDescribed) return;
    }
  }
}

SearchHit Searcher::make_hit(const Xapian::MSetIterator& it, Xapian::doccount rank, const Xapian::Query& query,
                             const BuiltQuery& built, const SearchRequest& request, bool relaxed,
                             Xapian::doccount copies) {
  SearchHit hit;
  hit.rank = rank;
  hit.docid = *it;
  hit.score = it.get_weight();
  // Which words each shown result has (a run of ids for evaluation shows none).
  if (request.explain || (relaxed && request.with_snippets)) {
    std::vector<ConceptMatch> concepts = explain(built, it.get_document());
    hit.partial =
        relaxed && std::any_of(concepts.begin(), concepts.end(), [](const ConceptMatch& c) { return !c.matched; });
    if (request.explain) hit.explain = std::move(concepts);
  }
  hit.similar = request.collapse ? std::max(it.get_collapse_count(), copies) : 0;
  // Xapian's count is a lower bound, and over remote shards it misses the copies another
  // shard folded: the count pass, when there was one, knows every match of the group.
  if (const auto group = group_sizes_.find(it.get_collapse_key()); request.collapse && group != group_sizes_.end()) {
    hit.similar = std::max(hit.similar, group->second - 1);  // a sample may have seen fewer
  }
  if (const auto folded = partial_copies_.find(it.get_collapse_key());
      request.collapse && folded != partial_copies_.end()) {
    hit.similar += folded->second;
  }
  StoredArticle stored;
  if (codec_.decode(it.get_document().get_data(), stored)) {
    if (hit.similar > 0) best_described_copy(query, it.get_document().get_value(schema::kCollapseSlot), stored);
    if (!built.quote_terms.empty()) hit.quotes = matching_quotes(stored.quotes, built.quote_terms, analyzer_, context_);
    hit.id = std::move(stored.id);
    hit.title = std::move(stored.title);
    hit.date = std::move(stored.date);
    hit.source = std::move(stored.source);
    hit.url = std::move(stored.url);
    if (request.with_snippets) {
      hit.snippet = make_snippet(stored.body, built.terms, analyzer_, 160, &context_);
      hit.title_html =
          make_snippet(hit.title, built.terms, analyzer_, std::numeric_limits<std::size_t>::max(), &context_);
    }
  }
  return hit;
}

std::optional<StoredArticle> Searcher::find(const std::string& id) {
  const std::string term = schema::id_term(id);
  const Xapian::PostingIterator it = db_.postlist_begin(term);
  if (it == db_.postlist_end(term)) return std::nullopt;
  StoredArticle article;
  if (!codec_.decode(db_.get_document(*it).get_data(), article)) {
    throw DataError("document " + std::to_string(*it) + " (id '" + id + "') has damaged data");
  }
  return article;
}

Searcher::Searcher(const std::string& db_path, const Analyzer& analyzer, SearchSettings settings)
    : shard_specs_(read_shard_specs(db_path)), analyzer_(analyzer), settings_(std::move(settings)) {
  reopen_shards();
  if (db_.size() == 0) throw EnvironmentError(db_path + ": no shard answers: " + shard_list(missing_));
}

bool Searcher::reopen() {
  try {
    const bool changed = db_.reopen();
    codec_.follow(db_);
    second_reader_.follow(db_);
    return changed;
  } catch (const Xapian::NetworkError&) {
    reopen_shards();  // the next search names the missing shards, or answers without them
    return true;
  }
}

void Searcher::reopen_shards() {
  db_ = open_shards(shard_specs_, settings_.remote_timeouts, missing_);
  if (db_.size() > 0) codec_.follow(db_);
  if (settings_.count_beside) second_reader_.open(shard_specs_, db_);
  just_opened_ = true;
}

// A remote shard may go down (or stop answering: the timeouts) between two searches or
// during one: then the shards are opened again, and the search fails naming those that do
// not answer, or is answered by the others when partial answers are allowed. Shards that
// were missing are tried again at each search, so that one back up is used at once.
SearchResponse Searcher::search(const SearchRequest& request) {
  const bool allow_partial = request.allow_partial || settings_.allow_partial;
  for (int attempt = 0;; ++attempt) {
    if (!missing_.empty() && !just_opened_) reopen_shards();
    just_opened_ = false;
    if (!missing_.empty() && (!allow_partial || db_.size() == 0)) {
      throw EnvironmentError(shard_list(missing_) + (missing_.size() == 1 ? " is" : " are") + " down or not answering" +
                             (db_.size() == 0 ? "" : "; --allow-partial (allow_partial=1) answers from the others"));
    }
    try {
      SearchResponse response = search_shards(request);
      response.partial = !missing_.empty();
      response.missing_shards = missing_;
      return response;
    } catch (const Xapian::NetworkError& error) {
      reopen_shards();
      if (attempt > 0 || missing_.empty()) {
        throw EnvironmentError("a remote shard failed during the search: " + error.get_description());
      }
    }
  }
}

BuiltQuery Searcher::build(const SearchRequest& request) {
  QueryOptions query_options;
  query_options.synonyms = settings_.synonyms.get();
  query_options.proximity_weight = settings_.proximity_weight;
  query_options.term_frequency = [this](const std::string& term) { return db_.get_termfreq(term); };
  query_options.terms_one_longer = [this](const std::string& prefix) { return terms_one_longer(db_, prefix); };
  query_options.date_range = [this](const std::string& from, const std::string& to) {
    return detail::date_range_filter(db_, from, to);
  };
  if (request.similar_to.empty() && request.query.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw UsageError("the query is empty: give some words to search for");
  }
  const QueryNode parsed = request.similar_to.empty() ? parse_query(request.query) : QueryNode{};
  check_sources(request, parsed);
  return request.similar_to.empty() ? build_query(parsed, analyzer_, query_options, &context_)
                                    : similar_query(request.similar_to);
}

Xapian::Query Searcher::matching_query(const SearchRequest& request, std::set<std::string>* terms) {
  BuiltQuery built = build(request);
  if (terms != nullptr) *terms = std::move(built.terms);
  return filters_of(request).apply(built.strict);
}

namespace {

// The id term of a match of a pass ordered by the order slot (ranked_enquire()): its sort
// key holds the id, so no value is read again.
Xapian::Query id_term_of(const Xapian::MSetIterator& it) {
  return Xapian::Query(schema::id_term(schema::id_of_order_value(it.get_sort_key())));
}

// The matches of `seen` (a pass of ranked_enquire()) as one query: each by its story's group
// term when it has one, so that the copies folded into it come too, else by its id term;
// empty when `seen` is.
Xapian::Query stories_of(const Xapian::MSet& seen) {
  std::vector<Xapian::Query> found;
  for (Xapian::MSetIterator it = seen.begin(); it != seen.end(); ++it) {
    found.push_back(it.get_collapse_key().empty() ? id_term_of(it)
                                                  : Xapian::Query(schema::group_term(it.get_collapse_key())));
  }
  return found.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, found.begin(), found.end());
}

// What a loosened query's totals and facets count: its words (only its rarest when
// `narrowed`) with the full matches found by the strict pass (`full_matches`), and, for the
// source facets, which count every source, with every full match instead.
std::pair<Xapian::Query, Xapian::Query> loosened_counted(const BuiltQuery& built, const Xapian::Query& full_matches,
                                                         bool narrowed) {
  const Xapian::Query& loosened = narrowed ? built.relaxed_sample : built.relaxed;
  return {Xapian::Query(Xapian::Query::OP_OR, loosened, full_matches),
          Xapian::Query(Xapian::Query::OP_OR, loosened, built.strict)};
}

}  // namespace

// Found by id (or group), the articles with every word cost nothing to add as a bonus;
// matched again, every word over the archive (1M articles, pasted headlines: p99 44.6 ->
// 32.4 ms, the same results). The pass saw every match, so its stories hold them all.
Xapian::Query Searcher::seen_full_matches(const Xapian::MSet& seen, const Xapian::Query& strict) const {
  if (seen.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_FILTER, strict, stories_of(seen));
}

// A short query's copy of a full match's story that lacks a word (a shortened wire copy) is
// the same story, already listed: it is counted among the story's copies, as a loosened
// query's single pass folds it, instead of being listed again among the partial matches.
Xapian::Query Searcher::fold_partial_copies(const Xapian::MSet& stories, const Xapian::Query& lacking) {
  const Xapian::Query of_stories = stories_of(stories);
  if (of_stories.empty()) return lacking;
  Xapian::ValueCountMatchSpy copies(schema::kCollapseSlot);
  every_match(db_, Xapian::Query(Xapian::Query::OP_FILTER, lacking, of_stories), {&copies});
  for (auto it = copies.values_begin(); it != copies.values_end(); ++it) partial_copies_[*it] = it.get_termfreq();
  return Xapian::Query(Xapian::Query::OP_AND_NOT, lacking, of_stories);
}

Xapian::MSet Searcher::every_story(const Xapian::Query& query, Xapian::doccount count) const {
  Xapian::Enquire stories(db_);
  stories.set_query(query);
  stories.set_weighting_scheme(Xapian::BoolWeight());
  stories.set_collapse_key(schema::kCollapseSlot);
  if (settings_.time_limit_seconds > 0) stories.set_time_limit(settings_.time_limit_seconds);
  return stories.get_mset(0, count);
}

// The window holds one copy of each story, so the copies folded into each are the ranked
// pass's count.
Xapian::MSet Searcher::rescore_window(const Xapian::MSet& ranked, const Xapian::Query& query,
                                      const Xapian::Query& bonus, const SearchRequest& request,
                                      std::map<Xapian::docid, Xapian::doccount>& copies) {
  std::vector<Xapian::Query> ids;
  const Xapian::doccount size = std::min(ranked.size(), kProximityWindow);
  for (Xapian::doccount i = 0; i < size; ++i) {
    const Xapian::MSetIterator it = ranked[i];
    ids.push_back(id_term_of(it));
    copies[*it] = it.get_collapse_count();
  }
  Xapian::Enquire rescorer = ranked_enquire(request);
  rescorer.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, bonus),
                                   Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end())));
  return rescorer.get_mset(0, size);
}

Xapian::MSet Searcher::proximity_window(const SearchRequest& request) {
  const BuiltQuery built = build(request);
  if (built.proximity.empty() || request.sort != SortOrder::kRelevance) return {};
  const Xapian::Query matching = filters_of(request).apply(built.strict);
  Xapian::Enquire enquire = ranked_enquire(request);
  enquire.set_query(matching);
  std::map<Xapian::docid, Xapian::doccount> copies;
  return rescore_window(enquire.get_mset(0, kProximityWindow), matching, built.proximity, request, copies);
}

Searcher::RequestFilters Searcher::filters_of(const SearchRequest& request) const {
  RequestFilters filters;
  if (!request.date_from.empty() || !request.date_to.empty()) {
    const std::string from = request.date_from.empty() ? "00000000" : date_bound(request.date_from, false);
    const std::string to = request.date_to.empty() ? "99999999" : date_bound(request.date_to, true);
    if (from > to) {
      throw UsageError("from (" + request.date_from + ") is after to (" + request.date_to + "): no day is in between");
    }
    filters.dates = detail::date_range_filter(db_, from, to);
  }
  if (!request.sources.empty()) filters.sources = sources_filter(request.sources);
  return filters;
}

Xapian::Query Searcher::RequestFilters::apply(Xapian::Query query, bool with_sources) const {
  if (!dates.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, dates);
  if (with_sources && !sources.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, sources);
  return query;
}

Xapian::Enquire Searcher::ranked_enquire(const SearchRequest& request) const {
  Xapian::Enquire enquire(db_);
  enquire.set_weighting_scheme(bm25_weight());
  // Ties never depend on the order documents were indexed in: newer first, then by id (in
  // reverse, which is as deterministic), from one value read per match.
  if (request.sort == SortOrder::kDate) {
    enquire.set_sort_by_value_then_relevance(schema::kOrderSlot, true);
  } else {
    enquire.set_sort_by_relevance_then_value(schema::kOrderSlot, true);
  }
  if (request.collapse) enquire.set_collapse_key(schema::kCollapseSlot);
  if (settings_.time_limit_seconds > 0) enquire.set_time_limit(settings_.time_limit_seconds);
  return enquire;
}

Xapian::Enquire Searcher::counting_enquire() const { return counting_enquire_over(db_, settings_.time_limit_seconds); }

SearchResponse Searcher::search_shards(const SearchRequest& request) {
  group_sizes_.clear();
  partial_copies_.clear();
  const auto started = std::chrono::steady_clock::now();
  SearchResponse response;
  response.query = request.similar_to.empty() ? request.query : "similar:" + request.similar_to;
  const BuiltQuery built = build(request);
  const RequestFilters filters = filters_of(request);
  Xapian::Enquire enquire = ranked_enquire(request);
  // The ranked pass stops counting once the page is full; count_matches() counts exactly.
  const Xapian::doccount wanted = request.offset + request.limit;
  Xapian::Query base = built.strict;
  Xapian::Query query = filters.apply(base);
  enquire.set_query(query);
  // A short query's near-words bonus reorders its best matches by its words (sorted by date,
  // where the order value is unique, it would change nothing), so the ranked pass reads at
  // least that many. (A short query is never loosened: its partial matches follow.)
  const bool rescored = !built.proximity.empty() && request.sort == SortOrder::kRelevance;
  // A long query may be loosened, with the articles that have every word as a bonus (below):
  // its ranked pass reads from the first match, so that those are known.
  const bool loosenable = !built.relaxed.empty() && !built.full_matches_first && !request.strict;
  // The counts, when a second reader can count beside the ranked passes: of the query as it
  // stands when it will not be loosened, of the loosened query once it is (`narrowed` is then
  // guessed, checked below).
  const bool counted_apart = request.exact_counts || request.with_facets;
  std::future<MatchCounts> counting;
  bool counting_narrowed = false;
  if (counted_apart && !loosenable && second_reader_.get()) {
    counting = count_beside(query, filters.apply(base, false), request, false, false);
  }
  Xapian::doccount page_in_mset = loosenable ? request.offset : 0;  // where the page starts
  Xapian::MSet mset = rescored     ? enquire.get_mset(0, std::max(kProximityWindow, wanted), wanted)
                      : loosenable ? enquire.get_mset(0, wanted, wanted)
                                   : enquire.get_mset(request.offset, request.limit, wanted);
  Xapian::Query full_matches = built.strict;
  Xapian::MSet window;
  std::map<Xapian::docid, Xapian::doccount> copies_seen;
  if (rescored && request.offset < kProximityWindow && request.offset < mset.size()) {
    window = rescore_window(mset, query, built.proximity, request, copies_seen);
  }
  // A short query's articles that lack a word, listed after every article that has them all.
  Xapian::MSet rest_mset;
  if (mset.get_matches_lower_bound() < wanted && !built.relaxed.empty() && !request.strict) {
    if (built.full_matches_first) {
      // The page reaches past the full matches (fewer than `wanted`, so all were seen):
      // fill it with the best of the rest. The totals and facets stay those of the full
      // matches, exact and the same whatever the page; the rest are counted apart, up to
      // kPartialMatchesCounted of them.
      const Xapian::doccount full = mset.get_matches_lower_bound();
      Xapian::Query lacking = filters.apply(Xapian::Query(Xapian::Query::OP_AND_NOT, built.relaxed, built.strict));
      if (request.collapse) {
        // Every full match's story: the ranked pass holds them all when it read from the first
        // (1M articles, 2 words within a year: p99 53-54 ms reading them again, 48-50 without).
        lacking = fold_partial_copies(rescored || request.offset == 0 ? mset : every_story(query, full), lacking);
      }
      Xapian::Enquire rest = ranked_enquire(request);
      rest.set_query(lacking);
      const Xapian::doccount skip = request.offset > full ? request.offset - full : 0;
      const Xapian::doccount full_on_page = std::min(full > request.offset ? full - request.offset : 0, request.limit);
      rest_mset = rest.get_mset(skip, request.limit - full_on_page);
      Xapian::Enquire counter = counting_enquire();
      counter.set_query(lacking);
      const Xapian::MSet counted = counter.get_mset(0, 0, kPartialMatchesCounted);
      response.partial_matches = counted.get_matches_lower_bound();
      response.partial_matches_is_exact = counted.get_matches_lower_bound() == counted.get_matches_upper_bound();
    } else {
      // Too few articles have every word (a pasted headline rarely does): accept any word,
      // and add the strict query's weight as the bonus for having them all.
      response.relaxed = true;
      page_in_mset = 0;
      full_matches = seen_full_matches(mset, built.strict);
      base = Xapian::Query(Xapian::Query::OP_OR, built.relaxed, full_matches);
      query = filters.apply(base);
      enquire.set_query(query);
      if (counted_apart && second_reader_.get()) {
        counting_narrowed = !built.relaxed_sample.empty();
        const auto [counted, every_source] = loosened_counted(built, full_matches, counting_narrowed);
        counting =
            count_beside(filters.apply(counted), filters.apply(every_source, false), request, true, counting_narrowed);
      }
      mset = enquire.get_mset(request.offset, request.limit, wanted);
    }
  }
  if (counted_apart) {
    // A loosened query's counts sample the best matches of its rarest words, unless all its
    // matches fit in the sample (then they are counted exactly).
    const bool narrowed =
        response.relaxed && !built.relaxed_sample.empty() && mset.get_matches_upper_bound() > kLoosenedSample;
    MatchCounts counts;
    if (counting.valid() && counting_narrowed == narrowed) {
      counts = counting.get();
    } else if (response.relaxed) {  // counted here: no second reader, or a few matches after all
      const auto [counted, every_source] = loosened_counted(built, full_matches, narrowed);
      counts = count_matches(db_, filters.apply(counted), filters.apply(every_source, false), request, true, narrowed);
    } else {
      counts = count_matches(db_, query, filters.apply(base, false), request, false, false);
    }
    response.total = counts.total;
    response.total_articles = counts.total_articles;
    response.total_is_exact = counts.total_is_exact;
    response.facets_sample = counts.facets_sample;
    response.source_facets = std::move(counts.source_facets);
    response.month_facets = std::move(counts.month_facets);
    group_sizes_ = std::move(counts.group_sizes);
  } else {
    response.total = mset.get_matches_lower_bound();
    response.total_articles = mset.get_uncollapsed_matches_lower_bound();
    response.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound() &&
                              mset.get_uncollapsed_matches_lower_bound() == mset.get_uncollapsed_matches_upper_bound();
  }

  Xapian::doccount rank = request.offset;
  if (rescored) {
    // The page's ranks below the window come from the window, the others from the ranked pass.
    for (Xapian::doccount at = request.offset; at < wanted; ++at) {
      if (at < window.size()) {
        const Xapian::MSetIterator it = window[at];
        response.hits.push_back(make_hit(it, ++rank, query, built, request, false, copies_seen[*it]));
      } else if (at >= kProximityWindow && at < mset.size()) {
        response.hits.push_back(make_hit(mset[at], ++rank, query, built, request, false));
      }
    }
  } else {
    for (Xapian::doccount at = page_in_mset; at < mset.size(); ++at) {
      response.hits.push_back(make_hit(mset[at], ++rank, query, built, request, response.relaxed));
    }
  }
  for (Xapian::MSetIterator it = rest_mset.begin(); it != rest_mset.end(); ++it) {
    response.hits.push_back(make_hit(it, ++rank, query, built, request, true));
    response.hits.back().partial = true;  // the rest lack a word by construction
  }
  // A sampled count is a lower bound; the page shown is known to exist.
  if (response.facets_sample > 0) response.total = std::max(response.total, rank);
  response.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return response;
}

}  // namespace sinmun
