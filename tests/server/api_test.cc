// The HTTP API of sinmun-serve, run in-process on a free port over corpus/sample indexed by
// the real sinmun-index, and talked to with httplib's client.
#include <gtest/gtest.h>
#include <httplib.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/dictionary_location.h"
#include "base/errors.h"
#include "searcher/search_config.h"
#include "searcher/searcher.h"
#include "server/server.h"
#include "tests/support/programs.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace sinmun::http {
namespace {

using sinmun::testing::CommandResult;
using sinmun::testing::kIndex;
using sinmun::testing::kSample;
using sinmun::testing::kSearch;
using sinmun::testing::kWeb;
using sinmun::testing::shell_quote;
using sinmun::testing::TempDir;

std::string percent_encode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string query_string(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out;
  for (const auto& [name, value] : params) out += (out.empty() ? "?" : "&") + name + "=" + percent_encode(value);
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The configuration sinmun-serve (and sinmun-search) load for the database at `db` with no
// other options.
std::shared_ptr<const SearchConfig> config_for(const std::string& db) {
  SearchConfigOptions options;
  options.db_path = db;
  return SearchConfig::load(options, [](const std::string&) {});
}

// One server per test program run, as sinmun-serve would run it.
class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const CommandResult r = index(kSample);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    server_ = new Server({kWeb, 4}, config_for(db()));
    port_ = server_->bind("127.0.0.1", 0);
    thread_ = new std::thread([] { server_->run(); });
  }

  static void TearDownTestSuite() {
    server_->stop();
    thread_->join();
    delete thread_;
    delete server_;
    delete dir_;
  }

  static std::string db() { return (dir_->path() / "sample.db").string(); }

  static CommandResult index(const std::string& crawl) {
    return sinmun::testing::run_command(kIndex + " --quiet --db " + shell_quote(db()) + " " + shell_quote(crawl),
                                        dir_->path());
  }

  static httplib::Result get(const std::string& target) {
    httplib::Client client("127.0.0.1", port_);
    return client.Get(target.c_str());
  }

  static nlohmann::json get_json(const std::string& target, int expected_status = 200) {
    const httplib::Result res = get(target);
    EXPECT_TRUE(res) << target;
    if (!res) return nullptr;
    EXPECT_EQ(res->status, expected_status) << target << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << target;
    return nlohmann::json::parse(res->body);
  }

  static TempDir* dir_;
  static Server* server_;
  static std::thread* thread_;
  static int port_;
};

TempDir* ApiTest::dir_ = nullptr;
Server* ApiTest::server_ = nullptr;
std::thread* ApiTest::thread_ = nullptr;
int ApiTest::port_ = 0;

TEST_F(ApiTest, HealthzCountsTheDocuments) {
  const nlohmann::json health = get_json("/healthz");
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["documents"], Xapian::Database(db()).get_doccount());
  EXPECT_EQ(health["documents"], 71);
}

TEST_F(ApiTest, SearchFindsTheTargetFirstWithHighlights) {
  const nlohmann::json response = get_json("/api/search" + query_string({{"q", "H200 수출"}}));
  EXPECT_EQ(response["query"], "H200 수출");
  ASSERT_FALSE(response["results"].empty());
  EXPECT_EQ(response["results"][0]["id"], "sample-0001");
  EXPECT_EQ(response["results"][0]["title"], "엔비디아의 H200 수출을 허용하자");
  EXPECT_NE(response["results"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  EXPECT_TRUE(response["facets"]["source"].is_array());
  EXPECT_TRUE(response["facets"]["month"].is_array());
}

// The API and `sinmun-search --json` are one code path: same object but the timing.
TEST_F(ApiTest, SimilarFindsRelatedArticlesWithoutTheArticleItself) {
  const nlohmann::json response = get_json("/api/search" + query_string({{"similar", "sample-0001"}, {"limit", "5"}}));
  ASSERT_FALSE(response["results"].empty());
  for (const auto& hit : response["results"]) EXPECT_NE(hit["id"], "sample-0001");
  const CommandResult cli = sinmun::testing::run_command(
      kSearch + " --db " + shell_quote(db()) + " --json --limit 5 --similar sample-0001", dir_->path());
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  nlohmann::json expected = nlohmann::json::parse(cli.out);
  ASSERT_EQ(expected["results"].size(), response["results"].size());
  for (std::size_t i = 0; i < expected["results"].size(); ++i) {
    EXPECT_EQ(expected["results"][i]["id"], response["results"][i]["id"]);
  }
  const nlohmann::json missing = get_json("/api/search" + query_string({{"similar", "no-such-id"}}), 404);
  EXPECT_NE(missing["error"].get<std::string>().find("no-such-id"), std::string::npos);
}

TEST_F(ApiTest, SearchEqualsSinmunSearchJson) {
  struct Case {
    std::vector<std::pair<std::string, std::string>> params;
    std::string cli_args;
  };
  const Case cases[] = {
      {{{"q", "H200 수출"}}, "'H200 수출'"},
      {{{"q", "정부"}, {"limit", "5"}, {"offset", "5"}}, "--limit 5 --offset 5 정부"},
      {{{"q", "수출"}, {"sort", "date"}, {"from", "2025-12-01"}, {"to", "2025-12-31"}},
       "--sort date --from 2025-12-01 --to 2025-12-31 수출"},
      {{{"q", "AI"}, {"source", "한빛일보"}, {"limit", "100"}}, "--source 한빛일보 --limit 100 AI"},
      {{{"q", "없는단어조합xyz"}}, "없는단어조합xyz"},
      {{{"q", "nvidia"}}, "nvidia"},                                                    // synonyms (엔비디아)
      {{{"q", "title:수출 source:한빛일보"}}, "'title:수출 source:한빛일보'"},          // fields
      {{{"q", "\"반도체 공급망\""}}, "'\"반도체 공급망\"'"},                            // a phrase
      {{{"q", "엔비디아 수출 허가 세월호 침몰"}}, "'엔비디아 수출 허가 세월호 침몰'"},  // relaxed
      {{{"q", "기준금리 동결"}}, "'기준금리 동결'"},                                    // a folded copy
      {{{"q", "엔비디아 수출 허가 세월호 침몰"}, {"strict", "1"}}, "--strict '엔비디아 수출 허가 세월호 침몰'"},
      {{{"q", "수출"}, {"source", "한빛일보"}, {"source", "동해신문"}}, "--source 한빛일보 --source 동해신문 수출"},
      {{{"q", "nvidia 수출 허가 세월호"}, {"explain", "1"}}, "--explain 'nvidia 수출 허가 세월호'"},
  };
  // The cases above do reach what they are named for.
  const auto cli_json = [&](const std::string& args) {
    const CommandResult cli =
        sinmun::testing::run_command(kSearch + " --db " + shell_quote(db()) + " --json " + args, dir_->path());
    EXPECT_EQ(cli.exit_code, 0) << cli.err;
    return nlohmann::json::parse(cli.out);
  };
  EXPECT_GT(cli_json("nvidia")["total"], cli_json("--synonyms none nvidia")["total"]);
  EXPECT_TRUE(cli_json("'엔비디아 수출 허가 세월호 침몰'")["relaxed"]);
  EXPECT_EQ(cli_json("'기준금리 동결'")["results"][0]["similar"], 1);
  for (const Case& c : cases) {
    nlohmann::json api = get_json("/api/search" + query_string(c.params));
    const CommandResult cli =
        sinmun::testing::run_command(kSearch + " --db " + shell_quote(db()) + " --json " + c.cli_args, dir_->path());
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    nlohmann::json expected = nlohmann::json::parse(cli.out);
    ASSERT_TRUE(api.contains("took_ms"));
    api.erase("took_ms");
    expected.erase("took_ms");
    EXPECT_EQ(api, expected) << c.cli_args;
  }
}

TEST_F(ApiTest, SearchPagesWithLimitAndOffset) {
  const nlohmann::json all = get_json("/api/search" + query_string({{"q", "정부"}, {"limit", "20"}}));
  const nlohmann::json second =
      get_json("/api/search" + query_string({{"q", "정부"}, {"limit", "10"}, {"offset", "10"}}));
  ASSERT_EQ(all["results"].size(), 20u);
  ASSERT_EQ(second["results"].size(), 10u);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(second["results"][i]["id"], all["results"][10 + i]["id"]);
  EXPECT_EQ(second["results"][0]["rank"], 11);
  EXPECT_EQ(get_json("/api/search" + query_string({{"q", "정부"}}))["results"].size(), 10u) << "default limit";
}

TEST_F(ApiTest, LimitsAtTheirEdgesAreAccepted) {
  get_json("/api/search" + query_string({{"q", "수출"}, {"limit", "100"}, {"offset", "10000"}}));
  get_json("/api/search" + query_string({{"q", std::string(1000, 'a')}, {"limit", "1"}}));
  get_json("/api/search" + query_string({{"q", "   "}}), 400);  // blank: refused, not "no results"
}

TEST_F(ApiTest, BadParametersAre400WithAMessage) {
  const std::string long_query = std::string(1001, 'a');
  const std::pair<std::string, std::string> cases[] = {
      {"/api/search", "q (the query) is missing"},
      {"/api/search?q=" + long_query, "q is longer than 1000 bytes"},
      {"/api/search?q=%FF", "q is not valid UTF-8"},
      {"/api/search?q=a&q=b", "q is given more than once"},
      {"/api/search?q=a&limit=0", "limit must be between 1 and 100"},
      {"/api/search?q=a&limit=101", "limit must be between 1 and 100"},
      {"/api/search?q=a&limit=ten", "limit must be a whole number"},
      {"/api/search?q=a&limit=-5", "limit must be a whole number"},
      {"/api/search?q=a&limit=18446744073709551617", "limit must be between 1 and 100"},
      {"/api/search?q=a&offset=10001", "offset must be between 0 and 10000"},
      {"/api/search?q=a&sort=random", "sort must be relevance or date"},
      {"/api/search?q=a&from=2025-13-01", "from must be a date as YYYY-MM-DD"},
      {"/api/search?q=a&to=yesterday", "to must be a date as YYYY-MM-DD"},
      {"/api/search?q=a&source=" + std::string(1001, 's'), "source is longer than 1000 bytes"},
      {"/api/search?q=%20", "the query is empty"},
      {"/api/search?q=a&from=2025-12-05&to=2025-12-01", "from (2025-12-05) is after to (2025-12-01)"},
      {"/api/search?q=a%20date%3Afoo", "date: takes YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO"},
      {"/api/search?q=a&source=%ED%95%9C%EB%B9%9B", "no source 한빛; did you mean 한빛일보?"},
      {"/api/doc", "id (the article id) is missing"},
      {"/api/doc?id=", "id (the article id) is missing"},
  };
  for (const auto& [target, message] : cases) {
    const nlohmann::json error = get_json(target, 400);
    ASSERT_TRUE(error.contains("error")) << target;
    const std::string text = error["error"].get<std::string>();
    EXPECT_NE(text.find(message), std::string::npos) << target << ": " << text;
    EXPECT_EQ(text.find("Xapian"), std::string::npos) << text;
    EXPECT_EQ(error.size(), 1u) << error.dump();
  }
}

// /api/related and `sinmun-search --related --json` are one code path: the same words.
TEST_F(ApiTest, RelatedEqualsSinmunSearchRelatedJson) {
  const nlohmann::json response = get_json("/api/related" + query_string({{"q", "반도체"}}));
  EXPECT_EQ(response["query"], "반도체");
  ASSERT_FALSE(response["related"].empty());
  const CommandResult cli = sinmun::testing::run_command(
      kSearch + " --db " + shell_quote(db()) + " --related --json " + shell_quote("반도체"), dir_->path());
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  const nlohmann::json expected = nlohmann::json::parse(cli.out);
  EXPECT_EQ(expected["sample"], response["sample"]);
  EXPECT_EQ(expected["related"], response["related"]);
  EXPECT_EQ(get_json("/api/related", 400)["error"], "q (the query) is missing");
  const nlohmann::json filtered = get_json("/api/related" + query_string({{"q", "반도체"}, {"from", "2026-01-01"}}));
  EXPECT_LT(filtered["sample"].get<int>(), response["sample"].get<int>());
}

TEST_F(ApiTest, DocReturnsTheStoredArticle) {
  const nlohmann::json doc = get_json("/api/doc?id=sample-0001");
  EXPECT_EQ(doc["id"], "sample-0001");
  EXPECT_EQ(doc["title"], "엔비디아의 H200 수출을 허용하자");
  EXPECT_EQ(doc["source"], "한빛일보");
  EXPECT_NE(doc["body"].get<std::string>().find("H200"), std::string::npos);

  const nlohmann::json by_path = get_json("/api/doc" + query_string({{"id", "txt/ai-chip-export-license-fee.txt"}}));
  EXPECT_EQ(by_path["id"], "txt/ai-chip-export-license-fee.txt");
}

TEST_F(ApiTest, DocOfAnUnknownIdIs404) {
  const nlohmann::json error = get_json("/api/doc?id=sample-9999", 404);
  EXPECT_EQ(error, nlohmann::json({{"error", "no article with this id"}}));
}

TEST_F(ApiTest, UnknownPathsAre404Json) {
  for (const char* target : {"/api/nothing", "/api", "/nothing.html", "/api/search/extra"}) {
    const nlohmann::json error = get_json(target, 404);
    EXPECT_EQ(error, nlohmann::json({{"error", "not found"}})) << target;
  }
}

TEST_F(ApiTest, OtherMethodsGetAJsonError) {
  httplib::Client client("127.0.0.1", port_);
  const httplib::Result res = client.Post("/api/search?q=a", "x", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_GE(res->status, 400);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_TRUE(nlohmann::json::parse(res->body).contains("error"));
}

TEST_F(ApiTest, EveryResponseCarriesTheSecurityHeaders) {
  for (const std::string target : {"/", "/app.js", "/style.css", "/healthz", "/api/search?q=a", "/api/search",
                                   "/api/doc?id=sample-0001", "/api/doc?id=none", "/missing", "/../x"}) {
    const httplib::Result res = get(target);
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->get_header_value("Content-Security-Policy"),
              "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
        << target;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << target;
    EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer") << target;
  }
}

TEST_F(ApiTest, ThePageAndItsFilesAreServedWithTheirTypes) {
  const std::pair<const char*, const char*> files[] = {
      {"/", "/index.html"}, {"/index.html", "/index.html"}, {"/app.js", "/app.js"}, {"/style.css", "/style.css"}};
  for (const auto& [target, file] : files) {
    const httplib::Result res = get(target);
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, 200) << target;
    EXPECT_EQ(res->body, read_file(kWeb + file)) << target;
  }
  EXPECT_EQ(get("/")->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(get("/app.js")->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(get("/style.css")->get_header_value("Content-Type"), "text/css; charset=utf-8");
}

TEST_F(ApiTest, PathTraversalFindsNothing) {
  // The web dir's parent is the repository root, which has a CMakeLists.txt.
  for (const char* target :
       {"/../CMakeLists.txt", "/%2e%2e/CMakeLists.txt", "/%2E%2E/CMakeLists.txt", "/%2e%2e%2fCMakeLists.txt",
        "/..%2fCMakeLists.txt", "/.%2e/CMakeLists.txt", "/web/../../CMakeLists.txt", "/..\\CMakeLists.txt",
        "/%5c..%5cCMakeLists.txt", "//etc/passwd", "/%2fetc/passwd", "/../../../../../../etc/passwd",
        "/%00/../CMakeLists.txt", "/.gitignore"}) {
    const httplib::Result res = get(target);
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, 404) << target;
    EXPECT_EQ(res->body.find("cmake_minimum_required"), std::string::npos) << target;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << target;
  }
}

TEST_F(ApiTest, ConcurrentSearchesAllAnswerTheSame) {
  const nlohmann::json expected = get_json("/api/search" + query_string({{"q", "반도체"}, {"limit", "20"}}))["results"];
  std::vector<std::thread> clients;
  std::vector<int> failures(8, 0);
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", port_);
      for (int i = 0; i < 25; ++i) {
        const httplib::Result res =
            client.Get(("/api/search" + query_string({{"q", "반도체"}, {"limit", "20"}})).c_str());
        if (!res || res->status != 200 || nlohmann::json::parse(res->body)["results"] != expected) ++failures[t];
      }
    });
  }
  for (std::thread& client : clients) client.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(failures[t], 0) << "client " << t;
}

TEST_F(ApiTest, ArticlesIndexedWhileRunningAreFoundWithoutRestart) {
  const std::string query = "/api/search" + query_string({{"q", "퀘이사르모듈"}});
  EXPECT_EQ(get_json(query)["total"], 0);
  const Xapian::doccount before = get_json("/healthz")["documents"];

  TempDir crawl;
  crawl.write("late.jsonl",
              R"({"id": "late-0001", "title": "퀘이사르모듈 첫 공개", "body": "새로 나온 퀘이사르모듈을 소개한다.", )"
              R"("date": "2026-02-01", "source": "한빛일보", "url": "https://news.example.com/late"})"
              "\n");
  const CommandResult r = index(crawl.path().string());
  ASSERT_EQ(r.exit_code, 0) << r.err;

  const nlohmann::json found = get_json(query);
  ASSERT_EQ(found["results"].size(), 1u) << found.dump();
  EXPECT_EQ(found["results"][0]["id"], "late-0001");
  EXPECT_EQ(get_json("/healthz")["documents"], before + 1);
  EXPECT_EQ(get_json("/api/doc?id=late-0001")["title"], "퀘이사르모듈 첫 공개");
}

// A second server over a web dir whose symlink leads out of it.
TEST(ApiStaticTest, ASymlinkOutOfTheWebDirIsNotFollowed) {
  TempDir dir;
  dir.write("web/index.html", "<!doctype html><title>t</title>");
  dir.write("private/secret.txt", "top secret");
  std::filesystem::create_symlink(dir.path() / "private/secret.txt", dir.path() / "web/secret.txt");
  std::filesystem::create_directory_symlink(dir.path() / "private", dir.path() / "web/private");
  ASSERT_EQ(sinmun::testing::run_command(kIndex + " --quiet --db " + shell_quote((dir.path() / "db").string()) + " " +
                                             shell_quote(kSample + "/txt"),
                                         dir.path())
                .exit_code,
            0);
  Server server({dir.path() / "web", 2}, config_for((dir.path() / "db").string()));
  const int port = server.bind("127.0.0.1", 0);
  std::thread thread([&] { server.run(); });
  httplib::Client client("127.0.0.1", port);
  for (const char* target : {"/secret.txt", "/private/secret.txt"}) {
    const httplib::Result res = client.Get(target);
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, 404) << target;
    EXPECT_EQ(res->body.find("top secret"), std::string::npos) << target;
  }
  EXPECT_EQ(client.Get("/")->status, 200);
  server.stop();
  thread.join();
}

TEST(ApiStartupTest, AMissingDatabaseOrWebDirFailsAtConstruction) {
  TempDir dir;
  EXPECT_THROW(Server({kWeb, 1}, config_for((dir.path() / "none.db").string())), EnvironmentError);
  ASSERT_EQ(sinmun::testing::run_command(kIndex + " --quiet --db " + shell_quote((dir.path() / "db").string()) + " " +
                                             shell_quote(kSample + "/txt"),
                                         dir.path())
                .exit_code,
            0);
  EXPECT_THROW(Server({dir.path() / "no-web", 1}, config_for((dir.path() / "db").string())), EnvironmentError);
}

TEST_F(ApiTest, OtherMethodsAre405) {
  httplib::Client client("127.0.0.1", port_);
  const httplib::Result post = client.Post("/api/search?q=a", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  EXPECT_NE(nlohmann::json::parse(post->body)["error"].get<std::string>().find("method not allowed"),
            std::string::npos);
  const httplib::Result put = client.Put("/", "x", "text/plain");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 405);
  const httplib::Result del = client.Delete("/api/doc?id=sample-0001");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
}

TEST(ApiStartupTest, AnEmptyStubFileFailsAtStartNotOnEveryRequest) {
  TempDir dir;
  dir.write("empty.db", "");
  EXPECT_THROW(Server({kWeb, 1}, config_for((dir.path() / "empty.db").string())), EnvironmentError);
}

TEST_F(ApiTest, ABusyPortIsRefused) {
  Server second({kWeb, 1}, config_for(db()));
  EXPECT_THROW(second.bind("127.0.0.1", port_), EnvironmentError);
}

TEST(ApiStartupTest, StopBeforeRunMakesRunReturn) {
  TempDir dir;
  ASSERT_EQ(sinmun::testing::run_command(kIndex + " --quiet --db " + shell_quote((dir.path() / "db").string()) + " " +
                                             shell_quote(kSample + "/txt"),
                                         dir.path())
                .exit_code,
            0);
  Server server({kWeb, 1}, config_for((dir.path() / "db").string()));
  server.bind("127.0.0.1", 0);
  server.stop();
  EXPECT_TRUE(server.run());
}

}  // namespace
}  // namespace sinmun::http
