#ifndef SINMUN_INDEXER_DETAIL_TEMPLATE_LINES_H_
#define SINMUN_INDEXER_DETAIL_TEMPLATE_LINES_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// Learned boilerplate: the lines a source prints under (or over) every article — a new
// outlet's footer, a subscription plug, a tip-line — that the fixed table of
// corpus/boilerplate.h does not know. The pieces here know no Xapian; the indexer
// (detail/template_learner.h) runs them against the database.
//
// Rule: a body line of at least kTemplateMinChars characters (and at most kTemplateMaxBytes
// bytes) that appears verbatim, after trimming, in at least kTemplateMinArticles articles of
// one source and in at least kTemplateMinPercent % of that source's articles is template
// text. A block of such lines is its lines, each learned on its own; shorter lines (a lone
// "관련기사") are never learned: too many legitimate short lines repeat. Articles are grouped
// by their source as the XSRC term spells it (source_group); articles without a source form
// one group of their own.
//
// Without a second pass over the crawl:
//  - while the run writes articles, the writer counts each article's distinct candidate
//    lines per source (LineCounter: a table of at most kLineCounterCapacity lines per source,
//    the least frequent half dropped when it fills, so memory stays bounded — about 100 KB a
//    source; a line dropped and met again counts from one, which can only delay learning,
//    never learn a line wrongly, because counts never exceed the articles in the database);
//  - when a source's count of articles written this run reaches 20, 40, 80, … and at the
//    end of the run (an interrupted one too), the lines counted in at least
//    kTemplateMinArticles articles are checked against the source's article count in the
//    database at that moment; those that pass are learned and kept in the database's
//    metadata (schema::kBoilerplateKeyPrefix + source group, committed with the documents,
//    with the number of articles they were removed from);
//  - the articles that hold a newly learned line — found by the line's rarest n-gram or word
//    term (its morphemes may differ in context), then checked against their stored body —
//    are re-indexed from their stored data with the line removed, from the indexed text and
//    the stored body alike; an article already analysed by a reading thread when the line
//    was learned is rebuilt the same way before it is written;
//  - every later article of the source, in this run and later ones, has the learned lines
//    removed before analysis (strip_template_lines), so re-runs agree.
// Deciding early (at 20, 40, 80 articles of a source) keeps the re-indexing to the few
// articles written before the decision, rather than the whole source at the end. Decision
// points depend only on the order articles are written in, so results do not depend on
// --jobs. A learned line stays learned: its text is no longer stored, so it could not be
// put back without reading the crawl again.
namespace sinmun {

inline constexpr std::size_t kTemplateMinChars = 10;    // characters (code points)
inline constexpr std::size_t kTemplateMaxBytes = 1000;  // longer lines are prose
inline constexpr std::size_t kTemplateMinArticles = 20;
inline constexpr std::size_t kTemplateMinPercent = 30;
inline constexpr std::size_t kLineCounterCapacity = 1024;  // lines counted per source
inline constexpr std::size_t kMaxLearnedLinesPerSource = 200;

// The group of articles of `source`: the value of its XSRC term (schema::field_term without
// the prefix); "" for articles without a source.
std::string source_group(std::string_view source);

// The distinct lines of `body` that could be template text (trimmed; kTemplateMinChars
// characters to kTemplateMaxBytes bytes), in order of first appearance.
std::vector<std::string> template_candidate_lines(std::string_view body);

// `body` without its lines whose trimmed text is in `lines`; `body` unchanged when it has none
// (so that an article without template text is stored byte for byte as read). `removed`, when
// given, receives the lines removed (each once).
std::string strip_template_lines(std::string_view body, const std::set<std::string, std::less<>>& lines,
                                 std::vector<std::string>* removed = nullptr);

// Counts, per source group, the articles written in this run and the candidate lines they
// hold. Not thread-safe (the writer thread's).
class LineCounter {
 public:
  explicit LineCounter(std::size_t capacity = kLineCounterCapacity) : capacity_(capacity) {}

  // Counts one article of `group` with its candidate lines (distinct). True when the group's
  // article count has just reached a decision point: 20, 40, 80, 160, …
  bool add(const std::string& group, const std::vector<std::string>& lines);

  // The lines of `group` counted at least `at_least` times, most frequent first (ties by
  // text), with their counts.
  std::vector<std::pair<std::string, std::size_t>> frequent(const std::string& group, std::size_t at_least) const;

  // Stops counting `line` in `group` (it has been learned).
  void forget(const std::string& group, const std::string& line);

  // Every group counted in this run, in order.
  std::vector<std::string> groups() const;

 private:
  struct Group {
    std::size_t articles = 0;
    std::unordered_map<std::string, std::uint32_t> counts;
  };
  void make_room(Group& group);

  std::size_t capacity_;
  std::map<std::string, Group> groups_;
};

// What the database keeps of one source's learned lines.
struct LearnedLines {
  std::string source;  // as the first article that taught them showed it
  struct Line {
    std::string text;
    // The articles it was removed from: those that held it when it was learned, and the
    // new ones since (an article indexed again is not counted again).
    std::size_t articles = 0;
  };
  std::vector<Line> lines;  // in order of learning
};

// The metadata value: a JSON object (source, lines: [{line, articles}]).
std::string encode_learned_lines(const LearnedLines& learned);
// nullopt for a value that is not such an object.
std::optional<LearnedLines> decode_learned_lines(std::string_view value);

}  // namespace sinmun

#endif  // SINMUN_INDEXER_DETAIL_TEMPLATE_LINES_H_
