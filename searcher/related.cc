#include "searcher/related.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "schema/schema.h"
#include "searcher/query_builder.h"
#include "searcher/query_parser.h"
#include "searcher/searcher.h"

namespace sinmun {
namespace {

#include "related_stopwords.inc"

const std::unordered_set<std::string>& stopwords() {
  static const std::unordered_set<std::string> words = [] {
    std::unordered_set<std::string> out;
    std::string_view text = kRelatedStopwordsText;
    while (!text.empty()) {
      const std::size_t end = std::min(text.find('\n'), text.size());
      std::string_view line = text.substr(0, end);
      text.remove_prefix(std::min(end + 1, text.size()));
      line = line.substr(0, line.find('#'));
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
      if (!line.empty()) out.emplace(line);
    }
    return out;
  }();
  return words;
}

// What a related word may be: nouns, names, foreign and Han words, unknown words (new names).
constexpr PosTagSet kNounTags = {PosTag::kNNG, PosTag::kNNP, PosTag::kSL, PosTag::kSH, PosTag::kUnknown};

// Characters of a UTF-8 word (lead bytes).
std::size_t characters(const std::string& word) {
  return static_cast<std::size_t>(
      std::count_if(word.begin(), word.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_number(const std::string& word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; });
}

// A word worth listing at all, before counting: a word or morpheme term, not a number, not
// one character, not a stop word, not the query's own.
bool is_candidate(const std::string& term, const std::set<std::string>& query_terms) {
  return schema::is_word_or_morpheme_term(term) && !is_number(term) && characters(term) >= 2 &&
         !is_related_stopword(term) && query_terms.count(term) == 0;
}

}  // namespace

bool is_related_stopword(const std::string& word) { return stopwords().count(word) > 0; }

double jlh_score(Xapian::doccount count, Xapian::doccount sample, Xapian::doccount background,
                 Xapian::doccount documents) {
  if (sample == 0 || documents == 0 || background == 0) return 0;
  const double fg = static_cast<double>(count) / sample;
  const double bg = static_cast<double>(background) / documents;
  return fg <= bg ? 0 : (fg - bg) * (fg / bg);
}

RelatedResponse Searcher::related(const SearchRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  QueryOptions options;
  options.synonyms = settings_.synonyms.get();
  const BuiltQuery built = request.similar_to.empty()
                               ? build_query(parse_query(request.query), analyzer_, options, &context_)
                               : BuiltQuery{};
  SearchRequest sample = request;
  sample.offset = 0;
  sample.limit = kRelatedSample;
  sample.with_snippets = false;
  sample.with_facets = false;
  sample.exact_counts = false;
  sample.explain = false;
  // What a short query is about is its full matches, not the articles with one of its words
  // that would follow them; a long one is read loosened, as it is searched.
  sample.strict = sample.strict || built.full_matches_first;
  const SearchResponse found = search(sample);  // throws UsageError for a bad query, as search does

  RelatedResponse response;
  response.query = found.query;
  response.sample = static_cast<Xapian::doccount>(found.hits.size());
  response.documents = db_.get_doccount();
  const std::set<std::string>& query_terms = built.terms;

  std::unordered_map<std::string, Xapian::doccount> counts;
  for (const SearchHit& hit : found.hits) {
    for (auto term = db_.termlist_begin(hit.docid); term != db_.termlist_end(hit.docid); ++term) {
      std::string text = *term;
      if (is_candidate(text, query_terms)) ++counts[std::move(text)];
    }
  }
  for (const auto& [word, count] : counts) {
    if (count < kRelatedMinCount) continue;
    const Xapian::doccount background = db_.get_termfreq(word);
    const double score = jlh_score(count, response.sample, background, response.documents);
    if (score > 0) response.related.push_back({word, count, background, score, false});
  }
  std::sort(response.related.begin(), response.related.end(), [](const RelatedWord& a, const RelatedWord& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.count != b.count ? a.count > b.count : a.word < b.word;
  });
  // The best words that are names or nouns, analysed alone (cheaper than keeping tags in the
  // index): a verb or adjective stem (보이, 위하) or an adverb (없이) says nothing of a topic.
  std::vector<RelatedWord> kept;
  for (RelatedWord& word : response.related) {
    if (kept.size() == kRelatedWords) break;
    bool noun = false;
    for (const Token& token : analyzer_.analyze(word.word, context_)) {
      if (token.kind == TokenKind::kNgram || token.term != word.word) continue;
      noun = token.kind == TokenKind::kWord || kNounTags.contains(token.pos);
      word.proper_noun = token.pos == PosTag::kNNP;
    }
    if (noun || !analyzer_.has_morphology()) kept.push_back(std::move(word));
  }
  response.related = std::move(kept);
  response.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return response;
}

std::string to_json(const RelatedResponse& response) {
  nlohmann::json words = nlohmann::json::array();
  for (const RelatedWord& word : response.related) {
    words.push_back({{"word", word.word},
                     {"count", word.count},
                     {"background", word.background},
                     {"score", word.score},
                     {"proper_noun", word.proper_noun}});
  }
  const nlohmann::json object = {{"query", response.query},
                                 {"sample", response.sample},
                                 {"documents", response.documents},
                                 {"took_ms", response.took_ms},
                                 {"related", std::move(words)}};
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void print_related(std::ostream& out, const RelatedResponse& response) {
  if (response.related.empty()) {
    out << "no related words for: " << response.query << " (" << response.sample << " results read)\n";
    return;
  }
  std::size_t rank = 0;
  for (const RelatedWord& word : response.related) {
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", word.score);
    out << ++rank << ". " << word.word << (word.proper_noun ? " (name)" : "") << "\t" << word.count << "/"
        << response.sample << " results\t" << word.background << " in the archive\tscore " << score << '\n';
  }
  out << "related words of the first " << response.sample << " results against " << response.documents
      << " articles (JLH)\n";
}

}  // namespace sinmun
