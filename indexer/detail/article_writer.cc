#include "indexer/detail/article_writer.h"

#include <algorithm>

#include "indexer/detail/document_builder.h"
#include "schema/schema.h"
#include "schema/stored_article.h"
#include "schema/values.h"

namespace sinmun {
namespace {

// Samples that train no dictionary (too alike: a corpus of one article copied) are not held
// past this.
constexpr std::size_t kMostDictionarySamples = 4 * schema::ArticleCodec::kTrainingSamples;

// The file terms of `doc`: the files that hold it.
std::vector<std::string> file_terms(const Xapian::Document& doc) {
  std::vector<std::string> out;
  const std::string prefix(schema::kFile);
  Xapian::TermIterator it = doc.termlist_begin();
  for (it.skip_to(prefix); it != doc.termlist_end() && (*it).starts_with(prefix); ++it) out.push_back(*it);
  return out;
}

bool same_text(const schema::ArticleCodec& codec, const Xapian::Document& a, const Xapian::Document& b) {
  StoredArticle first;
  StoredArticle second;
  return codec.decode(a.get_data(), first) && codec.decode(b.get_data(), second) && first.title == second.title &&
         first.body == second.body;
}

}  // namespace

BuiltArticle build_article(Article&& article, const TemplateSnapshot& learned, const Analyzer& analyzer,
                           AnalysisContext& context) {
  BuiltArticle built;
  built.group = source_group(article.source);
  article.body = strip_template_lines(article.body, learned.lines_of(built.group), &built.stripped);
  built.lines = template_candidate_lines(article.body);
  built.learned_version = learned.version;
  built.doc = build_document(article, analyzer, context);
  built.id = std::move(article.id);
  built.source = std::move(article.source);
  return built;
}

ArticleWriter::ArticleWriter(ShardSet& shards, const Analyzer& analyzer, FileLedger& ledger, IndexStats& stats,
                             const ProblemSink& report, std::size_t batch_size,
                             std::unordered_map<std::string, std::string> path_of_file_term)
    : shards_(shards),
      db_(shards.all()),
      analyzer_(analyzer),
      context_(std::size_t{1} << 20),
      ledger_(ledger),
      stats_(stats),
      report_(report),
      batch_size_(batch_size),
      path_of_file_term_(std::move(path_of_file_term)),
      near_duplicates_(db_),
      templates_(shards),
      codec_(schema::ArticleCodec::of(shards.metadata())),
      train_at_(schema::ArticleCodec::kTrainingSamples) {
  // A database filled by runs too small to train a dictionary alone trains one once its
  // articles and this run's reach the samples it needs.
  if (!codec_.has_dictionary()) schema::ArticleCodec::add_samples(db_, samples_);
}

FileInWriting ArticleWriter::begin_file(const std::string& path, const std::string& display) const {
  FileInWriting file;
  file.term = schema::file_term(path);
  file.display = display;
  file.previous = shards_.postings(file.term);
  return file;
}

void ArticleWriter::put(FileInWriting& file, BuiltArticle&& article) {
  // Lines learned since a reading thread built it (it was in flight at the decision).
  const std::shared_ptr<const TemplateSnapshot> learned = templates_.snapshot();
  if (article.learned_version != learned->version) {
    const auto& lines = learned->lines_of(article.group);
    if (std::any_of(article.lines.begin(), article.lines.end(), [&](const std::string& l) { return lines.count(l); })) {
      article = rebuild(article.doc, *learned);
    }
  }
  const std::string id_term = schema::id_term(article.id);
  const std::optional<Xapian::docid> found = shards_.find(article.id, id_term);
  if (!found) return write(file, std::move(article), true);
  shards_.drain();  // what follows reads and writes documents on this thread
  const Xapian::docid docid = *found;
  Xapian::Document existing = db_.get_document(docid);
  if (file.written.count(docid)) {  // the id given twice in this file
    if (!same_text(codec_, existing, article.doc)) return collision(file, article.id, "an earlier record of this file");
    ++stats_.records_copied;
    return;
  }
  const std::vector<std::string> holders = file_terms(existing);
  const bool ours = std::find(holders.begin(), holders.end(), file.term) != holders.end();
  if (ours && holders.size() == 1) return write(file, std::move(article), false);  // an upsert
  if (holders.empty()) return write(file, std::move(article), false);  // no file holds it: nothing to protect
  file.previous.erase(docid);
  if (same_text(codec_, existing, article.doc)) {
    if (!ours) {
      existing.add_boolean_term(file.term);
      db_.replace_document(docid, existing);
      ++pending_;
    }
    ++stats_.records_copied;
    file.written.insert(docid);
    return;
  }
  if (ours) {  // its text here changed, and another file still holds the old one
    existing.remove_term(file.term);
    db_.replace_document(docid, existing);
    ++pending_;
  }
  const auto other = std::find_if(holders.begin(), holders.end(), [&](const std::string& t) { return t != file.term; });
  collision(file, article.id, "an article from " + name_of_file(*other, existing));
}

void ArticleWriter::write(FileInWriting& file, BuiltArticle&& article, bool is_new) {
  article.doc.add_boolean_term(file.term);
  assign_collapse_key(article.id, article.doc);
  pack(article.doc);
  const Xapian::docid docid = is_new ? shards_.add_new(article.id, schema::id_term(article.id), std::move(article.doc))
                                     : shards_.replace(article.id, schema::id_term(article.id), article.doc);
  file.previous.erase(docid);
  file.written.insert(docid);
  ++stats_.articles_added;
  ++pending_;
  if (is_new) templates_.removed(article.group, article.stripped);
  if (templates_.count(article.group, article.source, article.lines)) learn(article.group);
}

void ArticleWriter::release(Xapian::docid docid, const std::string& file_term) {
  shards_.drain();
  Xapian::Document doc = db_.get_document(docid);
  ++pending_;
  if (file_terms(doc).size() > 1) {
    doc.remove_term(file_term);
    db_.replace_document(docid, doc);
    return;
  }
  db_.delete_document(docid);
  ++stats_.articles_removed;
}

void ArticleWriter::decide_templates() {
  for (const std::string& group : templates_.groups_counted()) learn(group);
}

void ArticleWriter::commit(bool force) {
  if (!force && pending_ < batch_size_) return;
  templates_.save();  // after the documents they were removed from
  shards_.commit();
  pending_ = 0;
}

BuiltArticle ArticleWriter::rebuild(const Xapian::Document& old, const TemplateSnapshot& learned) {
  StoredArticle stored;
  codec_.decode(old.get_data(), stored);  // we wrote it: it parses
  Article article{stored.id,  stored.title,  stored.body,     stored.date, stored.source,
                  stored.url, stored.author, stored.category, stored.file};
  BuiltArticle built = build_article(std::move(article), learned, analyzer_, context_);
  for (const std::string& term : file_terms(old)) built.doc.add_boolean_term(term);
  return built;
}

void ArticleWriter::learn(const std::string& group) {
  shards_.drain();  // the decision counts the articles of the group in the database
  const std::vector<std::string> lines = templates_.decide(group);
  if (lines.empty()) return;
  stats_.template_lines_learned += lines.size();
  const std::shared_ptr<const TemplateSnapshot> learned = templates_.snapshot();
  for (const Xapian::docid docid : templates_.documents_holding(group, lines, codec_, analyzer_, context_)) {
    BuiltArticle rebuilt = rebuild(db_.get_document(docid), *learned);
    assign_collapse_key(rebuilt.id, rebuilt.doc);
    pack(rebuilt.doc);
    db_.replace_document(docid, rebuilt.doc);
    templates_.removed(group, rebuilt.stripped);
    ++stats_.articles_retemplated;
    ++pending_;
  }
}

void ArticleWriter::assign_collapse_key(const std::string& id, Xapian::Document& doc) {
  // build_document() wrote the signature: it parses.
  if (const auto signature = schema::parse_simhash_value(doc.get_value(schema::kSimhashSlot))) {
    const std::string group = near_duplicates_.assign(id, *signature);
    doc.add_value(schema::kCollapseSlot, group);
    doc.add_boolean_term(schema::group_term(group));
  }
}

void ArticleWriter::collision(FileInWriting& file, const std::string& id, const std::string& other) {
  const std::string reason =
      "id collision: '" + id + "' is also the id of " + other + ", whose title or body differs; this record is skipped";
  ++stats_.records_skipped;
  ++stats_.id_collisions;
  ++stats_.skip_reasons["id collision"];
  if (file.first_problem.empty()) file.first_problem = reason;
  report_({Problem::Severity::kSkipped, file.display, "", reason});
}

// Its absolute path when this run or the ledger knows it, else the `file` the document was
// stored under.
std::string ArticleWriter::name_of_file(const std::string& file_term, const Xapian::Document& doc) const {
  if (const auto it = path_of_file_term_.find(file_term); it != path_of_file_term_.end()) return it->second;
  if (std::optional<std::string> path = ledger_.path_of_file_term(file_term)) return *path;
  StoredArticle stored;
  codec_.decode(doc.get_data(), stored);
  return stored.file.empty() ? "another file" : stored.file;
}

void ArticleWriter::pack(Xapian::Document& doc) {
  if (!codec_.has_dictionary()) {
    if (train_at_ > kMostDictionarySamples) return;
    samples_.push_back(doc.get_data().substr(0, schema::ArticleCodec::kTrainingSampleBytes));
    if (samples_.size() >= train_at_) train_dictionary();
    return;
  }
  doc.set_data(codec_.pack(doc.get_data()));
}

void ArticleWriter::train_dictionary() {
  std::string dictionary = schema::ArticleCodec::train(samples_);
  if (dictionary.empty()) {
    train_at_ *= 2;
    if (train_at_ > kMostDictionarySamples) samples_ = {};
    return;
  }
  // In every shard, committed with the first articles stored over it; the shards' threads
  // must be idle while it is set.
  shards_.drain();
  shards_.set_metadata_everywhere(std::string(schema::kArticleDictionaryKey), dictionary);
  codec_ = schema::ArticleCodec(dictionary);
  samples_ = {};
}

}  // namespace sinmun
