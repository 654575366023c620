#ifndef SINMUN_LEXICON_REVIEW_H_
#define SINMUN_LEXICON_REVIEW_H_

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace sinmun::lexicon {

// The lexicon of a database lives next to it, in DB.lexicon/ (news.db → news.db.lexicon/):
//   review.tsv       candidates not decided yet, for a person to mark (sinmun-lexicon review)
//   decisions.tsv    every decision taken, appended to (by review, apply and the web page)
//   user-dictionary.tsv, synonyms.tsv   what apply writes unless told other files
//
// Both TSV files have the columns
//   decision  kind  key  value  [count  note]
// decision: accept | reject (also a/r, y/n, yes/no, +/-); "" in review.tsv for undecided.
// kind: word (key: the word, Hangul only; value: its part of speech, NNP or NNG, "" = NNP)
//       alias (key: the word, value: its other spelling: 한국은행 한은, 엔비디아 nvidia).
// count and note (first date and an example, or the gloss) are for people. Lines starting
// with '#' and blank lines are ignored. The latest decision on a (kind, key, value) counts.
std::filesystem::path lexicon_dir_of(const std::filesystem::path& db_path);

enum class Decision { kUndecided, kAccept, kReject };
enum class EntryKind { kWord, kAlias };

struct ReviewEntry {
  Decision decision = Decision::kUndecided;
  EntryKind kind = EntryKind::kWord;
  std::string key;
  std::string value;
  std::string count;
  std::string note;
  std::size_t line = 0;  // in the file it was read from

  // What a decision is about: a word whatever part of speech it was accepted as; an alias pair.
  std::tuple<EntryKind, std::string, std::string> identity() const {
    return {kind, key, kind == EntryKind::kWord ? std::string() : value};
  }
};

using Reporter = std::function<void(const std::string&)>;

// Parses review or decision TSV text; `name` is the file's name in messages. A line that does
// not parse, or an accepted entry that could not be applied (a word that is not 2-20 Hangul
// syllables, a POS other than NNP/NNG, an alias with a space, empty or equal sides), is reported
// as "NAME:LINE: reason" and skipped. Never throws.
std::vector<ReviewEntry> parse_review(std::string_view text, const std::string& name, const Reporter& report);

// One entry as a line of those files (no newline); tabs and newlines in fields become spaces.
std::string format_review_line(const ReviewEntry& entry);

// The decisions of `dir`/decisions.tsv, latest per identity ({} when the file is missing).
// Throws EnvironmentError when it exists but cannot be read.
std::map<std::tuple<EntryKind, std::string, std::string>, ReviewEntry> read_decisions(const std::filesystem::path& dir,
                                                                                      const Reporter& report);

// Appends decided entries to `dir`/decisions.tsv (creating `dir` and the file). Throws
// EnvironmentError when it cannot write.
void append_decisions(const std::filesystem::path& dir, const std::vector<ReviewEntry>& entries);

// Moves the entries a person marked in `dir`/review.tsv into decisions.tsv and returns how
// many; the undecided ones stay for write_review(). Bad lines are reported and left alone.
std::size_t absorb_review(const std::filesystem::path& dir, const Reporter& report);

// Writes `dir`/review.tsv (atomically: a temporary file renamed over it) with a header that
// says how to fill it in.
void write_review(const std::filesystem::path& dir, const std::vector<ReviewEntry>& undecided);

// Reads a whole file; throws EnvironmentError when it cannot.
std::string read_text_file(const std::filesystem::path& path);
// Writes a whole file through a temporary one renamed over it, so that a reader (a server
// watching it) sees the old text or the new, never half. Throws EnvironmentError.
void write_text_file_atomically(const std::filesystem::path& path, std::string_view text);

}  // namespace sinmun::lexicon

#endif  // SINMUN_LEXICON_REVIEW_H_
