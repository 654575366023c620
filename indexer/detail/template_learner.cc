#include "indexer/detail/template_learner.h"

#include <algorithm>

#include "base/errors.h"
#include "corpus/text_utils.h"
#include "schema/schema.h"
#include "schema/stored_article.h"

namespace sinmun {
namespace {

// Xapian refuses metadata keys over 253 bytes ("\0\xc0" + key in a 255-byte B-tree key).
constexpr std::size_t kMaxMetadataKeyBytes = 253;

std::string key_of(const std::string& group) { return std::string(schema::kBoilerplateKeyPrefix).append(group); }

std::shared_ptr<const TemplateSnapshot> make_snapshot(const std::map<std::string, LearnedLines>& learned,
                                                      std::uint64_t version) {
  auto snapshot = std::make_shared<TemplateSnapshot>();
  snapshot->version = version;
  for (const auto& [group, lines] : learned) {
    auto& set = snapshot->lines[group];
    for (const LearnedLines::Line& line : lines.lines) set.insert(line.text);
  }
  return snapshot;
}

bool holds_a_line(std::string_view body, const std::set<std::string, std::less<>>& lines) {
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    if (lines.count(trim(body.substr(start, end - start)))) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

const std::set<std::string, std::less<>>& TemplateSnapshot::lines_of(const std::string& group) const {
  static const std::set<std::string, std::less<>> kNone;
  const auto found = lines.find(group);
  return found == lines.end() ? kNone : found->second;
}

std::map<std::string, LearnedLines> read_learned_lines(const Xapian::Database& db) {
  std::map<std::string, LearnedLines> out;
  const std::string prefix(schema::kBoilerplateKeyPrefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    std::optional<LearnedLines> learned = decode_learned_lines(db.get_metadata(*it));
    if (!learned) {
      throw DataError("the learned boilerplate of metadata key '" + *it +
                      "' is damaged (run xapian-check on the "
                      "database, or re-index into a new one)");
    }
    out.emplace((*it).substr(prefix.size()), std::move(*learned));
  }
  return out;
}

TemplateLearner::TemplateLearner(ShardSet& shards)
    : shards_(shards),
      db_(shards.all()),
      learned_(read_learned_lines(shards.metadata())),
      snapshot_(make_snapshot(learned_, 0)) {}

std::shared_ptr<const TemplateSnapshot> TemplateLearner::snapshot() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

bool TemplateLearner::count(const std::string& group, const std::string& source,
                            const std::vector<std::string>& lines) {
  source_of_group_.try_emplace(group, source);
  return counter_.add(group, lines);
}

Xapian::doccount TemplateLearner::articles_of(const std::string& group) const {
  if (!group.empty()) return db_.get_termfreq(std::string(schema::kSource).append(group));
  // Those without a source: every article but those with one (each has one XSRC term).
  Xapian::doccount with_source = 0;
  const std::string prefix(schema::kSource);
  for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) with_source += it.get_termfreq();
  return db_.get_doccount() - std::min(with_source, db_.get_doccount());
}

std::vector<std::string> TemplateLearner::decide(const std::string& group) {
  std::vector<std::string> learned_now;
  if (key_of(group).size() > kMaxMetadataKeyBytes) return learned_now;
  const std::vector<std::pair<std::string, std::size_t>> frequent = counter_.frequent(group, kTemplateMinArticles);
  if (frequent.empty()) return learned_now;
  const std::size_t articles = articles_of(group);
  LearnedLines& kept = learned_[group];
  if (kept.source.empty()) kept.source = source_of_group_[group];
  for (const auto& [line, count] : frequent) {
    if (count * 100 < kTemplateMinPercent * articles || kept.lines.size() >= kMaxLearnedLinesPerSource) continue;
    kept.lines.push_back({line, 0});
    counter_.forget(group, line);
    learned_now.push_back(line);
  }
  if (learned_now.empty()) {
    if (kept.lines.empty()) learned_.erase(group);
    return learned_now;
  }
  unsaved_.insert(group);
  std::lock_guard lock(mutex_);
  snapshot_ = make_snapshot(learned_, snapshot_->version + 1);
  return learned_now;
}

void TemplateLearner::removed(const std::string& group, const std::vector<std::string>& lines) {
  if (lines.empty()) return;
  for (LearnedLines::Line& line : learned_[group].lines) {
    if (std::find(lines.begin(), lines.end(), line.text) != lines.end()) ++line.articles;
  }
  unsaved_.insert(group);
}

void TemplateLearner::save() {
  for (const std::string& group : unsaved_) shards_.set_metadata(key_of(group), encode_learned_lines(learned_[group]));
  unsaved_.clear();
}

std::vector<Xapian::docid> TemplateLearner::documents_holding(const std::string& group,
                                                              const std::vector<std::string>& lines,
                                                              const schema::ArticleCodec& codec,
                                                              const Analyzer& analyzer,
                                                              AnalysisContext& context) const {
  // A line's n-grams and words are the same terms wherever it stands; its morphemes may not be
  // (the lattice runs across line ends), so they are not used to find it.
  std::set<Xapian::docid> candidates;
  bool scan_group = false;
  for (const std::string& line : lines) {
    // A bigram, or the morpheme that covers it where the indexer left it out.
    std::vector<std::string> rarest;
    Xapian::doccount rarest_frequency = 0;
    for (const Token& token : analyzer.analyze(line, context)) {
      if (token.kind == TokenKind::kMorpheme || token.term.size() > schema::kMaxTermBytes) continue;
      std::vector<std::string> terms = {schema::text_term(token)};
      if (token.kind == TokenKind::kNgram && analyzer.has_morphology()) terms.push_back(schema::covering_term(token));
      Xapian::doccount frequency = 0;
      for (const std::string& term : terms) frequency += db_.get_termfreq(term);
      if (rarest.empty() || frequency < rarest_frequency) {
        rarest = std::move(terms);
        rarest_frequency = frequency;
      }
    }
    if (rarest.empty()) {
      scan_group = true;
      break;
    }
    for (const std::string& term : rarest) candidates.insert(db_.postlist_begin(term), db_.postlist_end(term));
  }
  if (scan_group) {
    const std::string all = group.empty() ? std::string() : std::string(schema::kSource).append(group);
    candidates = std::set<Xapian::docid>(db_.postlist_begin(all), db_.postlist_end(all));
  }
  const std::set<std::string, std::less<>> wanted(lines.begin(), lines.end());
  std::vector<Xapian::docid> out;
  for (const Xapian::docid docid : candidates) {
    const Xapian::Document doc = db_.get_document(docid);
    if (source_group(doc.get_value(schema::kSourceSlot)) != group) continue;
    StoredArticle stored;
    if (codec.decode(doc.get_data(), stored) && holds_a_line(stored.body, wanted)) {
      out.push_back(docid);
    }
  }
  return out;
}

}  // namespace sinmun
