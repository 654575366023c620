// Indexes corpus/sample with the real executables and checks what users see.
#include <gtest/gtest.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "analyzers/analyzer.h"
#include "tests/support/dictionary.h"
#include "tests/support/programs.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

using sinmun::testing::kIndex;
using sinmun::testing::kSample;
using sinmun::testing::kSearch;
using testing::CommandResult;
using testing::shell_quote;
using testing::TempDir;

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

  // The ids of the results, or of those whose "match" is `match` ("full", "partial").
  static std::vector<std::string> ids(const nlohmann::json& response, const std::string& match = "") {
    std::vector<std::string> out;
    for (const auto& hit : response["results"]) {
      if (match.empty() || hit["match"] == match) out.push_back(hit["id"].get<std::string>());
    }
    return out;
  }

  static bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

  static TempDir* dir_;
};

TempDir* EndToEndTest::dir_ = nullptr;

TEST_F(EndToEndTest, OneThreadCountsAfterTheRankingAndAnswersTheSame) {
  for (const std::string query : {"H200 수출", "엔비디아 중국 수출 허가 심사 기준 발표", "수출 -source:한빛일보"}) {
    CommandResult beside = search("--json --limit 100 " + shell_quote(query));
    CommandResult after = search("--json --one-thread --limit 100 " + shell_quote(query));
    ASSERT_EQ(beside.exit_code, 0) << beside.err;
    ASSERT_EQ(after.exit_code, 0) << after.err;
    nlohmann::json a = nlohmann::json::parse(beside.out), b = nlohmann::json::parse(after.out);
    a.erase("took_ms");
    b.erase("took_ms");
    EXPECT_EQ(a, b) << query;
    EXPECT_GT(a["total"].get<int>(), 0) << query;
  }
}

TEST_F(EndToEndTest, H200ExportsFindsTheExportControlArticleFirst) {
  const nlohmann::json response = search_json("H200 수출", 100);
  const auto found = ids(response);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0], "sample-0001");
  const auto full = ids(response, "full");
  EXPECT_EQ(full.size(), response["total"].get<std::size_t>());
  EXPECT_FALSE(contains(full, "sample-0002")) << "mentions H200 but not exports";
  EXPECT_FALSE(contains(full, "sample-0003")) << "car exports, no H200";
  EXPECT_FALSE(contains(full, "sample-0004")) << "수출입 / 수출을 only, no H200";
  // They have one of the two words: listed after every full match, marked partial.
  const auto partial = ids(response, "partial");
  for (const char* id : {"sample-0002", "sample-0003", "sample-0004"}) EXPECT_TRUE(contains(partial, id)) << id;
  EXPECT_EQ(std::vector<std::string>(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(full.size())), full);
  EXPECT_EQ(response["partial_matches"].get<std::size_t>(), partial.size());
  EXPECT_TRUE(response["partial_matches_is_exact"]);
  EXPECT_TRUE(ids(nlohmann::json::parse(search("--json --strict --limit 100 H200 수출").out), "partial").empty());
}

TEST_F(EndToEndTest, PagesOfAShortQueryRunOnFromItsFullMatchesIntoItsPartialOnes) {
  const nlohmann::json all = search_json("H200 수출", 100);
  const std::vector<std::string> listed = ids(all);
  ASSERT_GT(listed.size(), 6u);
  std::vector<std::string> paged;
  for (int offset = 0; offset < static_cast<int>(listed.size()); offset += 2) {
    const CommandResult r = search("--json --limit 2 --offset " + std::to_string(offset) + " H200 수출");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json page = nlohmann::json::parse(r.out);
    EXPECT_EQ(page["total"], all["total"]) << "the full matches' count whatever the page";
    for (const std::string& id : ids(page)) paged.push_back(id);
  }
  EXPECT_EQ(paged, listed);
}

TEST_F(EndToEndTest, JsonOutputHasTheContractFields) {
  const nlohmann::json response = search_json("H200 수출", 3);
  EXPECT_EQ(response["query"], "H200 수출");
  EXPECT_GE(response["total"].get<int>(), 1);
  EXPECT_TRUE(response["took_ms"].is_number());
  EXPECT_TRUE(response["facets"].is_object());
  EXPECT_EQ(response["partial_matches"], 0) << "3 full matches fill the page: none counted";
  EXPECT_TRUE(response["partial_matches_is_exact"].is_boolean());
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
  dir_->write("queries.tsv", "q1\tH200 수출\nbad line without tab\nq2\t\"반도체 공급망\"\nq3\t수출 date:foo\n");
  const CommandResult r = search("--queries " + shell_quote(queries) + " --limit 5");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')).substr(0, 17), "q1 Q0 sample-0001");
  EXPECT_NE(r.out.find("\nq2 Q0 "), std::string::npos);
  EXPECT_NE(r.out.find(" sinmun\n"), std::string::npos);
  EXPECT_NE(r.err.find("LATENCY n=2 p50_ms="), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(":2: skipped: expected qid<TAB>query"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(":4: skipped: date: takes"), std::string::npos) << r.err;
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

TEST_F(EndToEndTest, HumanOutputSaysLooseningFirstAndShowsUrlsAndCounts) {
  const CommandResult loose = search("--limit 2 " + shell_quote("엔비디아 수출 허가 세월호 침몰"));
  ASSERT_EQ(loose.exit_code, 0) << loose.err;
  EXPECT_EQ(loose.out.rfind("(no article has every word", 0), 0u) << loose.out;
  const CommandResult one = search("H200 수출 --limit 1");
  EXPECT_NE(one.out.find("\n   https://"), std::string::npos) << "the URL under the title: " << one.out;
  EXPECT_NE(one.out.find("\n3 results ("), std::string::npos) << one.out;
  const CommandResult single = search(shell_quote("\"반도체 공급망\"") + " source:한빛일보");
  EXPECT_NE(single.out.find("\n1 result ("), std::string::npos) << single.out;
  const CommandResult two = search(shell_quote("H200 수출"));
  const std::size_t last_full = two.out.find("\n3. ");
  const std::size_t note = two.out.find("\n(the articles with every word end here: these have some of them");
  EXPECT_NE(note, std::string::npos) << two.out;
  EXPECT_LT(last_full, note) << "said after the 3 full matches: " << two.out;
  EXPECT_NE(two.out.find("\n4. ", note), std::string::npos) << two.out;
  const CommandResult folded = search(shell_quote("기준금리 동결"));
  EXPECT_NE(folded.out.find("\n1 result (2 articles with copies), then "), std::string::npos) << folded.out;
}

TEST_F(EndToEndTest, DashWordsAreQueryWordsAndDoubleDashEndsOptions) {
  const auto without_h200 = ids(nlohmann::json::parse(search("--json --limit 100 엔비디아 -H200").out));
  const auto quoted = ids(search_json("엔비디아 -H200", 100));
  EXPECT_FALSE(quoted.empty());
  EXPECT_EQ(without_h200, quoted);
  const CommandResult source = search("--json H200 -source:한빛일보");
  ASSERT_EQ(source.exit_code, 0) << source.err;
  // Named: a range-for over a member of a temporary reads freed memory (ASan found it).
  const nlohmann::json response = nlohmann::json::parse(source.out);
  ASSERT_FALSE(response["results"].empty());
  for (const auto& hit : response["results"]) EXPECT_NE(hit["source"], "한빛일보");
  const CommandResult after = search("--json -- -H200 --limit");
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(nlohmann::json::parse(after.out)["query"], "-H200 --limit");
  EXPECT_EQ(search("--limt 3 수출").exit_code, 1) << "a mistyped --option is still an error";
}

TEST_F(EndToEndTest, BadFiltersAndEmptyQueriesAreUsageErrors) {
  const std::pair<std::string, std::string> cases[] = {
      {"'수출 date:foo'", "date: takes YYYY"},
      {"'수출 date:2025-99'", "date: takes YYYY"},
      {"--from 2025-12-05 --to 2025-12-01 수출", "is after to"},
      {"--offset -5 수출", "--offset must be between 0 and"},
      {"''", "the query is empty"},
      {"'   '", "the query is empty"},
  };
  for (const auto& [args, message] : cases) {
    const CommandResult r = search(args);
    EXPECT_EQ(r.exit_code, 1) << args;
    EXPECT_NE(r.err.find(message), std::string::npos) << args << ": " << r.err;
  }
}

TEST_F(EndToEndTest, ExplainSaysHowEachWordMatchedAndLooseResultsArePartial) {
  const nlohmann::json loose =
      nlohmann::json::parse(search("--json --explain --limit 3 " + shell_quote("엔비디아 수출 허가 세월호 침몰")).out);
  ASSERT_TRUE(loose["relaxed"]);
  ASSERT_FALSE(loose["results"].empty());
  const nlohmann::json& first = loose["results"][0];
  EXPECT_EQ(first["match"], "partial");
  ASSERT_EQ(first["explain"].size(), 5u);
  EXPECT_EQ(first["explain"][0], (nlohmann::json{{"word", "엔비디아"}, {"matched", "word"}, {"term", "엔비디아"}}));
  EXPECT_EQ(first["explain"][3]["matched"], "none");
  const nlohmann::json synonym = nlohmann::json::parse(search("--json --explain --limit 1 'nvidia 수출'").out);
  EXPECT_EQ(synonym["results"][0]["match"], "full");
  EXPECT_EQ(synonym["results"][0]["explain"][0],
            (nlohmann::json{{"word", "nvidia"}, {"matched", "synonym"}, {"term", "엔비디아"}}));
  const nlohmann::json bigram = nlohmann::json::parse(search("--json --explain --limit 30 수출").out);
  std::set<std::string> forms;
  for (const auto& hit : bigram["results"]) forms.insert(hit["explain"][0]["matched"]);
  EXPECT_TRUE(forms.count("word")) << "수출 as a word";
  const nlohmann::json prefix = nlohmann::json::parse(search("--json --explain --limit 1 'GPT*'").out);
  ASSERT_FALSE(prefix["results"].empty());
  EXPECT_EQ(prefix["results"][0]["explain"][0]["term"].get<std::string>().rfind("gpt", 0), 0u);
  // Without --explain, no explanation; results of a strict query are full.
  const nlohmann::json plain = search_json("H200 수출");
  EXPECT_FALSE(plain["results"][0].contains("explain"));
  EXPECT_EQ(plain["results"][0]["match"], "full");
  const CommandResult human = search("--explain --limit 1 " + shell_quote("엔비디아 수출 허가 세월호 침몰"));
  EXPECT_NE(human.out.find("   matched: 엔비디아 → 엔비디아 (word) · 수출 → 수출 (word)"), std::string::npos)
      << human.out;
  EXPECT_NE(human.out.find("(partial: not every word)"), std::string::npos) << human.out;
}

TEST_F(EndToEndTest, StrictNeverLoosens) {
  const std::string query = shell_quote("엔비디아 수출 허가 세월호 침몰");
  EXPECT_TRUE(search_json("엔비디아 수출 허가 세월호 침몰")["relaxed"]);
  const nlohmann::json strict = nlohmann::json::parse(search("--json --strict " + query).out);
  EXPECT_FALSE(strict["relaxed"]);
  EXPECT_EQ(strict["total"], 0);
  EXPECT_TRUE(strict["results"].empty());
}

TEST_F(EndToEndTest, AnUnknownSourceIsAnErrorThatSuggestsNames) {
  for (const std::string args : {"--source 한빛 수출", "'수출 source:한빛'", "'수출 -source:한빛'"}) {
    const CommandResult r = search(args);
    EXPECT_EQ(r.exit_code, 1) << args;
    EXPECT_NE(r.err.find("no source 한빛; did you mean 한빛일보?"), std::string::npos) << r.err;
  }
  const CommandResult none = search("--source 없는신문 수출");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("no source 없는신문 in this database"), std::string::npos) << none.err;
}

TEST_F(EndToEndTest, SourcesAreListedWithTheirCounts) {
  const CommandResult r = search("--sources");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("서울타임스\t15\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\n(no source)\t"), std::string::npos) << r.out;
  std::size_t total = 0;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) total += std::stoul(line.substr(line.find('\t') + 1));
  EXPECT_EQ(total, 71u);
}

TEST_F(EndToEndTest, SeveralSourcesAreAnyOfThemAndKeepTheOtherCounts) {
  const nlohmann::json all = search_json("수출", 100);
  const nlohmann::json two =
      nlohmann::json::parse(search("--json --limit 100 --source 한빛일보 --source 동해신문 수출").out);
  std::size_t expected = 0;
  for (const auto& f : all["facets"]["source"]) {
    if (f["value"] == "한빛일보" || f["value"] == "동해신문") expected += f["count"].get<std::size_t>();
  }
  EXPECT_EQ(two["total_articles"].get<std::size_t>(), expected);
  for (const auto& hit : two["results"]) EXPECT_TRUE(hit["source"] == "한빛일보" || hit["source"] == "동해신문");
  EXPECT_EQ(two["facets"]["source"], all["facets"]["source"]) << "the other sources' counts stay visible";
}

TEST_F(EndToEndTest, WireCopiesFoldIntoOneResultUnlessAskedNotTo) {
  const nlohmann::json folded = search_json("기준금리 동결");
  ASSERT_EQ(ids(folded, "full").size(), 1u);
  EXPECT_EQ(folded["results"][0]["similar"], 1);
  const CommandResult all = search("--json --no-collapse " + shell_quote("기준금리 동결"));
  ASSERT_EQ(all.exit_code, 0) << all.err;
  std::vector<std::string> found = ids(nlohmann::json::parse(all.out), "full");
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
  // Named sources' counts add up to the results that have a source (the .txt articles have
  // none: they count under ""), and all of them to the articles total.
  std::size_t sum = 0;
  std::size_t sum_all = 0;
  for (const auto& f : all["facets"]["source"]) {
    sum_all += f["count"].get<std::size_t>();
    if (f["value"] != "") sum += f["count"].get<std::size_t>();
  }
  std::size_t with_source = 0;
  for (const auto& hit : all["results"]) with_source += !hit["source"].get<std::string>().empty();
  EXPECT_EQ(all["total"].get<std::size_t>(), all["results"].size());
  EXPECT_EQ(sum, with_source);
  EXPECT_EQ(sum_all, all["total_articles"].get<std::size_t>());
}

TEST_F(EndToEndTest, CountsAreExactAndFacetsSumToTheArticles) {
  for (const std::string query : {"수출", "정부", "H200 수출", "기준금리 동결", "엔비디아 수출 허가 세월호 침몰"}) {
    for (const int limit : {1, 100}) {
      const nlohmann::json response = search_json(query, limit);
      EXPECT_TRUE(response["total_is_exact"]) << query;
      const std::size_t total = response["total"];
      const std::size_t articles = response["total_articles"];
      EXPECT_EQ(total, search_json(query, 100)["total"].get<std::size_t>()) << query << ": total depends on --limit";
      EXPECT_LE(total, articles) << query;
      for (const char* facet : {"source", "month"}) {
        std::size_t sum = 0;
        for (const auto& f : response["facets"][facet]) sum += f["count"].get<std::size_t>();
        EXPECT_EQ(sum, articles) << query << " " << facet;
      }
      if (limit == 100 && total <= 100) {  // every result listed: the total is their number
        // (a short query's partial matches, listed after its full ones, are counted apart)
        const auto counted = [&](const nlohmann::json& hit) {
          return response["relaxed"].get<bool>() || hit["match"] == "full";
        };
        std::size_t listed = 0;
        std::size_t folded = 0;
        for (const auto& hit : response["results"]) {
          if (!counted(hit)) continue;
          ++listed;
          folded += hit["similar"].get<std::size_t>();
        }
        EXPECT_EQ(listed, total) << query;
        EXPECT_EQ(total + folded, articles) << query << ": copies folded into results";
      }
    }
  }
  // Folding off: every copy is a result.
  const nlohmann::json unfolded = nlohmann::json::parse(search("--json --no-collapse '기준금리 동결'").out);
  EXPECT_EQ(unfolded["total"], unfolded["total_articles"]);
  EXPECT_EQ(unfolded["total"], 2);
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
  const std::set<std::string> chips = {"sample-0002", "sample-0011", "sample-0016", "sample-0017",
                                       "sample-0018", "sample-0019", "sample-0020", "sample-0021",
                                       "sample-0022", "sample-0023", "sample-0057", "sample-0058"};
  const auto about_chips =
      std::count_if(similar.begin(), similar.end(), [&](const std::string& id) { return chips.count(id) > 0; });
  EXPECT_GE(about_chips, 3) << ::testing::PrintToString(similar);
  const CommandResult missing = search("--similar no-such-id");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no article with id 'no-such-id'"), std::string::npos) << missing.err;
}

TEST_F(EndToEndTest, QuoteAndSpeakerSearchesFindQuotationsAndShowThem) {
  const nlohmann::json by_word = search_json("quote:공급망");
  EXPECT_EQ(ids(by_word), (std::vector<std::string>{"sample-0011"}));
  ASSERT_EQ(by_word["results"][0]["quotes"].size(), 1u);
  EXPECT_EQ(by_word["results"][0]["quotes"][0]["speaker"], "정부 관계자");
  EXPECT_EQ(by_word["results"][0]["quotes"][0]["text"], "반도체 공급망 안정은 동맹 차원의 과제");
  const nlohmann::json by_speaker = search_json("speaker:관계자");
  EXPECT_EQ(ids(by_speaker), (std::vector<std::string>{"sample-0030", "sample-0052", "sample-0011"}));
  for (const auto& hit : by_speaker["results"]) {
    ASSERT_FALSE(hit["quotes"].empty()) << hit["id"];
    EXPECT_NE(hit["quotes"][0]["speaker"].get<std::string>().find("관계자"), std::string::npos);
  }
  EXPECT_EQ(ids(search_json("speaker:관계자 -quote:공급망")), (std::vector<std::string>{"sample-0030", "sample-0052"}));
  EXPECT_FALSE(search_json("공급망")["results"][0].contains("quotes")) << "plain searches show no quotations";
  const CommandResult text = search(shell_quote("quote:공급망"));
  EXPECT_NE(text.out.find("“반도체 공급망 안정은 동맹 차원의 과제” — 정부 관계자"), std::string::npos) << text.out;
}

TEST_F(EndToEndTest, RelatedWordsInTextAndJson) {
  const CommandResult r = search("--related --json H200 수출");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json["query"], "H200 수출");
  EXPECT_GT(json["sample"].get<int>(), 0);
  EXPECT_EQ(json["documents"], 71);
  ASSERT_TRUE(json["related"].is_array());
  ASSERT_FALSE(json["related"].empty());
  for (const auto& word : json["related"]) {
    EXPECT_EQ(word.size(), 5u);
    EXPECT_TRUE(word["word"].is_string());
    EXPECT_NE(word["word"], "h200");
    EXPECT_NE(word["word"], "수출");
    EXPECT_NE(word["word"], "기자");
    EXPECT_GE(word["count"].get<int>(), 3);
    EXPECT_GE(word["background"].get<int>(), word["count"].get<int>());
    EXPECT_GT(word["score"].get<double>(), 0);
    EXPECT_TRUE(word["proper_noun"].is_boolean());
  }
  const CommandResult text = search("--related H200 수출");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("1. " + json["related"][0]["word"].get<std::string>()), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("against 71 articles (JLH)"), std::string::npos) << text.out;
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

// A wire story in three copies: a bare text dump that ranks first (its title is the
// query) and two well-described copies. The folded result shows a described one.
TEST(CopiesTest, TheFoldedResultShowsTheBestDescribedCopy) {
  TempDir dir;
  const std::string body =
      "중앙은행이 기준금리를 연 3.25%로 올렸다. 금융통화위원회는 물가 상승세가 꺾이지 않았다며 인상을 결정했다. "
      "가계 대출 이자 부담이 커질 것이라는 우려가 나온다. 시장은 추가 인상 가능성에 주목하고 있다. "
      "총재는 기자간담회에서 물가가 목표 수준으로 돌아올 때까지 긴축을 이어가겠다고 말했다.";
  dir.write("crawl/dump.txt", "금리 인상 결정 물가 긴축\n\n" + body + "\n");
  dir.write("crawl/feed.jsonl",
            "{\"id\": \"wire-a\", \"title\": \"기준금리 인상\", \"date\": \"2026-02-01\", \"source\": \"동해신문\", "
            "\"url\": \"https://news.example.com/a\", \"body\": \"" +
                body +
                "\"}\n"
                "{\"id\": \"wire-b\", \"title\": \"중앙은행 기준금리 올려\", \"date\": \"2026-02-01\", \"source\": "
                "\"서울타임스\", "
                "\"url\": \"https://news.example.com/b\", \"body\": \"" +
                body + " 끝.\"}\n");
  const std::string db = (dir.path() / "db").string();
  ASSERT_EQ(
      testing::run_command(
          kIndex + " --quiet --db " + shell_quote(db) + " " + shell_quote((dir.path() / "crawl").string()), dir.path())
          .exit_code,
      0);
  const std::string query = shell_quote("금리 인상 결정 물가 긴축");
  const nlohmann::json unfolded = nlohmann::json::parse(
      testing::run_command(kSearch + " --json --no-collapse --db " + shell_quote(db) + " " + query, dir.path()).out);
  ASSERT_EQ(unfolded["results"].size(), 3u);
  ASSERT_EQ(unfolded["results"][0]["id"], "dump.txt") << "the bare copy ranks first";
  const nlohmann::json folded = nlohmann::json::parse(
      testing::run_command(kSearch + " --json --db " + shell_quote(db) + " " + query, dir.path()).out);
  ASSERT_EQ(folded["results"].size(), 1u);
  EXPECT_EQ(folded["results"][0]["similar"], 2);
  EXPECT_EQ(folded["results"][0]["id"], "wire-a");
  EXPECT_EQ(folded["results"][0]["source"], "동해신문");
  EXPECT_EQ(folded["results"][0]["date"], "2026-02-01");
  EXPECT_EQ(folded["results"][0]["url"], "https://news.example.com/a");
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

TEST_F(BadInputTest, AnEmptyFileIsNoDatabaseToSearch) {
  const auto empty = dir_.write("empty.db", "");
  const CommandResult r = testing::run_command(kSearch + " --db " + shell_quote(empty.string()) + " 수출", dir_.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("holds no database (an empty stub file?)"), std::string::npos) << r.err;
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

// What sinmun-index itself promises on the command line (issue 16): ids unique across roots,
// learned boilerplate and its report, plurals, interruption and the lock message.
class IndexCommandTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    big_ = new TempDir;
    // Enough articles that a run is still going well after its first commit.
    for (int f = 0; f < kBigFiles; ++f) {
      std::string lines;
      for (int r = 0; r < kBigRecords; ++r) {
        const std::string n = std::to_string(f) + "-" + std::to_string(r);
        lines += "{\"id\": \"big-" + n + "\", \"title\": \"기사 " + n + "\", \"body\": \"" + n +
                 "번째 본문은 반도체 수출과 환율 이야기를 " + std::to_string(f * r) + "번 되풀이합니다\"}\n";
      }
      char name[32];
      std::snprintf(name, sizeof name, "crawl/%04d.jsonl", f);
      big_->write(name, lines);
    }
  }
  static void TearDownTestSuite() {
    delete big_;
    big_ = nullptr;
  }

  CommandResult index(const std::string& args) {
    return testing::run_command(kIndex + " --analysis ngram " + args, dir_.path());
  }
  std::string db() const { return (dir_.path() / "db").string(); }
  std::string in_dir(const std::string& relative) const { return shell_quote((dir_.path() / relative).string()); }

  // Starts sinmun-index on the big corpus in the background; its stderr goes to `err`.
  // `writers` as --writers: 1 writes `db` itself, 2 a new db's two parts in db.building.
  static pid_t start_big_run(const std::string& db, const std::filesystem::path& err, int writers) {
    std::vector<std::string> args = {kIndex,   "--analysis", "ngram",
                                     "--jobs", "2",          "--batch",
                                     "100",    "--writers",  std::to_string(writers),
                                     "--db",   db,           (big_->path() / "crawl").string()};
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    const int status = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return status == 0 ? pid : -1;
  }

  // Waits (generously) until the database has committed at least one batch; false if the
  // run ended first or never got there.
  static bool wait_for_first_commit(pid_t pid, const std::string& db) {
    for (int tries = 0; tries < 12000; ++tries) {
      int status;
      if (waitpid(pid, &status, WNOHANG) == pid) return false;
      try {
        if (Xapian::Database(db).get_doccount() > 0) return true;
      } catch (const Xapian::Error&) {  // not created yet
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

  static int wait_for_exit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  static std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  static constexpr int kBigFiles = 400;
  static constexpr int kBigRecords = 50;
  static TempDir* big_;
  TempDir dir_;
};

TempDir* IndexCommandTest::big_ = nullptr;

TEST_F(IndexCommandTest, ManyProblemsAreCappedOnTheTerminalAndAllListedInTheReport) {
  std::string lines;
  for (int i = 0; i < 150; ++i) lines += "{broken json " + std::to_string(i) + "\n";
  lines += "{\"id\": \"good\", \"title\": \"제목\", \"body\": \"본문\"}\n";
  dir_.write("bad/feed.jsonl", lines);
  const std::string report = (dir_.path() / "report.txt").string();
  const CommandResult r = index("--db " + shell_quote(db()) + " --report " + shell_quote(report) + " " +
                                shell_quote((dir_.path() / "bad").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t shown = 0;
  for (std::size_t at = r.err.find("skipped: "); at != std::string::npos; at = r.err.find("skipped: ", at + 1)) ++shown;
  EXPECT_EQ(shown, 100u);
  EXPECT_NE(r.err.find("50 more problems not shown"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("150 records skipped"), std::string::npos) << r.err;
  std::ifstream in(report);
  std::size_t listed = 0;
  for (std::string line; std::getline(in, line);) listed += line.rfind("skipped: feed.jsonl:line ", 0) == 0;
  EXPECT_EQ(listed, 150u);
}

TEST_F(IndexCommandTest, ABulkLoadIsCompactedAndASmallUpdateIsNot) {
  const std::string crawl = shell_quote(kSample);
  const CommandResult first = index("--writers 1 --db " + shell_quote(db()) + " " + crawl);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("sinmun-index: compacted "), std::string::npos) << first.err;
  const CommandResult again = index("--db " + shell_quote(db()) + " " + crawl);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err.find("compacted"), std::string::npos) << "nothing changed: " << again.err;
  EXPECT_NE(index("--compact always --db " + shell_quote(db()) + " " + crawl).err.find("compacted"), std::string::npos);
  EXPECT_EQ(Xapian::Database(db()).get_doccount(), 71u);
  const CommandResult never =
      index("--writers 1 --compact never --db " + shell_quote((dir_.path() / "other").string()) + " " + crawl);
  EXPECT_EQ(never.err.find("compacted"), std::string::npos) << never.err;
  const CommandResult bad = index("--compact sometimes --db " + shell_quote(db()) + " " + crawl);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("--compact must be auto, always or never"), std::string::npos) << bad.err;
}

TEST_F(IndexCommandTest, TwoRootsWithTheSamePathsKeepBothArticles) {
  dir_.write("rootA/txt/a.txt", "가람 제목\n가람 본문");
  dir_.write("rootB/txt/a.txt", "나래 제목\n나래 본문");
  const CommandResult r = index("--db " + shell_quote(db()) + " " + in_dir("rootA") + " " + in_dir("rootB"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("also used in"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("id collision"), std::string::npos) << r.err;
  Xapian::Database database(db());
  EXPECT_EQ(database.get_doccount(), 2u);
  EXPECT_TRUE(database.term_exists("QrootA/txt/a.txt"));
  EXPECT_TRUE(database.term_exists("QrootB/txt/a.txt"));
  const CommandResult help = index("--help");
  EXPECT_NE(help.out.find("that path starts with the directory's name (rootA/txt/a.txt)"), std::string::npos);
  EXPECT_NE(help.out.find("reported with both files, the later record skipped, the first kept"), std::string::npos)
      << help.out;
}

TEST_F(IndexCommandTest, ACollisionNamesBothFilesAndKeepsTheFirst) {
  dir_.write("x/crawl/a.txt", "첫 제목\n첫 본문");
  dir_.write("y/crawl/a.txt", "둘째 제목\n둘째 본문");
  const CommandResult r = index("--db " + shell_quote(db()) + " " + in_dir("x/crawl") + " " + in_dir("y/crawl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("skipped: crawl/a.txt: id collision: 'crawl/a.txt' is also the id of an article from " +
                       (dir_.path() / "x/crawl/a.txt").string()),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("1 record skipped"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("skipped 1 × id collision"), std::string::npos) << r.err;
}

TEST_F(IndexCommandTest, TheSummarySaysOneFileAndOneArticle) {
  dir_.write("crawl/ok.txt", "제목\n본문");
  const CommandResult one = index("--db " + shell_quote(db()) + " " + in_dir("crawl"));
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(one.err.find("sinmun-index: 1 file: 1 read"), std::string::npos) << one.err;
  EXPECT_NE(one.err.find("sinmun-index: 1 article added or replaced, 0 removed, 0 records skipped, 0 warnings;"),
            std::string::npos)
      << one.err;
  EXPECT_NE(one.err.find(" holds 1 document\n"), std::string::npos) << one.err;
  dir_.write("crawl/empty.txt", "");
  dir_.write("crawl/bad.jsonl", "{\"id\": \"g\", \"title\": \"수\xFF출\"}\n");
  const CommandResult more = index("--db " + shell_quote(db()) + " " + in_dir("crawl"));
  EXPECT_NE(more.err.find("sinmun-index: 3 files: 1 read, 1 unchanged, 1 failed"), std::string::npos) << more.err;
  EXPECT_NE(more.err.find("1 article added or replaced, 0 removed, 1 record skipped, 1 warning;"), std::string::npos)
      << more.err;
  EXPECT_NE(more.err.find(" holds 2 documents\n"), std::string::npos) << more.err;
}

TEST_F(IndexCommandTest, LearnedBoilerplateIsReportedAndNotSearchable) {
  const std::string footer = "가람일보 독자센터 일오팔팔 구독 문의 환영";
  std::string lines;
  for (int i = 0; i < 25; ++i) {
    lines += "{\"id\": \"g" + std::to_string(i) + "\", \"source\": \"가람일보\", \"title\": \"제목 " +
             std::to_string(i) + "\", \"body\": \"오늘의 반도체 소식 " + std::to_string(i) + "번째 글입니다\\n" +
             footer + "\"}\n";
  }
  dir_.write("crawl/garam.jsonl", lines);
  const CommandResult r = index("--db " + shell_quote(db()) + " " + in_dir("crawl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Learned at the 20th article: those 20 are re-indexed, the last 5 stripped on the way in.
  EXPECT_NE(r.err.find("learned 1 line of boilerplate, no longer indexed (20 articles re-indexed without it)"),
            std::string::npos)
      << r.err;
  const CommandResult report = index("--db " + shell_quote(db()) + " --report-boilerplate");
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_EQ(report.out, "가람일보\t25\t" + footer + "\n");
  const auto search = [&](const std::string& query) {
    const CommandResult found =
        testing::run_command(kSearch + " --db " + shell_quote(db()) + " --json " + shell_quote(query), dir_.path());
    EXPECT_EQ(found.exit_code, 0) << found.err;
    return nlohmann::json::parse(found.out)["total"].get<int>();
  };
  EXPECT_EQ(search("독자센터"), 0);
  EXPECT_EQ(search("일오팔팔"), 0);
  EXPECT_EQ(search("반도체 소식"), 25);
  const CommandResult again = index("--db " + shell_quote(db()) + " " + in_dir("crawl"));
  EXPECT_NE(again.err.find("1 unchanged"), std::string::npos) << again.err;
  EXPECT_EQ(index("--db " + shell_quote(db()) + " --report-boilerplate").out, report.out);
  EXPECT_EQ(index("--db " + shell_quote(db()) + " --report-boilerplate " + in_dir("crawl")).exit_code, 1);
}

// With one writer the database itself is committed to; with two, the parts of a new one in
// DB.building, which the rerun resumes and then merges into DB.
TEST_F(IndexCommandTest, SigtermCommitsWhatIsDoneAndARerunCompletesIt) {
  for (const int writers : {1, 2}) {
    const std::string database = (dir_.path() / ("sigterm-" + std::to_string(writers))).string();
    const std::string written = writers == 1 ? database : database + ".building";
    const std::filesystem::path err = dir_.path() / "first.err";
    const pid_t pid = start_big_run(database, err, writers);
    ASSERT_GT(pid, 0);
    const bool committed = wait_for_first_commit(pid, written);
    kill(pid, SIGTERM);
    const int exit_code = wait_for_exit(pid);
    ASSERT_TRUE(committed) << "the run ended before its first commit: make the corpus bigger\n" << read_file(err);
    const std::string messages = read_file(err);
    EXPECT_EQ(exit_code, 143) << messages;
    EXPECT_NE(messages.find("sinmun-index: interrupted by SIGTERM: what was done is committed;"), std::string::npos)
        << messages;
    EXPECT_NE(messages.find(" files: "), std::string::npos) << "the summary is printed: " << messages;
    const Xapian::doccount total = kBigFiles * kBigRecords;
    const Xapian::doccount kept = Xapian::Database(written).get_doccount();
    EXPECT_GT(kept, 0u);
    EXPECT_LT(kept, total);

    const CommandResult rest =
        index("--jobs 2 --db " + shell_quote(database) + " " + shell_quote((big_->path() / "crawl").string()));
    ASSERT_EQ(rest.exit_code, 0) << rest.err;
    EXPECT_EQ(rest.err.find(" 0 unchanged"), std::string::npos) << "the files done are not read again: " << rest.err;
    EXPECT_EQ(Xapian::Database(database).get_doccount(), total);
    EXPECT_FALSE(std::filesystem::exists(database + ".building")) << writers;
  }
}

TEST_F(IndexCommandTest, ASecondIndexerIsToldAnotherOneHoldsTheDatabase) {
  for (const int writers : {1, 2}) {
    const std::string database = (dir_.path() / ("held-" + std::to_string(writers))).string();
    const pid_t pid = start_big_run(database, dir_.path() / "first.err", writers);
    ASSERT_GT(pid, 0);
    const bool running = wait_for_first_commit(pid, writers == 1 ? database : database + ".building");
    dir_.write("small/a.txt", "제목\n본문");
    const CommandResult second = index("--db " + shell_quote(database) + " " + in_dir("small"));
    kill(pid, SIGTERM);
    wait_for_exit(pid);
    ASSERT_TRUE(running) << "the first run ended too soon: make the corpus bigger";
    EXPECT_EQ(second.exit_code, 2) << second.err;
    EXPECT_NE(second.err.find("another sinmun-index is writing to this database: wait for it to finish"),
              std::string::npos)
        << writers << ": " << second.err;
  }
}

TEST_F(IndexCommandTest, ANewDatabaseIsWrittenInPartsAndMergedIntoOneThatAnswersAsOneWriterWould) {
  const std::string crawl = shell_quote(kSample);
  const std::string merged = (dir_.path() / "merged").string();
  const std::string single = (dir_.path() / "single").string();
  const CommandResult parts = index("--writers 3 --db " + shell_quote(merged) + " " + crawl);
  ASSERT_EQ(parts.exit_code, 0) << parts.err;
  EXPECT_NE(parts.err.find("sinmun-index: merged 3 parts into "), std::string::npos) << parts.err;
  const CommandResult one = index("--writers 1 --db " + shell_quote(single) + " " + crawl);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(one.err.find("sinmun-index: compacted "), std::string::npos) << one.err;
  EXPECT_FALSE(std::filesystem::exists(merged + ".building"));
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(merged) / "XAPIANDB")) << "one plain database";

  const Xapian::Database a(merged);
  const Xapian::Database b(single);
  EXPECT_EQ(a.get_doccount(), b.get_doccount());
  EXPECT_EQ(a.get_total_length(), b.get_total_length());
  std::vector<std::string> keys_a(a.metadata_keys_begin(), a.metadata_keys_end());
  std::vector<std::string> keys_b(b.metadata_keys_begin(), b.metadata_keys_end());
  EXPECT_EQ(keys_a, keys_b) << "the ledger, boilerplate and analysis mode, and no shard count";
  for (const std::string& key : keys_a) EXPECT_EQ(a.get_metadata(key), b.get_metadata(key)) << key;
  const auto answer = [&](const std::string& db, const std::string& query) {
    const CommandResult r = testing::run_command(
        std::string(kSearch) + " --db " + shell_quote(db) + " --json --facets --limit 100 " + shell_quote(query),
        dir_.path());
    nlohmann::json json = nlohmann::json::parse(r.out);
    json.erase("took_ms");
    return json.dump();
  };
  for (const char* query :
       {"H200 수출", "수출", "기준금리 동결", "\"반도체 공급망\"", "엔비디아 수출 허가 세월호 침몰"}) {
    EXPECT_EQ(answer(merged, query), answer(single, query)) << query;
  }

  // Later runs update the merged database in place, on one writer.
  dir_.write("more/a.txt", "가람 제목\n가람 본문");
  const CommandResult later = index("--db " + shell_quote(merged) + " " + crawl + " " + in_dir("more"));
  ASSERT_EQ(later.exit_code, 0) << later.err;
  EXPECT_EQ(later.err.find(" parts into "), std::string::npos) << later.err;
  EXPECT_EQ(Xapian::Database(merged).get_doccount(), b.get_doccount() + 1);
}

TEST_F(IndexCommandTest, ADatabaseOfAnOlderAnalysisIsNotedAndReanalyzeBringsItUpToDate) {
  const std::string crawl = shell_quote(kSample);
  ASSERT_EQ(index("--writers 1 --db " + shell_quote(db()) + " " + crawl).exit_code, 0);
  EXPECT_EQ(Xapian::Database(db()).get_metadata("sinmun:analysis-revision"), std::to_string(kAnalysisRevision));
  {  // as a database from before the revision was recorded
    Xapian::WritableDatabase old(db(), Xapian::DB_OPEN);
    old.set_metadata("sinmun:analysis-revision", "");
    old.commit();
  }
  const std::string note =
      "indexed by an older Sinmun (analysis revision 1, this one " + std::to_string(kAnalysisRevision) + ")";
  const CommandResult crawled = index("--db " + shell_quote(db()) + " " + crawl);
  ASSERT_EQ(crawled.exit_code, 0) << crawled.err;
  EXPECT_NE(crawled.err.find("sinmun-index: note: " + db()), std::string::npos) << crawled.err;
  EXPECT_NE(crawled.err.find(note), std::string::npos) << crawled.err;
  const auto search = [&](const std::string& args) {
    return testing::run_command(std::string(kSearch) + " --db " + shell_quote(db()) + " " + args, dir_.path());
  };
  const CommandResult searched = search("수출");
  EXPECT_NE(searched.err.find(note), std::string::npos) << searched.err;
  EXPECT_NE(searched.err.find("--reanalyze analyses them again"), std::string::npos) << searched.err;
  const std::string before = search("--json --limit 100 수출").out;

  const CommandResult again =
      testing::run_command(std::string(kIndex) + " --db " + shell_quote(db()) + " --reanalyze", dir_.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("sinmun-index: analysed 71 articles of " + db() + " again ('ngram' analysis"),
            std::string::npos)
      << again.err;
  EXPECT_EQ(Xapian::Database(db()).get_metadata("sinmun:analysis-revision"), std::to_string(kAnalysisRevision));
  EXPECT_EQ(search("수출").err.find(note), std::string::npos) << "up to date: no note";
  const auto without_time = [](const std::string& json) {
    nlohmann::json parsed = nlohmann::json::parse(json);
    parsed.erase("took_ms");
    return parsed.dump();
  };
  EXPECT_EQ(without_time(search("--json --limit 100 수출").out), without_time(before)) << "the same analysis again";
  EXPECT_EQ(
      testing::run_command(std::string(kIndex) + " --db " + shell_quote(db()) + " --reanalyze " + crawl, dir_.path())
          .exit_code,
      1)
      << "--reanalyze takes no crawl";
}

TEST_F(IndexCommandTest, ReanalyzeAnalysesTheStoredTextAgainInTheAnalysisAskedFor) {
  SINMUN_REQUIRE_DICTIONARY();
  ASSERT_EQ(index("--writers 1 --db " + shell_quote(db()) + " " + shell_quote(kSample)).exit_code, 0);
  EXPECT_FALSE(Xapian::Database(db()).term_exists("수출")) << "ngram analysis: no morphemes";
  const CommandResult again = testing::run_command(
      std::string(kIndex) + " --db " + shell_quote(db()) + " --reanalyze --analysis morph+ngram", dir_.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const Xapian::Database database(db());
  EXPECT_TRUE(database.term_exists("수출"));
  EXPECT_EQ(database.get_metadata("sinmun:analyzer"), "morph+ngram");
  EXPECT_EQ(database.get_doccount(), 71u);
}

TEST_F(IndexCommandTest, AMergeCutShortIsDoneAgainAndALeftoverOfOneThatFinishedIsRemoved) {
  const std::string crawl = shell_quote(kSample);
  const std::string database = (dir_.path() / "db-merge").string();
  // Parts written but never merged (a run killed during its merge): the next run merges them.
  ASSERT_EQ(index("--shards 2 --db " + shell_quote(database + ".building") + " " + crawl).exit_code, 0);
  const CommandResult resumed = index("--db " + shell_quote(database) + " " + crawl);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find(": 0 read, "), std::string::npos) << "nothing read again: " << resumed.err;
  EXPECT_NE(resumed.err.find("merged 2 parts"), std::string::npos) << resumed.err;
  EXPECT_EQ(Xapian::Database(database).get_doccount(), 71u);
  // Parts left beside a finished merge (killed before removing them) are removed.
  ASSERT_EQ(index("--shards 2 --db " + shell_quote(database + ".building") + " " + crawl).exit_code, 0);
  const CommandResult after = index("--db " + shell_quote(database) + " " + crawl);
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_FALSE(std::filesystem::exists(database + ".building"));
  EXPECT_EQ(Xapian::Database(database).get_doccount(), 71u);
}

TEST_F(IndexCommandTest, PartsWrittenWithoutWaitingForTheDiskAreResumedInTheirBootAndBuiltAgainAfterARestart) {
  const std::string crawl = shell_quote(kSample);
  const std::string database = (dir_.path() / "db-unsynced").string();
  const std::filesystem::path mark = std::filesystem::path(database + ".building") / "sinmun-unsynced";
  const auto leave_parts = [&](const std::string& boot) {
    // The parts of a first build that stopped before its merge, marked as its runs mark them.
    ASSERT_EQ(index("--shards 2 --db " + shell_quote(database + ".building") + " " + crawl).exit_code, 0);
    std::ofstream(mark) << boot << "\n";
  };
  std::string this_boot;
  std::getline(std::ifstream("/proc/sys/kernel/random/boot_id"), this_boot);
  if (this_boot.empty()) GTEST_SKIP() << "no /proc/sys/kernel/random/boot_id";

  leave_parts(this_boot);
  const CommandResult resumed = index("--db " + shell_quote(database) + " " + crawl);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find(": 0 read, "), std::string::npos) << "resumed: " << resumed.err;
  EXPECT_EQ(resumed.err.find("restarted"), std::string::npos) << resumed.err;
  EXPECT_NE(resumed.err.find("merged 2 parts"), std::string::npos) << resumed.err;
  EXPECT_EQ(Xapian::Database(database).get_doccount(), 71u);

  std::filesystem::remove_all(database);
  leave_parts("a boot before this one");
  const CommandResult rebuilt = index("--db " + shell_quote(database) + " " + crawl);
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_NE(rebuilt.err.find("sinmun-index: note: " + database +
                             ".building, the parts of an unfinished first build, "
                             "was written without waiting for the disk and the machine has restarted since: "
                             "building " +
                             database + " again from the start"),
            std::string::npos)
      << rebuilt.err;
  EXPECT_EQ(rebuilt.err.find(": 0 read, "), std::string::npos) << "every file read again: " << rebuilt.err;
  EXPECT_NE(rebuilt.err.find(" parts into "), std::string::npos) << rebuilt.err;
  EXPECT_FALSE(std::filesystem::exists(database + ".building"));
  EXPECT_EQ(Xapian::Database(database).get_doccount(), 71u);
}

}  // namespace
}  // namespace sinmun
