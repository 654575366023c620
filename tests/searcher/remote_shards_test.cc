// corpus/sample as one database, as 3 local shards and as the same 3 shards served by
// xapian-tcpsrv on 127.0.0.1: every query answers the same; a server down or not answering
// gives an error naming it, or with --allow-partial an answer flagged partial. Also
// scripts/serve-shards.sh, and a read replica (xapian-replicate) catching up. Skipped when
// xapian-tools is not installed. Every server is killed by the test's end, or by the
// kernel when the test process dies (PR_SET_PDEATHSIG).
#include <gtest/gtest.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>
#include <vector>

#include "schema/schema.h"
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

const std::string kServeShards = std::string(SINMUN_SOURCE_DIR) + "/scripts/serve-shards.sh";

bool on_path(const std::string& program) {
  return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

// A port nothing listens on now (the kernel's pick for port 0).
int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    close(fd);
    return 0;
  }
  close(fd);
  return ntohs(address.sin_port);
}

bool accepts(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return ok;
}

// A child process (argv) in a process group of its own, which signals reach whole (the
// connections xapian-tcpsrv forks would outlive their listener), killed when this object
// goes, and by the kernel (`death_signal`) when the test process dies first.
class Child {
 public:
  explicit Child(const std::vector<std::string>& argv, int death_signal = SIGKILL) {
    pid_ = fork();
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, death_signal);
      setpgid(0, 0);
      const int null = open("/dev/null", O_RDWR);
      dup2(null, 0);
      dup2(null, 1);
      dup2(null, 2);
      std::vector<char*> args;
      for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
      args.push_back(nullptr);
      execvp(args[0], args.data());
      _exit(127);
    }
    if (pid_ > 0) setpgid(pid_, pid_);  // also here: before the child runs, a signal must reach it
  }
  ~Child() { stop(SIGKILL); }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  bool running() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == 0) return true;
    pid_ = -1;
    return false;
  }
  void signal(int number) {
    if (pid_ > 0) kill(-pid_, number);
  }
  // Sends `number` and waits for the exit.
  void stop(int number) {
    if (pid_ <= 0) return;
    kill(-pid_, SIGCONT);  // a stopped process would not see SIGTERM
    kill(-pid_, number);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }

 private:
  pid_t pid_ = -1;
};

// xapian-tcpsrv serving one shard on a free 127.0.0.1 port.
struct Server {
  std::unique_ptr<Child> process;
  int port = 0;
};

Server serve(const std::string& shard) {
  for (int attempt = 0; attempt < 5; ++attempt) {  // a port taken between the pick and the bind
    Server server;
    server.port = free_port();
    server.process = std::make_unique<Child>(std::vector<std::string>{
        "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", std::to_string(server.port), shard});
    for (int i = 0; i < 200 && server.process->running(); ++i) {
      if (accepts(server.port)) return server;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ADD_FAILURE() << "xapian-tcpsrv did not start for " << shard;
  return {};
}

// The answer with what legitimately differs set aside: took_ms, and the last bits of the
// scores (a sum of the same weights in another order) after checking them close.
nlohmann::json comparable(nlohmann::json answer, const nlohmann::json& reference) {
  answer.erase("took_ms");
  for (std::size_t i = 0; i < answer["results"].size(); ++i) {
    nlohmann::json& hit = answer["results"][i];
    if (i < reference["results"].size()) {
      const double expected = reference["results"][i]["score"].get<double>();
      EXPECT_NEAR(hit["score"].get<double>(), expected, 1e-9 * std::max(1.0, std::abs(expected))) << hit["id"];
    }
    hit["score"] = 0;
  }
  return answer;
}

class RemoteShardsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!on_path("xapian-tcpsrv")) GTEST_SKIP() << "xapian-tcpsrv not installed (apt-get install xapian-tools)";
    index("single", "");
    index("sharded", "--shards 3");
    for (int i = 0; i < 3; ++i) servers_.push_back(serve(shard(i)));
    std::ofstream stub(remote_stub());
    for (const Server& server : servers_) stub << "remote :127.0.0.1:" << server.port << '\n';
  }

  void index(const std::string& name, const std::string& options) {
    const CommandResult r = testing::run_command(
        kIndex + " -q " + options + " --db " + shell_quote(path(name)) + " " + shell_quote(kSample), dir_.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string path(const std::string& name) const { return (dir_.path() / name).string(); }
  std::string shard(int i) const { return path("sharded") + "/shard-00" + std::to_string(i); }
  std::string remote_stub() const { return path("remote.stub"); }
  std::string remote_name(int i) const { return ":127.0.0.1:" + std::to_string(servers_[i].port); }

  CommandResult search(const std::string& db, const std::string& args) const {
    return testing::run_command(kSearch + " --db " + shell_quote(db) + " " + args, dir_.path());
  }
  nlohmann::json search_json(const std::string& db, const std::string& args) const {
    const CommandResult r = search(db, "--json " + args);
    EXPECT_EQ(r.exit_code, 0) << db << " " << args << ": " << r.err;
    return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json{};
  }

  TempDir dir_;
  std::vector<Server> servers_;
};

TEST_F(RemoteShardsTest, EveryQueryAnswersTheSameOnOneDatabaseLocalShardsAndRemoteShards) {
  const std::vector<std::string> queries = {
      "수출",
      "'기준금리 동결'",
      "--no-collapse 기준금리",
      "'H200 수출'",
      "반도체",
      "'\"반도체 공급망\"'",
      "'(삼성 OR 하이닉스) HBM'",
      "'엔비디아 -H200'",
      "title:반도체",
      "'source:한빛일보 수출'",
      "'date:2025-12 반도체'",
      "--from 2025-12-01 --to 2025-12-31 수출",
      "--from 2026-01 반도체",
      "--sort date 수출",
      "--sort date --limit 5 --offset 3 반도체",
      "--source 한빛일보 --source 동해신문 엔비디아",
      "--no-collapse 수출",
      "--no-collapse --sort date --limit 50 기업",
      "--strict '엔비디아 수출 허가'",
      "--explain '엔비디아 수출 허가'",
      "'엔비디아의 H200 수출을 허용하자는 미국 정부의 결정에 업계가 촉각을 곤두세우고 있다'",
      "--limit 50 정부",
      "--limit 3 --offset 2 경제",
      "--similar sample-0001",
      "--similar sample-0010",
      "--similar sample-0030 --limit 20",
  };
  std::size_t with_results = 0;
  std::size_t folded = 0;
  for (const std::string& query : queries) {
    SCOPED_TRACE(query);
    const nlohmann::json one = search_json(path("single"), query);
    const nlohmann::json expected = comparable(one, one);
    EXPECT_EQ(comparable(search_json(path("sharded"), query), one), expected);
    EXPECT_EQ(comparable(search_json(remote_stub(), query), one), expected);
    with_results += !one["results"].empty();
    for (const auto& hit : one["results"]) folded += hit["similar"].get<int>() > 0;
  }
  // The queries do test something: most find articles, and some fold copies.
  EXPECT_GE(with_results, 20u);
  EXPECT_GT(folded, 0u);
  const std::string sources = search(path("single"), "--sources").out;
  EXPECT_FALSE(sources.empty());
  EXPECT_EQ(search(path("sharded"), "--sources").out, sources);
  EXPECT_EQ(search(remote_stub(), "--sources").out, sources);
}

TEST_F(RemoteShardsTest, AServerDownFailsNamingItOrAnswersFlaggedPartialWithAllowPartial) {
  const nlohmann::json full = search_json(remote_stub(), "--limit 100 수출");
  servers_[1].process->stop(SIGKILL);
  const CommandResult failed = search(remote_stub(), "수출");
  EXPECT_EQ(failed.exit_code, 2) << failed.out;
  EXPECT_NE(failed.err.find(remote_name(1)), std::string::npos) << failed.err;
  EXPECT_EQ(failed.err.find(remote_name(0)), std::string::npos) << failed.err;

  const nlohmann::json partial = search_json(remote_stub(), "--allow-partial --limit 100 수출");
  EXPECT_EQ(partial.value("partial", false), true);
  EXPECT_EQ(partial["missing_shards"], nlohmann::json::array({remote_name(1)}));
  EXPECT_LT(partial["total_articles"].get<int>(), full["total_articles"].get<int>());
  ASSERT_FALSE(partial["results"].empty());
  const Xapian::Database lost(shard(1));
  for (const auto& hit : partial["results"]) {
    EXPECT_FALSE(lost.term_exists(schema::id_term(hit["id"].get<std::string>()))) << hit["id"];
  }
  // A complete answer says nothing of shards.
  EXPECT_FALSE(full.contains("partial"));
}

TEST_F(RemoteShardsTest, TheApiSaysWhichShardIsDownOrAnswersFlaggedPartial) {
  const int port = free_port();
  Child serve({std::string(SINMUN_BINARY_DIR) + "/server/sinmun-serve", "--db", remote_stub(), "--listen",
               "127.0.0.1:" + std::to_string(port), "--web", std::string(SINMUN_SOURCE_DIR) + "/web"});
  for (int i = 0; i < 200 && !accepts(port); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const std::string api =
      "curl -s -w '\\n%{http_code}' 'http://127.0.0.1:" + std::to_string(port) + "/api/search?q=%EC%88%98%EC%B6%9C";
  const auto get = [&](const std::string& extra) {
    const std::string out = testing::run_command(api + extra + "'", dir_.path()).out;
    const std::size_t newline = out.rfind('\n');
    return std::make_pair(out.substr(newline + 1), out.substr(0, newline));
  };
  EXPECT_EQ(get("").first, "200");
  servers_[0].process->stop(SIGKILL);
  const auto [status, body] = get("");
  EXPECT_EQ(status, "503") << body;
  EXPECT_NE(body.find(remote_name(0)), std::string::npos) << body;
  const auto [partial_status, partial_body] = get("&allow_partial=1");
  ASSERT_EQ(partial_status, "200") << partial_body;
  const nlohmann::json partial = nlohmann::json::parse(partial_body);
  EXPECT_EQ(partial.value("partial", false), true);
  EXPECT_EQ(partial["missing_shards"], nlohmann::json::array({remote_name(0)}));
  EXPECT_FALSE(partial["results"].empty());
}

TEST_F(RemoteShardsTest, AServerThatStopsAnsweringTimesOutWithItsName) {
  servers_[2].process->signal(SIGSTOP);  // accepts connections (the kernel does), never answers
  const auto started = std::chrono::steady_clock::now();
  const CommandResult failed = search(remote_stub(), "수출");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(failed.exit_code, 2) << failed.out;
  EXPECT_NE(failed.err.find(remote_name(2)), std::string::npos) << failed.err;
  EXPECT_LT(seconds, 120) << "the timeouts are 10 s and 3 s, never infinite";
}

TEST_F(RemoteShardsTest, ServeShardsServesEveryShardAndStopsThemOnExit) {
  const std::string stub = path("served.stub");
  Child script({"bash", kServeShards, path("sharded"), std::to_string(free_port()), stub}, SIGTERM);
  for (int i = 0; i < 400 && !std::filesystem::exists(stub) && script.running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(std::filesystem::exists(stub)) << "serve-shards.sh wrote no stub";
  std::ifstream in(stub);
  std::vector<int> ports;
  for (std::string line; std::getline(in, line);) {
    ASSERT_EQ(line.rfind("remote :127.0.0.1:", 0), 0u) << line;
    ports.push_back(std::stoi(line.substr(line.rfind(':') + 1)));
  }
  ASSERT_EQ(ports.size(), 3u);
  const nlohmann::json one = search_json(path("single"), "반도체");
  EXPECT_EQ(comparable(search_json(stub, "반도체"), one), comparable(one, one));
  script.stop(SIGTERM);
  for (const int port : ports) EXPECT_FALSE(accepts(port)) << "a xapian-tcpsrv outlived the script: " << port;
}

TEST_F(RemoteShardsTest, AReadReplicaCatchesUpWithNewCommits) {
  if (!on_path("xapian-replicate-server")) GTEST_SKIP() << "xapian-replicate not installed";
  // The master keeps changesets (XAPIAN_MAX_CHANGESETS) and is not compacted, which would
  // replace it whole and force full copies.
  const std::string crawl = path("crawl");
  std::filesystem::create_directories(crawl);
  std::filesystem::copy(kSample + "/txt", crawl + "/txt", std::filesystem::copy_options::recursive);
  std::filesystem::create_directories(path("master"));
  const std::string master = path("master") + "/news.db";
  const auto index_master = [&] {
    return testing::run_command("XAPIAN_MAX_CHANGESETS=10 " + kIndex + " -q --compact never --db " +
                                    shell_quote(master) + " " + shell_quote(crawl),
                                dir_.path());
  };
  ASSERT_EQ(index_master().exit_code, 0);
  const int port = free_port();
  Child server({"xapian-replicate-server", "-I", "127.0.0.1", "-p", std::to_string(port), path("master")});
  for (int i = 0; i < 200 && !accepts(port); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const std::string replica = path("replica");
  const std::string replicate =
      "xapian-replicate -h 127.0.0.1 -p " + std::to_string(port) + " -m news.db -o -t 10 -v " + shell_quote(replica);
  CommandResult r = testing::run_command(replicate, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const Xapian::doccount before = Xapian::Database(master).get_doccount();
  EXPECT_EQ(Xapian::Database(replica).get_doccount(), before);

  std::filesystem::copy(kSample + "/json", crawl + "/json", std::filesystem::copy_options::recursive);
  ASSERT_EQ(index_master().exit_code, 0);
  const Xapian::doccount after = Xapian::Database(master).get_doccount();
  ASSERT_GT(after, before);
  r = testing::run_command(replicate, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE((r.out + r.err).find("changeset"), std::string::npos) << "caught up by changesets: " << r.out << r.err;
  EXPECT_EQ(Xapian::Database(replica).get_doccount(), after);
  const nlohmann::json on_master = search_json(master, "수출");
  EXPECT_EQ(comparable(search_json(replica, "수출"), on_master), comparable(on_master, on_master));
}

}  // namespace
}  // namespace sinmun
