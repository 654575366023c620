#ifndef SINMUN_INDEXER_DETAIL_TEMPLATE_LEARNER_H_
#define SINMUN_INDEXER_DETAIL_TEMPLATE_LEARNER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "indexer/detail/shard_set.h"
#include "indexer/detail/template_lines.h"
#include "schema/stored_article.h"

namespace sinmun {

// The learned lines of every source group, as the reading threads strip them.
struct TemplateSnapshot {
  std::uint64_t version = 0;                                        // grows with every line learned in this run
  std::map<std::string, std::set<std::string, std::less<>>> lines;  // source group → lines

  // The lines of `group`; empty when it has none.
  const std::set<std::string, std::less<>>& lines_of(const std::string& group) const;
};

// Learned boilerplate against one database (the design is in template_lines.h): the lines
// learned so far, the counts of this run, the decisions, and the articles a new line touches.
//
// snapshot() may be called from any thread; everything else from the writer thread only.
// Borrows the shards.
class TemplateLearner {
 public:
  // Loads the lines learned by earlier runs, kept in the shards' metadata. Throws DataError
  // for a damaged metadata value.
  explicit TemplateLearner(ShardSet& shards);

  // The lines learned so far; stays valid (and unchanged) while held.
  std::shared_ptr<const TemplateSnapshot> snapshot() const;

  // Counts an article written to `group` (its source as shown: `source`) with its candidate
  // lines. True when a decision for the group is due (decide()).
  bool count(const std::string& group, const std::string& source, const std::vector<std::string>& lines);

  // Learns the lines of `group` counted in this run that pass the thresholds against the
  // group's articles in the database now and returns them, most frequent first; from now on
  // snapshot() has them.
  std::vector<std::string> decide(const std::string& group);

  // `lines` of `group` were removed from one more article.
  void removed(const std::string& group, const std::vector<std::string>& lines);

  // Writes what changed to the shards' metadata (call before each commit).
  void save();

  // The groups counted in this run.
  std::vector<std::string> groups_counted() const { return counter_.groups(); }

  // The documents of `group` whose stored body (read with `codec`) holds one of `lines`
  // (found by each line's rarest n-gram or word term under `analyzer`, then checked), in
  // docid order.
  std::vector<Xapian::docid> documents_holding(const std::string& group, const std::vector<std::string>& lines,
                                               const schema::ArticleCodec& codec, const Analyzer& analyzer,
                                               AnalysisContext& context) const;

 private:
  Xapian::doccount articles_of(const std::string& group) const;

  ShardSet& shards_;
  Xapian::WritableDatabase& db_;
  LineCounter counter_;
  std::map<std::string, std::string> source_of_group_;  // as shown, for groups counted
  std::map<std::string, LearnedLines> learned_;         // group → what the database keeps
  std::set<std::string> unsaved_;                       // groups changed since save()
  mutable std::mutex mutex_;                            // guards snapshot_
  std::shared_ptr<const TemplateSnapshot> snapshot_;
};

// Every source's learned lines kept in `db`, by source group.
std::map<std::string, LearnedLines> read_learned_lines(const Xapian::Database& db);

}  // namespace sinmun

#endif  // SINMUN_INDEXER_DETAIL_TEMPLATE_LEARNER_H_
