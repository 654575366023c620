#include "lexicon/apply.h"

#include <algorithm>
#include <map>

#include "indexer/reanalysis.h"
#include "schema/schema.h"
#include "schema/stored_article.h"

namespace sinmun::lexicon {
namespace {

constexpr Xapian::doccount kCommitEvery = 1000;

template <typename Visit>
void for_each_line(std::string_view text, Visit&& visit) {
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    visit(text.substr(0, newline));
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
  }
}

std::vector<std::string> words_of(std::string_view line) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    const std::size_t begin = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > begin) words.emplace_back(line.substr(begin, i - begin));
  }
  return words;
}

std::string ending_with_newline(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

}  // namespace

std::string merge_user_dictionary(std::string_view existing, const std::vector<ReviewEntry>& words,
                                  std::set<std::string>& added) {
  std::set<std::string> present;
  for_each_line(existing, [&](std::string_view line) {
    if (line.empty() || line.front() == '#') return;
    const std::string surface(line.substr(0, line.find('\t')));
    if (!surface.empty()) present.insert(surface);
  });
  std::map<std::string, std::string> fresh;  // surface → POS; NNP wins over NNG for one surface
  for (const ReviewEntry& entry : words) {
    if (entry.kind != EntryKind::kWord || present.count(entry.key)) continue;
    auto [it, inserted] = fresh.emplace(entry.key, entry.value);
    if (!inserted && entry.value == "NNP") it->second = "NNP";
  }
  std::string out = ending_with_newline(existing);
  if (fresh.empty()) return out;
  out += "# Learned from the archive (sinmun-lexicon apply)\n";
  for (const auto& [surface, pos] : fresh) {
    ((out += surface) += '\t') += pos + '\n';
    added.insert(surface);
  }
  return out;
}

std::string merge_synonyms(std::string_view existing, const std::vector<ReviewEntry>& aliases, std::size_t& added) {
  std::vector<std::set<std::string>> groups;
  for_each_line(existing, [&](std::string_view line) {
    if (line.empty() || line.front() == '#') return;
    const std::vector<std::string> words = words_of(line);
    groups.emplace_back(words.begin(), words.end());
  });
  std::set<std::pair<std::string, std::string>> fresh;
  for (const ReviewEntry& entry : aliases) {
    if (entry.kind != EntryKind::kAlias) continue;
    const bool together = std::any_of(groups.begin(), groups.end(), [&](const std::set<std::string>& group) {
      return group.count(entry.key) && group.count(entry.value);
    });
    if (!together) fresh.emplace(entry.key, entry.value);
  }
  std::string out = ending_with_newline(existing);
  if (fresh.empty()) return out;
  out += "# Learned from the archive's glosses (sinmun-lexicon apply)\n";
  for (const auto& [word, alias] : fresh) ((out += word) += '\t') += alias + '\n';
  added += fresh.size();
  return out;
}

std::vector<Xapian::docid> documents_containing(const Xapian::Database& db, const std::set<std::string>& words,
                                                const Analyzer& analyzer) {
  const schema::ArticleCodec codec = schema::ArticleCodec::of(db);
  std::set<Xapian::docid> found;
  for (const std::string& word : words) {
    // Each bigram, or the morpheme that covers it where the indexer left it out.
    std::vector<Xapian::Query> bigrams;
    for (const Token& token : analyzer.analyze(word)) {
      if (token.kind != TokenKind::kNgram) continue;
      bigrams.emplace_back(Xapian::Query::OP_SYNONYM, Xapian::Query(schema::text_term(token)),
                           Xapian::Query(schema::covering_term(token)));
    }
    if (bigrams.empty()) continue;
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, bigrams.begin(), bigrams.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet matches = enquire.get_mset(0, db.get_doccount());
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      StoredArticle stored;
      if (!codec.decode(it.get_document().get_data(), stored)) continue;
      if (stored.title.find(word) != std::string::npos || stored.body.find(word) != std::string::npos) {
        found.insert(*it);
      }
    }
  }
  return {found.begin(), found.end()};
}

std::size_t reindex_documents(Xapian::WritableDatabase& db, const std::vector<Xapian::docid>& docids,
                              const Analyzer& analyzer) {
  const schema::ArticleCodec codec = schema::ArticleCodec::of(db);
  AnalysisContext context;
  std::size_t done = 0;
  for (const Xapian::docid docid : docids) {
    db.replace_document(docid, reanalysed_document(db.get_document(docid), codec, analyzer, context));
    if (++done % kCommitEvery == 0) db.commit();
  }
  db.commit();
  return done;
}

}  // namespace sinmun::lexicon
