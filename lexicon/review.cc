#include "lexicon/review.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "base/errors.h"

namespace sinmun::lexicon {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kSyllableBytes = 3;
constexpr std::size_t kMaxWordSyllables = 20;

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    const std::size_t tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return fields;
    line.remove_prefix(tab + 1);
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool parse_decision(std::string_view text, Decision& out) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower.empty()) {
    out = Decision::kUndecided;
  } else if (lower == "accept" || lower == "a" || lower == "y" || lower == "yes" || lower == "+") {
    out = Decision::kAccept;
  } else if (lower == "reject" || lower == "r" || lower == "n" || lower == "no" || lower == "-") {
    out = Decision::kReject;
  } else {
    return false;
  }
  return true;
}

bool hangul_word(std::string_view word) {
  if (word.size() < 2 * kSyllableBytes || word.size() > kMaxWordSyllables * kSyllableBytes ||
      word.size() % kSyllableBytes != 0) {
    return false;
  }
  for (std::size_t i = 0; i < word.size(); i += kSyllableBytes) {
    const auto b0 = static_cast<unsigned char>(word[i]);
    const auto b1 = static_cast<unsigned char>(word[i + 1]);
    const auto b2 = static_cast<unsigned char>(word[i + 2]);
    if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
    const unsigned cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
    if (cp < 0xAC00 || cp > 0xD7A3) return false;
  }
  return true;
}

bool has_control(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

bool has_space(std::string_view s) { return s.find_first_of(" \t\r\n\v\f") != std::string_view::npos; }

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// Why an accepted entry cannot be applied, or "".
std::string unusable(const ReviewEntry& entry) {
  if (entry.kind == EntryKind::kWord) {
    if (!hangul_word(entry.key)) return "a word to add must be 2-20 Hangul syllables, not '" + entry.key + "'";
    if (entry.value != "NNP" && entry.value != "NNG")
      return "a word's part of speech is NNP or NNG, not '" + entry.value + "'";
    return "";
  }
  if (entry.key.empty() || entry.value.empty()) return "an alias needs both a word and its other spelling";
  if (has_space(entry.key) || has_space(entry.value)) return "an alias's sides are single words (no spaces)";
  if (entry.key == entry.value) return "an alias's two sides are the same";
  if (entry.key.front() == '#' || entry.value.front() == '#') return "an alias cannot start with '#'";
  return "";
}

std::string clean_field(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

}  // namespace

fs::path lexicon_dir_of(const fs::path& db_path) {
  fs::path db = db_path;
  if (!db.has_filename()) db = db.parent_path();  // "news.db/"
  return db.parent_path() / (db.filename().string() + ".lexicon");
}

std::vector<ReviewEntry> parse_review(std::string_view text, const std::string& name, const Reporter& report) {
  std::vector<ReviewEntry> entries;
  std::size_t number = 0;
  const auto bad = [&](const std::string& reason) {
    if (report) report(name + ":" + std::to_string(number) + ": " + reason);
  };
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    ++number;
    if (trim(line).empty() || trim(line).front() == '#') continue;
    if (!valid_utf8(line)) {
      bad("not UTF-8 text");
      continue;
    }
    const std::vector<std::string_view> fields = split_tabs(line);
    if (fields.size() < 3) {
      bad("expected decision<TAB>kind<TAB>key<TAB>value, got " + std::to_string(fields.size()) + " column(s)");
      continue;
    }
    ReviewEntry entry;
    entry.line = number;
    if (!parse_decision(trim(fields[0]), entry.decision)) {
      bad("decision is accept or reject (or empty), not '" + std::string(trim(fields[0])) + "'");
      continue;
    }
    const std::string_view kind = trim(fields[1]);
    if (kind == "word") {
      entry.kind = EntryKind::kWord;
    } else if (kind == "alias") {
      entry.kind = EntryKind::kAlias;
    } else {
      bad("kind is word or alias, not '" + std::string(kind) + "'");
      continue;
    }
    entry.key = trim(fields[2]);
    if (fields.size() > 3) entry.value = trim(fields[3]);
    if (fields.size() > 4) entry.count = trim(fields[4]);
    if (fields.size() > 5) entry.note = fields[5];
    if (entry.kind == EntryKind::kWord && entry.value.empty()) entry.value = "NNP";
    if (entry.key.empty()) {
      bad("the key column is empty");
      continue;
    }
    if (has_control(entry.key) || has_control(entry.value)) {
      bad("a control character in the key or value");
      continue;
    }
    if (entry.decision == Decision::kAccept) {
      if (const std::string why = unusable(entry); !why.empty()) {
        bad(why);
        continue;
      }
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::string format_review_line(const ReviewEntry& entry) {
  const char* decision = entry.decision == Decision::kAccept   ? "accept"
                         : entry.decision == Decision::kReject ? "reject"
                                                               : "";
  return std::string(decision) + '\t' + (entry.kind == EntryKind::kWord ? "word" : "alias") + '\t' +
         clean_field(entry.key) + '\t' + clean_field(entry.value) + '\t' + clean_field(entry.count) + '\t' +
         clean_field(entry.note);
}

std::string read_text_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw EnvironmentError("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) throw EnvironmentError("cannot read " + path.string());
  return out.str();
}

void write_text_file_atomically(const fs::path& path, std::string_view text) {
  const fs::path temporary = path.string() + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) throw EnvironmentError("cannot write " + temporary.string());
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) {
    fs::remove(temporary, error);
    throw EnvironmentError("cannot replace " + path.string());
  }
}

std::map<std::tuple<EntryKind, std::string, std::string>, ReviewEntry> read_decisions(const fs::path& dir,
                                                                                      const Reporter& report) {
  std::map<std::tuple<EntryKind, std::string, std::string>, ReviewEntry> latest;
  const fs::path file = dir / "decisions.tsv";
  if (!fs::exists(file)) return latest;
  for (ReviewEntry& entry : parse_review(read_text_file(file), file.string(), report)) {
    if (entry.decision == Decision::kUndecided) continue;
    latest[entry.identity()] = std::move(entry);
  }
  return latest;
}

void append_decisions(const fs::path& dir, const std::vector<ReviewEntry>& entries) {
  std::error_code error;
  fs::create_directories(dir, error);
  const fs::path file = dir / "decisions.tsv";
  const bool fresh = !fs::exists(file);
  std::ofstream out(file, std::ios::binary | std::ios::app);
  if (fresh) out << "# decision\tkind\tkey\tvalue\tcount\tnote (sinmun-lexicon; the latest line of an entry counts)\n";
  for (const ReviewEntry& entry : entries) {
    if (entry.decision != Decision::kUndecided) out << format_review_line(entry) << '\n';
  }
  out.flush();
  if (!out) throw EnvironmentError("cannot write " + file.string());
}

std::size_t absorb_review(const fs::path& dir, const Reporter& report) {
  const fs::path file = dir / "review.tsv";
  if (!fs::exists(file)) return 0;
  const std::string text = read_text_file(file);
  std::vector<ReviewEntry> decided;
  std::set<std::size_t> decided_lines;
  for (ReviewEntry& entry : parse_review(text, file.string(), report)) {
    if (entry.decision == Decision::kUndecided) continue;
    decided_lines.insert(entry.line);
    decided.push_back(std::move(entry));
  }
  if (decided.empty()) return 0;
  append_decisions(dir, decided);
  // What was decided leaves review.tsv, so that it is never moved (or asked) twice; the rest,
  // bad lines included, stays as the person wrote it.
  std::string rest;
  std::size_t number = 0;
  for (std::string_view remaining = text; !remaining.empty();) {
    const std::size_t newline = remaining.find('\n');
    const std::string_view line = remaining.substr(0, newline);
    remaining = newline == std::string_view::npos ? std::string_view() : remaining.substr(newline + 1);
    if (!decided_lines.count(++number)) (rest += line) += '\n';
  }
  write_text_file_atomically(file, rest);
  return decided.size();
}

void write_review(const fs::path& dir, const std::vector<ReviewEntry>& undecided) {
  std::error_code error;
  fs::create_directories(dir, error);
  std::string text =
      "# Candidates for the lexicon, best first. Write accept or reject in the first column of\n"
      "# the lines you decide (a word's part of speech, NNP or NNG, can be changed), then run\n"
      "# sinmun-lexicon apply (or review, to list only what is still open). Columns:\n"
      "# decision\tkind\tkey\tvalue\tcount\tnote\n";
  for (const ReviewEntry& entry : undecided) text += format_review_line(entry) + '\n';
  write_text_file_atomically(dir / "review.tsv", text);
}

}  // namespace sinmun::lexicon
