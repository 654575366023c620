// sinmun-lexicon: learns the words and aliases the dictionary lacks from a Sinmun database,
// has a person review them, and applies the accepted ones.
#include <xapian.h>
#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include "analyzers/dictionary_location.h"
#include "base/errors.h"
#include "cli/cli.h"
#include "lexicon/alias_miner.h"
#include "lexicon/apply.h"
#include "lexicon/noun_learner.h"
#include "lexicon/review.h"
#include "resources/data_files.h"
#include "schema/lexicon_files.h"
#include "schema/schema.h"
#include "schema/stored_article.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage = R"(usage: sinmun-lexicon COMMAND --db DIR [options]

Learns from a database made by sinmun-index the words its dictionary cuts into pieces (new
names: 노란봉투법, 튀르키예) and the aliases its articles gloss (딥시크(DeepSeek), 한국은행(한은)),
lets a person accept or reject them, and adds the accepted ones to the user dictionary and the
synonyms, re-indexing only the articles that contain them.

commands:
  learn     candidate words, best first: word<TAB>count<TAB>score<TAB>first_seen<TAB>example
            (--json: also the current analysis and the monthly counts; --timeline WORD: the
            first date and monthly counts of one word)
  aliases   word/alias pairs from glosses, in the synonym file's format (counts as comments)
  review    writes DIR.lexicon/review.tsv with the candidates not decided yet (first recording
            the decisions marked in it since the last time): put accept or reject in its first
            column; the page /lexicon.html of sinmun-serve decides them too
  apply     records the marked decisions, merges the accepted words into the user dictionary
            and the aliases into the synonyms (default: DIR.lexicon/user-dictionary.tsv and
            synonyms.tsv, started from the shipped files), re-indexes the articles that contain
            the new words, and records both files in the database: sinmun-index, sinmun-search
            and sinmun-serve given no --user-dict / --synonyms use them from then on (a running
            sinmun-serve on SIGHUP, or by itself when it was started naming those files).

examples:
  sinmun-lexicon learn --db news.db --limit 50
  sinmun-lexicon learn --db news.db --timeline 딥시크
  sinmun-lexicon aliases --db news.db --min-count 3
  sinmun-lexicon review --db news.db && $EDITOR news.db.lexicon/review.tsv
  sinmun-lexicon apply --db news.db
  sinmun-serve --db news.db            # uses news.db.lexicon/*.tsv, as the database records

exit status: 0 success, 1 usage error, 2 failure

options)";

constexpr sinmun::cli::Program kProgram{"sinmun-lexicon", kUsage};

struct Options {
  std::string command;
  std::string db;
  sinmun::AnalyzerConfig analyzer;
  std::string analysis;
  std::size_t limit = 200;
  std::size_t min_count = 0;  // 0: the command's default
  bool json = false;
  std::string timeline;
  std::string right_parts;
  std::string synonyms;
};

// Every article of the database as a LearnText, title and body together.
sinmun::lexicon::ForEachText articles_of(const Xapian::Database& db) {
  return [&db](const std::function<void(const sinmun::lexicon::LearnText&)>& visit) {
    const sinmun::schema::ArticleCodec codec = sinmun::schema::ArticleCodec::of(db);
    sinmun::StoredArticle stored;
    std::string text;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      stored = {};
      if (!codec.decode(db.get_document(*it).get_data(), stored)) continue;
      text = stored.title + "\n" + stored.body;
      visit({text, stored.date});
    }
  };
}

sinmun::Analyzer analyzer_for(const Options& options) {
  sinmun::AnalyzerConfig config = options.analyzer;
  config.mode = sinmun::AnalysisMode::kMorphemeNgram;
  return sinmun::make_analyzer(config, sinmun::cli::note_printer(kProgram));
}

const std::set<std::string>& right_parts_for(const Options& options) {
  static std::set<std::string> loaded;
  if (options.right_parts.empty()) return sinmun::lexicon::default_right_parts();
  loaded = sinmun::lexicon::parse_right_parts(sinmun::lexicon::read_text_file(options.right_parts));
  return loaded;
}

std::vector<sinmun::lexicon::NounCandidate> learn(const Options& options, const Xapian::Database& db,
                                                  const sinmun::Analyzer& analyzer) {
  sinmun::lexicon::LearnOptions learn_options;
  learn_options.limit = options.limit;
  if (options.min_count != 0) learn_options.min_count = options.min_count;
  return sinmun::lexicon::learn_nouns(articles_of(db), analyzer, right_parts_for(options), learn_options);
}

std::vector<sinmun::lexicon::Alias> aliases(const Options& options, const Xapian::Database& db) {
  sinmun::lexicon::AliasMiner miner;
  articles_of(db)([&](const sinmun::lexicon::LearnText& article) { miner.add(article.text); });
  return miner.aliases(options.min_count != 0 ? options.min_count : 2);
}

nlohmann::json candidate_json(const sinmun::lexicon::NounCandidate& c) {
  return {
      {"word", c.word},         {"count", c.count},           {"score", c.score},     {"right_parts", c.right_parts},
      {"analysis", c.analysis}, {"first_seen", c.first_seen}, {"monthly", c.monthly}, {"example", c.example}};
}

std::string json_text(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int run_learn(const Options& options, const Xapian::Database& db) {
  const sinmun::Analyzer analyzer = analyzer_for(options);
  if (!options.timeline.empty()) {
    const sinmun::lexicon::WordTimeline timeline =
        sinmun::lexicon::word_timeline(articles_of(db), options.timeline, right_parts_for(options));
    if (options.json) {
      std::cout << json_text({{"word", options.timeline},
                              {"count", timeline.count},
                              {"first_seen", timeline.first_seen},
                              {"monthly", timeline.monthly}})
                << '\n';
      return 0;
    }
    std::cout << options.timeline << '\t' << timeline.count << "\tfirst seen "
              << (timeline.first_seen.empty() ? "(no date)" : timeline.first_seen) << '\n';
    for (const auto& [month, count] : timeline.monthly) std::cout << month << '\t' << count << '\n';
    return 0;
  }
  const std::vector<sinmun::lexicon::NounCandidate> found = learn(options, db, analyzer);
  if (options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : found) out.push_back(candidate_json(c));
    std::cout << json_text(out) << '\n';
    return 0;
  }
  for (const auto& c : found) {
    char score[32];
    std::snprintf(score, sizeof score, "%.2f", c.score);
    std::cout << c.word << '\t' << c.count << '\t' << score << '\t' << c.first_seen << '\t' << c.example << '\n';
  }
  return 0;
}

int run_aliases(const Options& options, const Xapian::Database& db) {
  const std::vector<sinmun::lexicon::Alias> found = aliases(options, db);
  if (options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : found)
      out.push_back({{"word", a.word}, {"alias", a.alias}, {"count", a.count}, {"gloss", a.gloss}});
    std::cout << json_text(out) << '\n';
    return 0;
  }
  std::cout << "# sinmun-lexicon aliases: synonym groups from glosses; each line follows its count and a gloss\n";
  for (const auto& a : found)
    std::cout << "# " << a.count << ' ' << a.gloss << '\n' << a.word << '\t' << a.alias << '\n';
  return 0;
}

int run_review(const Options& options, const Xapian::Database& db) {
  const fs::path dir = sinmun::lexicon::lexicon_dir_of(options.db);
  const auto report = sinmun::cli::note_printer(kProgram);
  const std::size_t recorded = sinmun::lexicon::absorb_review(dir, report);
  const auto decided = sinmun::lexicon::read_decisions(dir, report);
  std::vector<sinmun::lexicon::ReviewEntry> open;
  const auto add = [&](sinmun::lexicon::ReviewEntry entry) {
    if (!decided.count(entry.identity())) open.push_back(std::move(entry));
  };
  for (const auto& c : learn(options, db, analyzer_for(options))) {
    add({sinmun::lexicon::Decision::kUndecided, sinmun::lexicon::EntryKind::kWord, c.word, "NNP",
         std::to_string(c.count), (c.first_seen.empty() ? "" : c.first_seen + " ") + c.example});
  }
  for (const auto& a : aliases(options, db)) {
    add({sinmun::lexicon::Decision::kUndecided, sinmun::lexicon::EntryKind::kAlias, a.word, a.alias,
         std::to_string(a.count), a.gloss});
  }
  sinmun::lexicon::write_review(dir, open);
  std::cout << "recorded " << recorded << " decision(s) from review.tsv; " << decided.size() << " decided in all; "
            << open.size() << " candidate(s) to review in " << (dir / "review.tsv").string() << '\n';
  return 0;
}

// The file apply writes into: the one named, else DIR.lexicon/NAME started from the shipped one.
fs::path target_file(const std::string& named, const fs::path& dir, const char* name, sinmun::DataFile shipped) {
  if (named == "none") throw sinmun::UsageError("apply needs a file to merge into, not 'none'");
  fs::path target = named.empty() ? dir / name : fs::path(named);
  if (!fs::exists(target)) {
    std::error_code error;
    fs::create_directories(target.parent_path().empty() ? "." : target.parent_path(), error);
    const fs::path seed = sinmun::data_file_path(shipped);
    sinmun::lexicon::write_text_file_atomically(
        target, fs::exists(seed) && named.empty() ? sinmun::lexicon::read_text_file(seed) : std::string());
  }
  return target;
}

int run_apply(const Options& options) {
  const fs::path dir = sinmun::lexicon::lexicon_dir_of(options.db);
  const auto report = sinmun::cli::note_printer(kProgram);
  const std::size_t recorded = sinmun::lexicon::absorb_review(dir, report);
  std::vector<sinmun::lexicon::ReviewEntry> words;
  std::vector<sinmun::lexicon::ReviewEntry> alias_entries;
  for (auto& [identity, entry] : sinmun::lexicon::read_decisions(dir, report)) {
    if (entry.decision != sinmun::lexicon::Decision::kAccept) continue;
    (entry.kind == sinmun::lexicon::EntryKind::kWord ? words : alias_entries).push_back(entry);
  }

  const fs::path user_dict =
      target_file(options.analyzer.user_dictionary, dir, "user-dictionary.tsv", sinmun::DataFile::kUserDictionary);
  const fs::path synonyms = target_file(options.synonyms, dir, "synonyms.tsv", sinmun::DataFile::kSynonyms);
  std::set<std::string> added;
  const std::string dictionary_text =
      sinmun::lexicon::merge_user_dictionary(sinmun::lexicon::read_text_file(user_dict), words, added);
  std::size_t aliases_added = 0;
  const std::string synonym_text =
      sinmun::lexicon::merge_synonyms(sinmun::lexicon::read_text_file(synonyms), alias_entries, aliases_added);

  Xapian::WritableDatabase db(options.db, Xapian::DB_OPEN);
  sinmun::AnalyzerConfig config = options.analyzer;
  config.user_dictionary = user_dict.string();
  const std::string mode = db.get_metadata(std::string(sinmun::schema::kAnalyzerModeKey));
  config.mode = mode.empty() ? sinmun::AnalysisMode::kMorphemeNgram : sinmun::parse_analysis_mode(mode);
  // The new dictionary is checked (every added line must load) before anything is replaced.
  const fs::path staged = user_dict.string() + ".new";
  sinmun::lexicon::write_text_file_atomically(staged, dictionary_text);
  config.user_dictionary = staged.string();
  std::size_t bad_lines = 0;
  const sinmun::Analyzer analyzer = sinmun::make_analyzer(config, [&](const std::string& note) {
    if (note.starts_with(staged.string() + ":")) ++bad_lines;
    report(note);
  });
  std::error_code ignored;
  if (bad_lines != 0) {
    fs::remove(staged, ignored);
    throw sinmun::DataError("the merged user dictionary has " + std::to_string(bad_lines) +
                            " bad line(s) (above); nothing was changed");
  }
  // Articles first, files last: an apply that dies half way leaves the files as they were,
  // so running it again adds (and re-indexes for) the same words.
  std::size_t reindexed = 0;
  if (analyzer.has_morphology() && !added.empty()) {
    const std::vector<Xapian::docid> affected = sinmun::lexicon::documents_containing(db, added, analyzer);
    reindexed = sinmun::lexicon::reindex_documents(db, affected, analyzer);
  }
  // Recorded, so that sinmun-index, sinmun-search and sinmun-serve given no --user-dict or
  // --synonyms use these files (schema/lexicon_files.h).
  db.set_metadata(std::string(sinmun::schema::kUserDictionaryKey),
                  sinmun::schema::lexicon_file_stamp(user_dict, dictionary_text));
  db.set_metadata(std::string(sinmun::schema::kSynonymsKey),
                  sinmun::schema::lexicon_file_stamp(synonyms, synonym_text));
  db.commit();
  fs::rename(staged, user_dict);  // atomic: a watching sinmun-serve reads the old file or the new
  sinmun::lexicon::write_text_file_atomically(synonyms, synonym_text);
  std::cout << "recorded " << recorded << " decision(s) from review.tsv\n"
            << "added " << added.size() << " word(s) to " << user_dict.string() << '\n'
            << "added " << aliases_added << " alias(es) to " << synonyms.string() << '\n'
            << "re-indexed " << reindexed << " of " << db.get_doccount() << " article(s)\n";
  if (!analyzer.has_morphology()) std::cout << "(no Korean dictionary: nothing to re-index)\n";
  return 0;
}

int lexicon_main(int argc, char** argv) {
  Options options;
  po::options_description described(kUsage);
  // clang-format off
  described.add_options()
      ("db", po::value(&options.db)->value_name("DIR"), "the database (made by sinmun-index)")
      ("limit", po::value(&options.limit)->value_name("N"), "learn, review: at most N words (default 200; 0: all)")
      ("min-count", po::value(&options.min_count)->value_name("N"),
       "least occurrences of a word (default 5) or glosses of an alias (default 2)")
      ("json", "learn, aliases: one JSON array")
      ("timeline", po::value(&options.timeline)->value_name("WORD"), "learn: the first date and monthly counts of WORD")
      ("right-parts", po::value(&options.right_parts)->value_name("FILE"),
       "particles and endings that mark a noun, one a line (default: the shipped list)")
      ("synonyms", po::value(&options.synonyms)->value_name("FILE"),
       "apply: the synonym file to merge aliases into (default: DIR.lexicon/synonyms.tsv)");
  // clang-format on
  sinmun::cli::add_analyzer_options(described, options.analyzer, options.analysis,
                                    "ignored (learning reads with the dictionary; apply follows the database)");
  po::options_description hidden;
  hidden.add_options()("command", po::value(&options.command));
  po::positional_options_description positional;
  positional.add("command", 1);
  po::variables_map vm;
  if (!sinmun::cli::parse_command_line(kProgram, argc, argv, described, vm, hidden, positional)) return 0;
  options.json = vm.count("json") > 0;
  if (options.command.empty()) throw sinmun::UsageError("need a COMMAND: learn, aliases, review or apply");
  if (options.db.empty()) throw sinmun::UsageError("need --db DIR");
  if (!fs::exists(options.db)) throw sinmun::EnvironmentError("no database at " + options.db);
  if (options.command == "apply") return run_apply(options);
  const Xapian::Database db(options.db);
  if (options.command == "learn") return run_learn(options, db);
  if (options.command == "aliases") return run_aliases(options, db);
  if (options.command == "review") return run_review(options, db);
  throw sinmun::UsageError("unknown command '" + options.command + "' (learn, aliases, review or apply)");
}

}  // namespace

int main(int argc, char** argv) {
  return sinmun::cli::run(kProgram, [&] { return lexicon_main(argc, argv); });
}
