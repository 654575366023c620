// /api/trend, /api/export, /api/doc?q= and /vendor/chart.js of sinmun-serve, run in-process
// over corpus/sample indexed by the real sinmun-index; compared with sinmun-search's answers.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "searcher/search_config.h"
#include "server/insight_params.h"
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

// One running server over one database, stopped with the object.
class RunningServer {
 public:
  RunningServer(const std::string& db, const std::filesystem::path& chart_js) {
    SearchConfigOptions options;
    options.db_path = db;
    ServerOptions server_options{kWeb, 2};
    server_options.chart_js = chart_js;
    server_ = std::make_unique<Server>(server_options, SearchConfig::load(options, [](const std::string&) {}));
    port_ = server_->bind("127.0.0.1", 0);
    thread_ = std::thread([this] { server_->run(); });
  }
  ~RunningServer() {
    server_->stop();
    thread_.join();
  }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  httplib::Result get(const std::string& target) const {
    httplib::Client client("127.0.0.1", port_);
    return client.Get(target.c_str());
  }

 private:
  std::unique_ptr<Server> server_;
  int port_ = 0;
  std::thread thread_;
};

class InsightApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const CommandResult r = sinmun::testing::run_command(
        kIndex + " --quiet --db " + shell_quote(db()) + " " + shell_quote(kSample), dir_->path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::filesystem::path chart = dir_->write("chart.min.js", "/* a stand-in for Chart.js */\n");
    server_ = new RunningServer(db(), chart);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  static std::string db() { return (dir_->path() / "sample.db").string(); }

  static std::string cli(const std::string& args) {
    const CommandResult r =
        sinmun::testing::run_command(kSearch + " --db " + shell_quote(db()) + " " + args, dir_->path());
    EXPECT_EQ(r.exit_code, 0) << args << ": " << r.err;
    return r.out;
  }

  static TempDir* dir_;
  static RunningServer* server_;
};

TempDir* InsightApiTest::dir_ = nullptr;
RunningServer* InsightApiTest::server_ = nullptr;

// %-encoded UTF-8 of the Korean words used below.
const std::string kExports = "%EC%88%98%EC%B6%9C";                   // 수출
const std::string kNvidia = "%EC%97%94%EB%B9%84%EB%94%94%EC%95%84";  // 엔비디아

TEST_F(InsightApiTest, TrendIsTheSameAsTheCommandLines) {
  const httplib::Result res = server_->get("/api/trend?q=" + kExports + "&vs=" + kNvidia + "&interval=month");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const nlohmann::json api = nlohmann::json::parse(res->body);
  const nlohmann::json command_line = nlohmann::json::parse(cli("--json --trend month 수출 --vs 엔비디아"));
  EXPECT_EQ(api, command_line);
  ASSERT_EQ(api["trend"]["series"].size(), 2u);
  EXPECT_EQ(api["trend"]["series"][1]["query"], "엔비디아");
  EXPECT_GT(api["trend"]["series"][0]["counts"].size(), 1u);
}

TEST_F(InsightApiTest, TrendRefusesBadParameters) {
  for (const std::string& target : {"/api/trend?q=" + kExports + "&interval=hour", std::string("/api/trend"),
                                    "/api/trend?q=" + kExports + "&interval=month&interval=day"}) {
    const httplib::Result res = server_->get(target);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << target << ": " << res->body;
    EXPECT_TRUE(nlohmann::json::parse(res->body).contains("error"));
  }
}

TEST_F(InsightApiTest, ExportStreamsEveryMatchAsAFile) {
  const httplib::Result res = server_->get("/api/export?q=" + kExports + "&format=csv&fields=id,date,title");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(res->get_header_value("Transfer-Encoding"), "chunked");
  // httplib's client decodes %XX in header values; ExportDispositionTest checks the bytes sent.
  EXPECT_EQ(res->get_header_value("Content-Disposition"),
            "attachment; filename=\"sinmun-export.csv\"; filename*=UTF-8''sinmun-수출.csv");
  EXPECT_EQ(res->body, cli("--format csv --all --fields id,date,title 수출"));
  const nlohmann::json search = nlohmann::json::parse(cli("--json 수출"));
  std::size_t lines = 0;
  for (const char c : res->body) lines += c == '\n';
  EXPECT_EQ(lines, search["total"].get<std::size_t>() + 1) << "a header and a row per result";
  EXPECT_GT(search["total"].get<int>(), 10) << "more than one page of results";
}

TEST_F(InsightApiTest, ExportRefusesBadParametersBeforeSendingAnything) {
  for (const std::string& target :
       {"/api/export?q=" + kExports + "&format=xls", "/api/export?q=" + kExports + "&fields=id,secret",
        "/api/export?q=" + kExports + "&source=nowhere"}) {
    const httplib::Result res = server_->get(target);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << target << ": " << res->body;
    EXPECT_TRUE(nlohmann::json::parse(res->body).contains("error")) << res->body;
  }
}

TEST_F(InsightApiTest, DocMarksTheQueryAndKeepsTheStoredFields) {
  const httplib::Result res = server_->get("/api/doc?id=sample-0001&q=H200");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const nlohmann::json doc = nlohmann::json::parse(res->body);
  EXPECT_EQ(doc["id"], "sample-0001");
  EXPECT_NE(doc["body_html"].get<std::string>().find("<mark>"), std::string::npos);
  EXPECT_NE(doc["title_html"].get<std::string>().find("<mark>H200</mark>"), std::string::npos) << doc["title_html"];
  EXPECT_EQ(doc, nlohmann::json::parse(cli("--json --show sample-0001 H200")));
  const httplib::Result plain = server_->get("/api/doc?id=sample-0001");
  ASSERT_TRUE(plain);
  EXPECT_EQ(nlohmann::json::parse(plain->body)["body_html"].get<std::string>().find("<mark>"), std::string::npos);
  const httplib::Result missing = server_->get("/api/doc?id=no-such-article&q=H200");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST_F(InsightApiTest, ChartJsIsServedFromItsOwnPathOrIsA404) {
  const httplib::Result res = server_->get("/vendor/chart.js");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "/* a stand-in for Chart.js */\n");
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  const RunningServer without(db(), dir_->path() / "not-installed.js");
  const httplib::Result missing = without.get("/vendor/chart.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  const httplib::Result page = without.get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200) << "the page itself is still served";
}

TEST(ExportDispositionTest, AsciiNameAndUtf8Name) {
  EXPECT_EQ(export_disposition("H200", ExportFormat::kJsonl), "attachment; filename=\"sinmun-H200.jsonl\"");
  EXPECT_EQ(export_disposition("H200 수출", ExportFormat::kCsv),
            "attachment; filename=\"sinmun-H200.csv\"; filename*=UTF-8''sinmun-H200%20" + kExports + ".csv");
  EXPECT_EQ(export_disposition("\"; evil", ExportFormat::kTsv),
            "attachment; filename=\"sinmun-evil.tsv\"; filename*=UTF-8''sinmun-%22%3B%20evil.tsv");
}

}  // namespace
}  // namespace sinmun::http
