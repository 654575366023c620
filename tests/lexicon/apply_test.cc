// sinmun-lexicon apply end to end, with the real programs over a small crawl we wrote: it
// re-indexes only the articles that hold the accepted words, reports a bad accepted line with
// its line number, and a running sinmun-serve answers with the new lexicon without a restart.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "schema/schema.h"
#include "tests/support/dictionary.h"
#include "tests/support/programs.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using sinmun::testing::CommandResult;
using sinmun::testing::kIndex;
using sinmun::testing::kLexicon;
using sinmun::testing::kServe;
using sinmun::testing::run_command;
using sinmun::testing::shell_quote;
using sinmun::testing::TempDir;

// Eight articles: three hold the invented company 쿠룬타사, two gloss 조르블랏(Zorblat), one
// more names 조르블랏 in Hangul only, two hold neither.
const char* const kCrawl =
    R"({"id": "a1", "date": "2025-03-01", "title": "쿠룬타사 새 공장", "body": "쿠룬타사가 새 공장을 세운다고 밝혔다."}
{"id": "a2", "date": "2025-03-02", "title": "투자 계획", "body": "정부는 쿠룬타사의 투자 계획을 검토하고 있다."}
{"id": "a3", "date": "2025-04-01", "title": "주가 상승", "body": "시장은 쿠룬타사를 주목하고 있다. 주가가 올랐다."}
{"id": "a4", "date": "2025-04-02", "title": "새 모델", "body": "조르블랏(Zorblat)이 새 모델을 내놨다."}
{"id": "a5", "date": "2025-04-03", "title": "협력", "body": "조르블랏(Zorblat)과 한빛전자가 협력한다."}
{"id": "a6", "date": "2025-05-01", "title": "조르블랏 실적", "body": "조르블랏이 분기 실적을 발표했다."}
{"id": "a7", "date": "2025-05-02", "title": "날씨", "body": "내일은 전국에 비가 내리겠다."}
{"id": "a8", "date": "2025-05-03", "title": "경제", "body": "수출이 석 달째 늘었다."}
)";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class LexiconApplyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SINMUN_REQUIRE_DICTIONARY();
    dir_.write("crawl/news.jsonl", kCrawl);
    const CommandResult indexed = run_command(
        kIndex + " --db " + shell_quote(db()) + " " + shell_quote((dir_.path() / "crawl").string()), dir_.path());
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    // 도르가 is no term without it (the 2018 dictionary reads 도르 and the particle 가).
    user_dict_ = dir_.write("lexicon-user.tsv", "엔비디아\tNNP\n도르가\tNNP\n");
    synonyms_ = dir_.write("lexicon-synonyms.tsv", "엔비디아\tnvidia\n");
    dir_.write("news.db.lexicon/review.tsv",
               "# decision\tkind\tkey\tvalue\n"
               "accept\tword\t쿠룬타사\tNNP\n"
               "accept\talias\t조르블랏\tzorblat\n"
               "accept\tword\tkuruntasa\tNNP\n"
               "\tword\t한빛전자\tNNP\n");
  }

  std::string db() const { return (dir_.path() / "news.db").string(); }

  CommandResult apply() const {
    return run_command(kLexicon + " apply --db " + shell_quote(db()) + " --user-dict " +
                           shell_quote(user_dict_.string()) + " --synonyms " + shell_quote(synonyms_.string()),
                       dir_.path());
  }

  TempDir dir_;
  fs::path user_dict_;
  fs::path synonyms_;
};

std::vector<std::string> terms_of(const Xapian::Database& db, const std::string& id) {
  const Xapian::docid docid = *db.postlist_begin(sinmun::schema::id_term(id));
  const Xapian::Document doc = db.get_document(docid);
  return {doc.termlist_begin(), doc.termlist_end()};
}

// Whether a word or morpheme term is a proper piece of `word` (쿠룬 of 쿠룬타사).
bool has_piece_of(const std::vector<std::string>& terms, const std::string& word) {
  return std::any_of(terms.begin(), terms.end(), [&](const std::string& term) {
    return sinmun::schema::is_word_or_morpheme_term(term) && term != word && word.find(term) != std::string::npos;
  });
}

TEST_F(LexiconApplyTest, ReindexesOnlyTheArticlesWithTheNewWord) {
  std::vector<std::string> untouched_before;
  {
    const Xapian::Database before(db());
    // Cut into pieces by the 2018 dictionary (and indexed as their compound as well).
    EXPECT_TRUE(has_piece_of(terms_of(before, "a1"), "쿠룬타사"));
    untouched_before = terms_of(before, "a7");
  }
  const CommandResult r = apply();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("re-indexed 3 of 8 article(s)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("added 1 word(s)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("added 1 alias(es)"), std::string::npos) << r.out;
  // The bad accepted line (line 4 of review.tsv) is named with its line and skipped.
  EXPECT_NE(r.err.find("review.tsv:4: "), std::string::npos) << r.err;

  const Xapian::Database after(db());
  EXPECT_EQ(after.get_termfreq("쿠룬타사"), 3u);
  // The pieces stay, as the word's parts: what found the articles before still does.
  for (const char* id : {"a1", "a2", "a3"}) EXPECT_TRUE(has_piece_of(terms_of(after, id), "쿠룬타사")) << id;
  EXPECT_EQ(terms_of(after, "a7"), untouched_before);
  EXPECT_EQ(after.get_doccount(), 8u);
  EXPECT_TRUE(after.get_metadata(std::string(sinmun::schema::kUserDictionaryKey))
                  .starts_with(fs::absolute(user_dict_).lexically_normal().string() + "\t"));
  EXPECT_NE(read_file(user_dict_).find("\n쿠룬타사\tNNP\n"), std::string::npos);
  EXPECT_NE(read_file(synonyms_).find("\n조르블랏\tzorblat\n"), std::string::npos);
  EXPECT_TRUE(read_file(user_dict_).starts_with("엔비디아\tNNP\n"));  // what was there stays

  // Nothing new: nothing is merged or re-indexed again.
  const CommandResult again = apply();
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("added 0 word(s)"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("re-indexed 0 of 8 article(s)"), std::string::npos) << again.out;
}

TEST_F(LexiconApplyTest, LaterCrawlsAndSearchesUseTheRecordedLexiconUnlessToldOtherwise) {
  ASSERT_EQ(apply().exit_code, 0);
  // A later crawl indexed without --user-dict is analysed with the applied dictionary.
  dir_.write("crawl/later.jsonl",
             R"({"id": "b1", "date": "2025-06-01", "title": "", "body": "쿠룬타사는 도르가와 새 공장을 또 세운다."})"
             "\n");
  const CommandResult indexed = run_command(
      kIndex + " --db " + shell_quote(db()) + " " + shell_quote((dir_.path() / "crawl").string()), dir_.path());
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  {
    const Xapian::Database after(db());
    EXPECT_EQ(after.get_termfreq("쿠룬타사"), 4u);
    EXPECT_EQ(after.get_termfreq("도르가"), 1u);
  }
  const std::string search = sinmun::testing::kSearch + " --db " + shell_quote(db());
  // Queries too, and the applied alias finds the Hangul-only article.
  const CommandResult word = run_command(search + " --json --explain 쿠룬타사", dir_.path());
  ASSERT_EQ(word.exit_code, 0) << word.err;
  const nlohmann::json found = nlohmann::json::parse(word.out);
  ASSERT_EQ(found["total"], 4);
  EXPECT_EQ(found["results"][0]["explain"][0]["term"], "쿠룬타사");
  const CommandResult alias = run_command(search + " --json zorblat", dir_.path());
  ASSERT_EQ(alias.exit_code, 0) << alias.err;
  EXPECT_EQ(nlohmann::json::parse(alias.out)["total"], 3) << alias.out;
  // Told otherwise, they are not used.
  const CommandResult told = run_command(search + " --json --synonyms none zorblat", dir_.path());
  ASSERT_EQ(told.exit_code, 0) << told.err;
  EXPECT_EQ(nlohmann::json::parse(told.out)["total"], 2) << told.out;
  // A recorded file that is gone is said, and the default used.
  fs::remove(synonyms_);
  const CommandResult gone = run_command(search + " --json zorblat", dir_.path());
  ASSERT_EQ(gone.exit_code, 0) << gone.err;
  EXPECT_NE(gone.err.find("which is gone"), std::string::npos) << gone.err;
}

// sinmun-serve as a child process, stopped with SIGTERM at the end.
class ServeProcess {
 public:
  explicit ServeProcess(const std::vector<std::string>& args, const fs::path& out) {
    pid_ = fork();
    if (pid_ == 0) {
      const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(fd, 1);
      std::vector<char*> argv;
      argv.reserve(args.size() + 1);
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  ~ServeProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  void signal(int number) const { kill(pid_, number); }

 private:
  pid_t pid_ = -1;
};

int port_from(const fs::path& out) {
  const std::string text = read_file(out);
  const std::string marker = "listening on http://127.0.0.1:";
  const std::size_t at = text.find(marker);
  return at == std::string::npos ? 0 : std::stoi(text.substr(at + marker.size()));
}

// The port sinmun-serve printed to `out`, waited for (generously: the machine is shared).
int wait_for_port(const fs::path& out) {
  int port = 0;
  for (int i = 0; i < 600 && port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    port = port_from(out);
  }
  return port;
}

// The `total` of /api/search?q=QUERY, or -1 when the request failed.
long total_of(httplib::Client& client, const std::string& query) {
  const auto res = client.Get("/api/search?q=" + query);
  if (!res || res->status != 200) return -1;
  return nlohmann::json::parse(res->body).at("total").get<long>();
}

TEST_F(LexiconApplyTest, ARunningServerAnswersWithTheNewLexiconWithoutRestart) {
  const fs::path out = dir_.path() / "serve.out";
  ServeProcess serve({kServe, "--db", db(), "--listen", "127.0.0.1:0", "--user-dict", user_dict_.string(), "--synonyms",
                      synonyms_.string(), "--reload-interval", "0.2"},
                     out);
  const int port = wait_for_port(out);
  ASSERT_NE(port, 0) << "sinmun-serve did not start: " << read_file(out);
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(30, 0);
  const auto total = [&client](const std::string& query) { return total_of(client, query); };
  // Before: only the two glossed articles spell it in Latin letters.
  ASSERT_EQ(total("zorblat"), 2);

  // The web page's decision route appends to the decisions file, and only with its header.
  httplib::Params form = {{"decision", "reject"}, {"kind", "word"}, {"key", "한빛전자"}, {"value", "NNP"}};
  const auto refused = client.Post("/api/lexicon/decision", form);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  const auto decided = client.Post("/api/lexicon/decision", {{"X-Sinmun-Lexicon", "1"}}, form);
  ASSERT_TRUE(decided);
  EXPECT_EQ(decided->status, 200) << decided->body;
  const auto state = client.Get("/api/lexicon");
  ASSERT_TRUE(state);
  EXPECT_NE(nlohmann::json::parse(state->body).at("decisions").get<std::string>().find("reject\tword\t한빛전자"),
            std::string::npos);

  const CommandResult r = apply();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  long after = -1;
  for (int i = 0; i < 300 && after != 3; ++i) {  // the server looks every 0.2 s
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    after = total("zorblat");
  }
  EXPECT_EQ(after, 3) << "the running server did not pick up the new synonyms";
  EXPECT_EQ(total("쿠룬타사"), 3);
}

// Without watching (--reload-interval 0) the files are read again on SIGHUP only.
TEST_F(LexiconApplyTest, SighupReloadsTheLexicon) {
  const fs::path out = dir_.path() / "serve.out";
  ServeProcess serve({kServe, "--db", db(), "--listen", "127.0.0.1:0", "--user-dict", user_dict_.string(), "--synonyms",
                      synonyms_.string(), "--reload-interval", "0"},
                     out);
  const int port = wait_for_port(out);
  ASSERT_NE(port, 0) << "sinmun-serve did not start: " << read_file(out);
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(30, 0);
  ASSERT_EQ(total_of(client, "zorblat"), 2);
  const CommandResult r = apply();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(total_of(client, "zorblat"), 2);  // not watching: still the old synonyms
  serve.signal(SIGHUP);
  long after = -1;
  for (int i = 0; i < 300 && after != 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    after = total_of(client, "zorblat");
  }
  EXPECT_EQ(after, 3) << "SIGHUP did not reload the synonyms";
}

}  // namespace
