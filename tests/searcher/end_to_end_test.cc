// Indexes corpus/sample with the real executables and checks what users see.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <set>
#include <vector>

#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

using testing::CommandResult;
using testing::shell_quote;
using testing::TempDir;

const std::string kIndex = std::string(SINMUN_BINARY_DIR) + "/indexer/sinmun-index";
const std::string kSearch = std::string(SINMUN_BINARY_DIR) + "/searcher/sinmun-search";
const std::string kSample = std::string(SINMUN_SOURCE_DIR) + "/corpus/sample";

class EndToEndTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const CommandResult r = index(kSample);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static std::string db() { return (dir_->path() / "sample.db").string(); }

  static CommandResult index(const std::string& crawl) {
    return testing::run_command(kIndex + " --db " + shell_quote(db()) + " " + shell_quote(crawl), dir_->path());
  }

  static CommandResult search(const std::string& args) {
    return testing::run_command(kSearch + " --db " + shell_quote(db()) + " " + args, dir_->path());
  }

  static nlohmann::json search_json(const std::string& query, int limit = 50) {
    const CommandResult r = search("--json --limit " + std::to_string(limit) + " " + shell_quote(query));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }

  static std::vector<std::string> ids(const nlohmann::json& response) {
    std::vector<std::string> out;
    for (const auto& hit : response["results"]) out.push_back(hit["id"].get<std::string>());
    return out;
  }

  static bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

  static TempDir* dir_;
};

TempDir* EndToEndTest::dir_ = nullptr;

TEST_F(EndToEndTest, H200ExportsFindsTheExportControlArticleFirst) {
  const auto found = ids(search_json("H200 수출"));
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0], "sample-0001");
  EXPECT_FALSE(contains(found, "sample-0002")) << "mentions H200 but not exports";
  EXPECT_FALSE(contains(found, "sample-0003")) << "car exports, no H200";
  EXPECT_FALSE(contains(found, "sample-0004")) << "수출입 / 수출을 only, no H200";
}

TEST_F(EndToEndTest, JsonOutputHasTheContractFields) {
  const nlohmann::json response = search_json("H200 수출", 3);
  EXPECT_EQ(response["query"], "H200 수출");
  EXPECT_GE(response["total"].get<int>(), 1);
  EXPECT_TRUE(response["took_ms"].is_number());
  EXPECT_TRUE(response["facets"].is_object());
  const auto& first = response["results"][0];
  for (const char* field : {"rank", "id", "title", "date", "source", "url", "score", "snippet"}) {
    EXPECT_TRUE(first.contains(field)) << field;
  }
  EXPECT_EQ(first["rank"], 1);
  EXPECT_EQ(first["title"], "엔비디아의 H200 수출을 허용하자");
  EXPECT_NE(first["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  EXPECT_EQ(first["title_html"], "엔비디아의 <mark>H200</mark> <mark>수출</mark>을 허용하자");
}

TEST_F(EndToEndTest, APhraseIsStricterThanTheSameWords) {
  const auto loose = ids(search_json("반도체 공급망"));
  const auto phrase = ids(search_json("\"반도체 공급망\""));
  EXPECT_FALSE(phrase.empty());
  EXPECT_LT(phrase.size(), loose.size());
  for (const std::string& id : phrase) EXPECT_TRUE(contains(loose, id)) << id;
}

TEST_F(EndToEndTest, ReindexingKeepsTheDocumentCount) {
  const Xapian::doccount before = Xapian::Database(db()).get_doccount();
  EXPECT_GE(before, 60u);
  const CommandResult r = index(kSample);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Xapian::Database(db()).get_doccount(), before);
}

TEST_F(EndToEndTest, AllFormatsOfTheSampleAreIndexed) {
  // A record of each format answers a query for its own title.
  Xapian::Database database(db());
  EXPECT_TRUE(database.term_exists("Qsample-0001"));
  bool has_json = false, has_txt = false, has_html = false;
  for (auto it = database.allterms_begin("Q"); it != database.allterms_end("Q"); ++it) {
    const std::string term = *it;
    has_json |= term.ends_with(".json");
    has_txt |= term.ends_with(".txt");
    has_html |= term.ends_with(".html");
  }
  EXPECT_TRUE(has_json);
  EXPECT_TRUE(has_txt);
  EXPECT_TRUE(has_html);
}

TEST_F(EndToEndTest, BatchModeWritesATrecRunAndALatencyLine) {
  const std::string queries = (dir_->path() / "queries.tsv").string();
  dir_->write("queries.tsv", "q1\tH200 수출\nbad line without tab\nq2\t\"반도체 공급망\"\n");
  const CommandResult r = search("--queries " + shell_quote(queries) + " --limit 5");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')).substr(0, 17), "q1 Q0 sample-0001");
  EXPECT_NE(r.out.find("\nq2 Q0 "), std::string::npos);
  EXPECT_NE(r.out.find(" sinmun\n"), std::string::npos);
  EXPECT_NE(r.err.find("LATENCY n=2 p50_ms="), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(":2: skipped: expected qid<TAB>query"), std::string::npos) << r.err;
}

TEST_F(EndToEndTest, AnalyzePrintsTermsOffsetsPositionsAndKinds) {
  const CommandResult r = testing::run_command(kSearch + " --analyze 'H200을 수출'", dir_->path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("h200\t0-4\t0\tword\n"), std::string::npos) << r.out;
}

TEST_F(EndToEndTest, HumanOutputShowsTitleDateSourceAndExcerpt) {
  const CommandResult r = search("H200 수출");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("1. 엔비디아의 H200 수출을 허용하자\n"), 0u) << r.out;
  EXPECT_EQ(r.out.find("\033["), std::string::npos) << "no colour when piped";
}

TEST_F(EndToEndTest, WireCopiesFoldIntoOneResultUnlessAskedNotTo) {
  const nlohmann::json folded = search_json("기준금리 동결");
  ASSERT_EQ(folded["results"].size(), 1u);
  EXPECT_EQ(folded["results"][0]["similar"], 1);
  const CommandResult all = search("--json --no-collapse " + shell_quote("기준금리 동결"));
  ASSERT_EQ(all.exit_code, 0) << all.err;
  std::vector<std::string> found = ids(nlohmann::json::parse(all.out));
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"sample-0005", "sample-0006"}));
}

std::set<std::string> as_set(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

TEST_F(EndToEndTest, OrIsTheUnionAndNotTheDifference) {
  const auto chips = as_set(ids(search_json("H200", 100)));
  const auto cars = as_set(ids(search_json("자동차", 100)));
  std::set<std::string> both = chips;
  both.insert(cars.begin(), cars.end());
  EXPECT_EQ(as_set(ids(search_json("H200 OR 자동차", 100))), both);

  const auto exports = as_set(ids(search_json("수출", 100)));
  std::set<std::string> without_cars;
  for (const std::string& id : exports) {
    if (!cars.count(id)) without_cars.insert(id);
  }
  EXPECT_FALSE(without_cars.empty());
  EXPECT_LT(without_cars.size(), exports.size());
  EXPECT_EQ(as_set(ids(search_json("수출 -자동차", 100))), without_cars);
  EXPECT_EQ(as_set(ids(search_json("수출 NOT 자동차", 100))), without_cars);
}

TEST_F(EndToEndTest, TitleFieldSearchesTitlesOnly) {
  const nlohmann::json response = search_json("title:수출", 100);
  ASSERT_FALSE(response["results"].empty());
  for (const auto& hit : response["results"]) {
    EXPECT_NE(hit["title"].get<std::string>().find("수출"), std::string::npos) << hit["title"];
  }
  EXPECT_LT(response["results"].size(), search_json("수출", 100)["results"].size());
}

TEST_F(EndToEndTest, SourceFilterMatchesItsFacetCount) {
  const nlohmann::json all = search_json("수출", 100);
  const auto& facet = all["facets"]["source"][0];
  const std::string source = facet["value"];
  const nlohmann::json filtered = search_json("수출 source:" + source, 100);
  EXPECT_EQ(filtered["results"].size(), facet["count"].get<std::size_t>());
  for (const auto& hit : filtered["results"]) EXPECT_EQ(hit["source"], source);
  const CommandResult option = search("--json --limit 100 --source " + shell_quote(source) + " 수출");
  EXPECT_EQ(ids(nlohmann::json::parse(option.out)), ids(filtered));
  // Facet counts add up to the results that have a source (the .txt articles have none).
  std::size_t sum = 0;
  for (const auto& f : all["facets"]["source"]) sum += f["count"].get<std::size_t>();
  std::size_t with_source = 0;
  for (const auto& hit : all["results"]) with_source += !hit["source"].get<std::string>().empty();
  EXPECT_EQ(all["total"].get<std::size_t>(), all["results"].size());
  EXPECT_EQ(sum, with_source);
}

TEST_F(EndToEndTest, DateFiltersKeepTheirRangeAndMatchTheMonthFacet) {
  const nlohmann::json all = search_json("수출", 100);
  std::size_t december = 0;
  for (const auto& f : all["facets"]["month"]) {
    if (f["value"] == "2025-12") december = f["count"];
  }
  ASSERT_GT(december, 0u);
  for (const std::string query : {"수출 date:2025-12", "수출 date:2025-12-01..2025-12-31"}) {
    const nlohmann::json in_december = search_json(query, 100);
    EXPECT_EQ(in_december["results"].size(), december) << query;
    for (const auto& hit : in_december["results"]) EXPECT_EQ(hit["date"].get<std::string>().substr(0, 7), "2025-12");
  }
  const CommandResult option = search("--json --limit 100 --from 2025-12-01 --to 2025-12-31 수출");
  EXPECT_EQ(nlohmann::json::parse(option.out)["results"].size(), december);
  const CommandResult bad = search("--from 2025-13-01 수출");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("YYYY-MM-DD"), std::string::npos) << bad.err;
}

TEST_F(EndToEndTest, DateSortIsNewestFirstAndPagesAreSlices) {
  const CommandResult r = search("--json --limit 100 --sort date 수출");
  const nlohmann::json sorted = nlohmann::json::parse(r.out);
  ASSERT_GT(sorted["results"].size(), 3u);
  for (std::size_t i = 1; i < sorted["results"].size(); ++i) {
    EXPECT_GE(sorted["results"][i - 1]["date"].get<std::string>(), sorted["results"][i]["date"].get<std::string>());
  }
  const nlohmann::json all = search_json("수출", 100);
  const CommandResult page = search("--json --limit 2 --offset 2 수출");
  const nlohmann::json second = nlohmann::json::parse(page.out);
  ASSERT_EQ(second["results"].size(), 2u);
  EXPECT_EQ(second["results"][0]["id"], all["results"][2]["id"]);
  EXPECT_EQ(second["results"][1]["id"], all["results"][3]["id"]);
  EXPECT_EQ(second["results"][0]["rank"], 3);
}

TEST_F(EndToEndTest, CrawledMarkupInTitlesIsEscapedInSnippets) {
  const nlohmann::json response = search_json("보안 점검");
  ASSERT_FALSE(response["results"].empty());
  EXPECT_EQ(response["results"][0]["id"], "sample-0007");
  const std::string snippet = response["results"][0]["snippet"];
  EXPECT_EQ(snippet.find("<script>"), std::string::npos) << snippet;
  EXPECT_EQ(response["results"][0]["title_html"],
            "&lt;script&gt;alert(1)&lt;/script&gt; <mark>보안</mark> <mark>점검</mark>, 공공기관 사이트 38% 취약");
}

TEST_F(EndToEndTest, SimilarFindsRelatedArticlesAndRefusesUnknownIds) {
  const CommandResult r = search("--json --limit 5 --similar sample-0001");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> similar = ids(nlohmann::json::parse(r.out));
  ASSERT_FALSE(similar.empty());
  EXPECT_FALSE(contains(similar, "sample-0001"));
  // Most of its closest relatives are the other AI-chip articles (corpus/sample/README.md).
  const std::set<std::string> chips = {"sample-0002", "sample-0011", "sample-0016", "sample-0017", "sample-0018",
                                       "sample-0019", "sample-0020", "sample-0021", "sample-0022", "sample-0023",
                                       "sample-0057", "sample-0058"};
  const auto about_chips = std::count_if(similar.begin(), similar.end(), [&](const std::string& id) { return chips.count(id) > 0; });
  EXPECT_GE(about_chips, 3) << ::testing::PrintToString(similar);
  const CommandResult missing = search("--similar no-such-id");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no article with id 'no-such-id'"), std::string::npos) << missing.err;
}

TEST_F(EndToEndTest, SynonymsFindTheOtherSpelling) {
  EXPECT_TRUE(contains(ids(search_json("nvidia")), "sample-0001"));
  const CommandResult plain = search("--json --synonyms none nvidia");
  EXPECT_FALSE(contains(ids(nlohmann::json::parse(plain.out)), "sample-0001"));
}

TEST_F(EndToEndTest, NoMatchIsNotAnError) {
  const CommandResult r = search("존재하지않는낱말xyz");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("no results"), std::string::npos);
}

TEST_F(EndToEndTest, HostileQueriesNeverFail) {
  for (const char* query : {"\"unbalanced", "(", "-", "\"\"", "C++", "AND", "🙂", "....", "'"}) {
    const CommandResult r = search("--json " + shell_quote(query));
    EXPECT_EQ(r.exit_code, 0) << query << ": " << r.err;
    EXPECT_TRUE(nlohmann::json::accept(r.out)) << query << ": " << r.out;
  }
}

// Each crashed the program (SIGSEGV, parser recursion), and 10,000 NOTs took 119 s and 11 GB.
TEST_F(EndToEndTest, DeeplyNestedQueriesNeitherCrashNorHang) {
  const std::string brackets = std::string(10000, '(') + "수출";
  std::string nots;
  for (int i = 0; i < 30000; ++i) nots += "NOT ";
  nots += "수출";
  const auto exports = as_set(ids(search_json("수출", 100)));
  ASSERT_FALSE(exports.empty());
  for (const std::string& query : {brackets, nots}) {
    const auto start = std::chrono::steady_clock::now();
    const CommandResult r = search("--json --limit 100 " + shell_quote(query));
    ASSERT_EQ(r.exit_code, 0) << query.substr(0, 20) << ": " << r.err;
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30)) << query.substr(0, 20);
    // Brackets past the limit are punctuation, and the 32 NOTs kept cancel out.
    EXPECT_EQ(as_set(ids(nlohmann::json::parse(r.out))), exports) << query.substr(0, 20);
  }
  dir_->write("deep.tsv", "q1\t" + brackets + "\nq2\t" + nots + "\n");
  const CommandResult batch = search("--queries " + shell_quote((dir_->path() / "deep.tsv").string()));
  ASSERT_EQ(batch.exit_code, 0) << batch.err;
  EXPECT_EQ(batch.out.find("q1 Q0 "), 0u) << batch.out.substr(0, 200);
  EXPECT_NE(batch.out.find("\nq2 Q0 "), std::string::npos) << batch.out.substr(0, 200);
}

class BadInputTest : public ::testing::Test {
 protected:
  TempDir dir_;
  CommandResult index(const std::string& db, const std::string& crawl) {
    return testing::run_command(kIndex + " --db " + shell_quote(db) + " " + shell_quote(crawl), dir_.path());
  }
};

TEST_F(BadInputTest, MissingCrawlDirectoryFailsBeforeTouchingTheDatabase) {
  const std::string db = (dir_.path() / "db").string();
  const CommandResult r = index(db, "/nonexistent/crawl");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/crawl: no such file or directory"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST_F(BadInputTest, DatabasePathThatIsAFileIsRefused) {
  const auto file = dir_.write("not-a-db", "hello");
  dir_.write("crawl/a.txt", "제목\n본문");
  const CommandResult r = index(file.string(), (dir_.path() / "crawl").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("is a file, not a database directory"), std::string::npos) << r.err;
}

TEST_F(BadInputTest, UsageErrorsExitWithOne) {
  EXPECT_EQ(testing::run_command(kIndex, dir_.path()).exit_code, 1);
  EXPECT_EQ(testing::run_command(kIndex + " --db x", dir_.path()).exit_code, 1);
  EXPECT_EQ(testing::run_command(kIndex + " --bogus", dir_.path()).exit_code, 1);
  EXPECT_EQ(testing::run_command(kSearch + " H200", dir_.path()).exit_code, 1);
  EXPECT_EQ(testing::run_command(kSearch + " --db x --limit 0 H200", dir_.path()).exit_code, 1);
  const CommandResult help = testing::run_command(kIndex + " --help", dir_.path());
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("usage: sinmun-index"), std::string::npos);
}

TEST_F(BadInputTest, SearchingAMissingDatabaseSaysHowToMakeOne) {
  const CommandResult r = testing::run_command(kSearch + " --db /nonexistent/db H200", dir_.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("sinmun-index --db"), std::string::npos) << r.err;
}

TEST_F(BadInputTest, AProgressLineOnlyOnATerminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "no script(1) to fake a terminal";
  const std::string db = (dir_.path() / "db").string();
  const std::string command = kIndex + " --db " + shell_quote(db) + " " + shell_quote(kSample);
  const CommandResult on_terminal =
      testing::run_command("script -q -c " + shell_quote(command) + " /dev/null", dir_.path());
  EXPECT_EQ(on_terminal.exit_code, 0) << on_terminal.err;
  EXPECT_NE(on_terminal.out.find("/17 files · "), std::string::npos) << on_terminal.out;
  const CommandResult piped = index((dir_.path() / "db2").string(), kSample);
  EXPECT_EQ(piped.err.find(" files · "), std::string::npos) << piped.err;
  EXPECT_NE(piped.err.find("17 files: 17 read"), std::string::npos) << piped.err;
}

TEST_F(BadInputTest, BadRecordsAreReportedAndEveryGoodRecordIndexed) {
  dir_.write("crawl/feed.jsonl",
             "{\"id\": \"g1\", \"title\": \"좋은 기사\", \"body\": \"본문\"}\n"
             "{\"id\": \"broken\", \"title\": \n"
             "{\"id\": \"g2\", \"title\": \"수\xFF출 기사\", \"body\": \"본문\"}\n");
  dir_.write("crawl/empty.txt", "");
  dir_.write("crawl/image.html", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  dir_.write("crawl/ok.txt", "제목\n본문");
  const std::string db = (dir_.path() / "db").string();
  const CommandResult r = index(db, (dir_.path() / "crawl").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("skipped: feed.jsonl:line 2: invalid JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("warning: feed.jsonl:line 3: invalid UTF-8"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("skipped: empty.txt: empty file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("skipped: image.html: binary content"), std::string::npos) << r.err;
  Xapian::Database database(db);
  EXPECT_EQ(database.get_doccount(), 3u);
  EXPECT_TRUE(database.term_exists("Qg1"));
  EXPECT_TRUE(database.term_exists("Qg2"));
  EXPECT_TRUE(database.term_exists("Qok.txt"));
}

}  // namespace
}  // namespace sinmun
