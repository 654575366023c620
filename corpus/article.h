#ifndef SINMUN_CORPUS_ARTICLE_H_
#define SINMUN_CORPUS_ARTICLE_H_

#include <functional>
#include <string>

namespace sinmun {

// One news article as read from a crawl directory. Every field is UTF-8 (invalid input bytes
// have been replaced by U+FFFD); missing fields are empty.
struct Article {
  // The record's own `id` field when it has one; otherwise the file's path relative to the
  // crawl root, with `#N` appended for the N-th record of a multi-record file (for JSONL, N is
  // the line number).
  std::string id;
  std::string title;
  std::string body;
  std::string date;  // YYYY-MM-DD in Korean time (KST), or empty when unknown
  std::string source;
  std::string url;
  std::string author;
  std::string category;
  std::string file;  // the file it came from, relative to the crawl root
};

// Something wrong with the input: a file or record that was skipped or repaired.
struct Problem {
  enum class Severity {
    kWarning,  // repaired and kept (e.g. invalid UTF-8 replaced)
    kSkipped,  // this record or file was not indexed
  };
  Severity severity = Severity::kSkipped;
  std::string file;      // path relative to the crawl root (or as given)
  std::string location;  // "line 12", "record 3", or empty for the whole file
  std::string reason;
};

using ArticleSink = std::function<void(Article&&)>;
using ProblemSink = std::function<void(const Problem&)>;

// "file:line 12: reason" / "file: reason", for messages.
std::string describe(const Problem& problem);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_ARTICLE_H_
