// sinmun-serve against clients that do not play by the rules: ones that trickle a request a
// byte at a time (slowloris), open more connections than allowed, send two lengths for one
// body or bodies a GET-only API never needs. Run in-process over corpus/sample, talked to
// through raw sockets (httplib's client is too polite for this).
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "searcher/search_config.h"
#include "server/server.h"
#include "tests/support/programs.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace sinmun::http {
namespace {

using Clock = std::chrono::steady_clock;
using sinmun::testing::CommandResult;
using sinmun::testing::kIndex;
using sinmun::testing::kSample;
using sinmun::testing::kServe;
using sinmun::testing::kWeb;
using sinmun::testing::shell_quote;
using sinmun::testing::TempDir;

// A connected TCP socket, closed on destruction.
class RawClient {
 public:
  explicit RawClient(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawClient() { close(fd_); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return connected_; }
  bool send_text(const std::string& text) { return send(fd_, text.data(), text.size(), MSG_NOSIGNAL) > 0; }

  // Everything the server sends until it closes the connection, or until `timeout`
  // (`closed` says which).
  std::string read_until_closed(std::chrono::milliseconds timeout, bool* closed = nullptr) {
    std::string out;
    const Clock::time_point until = Clock::now() + timeout;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
      pollfd fd{fd_, POLLIN, 0};
      if (left <= 0 || poll(&fd, 1, static_cast<int>(left)) <= 0) break;
      char buffer[4096];
      const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) {
        if (closed != nullptr) *closed = true;
        return out;
      }
      out.append(buffer, static_cast<std::size_t>(n));
    }
    if (closed != nullptr) *closed = false;
    return out;
  }

 private:
  int fd_;
  bool connected_ = false;
};

// A slowloris: a request that never ends, one header byte every `pause`, until destroyed
// or the server closes the connection.
class Trickler {
 public:
  Trickler(int port, std::chrono::milliseconds pause) : client_(port) {
    client_.send_text("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    thread_ = std::thread([this, pause] {
      while (!done_ && client_.send_text("a")) std::this_thread::sleep_for(pause);
      cut_ = !done_;
    });
  }
  ~Trickler() {
    done_ = true;
    thread_.join();
  }
  Trickler(const Trickler&) = delete;
  Trickler& operator=(const Trickler&) = delete;

  RawClient& client() { return client_; }
  bool cut() const { return cut_; }  // the server ended the connection (sending failed)

 private:
  RawClient client_;
  std::atomic<bool> done_{false};
  std::atomic<bool> cut_{false};
  std::thread thread_;
};

class HostileClientTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const CommandResult r = sinmun::testing::run_command(
        kIndex + " --quiet --db " + shell_quote(db()) + " " + shell_quote(kSample), dir_->path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }

  void TearDown() override { stop(); }

  static std::string db() { return (dir_->path() / "sample.db").string(); }

  // The server with these limits (and the defaults for the rest).
  void start(std::size_t max_connections = ServerOptions::kDefaultMaxConnections,
             std::chrono::milliseconds request_deadline = std::chrono::seconds(10), unsigned threads = 0) {
    SearchConfigOptions config;
    config.db_path = db();
    ServerOptions options;
    options.web_dir = kWeb;
    options.threads = threads;
    options.max_connections = max_connections;
    options.request_deadline = request_deadline;
    server_ = std::make_unique<Server>(options, SearchConfig::load(config, [](const std::string&) {}));
    port_ = server_->bind("127.0.0.1", 0);
    thread_ = std::thread([this] { server_->run(); });
  }

  // How long stop() and run()'s return took.
  std::chrono::milliseconds stop() {
    const Clock::time_point start = Clock::now();
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  }

  httplib::Result healthz() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(10);
    client.set_read_timeout(10);
    return client.Get("/healthz");
  }

  static TempDir* dir_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

TempDir* HostileClientTest::dir_ = nullptr;

// The reproduction of the issue: as many slow clients as the server used to have threads.
TEST_F(HostileClientTest, SlowClientsDoNotHoldOthersUp) {
  start(32, std::chrono::seconds(60), 2);
  std::vector<std::unique_ptr<Trickler>> slow;
  for (int i = 0; i < 8; ++i) slow.push_back(std::make_unique<Trickler>(port_, std::chrono::milliseconds(200)));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  for (int i = 0; i < 10; ++i) {
    const httplib::Result res = healthz();
    ASSERT_TRUE(res) << i;
    EXPECT_EQ(res->status, 200);
  }
  for (const auto& trickler : slow) EXPECT_FALSE(trickler->cut());  // they were still there
}

TEST_F(HostileClientTest, ARequestTrickledInIsCutAtTheDeadline) {
  start(ServerOptions::kDefaultMaxConnections, std::chrono::milliseconds(1000));
  Trickler slow(port_, std::chrono::milliseconds(100));
  const Clock::time_point start = Clock::now();
  bool closed = false;
  const std::string response = slow.client().read_until_closed(std::chrono::seconds(20), &closed);
  EXPECT_TRUE(closed);
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(10));  // 1 s, and a read timeout is 5
  EXPECT_EQ(response.rfind("HTTP/1.1 400", 0), 0u) << response;
}

TEST_F(HostileClientTest, ConnectionsOverTheLimitAreRefusedAtOnce) {
  start(4);
  std::vector<std::unique_ptr<RawClient>> idle;
  for (int i = 0; i < 4; ++i) {
    idle.push_back(std::make_unique<RawClient>(port_));
    ASSERT_TRUE(idle.back()->connected());
  }
  RawClient extra(port_);
  ASSERT_TRUE(extra.connected());
  bool closed = false;
  const std::string refusal = extra.read_until_closed(std::chrono::seconds(3), &closed);
  EXPECT_TRUE(closed);
  EXPECT_EQ(refusal.rfind("HTTP/1.1 503", 0), 0u) << refusal;
  EXPECT_NE(refusal.find("too many connections"), std::string::npos) << refusal;
  // Once they are gone, their places are free again.
  idle.clear();
  bool served = false;
  for (int i = 0; i < 50 && !served; ++i) {
    const httplib::Result res = healthz();
    served = res && res->status == 200;
    if (!served) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(served);
}

TEST_F(HostileClientTest, StopEndsSlowAndIdleConnectionsAtOnce) {
  start(ServerOptions::kDefaultMaxConnections, std::chrono::seconds(60));
  std::vector<std::unique_ptr<Trickler>> slow;
  for (int i = 0; i < 8; ++i) slow.push_back(std::make_unique<Trickler>(port_, std::chrono::milliseconds(200)));
  RawClient idle(port_);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_LT(stop(), std::chrono::seconds(5));
  bool closed = false;
  idle.read_until_closed(std::chrono::seconds(5), &closed);
  EXPECT_TRUE(closed);
}

TEST_F(HostileClientTest, TwoDifferentContentLengthsAreRefused) {
  start();
  RawClient client(port_);
  client.send_text("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 40\r\n\r\nabc");
  bool closed = false;
  const std::string response = client.read_until_closed(std::chrono::seconds(10), &closed);
  EXPECT_EQ(response.rfind("HTTP/1.1 400", 0), 0u) << response;
  EXPECT_NE(response.find("conflicting or malformed Content-Length"), std::string::npos) << response;
  EXPECT_TRUE(closed);  // where the body ends is unknown: nothing more is read from it

  RawClient smuggler(port_);
  smuggler.send_text(
      "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
  EXPECT_EQ(smuggler.read_until_closed(std::chrono::seconds(10)).rfind("HTTP/1.1 400", 0), 0u);

  RawClient same(port_);  // the same length twice is one length
  same.send_text("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc");
  EXPECT_EQ(same.read_until_closed(std::chrono::milliseconds(1000)).rfind("HTTP/1.1 200", 0), 0u);
}

TEST_F(HostileClientTest, BodiesAreRefusedAsTooLarge) {
  start();
  RawClient client(port_);
  client.send_text("POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n" +
                   std::string(2000, 'x'));
  bool closed = false;
  const std::string response = client.read_until_closed(std::chrono::seconds(4), &closed);
  EXPECT_EQ(response.rfind("HTTP/1.1 413", 0), 0u) << response;
  EXPECT_TRUE(closed);  // the rest is not read as a request of its own
  EXPECT_EQ(response.find("HTTP/1.1", 1), std::string::npos) << response;
}

// The program as a user stops it: SIGTERM while slow clients are connected. (It used not to
// stop at all while one was.)
TEST_F(HostileClientTest, SinmunServeStopsOnSigtermWithSlowClientsConnected) {
  const std::string out = (dir_->path() / "serve.out").string();
  std::vector<std::string> args = {kServe, "--db", db(), "--web", kWeb, "--listen", "127.0.0.1:0"};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  ASSERT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  int port = 0;
  for (int i = 0; i < 300 && port == 0; ++i) {
    std::ifstream in(out);
    std::string line;
    if (std::getline(in, line) && line.rfind("listening on http://127.0.0.1:", 0) == 0) {
      port = std::stoi(line.substr(std::string("listening on http://127.0.0.1:").size()));
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  ASSERT_GT(port, 0);
  std::vector<std::unique_ptr<Trickler>> slow;
  for (int i = 0; i < 8; ++i) slow.push_back(std::make_unique<Trickler>(port, std::chrono::milliseconds(200)));
  RawClient idle(port);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  kill(pid, SIGTERM);
  int status = 0;
  bool exited = false;
  for (int i = 0; i < 50 && !exited; ++i) {  // 5 s
    exited = waitpid(pid, &status, WNOHANG) == pid;
    if (!exited) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (!exited) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }
  EXPECT_TRUE(exited) << "still running 5 s after SIGTERM";
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

}  // namespace
}  // namespace sinmun::http
