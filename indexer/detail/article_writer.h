#ifndef SINMUN_INDEXER_DETAIL_ARTICLE_WRITER_H_
#define SINMUN_INDEXER_DETAIL_ARTICLE_WRITER_H_

#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "corpus/article.h"
#include "indexer/detail/file_ledger.h"
#include "indexer/detail/near_duplicates.h"
#include "indexer/detail/shard_set.h"
#include "indexer/detail/template_learner.h"
#include "indexer/indexer.h"
#include "schema/stored_article.h"

namespace sinmun {

// An article analysed by a reading thread, on its way to the writer.
struct BuiltArticle {
  std::string id;
  Xapian::Document doc;               // build_document(), without its file term and collapse key yet
  std::string group;                  // source_group() of its source
  std::string source;                 // as shown
  std::vector<std::string> lines;     // its template candidate lines, after stripping
  std::vector<std::string> stripped;  // the learned lines removed from it
  std::uint64_t learned_version = 0;  // the TemplateSnapshot it was stripped with
};

// Strips the learned lines of `learned` from the article's body and builds its document.
// Thread-safe for distinct contexts.
BuiltArticle build_article(Article&& article, const TemplateSnapshot& learned, const Analyzer& analyzer,
                           AnalysisContext& context);

// What the writer knows of the file whose articles it is writing.
struct FileInWriting {
  std::string term;                           // schema::file_term of its absolute path
  std::string display;                        // its name in messages
  std::set<Xapian::docid> previous;           // its documents from before, not yet written again
  std::unordered_set<Xapian::docid> written;  // its documents written or kept in this run
  std::string first_problem;
};

// The writer thread's side of a run: puts articles into the database under the id rule of
// Indexer::index(), counts and learns template lines (template_lines.h), releases the
// documents of files that no longer hold them, and commits every `batch_size` changes. An
// article is written to the shard of its id; the rest reads all shards as one.
// Borrows everything; not thread-safe (the writer thread's), except that the reading threads
// may call templates().snapshot().
class ArticleWriter {
 public:
  // `path_of_file_term`: the absolute paths of this run's files by file term (to name the
  // other file of a collision; the ledger names those of earlier runs).
  ArticleWriter(ShardSet& shards, const Analyzer& analyzer, FileLedger& ledger, IndexStats& stats,
                const ProblemSink& report, std::size_t batch_size,
                std::unordered_map<std::string, std::string> path_of_file_term);

  TemplateLearner& templates() { return templates_; }

  // Starts `file`: its documents from before are those carrying its term.
  FileInWriting begin_file(const std::string& path, const std::string& display) const;

  // Writes one article of `file` (the rule of Indexer::index()): added, replaced, kept once
  // as a copy held by another file too, or skipped as an id collision (reported).
  void put(FileInWriting& file, BuiltArticle&& article);

  // `file` no longer holds document `docid`: removed unless another file holds it too.
  void release(Xapian::docid docid, const std::string& file_term);

  // Decides on the template lines of every source counted in this run (the end of a run).
  void decide_templates();

  // Commits when `batch_size` changes are pending, or always (`force`): the ledger's entries
  // of touched files are metadata the count of changes does not see.
  void commit(bool force = false);

 private:
  BuiltArticle rebuild(const Xapian::Document& old, const TemplateSnapshot& learned);
  void write(FileInWriting& file, BuiltArticle&& article, bool is_new);
  void learn(const std::string& group);
  void assign_collapse_key(const std::string& id, Xapian::Document& doc);
  void collision(FileInWriting& file, const std::string& id, const std::string& other);
  std::string name_of_file(const std::string& file_term, const Xapian::Document& doc) const;
  // Stores `doc`'s article over the database's dictionary; until it has one, keeps the
  // article as a sample and trains the dictionary on the first ArticleCodec::kTrainingSamples
  // of the database's articles and this run's, whichever run reaches so many (the articles
  // before it stay JSON; --reanalyze packs them).
  void pack(Xapian::Document& doc);
  void train_dictionary();

  ShardSet& shards_;
  Xapian::WritableDatabase& db_;  // shards_.all()
  const Analyzer& analyzer_;
  AnalysisContext context_;  // for rebuilt documents and learned lines
  FileLedger& ledger_;
  IndexStats& stats_;
  const ProblemSink& report_;
  std::size_t batch_size_;
  std::size_t pending_ = 0;
  std::unordered_map<std::string, std::string> path_of_file_term_;
  NearDuplicates near_duplicates_;
  TemplateLearner templates_;
  schema::ArticleCodec codec_;        // the database's dictionary, once it has one
  std::vector<std::string> samples_;  // articles written before it, to train it on
  std::size_t train_at_;              // samples_ trained on at this size
};

}  // namespace sinmun

#endif  // SINMUN_INDEXER_DETAIL_ARTICLE_WRITER_H_
