#include "searcher/query_builder.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <optional>
#include <regex>

#include "base/errors.h"
#include "schema/schema.h"
#include "schema/values.h"

namespace sinmun {
namespace {

using Queries = std::vector<Xapian::Query>;

// The bigrams (with morphemes: the texts, each its bigram and its word or morpheme) a
// one-syllable word's n-gram variant expands to, the most frequent: each costs a posting
// list to merge at every match (1M articles, pasted headlines with facets
// and snippets, whose 2014년 and 3명 expand 년 and 명: p99 56.7 -> 52.2 ms from 64 to 16;
// dev figures unchanged).
constexpr Xapian::termcount kMaxSyllableExpansion = 16;
constexpr Xapian::termcount kMaxWildcardExpansion = 200;
// Wildcards (one-syllable words, GPT*) a query may expand; past them a syllable is only
// itself and a prefix only the word it spells, so that 333 one-letter words cost no more
// than any long query (they once took 5 s and 1 GB).
constexpr int kMaxWildcardsPerQuery = 8;
// A long query's counts sample its best matches over half its words, and at least this many:
// the rarest weigh the most in BM25 and are the cheapest to rank (1M articles, pasted
// headlines with facets: p99 142 -> 75 ms with Xapian's own OP_ELITE_SET, which over shards
// picks per shard).
constexpr std::size_t kSampleWords = 4;
// The most articles a compound's phrase of parts may check positions in (phrase_affordable).
constexpr Xapian::doccount kMaxPhraseCandidates = 50000;
// Extra positions a proximity window allows beyond one per word.
constexpr Xapian::termcount kProximitySlack = 3;

using schema::TextSpace;

bool is_plain_wildcard(const std::string& text) {
  return text.size() > 1 && text.back() == '*' && std::all_of(text.begin(), text.end() - 1, [](unsigned char c) {
           return std::isalnum(c) || c == '-' || c == '.';
         });
}

Xapian::Query combine(Xapian::Query::op op, const Queries& parts, Xapian::termcount window = 0) {
  if (parts.empty()) return Xapian::Query::MatchNothing;
  if (parts.size() == 1) return parts[0];
  return Xapian::Query(op, parts.begin(), parts.end(), window);
}

// A word or morpheme token with the parts of it that are terms too (a compound's).
struct Item {
  const Token* whole;
  std::vector<const Token*> parts;

  // True when the parts spell out the whole (반도체+공급+망), false for a prefixed word
  // (비급여 has the part 급여 only): only then may the parts stand in for the whole.
  bool parts_cover_whole() const { return whole->role == TokenRole::kCompound && !parts.empty(); }
};

std::vector<Item> primary_items(const std::vector<Token>& tokens) {
  std::vector<Item> items;
  std::vector<std::size_t> item_of_token(tokens.size(), 0);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.kind == TokenKind::kNgram) continue;
    if (token.role == TokenRole::kPart) {
      items[item_of_token[token.compound]].parts.push_back(&token);
      continue;
    }
    item_of_token[i] = items.size();
    items.push_back({&token, {}});
  }
  return items;
}

// The n-grams of each Hangul/CJK piece: overlapping bigrams at consecutive positions.
std::vector<std::vector<const Token*>> ngram_runs(const std::vector<Token>& tokens) {
  std::vector<std::vector<const Token*>> runs;
  for (const Token& token : tokens) {
    if (token.kind != TokenKind::kNgram) continue;
    if (runs.empty() || runs.back().back()->piece != token.piece) runs.emplace_back();
    runs.back().push_back(&token);
  }
  return runs;
}

MatchForm form_of(const Token& token) {
  if (token.kind == TokenKind::kNgram) return MatchForm::kBigram;
  return token.role == TokenRole::kPart ? MatchForm::kPart : MatchForm::kWord;
}

class Builder {
 public:
  Builder(const Analyzer& analyzer, AnalysisContext& context, const QueryOptions& options, BuiltQuery& built)
      : analyzer_(analyzer), context_(context), options_(options), terms_(built.terms), built_(built) {}

  Xapian::Query term(const Token& token) {
    const std::string t = noted(token);
    if (token.kind != TokenKind::kNgram || !analyzer_.has_morphology()) return Xapian::Query(t);
    // With morphemes the indexer leaves out a bigram that a morpheme of the same text covers
    // (schema::covering_term): an article has the bigram, or that morpheme, or both. Asked for
    // whether or not any article has the morpheme (most bigrams, 출을 or 체공, are none): the
    // question would cost a round trip to every remote shard for every bigram.
    const std::string covering = schema::covering_term(token, space_);
    if (quoting()) built_.quote_terms.insert(covering);
    note(covering, MatchForm::kBigram);
    return Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query(t), Xapian::Query(covering));
  }

  // The index term of `token` in this space, remembered for highlighting, quotations and
  // --explain.
  std::string noted(const Token& token) {
    const std::string t = schema::text_term(token, space_);
    terms_.insert(schema::text_term(token));
    if (quoting()) built_.quote_terms.insert(t);
    note(t, form_of(token));
    return t;
  }

  // Whether the words being built are looked for in quotations (quote:, speaker:), not excluded.
  bool quoting() const { return (space_ == TextSpace::kQuoteText || space_ == TextSpace::kSpeakerName) && !excluding_; }

  // Remembers `term` as a way the concept being built matches.
  void note(const std::string& term, MatchForm form, bool prefix = false) {
    if (concept_ == nullptr) return;
    if (another_word_ && form != MatchForm::kBigram) form = MatchForm::kSynonym;
    concept_->terms.push_back({term, form, prefix});
  }

  // Whether the phrase of `parts` checks the positions of few enough articles: those that
  // have its rarest part. A phrase of common parts (한국 시 of 한국시, 국민 힘 of 국민의힘)
  // checks much of the archive for the few articles that spell the word apart (1M articles,
  // 2 words: p99 13.9 -> 8.5 ms; smaller archives keep every phrase).
  bool phrase_affordable(const std::vector<const Token*>& parts) const {
    if (!options_.term_frequency) return true;
    std::vector<std::string> terms;
    for (const Token* part : parts) terms.push_back(schema::text_term(*part, space_));
    return rarest_frequency(terms) <= kMaxPhraseCandidates;
  }

  // How many articles hold the rarest of `terms` that any article holds (an absent term
  // narrows nothing: the others say what matching them costs); the largest count if none.
  Xapian::doccount rarest_frequency(const std::vector<std::string>& terms) const {
    Xapian::doccount rarest = std::numeric_limits<Xapian::doccount>::max();
    for (const std::string& term : terms) {
      if (const Xapian::doccount frequency = options_.term_frequency(term); frequency > 0) {
        rarest = std::min(rarest, frequency);
      }
    }
    return rarest;
  }

  Xapian::Query phrase(const std::vector<const Token*>& tokens, Xapian::termcount window) {
    Queries parts;
    for (const Token* token : tokens) parts.push_back(term(*token));
    return combine(Xapian::Query::OP_PHRASE, parts, window);
  }

  // Builds `node` (any kind but kNot and filters, which the caller sorts out).
  Xapian::Query build(const QueryNode& node) {
    switch (node.kind) {
      case QueryNode::Kind::kWord:
        return counted(word(node.text));
      case QueryNode::Kind::kPhrase:
        return counted(quoted(node.text));
      case QueryNode::Kind::kAnd:
        return all_of(node.children, nullptr);
      case QueryNode::Kind::kOr: {
        Queries any;
        for (const QueryNode& child : node.children) {
          Xapian::Query q = child.kind == QueryNode::Kind::kNot ? all_of({child}, nullptr) : scored(child);
          if (!q.empty()) any.push_back(std::move(q));
        }
        return combine(Xapian::Query::OP_OR, any);
      }
      case QueryNode::Kind::kNot:
      case QueryNode::Kind::kField:
        return all_of({node}, nullptr);
    }
    return Xapian::Query::MatchNothing;
  }

  // AND of `children`: scored parts ranked together, exclusions removed, filters applied
  // without weight. With `relaxed`, also the form in which any plain word may match.
  Xapian::Query all_of(const std::vector<QueryNode>& children, Xapian::Query* relaxed) {
    Queries scores, excludes, filters;
    std::vector<std::string> main_terms;  // one per plain word that has one, in query order
    std::size_t plain_words = 0;
    for (const QueryNode& child : children) {
      if (child.kind == QueryNode::Kind::kNot) {
        const bool outer_excluding = excluding_;
        excluding_ = true;
        for (const QueryNode& excluded : child.children) {
          Xapian::Query q = is_filter(excluded) ? filter(excluded) : scored(excluded);
          if (!q.empty()) excludes.push_back(std::move(q));
        }
        excluding_ = outer_excluding;
      } else if (is_filter(child)) {
        filters.push_back(filter(child));
      } else {
        QueryConcept* outer = concept_;
        if (relaxed != nullptr || top_level_)
          concept_ = &built_.concepts.emplace_back(QueryConcept{concept_text(child), {}});
        Xapian::Query q = scored(child);
        concept_ = outer;
        if (q.empty()) {  // pure punctuation must not empty the whole query
          if (relaxed != nullptr || top_level_) built_.concepts.pop_back();
          continue;
        }
        scores.push_back(std::move(q));
        if (child.kind == QueryNode::Kind::kWord) {
          ++plain_words;
          if (!main_term_.empty()) main_terms.push_back(main_term_);
        }
      }
    }
    const auto finish = [&](Xapian::Query q) {
      if (q.empty()) {
        if (filters.empty() && excludes.empty()) return Xapian::Query(Xapian::Query::MatchNothing);
        q = Xapian::Query::MatchAll;
      }
      if (!excludes.empty()) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, combine(Xapian::Query::OP_OR, excludes));
      if (!filters.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, combine(Xapian::Query::OP_AND, filters));
      return q;
    };
    // In a short query, words close together in the article earn a bonus: the words' main
    // terms within a few positions of each other (particles take no position, so neighbours
    // are 1 apart). Long queries (pasted headlines) measured no better with it, only slower.
    // The query's top level keeps its bonus apart (BuiltQuery::proximity); a group inside it
    // carries its own.
    const auto with_proximity = [&](Xapian::Query q) {
      if (main_terms.size() < 2 || options_.proximity_weight <= 0 || plain_words >= options_.long_from_concepts) {
        return q;
      }
      std::vector<Xapian::Query> near(main_terms.begin(), main_terms.end());
      const auto window = static_cast<Xapian::termcount>(main_terms.size() + kProximitySlack);
      Xapian::Query bonus(Xapian::Query::OP_SCALE_WEIGHT, combine(Xapian::Query::OP_NEAR, near, window),
                          options_.proximity_weight);
      if (relaxed != nullptr) {
        built_.proximity = std::move(bonus);
        return q;
      }
      return Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, bonus);
    };
    if (relaxed && plain_words >= options_.relax_from_concepts && plain_words == scores.size()) {
      Queries bag;
      for (const QueryNode& child : children) {
        if (child.kind != QueryNode::Kind::kWord) continue;
        if (Xapian::Query q = bag_of(child.text); !q.empty()) bag.push_back(std::move(q));
      }
      *relaxed = finish(combine(Xapian::Query::OP_OR, bag));
      built_.full_matches_first = plain_words < options_.long_from_concepts;
      if (Queries rarest = rarest_words(bag); !rarest.empty()) {
        built_.relaxed_sample = finish(combine(Xapian::Query::OP_OR, rarest));
      }
    }
    return finish(scores.empty() ? Xapian::Query() : with_proximity(combine(Xapian::Query::OP_AND, scores)));
  }

  // The half of a long query's word bags (kSampleWords at least) whose rarest term is the
  // rarest, in query order; empty when there are too few to narrow. The frequencies are the
  // whole database's, so that one database and its shards choose the same words.
  Queries rarest_words(const Queries& bags) const {
    const std::size_t keep = std::max(kSampleWords, bags.size() / 2);
    if (!options_.term_frequency || bags.size() <= keep) return {};
    std::vector<std::pair<Xapian::doccount, std::size_t>> rarity;
    for (std::size_t i = 0; i < bags.size(); ++i) {
      const std::vector<std::string> terms(bags[i].get_unique_terms_begin(), bags[i].get_unique_terms_end());
      rarity.emplace_back(rarest_frequency(terms), i);
    }
    std::stable_sort(rarity.begin(), rarity.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::size_t> chosen;
    for (std::size_t k = 0; k < keep; ++k) chosen.push_back(rarity[k].second);
    std::sort(chosen.begin(), chosen.end());
    Queries out;
    for (const std::size_t i : chosen) out.push_back(bags[i]);
    return out;
  }

  // A one-syllable word (눈, 김) is indexed as a bigram inside longer pieces (김이, 김을), so
  // its n-gram variant is every bigram starting with it; the most frequent ones only, to
  // keep the query small.
  Xapian::Query syllable_anywhere(const Token& token) {
    if (wildcards_left_ == 0) return term(token);
    --wildcards_left_;
    const std::string t = schema::text_term(token, space_);
    terms_.insert(schema::text_term(token));
    note(t, MatchForm::kBigram, true);
    const auto most_frequent_bigrams = [&t] {
      return Xapian::Query(Xapian::Query::OP_WILDCARD, t, kMaxSyllableExpansion,
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    };
    if (!analyzer_.has_morphology()) return most_frequent_bigrams();
    // With morphemes, the bigrams a morpheme covers are left out (schema::covering_term):
    // each text the syllable starts is its bigram or the word or morpheme of that text (미국
    // for 미 of 미 중 무역), the texts most frequent by both. A wildcard over the words and
    // morphemes would read every term starting with the syllable (100k articles, pasted
    // headlines: p99 6.5 -> 11.0 ms).
    const std::string covering = schema::covering_term(token, space_);
    note(covering, MatchForm::kBigram, true);
    if (!options_.terms_one_longer) {
      return Xapian::Query(Xapian::Query::OP_SYNONYM, most_frequent_bigrams(), Xapian::Query(covering));
    }
    const std::string ngram_prefix = t.substr(0, t.size() - token.term.size());
    const std::string word_prefix = covering.substr(0, covering.size() - token.term.size());
    std::map<std::string, Xapian::doccount> articles_of_text;
    for (const auto& [term, articles] : options_.terms_one_longer(t)) {
      articles_of_text[term.substr(ngram_prefix.size())] += articles;
    }
    for (const auto& [term, articles] : options_.terms_one_longer(covering)) {
      articles_of_text[term.substr(word_prefix.size())] += articles;
    }
    std::vector<std::pair<Xapian::doccount, std::string>> texts;
    for (const auto& [text, articles] : articles_of_text) texts.emplace_back(articles, text);
    const auto kept = texts.begin() + std::min<std::ptrdiff_t>(kMaxSyllableExpansion, std::ssize(texts));
    std::partial_sort(texts.begin(), kept, texts.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    Queries alternatives;
    for (auto it = texts.begin(); it != kept; ++it) {
      alternatives.emplace_back(ngram_prefix + it->second);
      alternatives.emplace_back(word_prefix + it->second);
    }
    if (alternatives.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
  }

  // The bigrams of one word: a phrase where they have positions (n-gram analysis), all of
  // them anywhere in the article where they have none (with morphemes: see the indexer).
  Xapian::Query bigrams_of_word(const std::vector<const Token*>& bigrams) {
    if (!analyzer_.has_morphology()) return phrase(bigrams, static_cast<Xapian::termcount>(bigrams.size()));
    Queries all;
    for (const Token* bigram : bigrams) all.push_back(term(*bigram));
    return combine(Xapian::Query::OP_AND, all);
  }

  Xapian::Query item_query(const Item& item) {
    if (!item.parts_cover_whole() || !phrase_affordable(item.parts)) return term(*item.whole);
    // Noted before its parts (argument order is unspecified): --explain names the whole.
    Xapian::Query whole = term(*item.whole);
    return Xapian::Query(Xapian::Query::OP_OR, whole,
                         phrase(item.parts, static_cast<Xapian::termcount>(item.parts.size())));
  }

  // A word of a loosened (long) query as a bag of its terms: its words and morphemes, a
  // compound or derived word by its parts alone, no n-grams (unless it has nothing else); a
  // word with synonyms as the OP_SYNONYM of its group's bags. Plain BM25 over good morphemes
  // ranks pasted headlines better than whole concepts do: a compound counted whole and in
  // parts weighs thrice, and n-gram variants add noise (dev rss split B: MRR@10 0.7817 ->
  // 0.8088; news 0.9672 -> 0.9699; tuned on split A).
  Xapian::Query bag_of(const std::string& text) {
    const std::vector<Token> tokens = analyzer_.analyze(text, context_);
    if (std::optional<Xapian::Query> group = synonym_group(tokens, &Builder::bag_of)) return *group;
    Queries terms;
    for (const Token& token : tokens) {
      if (token.kind == TokenKind::kNgram || token.role == TokenRole::kCompound || token.role == TokenRole::kAffixed) {
        continue;
      }
      terms.push_back(term(token));
    }
    // A lone syllable the dictionary makes nothing of (다 of 얘기 다 했다) would be the first
    // syllable of any bigram: in a bag it weighs next to nothing, and merging its bigrams'
    // postings (64 then) over the archive cost more than the rest of the headline (1M articles, pasted
    // headlines: p99 54.2 -> 43.9 ms; dev figures unchanged).
    const bool lone_syllable = analyzer_.has_morphology() && tokens.size() == 1 &&
                               tokens[0].kind == TokenKind::kNgram && tokens[0].role == TokenRole::kSyllable;
    if (terms.empty() && lone_syllable) return Xapian::Query();
    // Without morphemes (n-gram analysis, a word of particles) the word is its concept.
    return terms.empty() ? word(text) : combine(Xapian::Query::OP_OR, terms);
  }

  // The OP_SYNONYM of `variant` of every word of the synonym group the analysed word
  // `tokens` belongs to; nullopt when it has none (or a group is being expanded already).
  std::optional<Xapian::Query> synonym_group(const std::vector<Token>& tokens,
                                             Xapian::Query (Builder::*variant)(const std::string&)) {
    if (!options_.synonyms || expanding_synonyms_) return std::nullopt;
    const std::string key = Synonyms::key_of(tokens);
    const std::vector<std::string>* group = options_.synonyms->group_of(key);
    if (group == nullptr) return std::nullopt;
    expanding_synonyms_ = true;
    Queries variants;
    for (const std::string& synonym : *group) {
      another_word_ = Synonyms::key_of(analyzer_.analyze(synonym, context_)) != key;
      if (Xapian::Query q = (this->*variant)(synonym); !q.empty()) variants.push_back(std::move(q));
    }
    expanding_synonyms_ = false;
    another_word_ = false;
    return combine(Xapian::Query::OP_SYNONYM, variants);
  }

  Xapian::Query word(const std::string& text) {
    main_term_.clear();
    if (is_plain_wildcard(text)) {
      const std::vector<Token> prefix = analyzer_.analyze(text.substr(0, text.size() - 1), context_);
      if (prefix.size() == 1 && prefix[0].kind == TokenKind::kWord && wildcards_left_ > 0) {
        --wildcards_left_;
        const std::string pattern = schema::text_term(prefix[0], space_);
        note(pattern, MatchForm::kWord, true);
        return Xapian::Query(Xapian::Query::OP_WILDCARD, pattern, kMaxWildcardExpansion,
                             Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
      }
    }
    const std::vector<Token> tokens = analyzer_.analyze(text, context_);
    if (std::optional<Xapian::Query> group = synonym_group(tokens, &Builder::word)) {
      main_term_.clear();
      return *group;
    }
    const std::vector<Item> items = primary_items(tokens);
    if (items.size() == 1) main_term_ = schema::text_term(*items[0].whole, space_);
    const bool has_morphemes =
        std::any_of(items.begin(), items.end(), [](const Item& i) { return i.whole->kind == TokenKind::kMorpheme; });
    Queries ngram_variant;
    Queries exact_variant;
    for (const Item& item : items) {
      exact_variant.push_back(item_query(item));
      if (item.whole->kind == TokenKind::kWord) ngram_variant.push_back(item_query(item));
    }
    const auto runs = ngram_runs(tokens);
    std::vector<std::vector<const Token*>> contents;
    for (const auto& run : runs)
      contents.push_back(content_ngrams(run, items, has_morphemes, runs.size() + items.size()));
    Xapian::Query exact = combine(Xapian::Query::OP_AND, exact_variant);
    if (has_morphemes && items.size() == 1 && contents.size() == 1 && contents[0].size() == 1 &&
        covers(*items[0].whole, *contents[0][0])) {
      // One morpheme and its one bigram (서울, 수출 of 수출을): the indexer left the bigram out
      // wherever an article has the morpheme, so the morpheme weighs for both, and the bigram
      // alone finds the rest (수출입 for 수출). Their OP_SYNONYM read the morpheme's posting
      // list twice (1M articles, 2 words: p99 8.8 -> 9.6-10.4 ms; this 9.2; dev short known
      // items MRR@10 0.5278 -> 0.5267, news 0.8494 -> 0.8472, the rest the same).
      const std::string t = noted(*contents[0][0]);
      return Xapian::Query(Xapian::Query::OP_OR,
                           Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, exact, 1 + options_.ngram_weight),
                           Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(t), options_.ngram_weight));
    }
    for (const std::vector<const Token*>& content : contents) {
      if (content.size() == 1 && content[0]->role == TokenRole::kSyllable) {
        ngram_variant.push_back(syllable_anywhere(*content[0]));
      } else if (!content.empty()) {
        ngram_variant.push_back(bigrams_of_word(content));
      }
    }
    if (!has_morphemes) return combine(Xapian::Query::OP_AND, ngram_variant);
    // A synonym other than the word typed is looked for as its words, without their bigrams:
    // the word typed keeps its net, and a synonym's bigrams (the five of 더불어민주당 for 민주당)
    // read the postings of common morphemes (민주, 주당) for no article more (1M articles, 2
    // words: p99 9.1-9.5 -> 7.6-7.9 ms; 300k, the 300 queries: the same totals, 5 of them
    // ordered otherwise; dev figures the same but short known items MRR@10 0.5267 -> 0.5266).
    if (ngram_variant.empty() || another_word_) return exact;
    return Xapian::Query(Xapian::Query::OP_OR, exact,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, combine(Xapian::Query::OP_AND, ngram_variant),
                                       options_.ngram_weight));
  }

  Xapian::Query quoted(const std::string& text) {
    const std::vector<Token> tokens = analyzer_.analyze(text, context_);
    std::vector<const Token*> sequence;
    if (analyzer_.has_morphology()) {
      for (const Item& item : primary_items(tokens)) {
        if (item.parts_cover_whole()) {
          sequence.insert(sequence.end(), item.parts.begin(), item.parts.end());
        } else {
          sequence.push_back(item.whole);
        }
      }
    } else {
      for (const Token& token : tokens) sequence.push_back(&token);
    }
    if (sequence.empty()) return Xapian::Query::MatchNothing;
    const Xapian::termcount span = sequence.back()->position - sequence.front()->position + 1;
    // Without a dictionary a particle's bigram (출을) may sit between two words' bigrams.
    const Xapian::termcount slack = analyzer_.has_morphology() ? 0 : count_words(text) - 1;
    return phrase(sequence, std::max<Xapian::termcount>(span + slack, static_cast<Xapian::termcount>(sequence.size())));
  }

 private:
  // Counts a word or phrase that matches something (punctuation does not: 10,000 brackets
  // past the nesting limit are words of no terms); the one over kMaxQueryWords is refused
  // before it is built, so that the work done is bounded too.
  Xapian::Query counted(Xapian::Query q) {
    if (!q.empty() && ++words_ > kMaxQueryWords) {
      throw UsageError("the query has over " + std::to_string(kMaxQueryWords) + " words and phrases; at most " +
                       std::to_string(kMaxQueryWords) + " are searched");
    }
    return q;
  }

  Xapian::Query scored(const QueryNode& node) {
    if (node.kind != QueryNode::Kind::kField) return build(node);
    if (const std::optional<TextSpace> space = text_field_space(node.field)) {
      const TextSpace outer = space_;
      space_ = *space;
      Xapian::Query q = counted(node.quoted ? quoted(node.text) : word(node.text));
      space_ = outer;
      if (*space == TextSpace::kQuoteText || *space == TextSpace::kSpeakerName) {
        // Quotation and speaker terms weigh nothing (the indexer gives them no wdf): they
        // select, and the same words anywhere in the article rank.
        QueryConcept* outer_concept = concept_;
        concept_ = nullptr;
        Xapian::Query rank = node.quoted ? quoted(node.text) : word(node.text);
        concept_ = outer_concept;
        q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, rank);
      }
      return q;
    }
    return Xapian::Query::MatchNothing;  // filters never get here: is_filter() sends them away
  }

  // The term space a scored field searches: title:, quote:, speaker:; nullopt for filters.
  static std::optional<TextSpace> text_field_space(const std::string& field) {
    if (field == "title") return TextSpace::kTitleOnly;
    if (field == "quote") return TextSpace::kQuoteText;
    if (field == "speaker") return TextSpace::kSpeakerName;
    return std::nullopt;
  }

  static bool is_filter(const QueryNode& node) {
    return node.kind == QueryNode::Kind::kField && !text_field_space(node.field);
  }

  Xapian::Query filter(const QueryNode& node) const {
    if (node.field == "date") {
      std::string from, to;
      if (!parse_date_range(node.text, from, to)) {
        throw UsageError("date: takes YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO (date:2025-01..2025-06), not '" +
                         node.text + "'");
      }
      if (options_.date_range) return options_.date_range(from, to);
      return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, from, to);
    }
    const std::string_view prefix = node.field == "source"   ? schema::kSource
                                    : node.field == "author" ? schema::kAuthor
                                                             : schema::kCategory;
    return Xapian::Query(schema::field_term(prefix, node.text));
  }

  // The bigrams of a run that lie inside the word's content: with morphemes, from the first
  // content morpheme of the piece to its last one, so that a particle (엔비디아가 → 아가)
  // is never required; without, the whole run, except a lone syllable glued to a Latin or
  // number token (H200을), taken for a particle.
  static std::vector<const Token*> content_ngrams(const std::vector<const Token*>& run, const std::vector<Item>& items,
                                                  bool has_morphemes, std::size_t groups) {
    if (!has_morphemes) {
      const bool lone_glued = run.size() == 1 && run[0]->role == TokenRole::kSyllable && groups > 1;
      return lone_glued ? std::vector<const Token*>{} : run;
    }
    const std::uint32_t piece = run.front()->piece;
    std::size_t content_start = SIZE_MAX;
    std::size_t content_end = 0;
    for (const Item& item : items) {
      if (item.whole->kind != TokenKind::kMorpheme || item.whole->piece != piece) continue;
      content_start = std::min(content_start, item.whole->start);
      content_end = std::max(content_end, item.whole->end);
    }
    std::vector<const Token*> content;
    for (const Token* token : run) {
      if (token->start >= content_start && token->end <= content_end) content.push_back(token);
    }
    return content;
  }

  // Whether the morpheme `whole` covers the bigram `bigram` (schema::covers: the indexer
  // leaves such a bigram out).
  static bool covers(const Token& whole, const Token& bigram) {
    return whole.kind == TokenKind::kMorpheme && bigram.role != TokenRole::kSyllable && schema::covers(whole, bigram);
  }

  static Xapian::termcount count_words(const std::string& text) {
    Xapian::termcount words = 0;
    bool in_word = false;
    for (char c : text) {
      const bool space = c == ' ' || c == '\t' || c == '\n';
      if (!space && !in_word) ++words;
      in_word = !space;
    }
    return std::max<Xapian::termcount>(words, 1);
  }

  // The text a concept is reported under: the word or phrase as typed, title:word.
  static std::string concept_text(const QueryNode& node) {
    switch (node.kind) {
      case QueryNode::Kind::kWord:
        return node.text;
      case QueryNode::Kind::kPhrase:
        return "\"" + node.text + "\"";
      case QueryNode::Kind::kField:
        return node.field + ":" + (node.quoted ? "\"" + node.text + "\"" : node.text);
      default:
        return describe(node);
    }
  }

 public:
  bool top_level_ = false;  // the query is one group or word: its children are concepts too

 private:
  const Analyzer& analyzer_;
  AnalysisContext& context_;
  const QueryOptions& options_;
  std::set<std::string>& terms_;
  BuiltQuery& built_;
  QueryConcept* concept_ = nullptr;
  TextSpace space_ = TextSpace::kAnywhere;
  bool expanding_synonyms_ = false;
  bool another_word_ = false;  // expanding a synonym other than the word typed
  bool excluding_ = false;     // building what NOT / - excludes
  int wildcards_left_ = kMaxWildcardsPerQuery;
  std::size_t words_ = 0;  // words and phrases built (counted())
  std::string main_term_;  // of the last word(): its one word or morpheme term, if it has one
};

// One end of a date range: YYYY, YYYY-MM or YYYY-MM-DD → the first or last day it covers.
bool date_bound(const std::string& text, bool last, std::string& out) {
  static const std::regex pattern(R"((\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?)");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) return false;
  const int year = std::stoi(m[1]);
  const unsigned month = m[2].matched ? static_cast<unsigned>(std::stoi(m[2])) : (last ? 12u : 1u);
  std::chrono::year_month_day day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{1}};
  if (m[3].matched) {
    day = {day.year(), day.month(), std::chrono::day{static_cast<unsigned>(std::stoi(m[3]))}};
  } else if (last) {
    day = std::chrono::year_month_day_last{day.year(), std::chrono::month_day_last{day.month()}};
  }
  if (!day.ok()) return false;
  out = schema::date_value(static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                           static_cast<unsigned>(day.day()));
  return true;
}

}  // namespace

const char* match_form_name(MatchForm form) {
  switch (form) {
    case MatchForm::kWord:
      return "word";
    case MatchForm::kPart:
      return "part";
    case MatchForm::kSynonym:
      return "synonym";
    case MatchForm::kBigram:
      return "bigram";
  }
  return "?";
}

bool parse_date_range(const std::string& value, std::string& from, std::string& to) {
  const std::size_t dots = value.find("..");
  const std::string low = dots == std::string::npos ? value : value.substr(0, dots);
  const std::string high = dots == std::string::npos ? value : value.substr(dots + 2);
  if (low.empty() && high.empty()) return false;
  from = "00000000";
  to = "99999999";
  return (low.empty() || date_bound(low, false, from)) && (high.empty() || date_bound(high, true, to)) && from <= to;
}

BuiltQuery build_query(const QueryNode& query, const Analyzer& analyzer, const QueryOptions& options,
                       AnalysisContext* context) {
  BuiltQuery built;
  AnalysisContext one_off(0);
  Builder builder(analyzer, context ? *context : one_off, options, built);
  if (query.kind == QueryNode::Kind::kAnd) {
    built.strict = builder.all_of(query.children, &built.relaxed);
  } else {
    builder.top_level_ = true;
    built.strict = builder.all_of({query}, nullptr);
  }
  if (built.strict.empty()) built.strict = Xapian::Query::MatchNothing;
  return built;
}

}  // namespace sinmun
