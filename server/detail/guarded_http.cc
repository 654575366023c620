#include "server/detail/guarded_http.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <string>
#include <utility>

#include "base/errors.h"

namespace sinmun::http {
namespace {

using Clock = std::chrono::steady_clock;

// Set while the accept thread hands a connection over the limit to process_and_close_socket,
// which then refuses it instead of serving it.
thread_local bool t_refusing = false;

const std::string& too_many_connections() {
  static const std::string body = R"({"error":"too many connections, try again soon"})";
  static const std::string response =
      "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" + body;
  return response;
}

std::chrono::milliseconds duration_of(time_t sec, time_t usec) {
  return std::chrono::milliseconds(sec * 1000 + usec / 1000);
}

void address_of(int sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  auto* raw = reinterpret_cast<sockaddr*>(&address);
  if ((peer ? getpeername(sock, raw, &length) : getsockname(sock, raw, &length)) != 0) return;
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  if (getnameinfo(raw, length, host, sizeof host, service, sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
    return;
  }
  ip = host;
  port = std::atoi(service);
}

// One connection's socket as httplib reads and writes it. Each read waits at most the read
// timeout, never past the request's deadline, and not at all once the server stops.
class ConnectionStream : public httplib::Stream {
 public:
  ConnectionStream(int sock, int wake, std::chrono::milliseconds read_timeout, std::chrono::milliseconds write_timeout)
      : sock_(sock), wake_(wake), read_timeout_(read_timeout), write_timeout_(write_timeout) {}

  // Waits up to `idle` for the next request to begin; its deadline runs from then.
  bool next_request(std::chrono::milliseconds idle, std::chrono::milliseconds deadline) {
    if (close_after_response_ || !wait(POLLIN, Clock::now() + idle, true)) return false;
    request_deadline_ = Clock::now() + deadline;
    return true;
  }

  void close_after_response() { close_after_response_ = true; }

  bool is_readable() const override {
    return wait(POLLIN, std::min(Clock::now() + read_timeout_, request_deadline_), true);
  }
  bool is_writable() const override { return wait(POLLOUT, Clock::now() + write_timeout_, false); }

  ssize_t read(char* ptr, size_t size) override {
    if (!is_readable()) return -1;
    ssize_t n;
    do {
      n = recv(sock_, ptr, size, 0);
    } while (n < 0 && errno == EINTR);
    return n;
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do {
      n = send(sock_, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { address_of(sock_, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address_of(sock_, false, ip, port); }
  socket_t socket() const override { return sock_; }

 private:
  // True once the socket is ready for `events` (or has failed, which the next call sees);
  // false when `until` has passed or, with `wakeable`, the server stops.
  bool wait(short events, Clock::time_point until, bool wakeable) const {
    for (;;) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(until - Clock::now()).count();
      if (left <= 0) return false;
      pollfd fds[2] = {{sock_, events, 0}, {wake_, POLLIN, 0}};
      const int ready = poll(fds, wakeable ? 2 : 1, static_cast<int>(std::min<long long>(left, 1 << 30)));
      if (ready < 0 && errno == EINTR) continue;
      if (ready < 0) return false;
      if (wakeable && fds[1].revents != 0) return false;
      if (fds[0].revents != 0) return true;
    }
  }

  const int sock_;
  const int wake_;
  const std::chrono::milliseconds read_timeout_;
  const std::chrono::milliseconds write_timeout_;
  Clock::time_point request_deadline_ = Clock::time_point::max();
  bool close_after_response_ = false;
};

// The stream of the connection this thread serves, for close_after_response().
thread_local ConnectionStream* t_stream = nullptr;

// httplib's thread pool, with one thread per connection allowed: a connection over the limit
// is not queued behind the others but refused by the accept thread at once.
class ConnectionQueue : public httplib::TaskQueue {
 public:
  explicit ConnectionQueue(std::size_t max_connections) : max_(max_connections), pool_(max_connections) {}

  void enqueue(std::function<void()> fn) override {
    if (open_.fetch_add(1) >= max_) {
      --open_;
      t_refusing = true;
      fn();
      t_refusing = false;
      return;
    }
    pool_.enqueue([this, fn = std::move(fn)] {
      fn();
      --open_;
    });
  }

  void shutdown() override { pool_.shutdown(); }

 private:
  const std::size_t max_;
  std::atomic<std::size_t> open_{0};
  httplib::ThreadPool pool_;
};

}  // namespace

GuardedHttpServer::GuardedHttpServer(ConnectionLimits limits) : limits_(limits) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw EnvironmentError("cannot create a pipe for the server");
  wake_read_ = fds[0];
  wake_write_ = fds[1];
  const std::size_t max_connections = std::max<std::size_t>(1, limits_.max_connections);
  new_task_queue = [max_connections] { return new ConnectionQueue(max_connections); };
}

GuardedHttpServer::~GuardedHttpServer() {
  close(wake_read_);
  close(wake_write_);
}

void GuardedHttpServer::stop_connections() {
  if (stopping_.exchange(true)) return;
  const char byte = 0;
  // The pipe is never read: one byte keeps it readable for every poll from now on.
  while (::write(wake_write_, &byte, 1) < 0 && errno == EINTR) {
  }
}

void GuardedHttpServer::widen_backlog() {
  const int backlog = static_cast<int>(std::min<std::size_t>(limits_.max_connections, SOMAXCONN));
  if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, backlog);  // on a listening socket: a new backlog
}

void GuardedHttpServer::close_after_response() {
  if (t_stream != nullptr) t_stream->close_after_response();
}

bool GuardedHttpServer::process_and_close_socket(socket_t sock) {
  bool ok = true;
  if (t_refusing || stopping_) {
    // A fresh socket's send buffer is empty: this never blocks the accept thread.
    const std::string& refusal = too_many_connections();
    ok = send(sock, refusal.data(), refusal.size(), MSG_NOSIGNAL | MSG_DONTWAIT) > 0;
  } else {
    ConnectionStream stream(sock, wake_read_, duration_of(read_timeout_sec_, read_timeout_usec_),
                            duration_of(write_timeout_sec_, write_timeout_usec_));
    t_stream = &stream;
    // As httplib's own loop: keep-alive up to keep_alive_max_count_ requests, the last one
    // answered with "Connection: close".
    for (std::size_t left = keep_alive_max_count_; left > 0 && !stopping_; --left) {
      if (!stream.next_request(std::chrono::seconds(keep_alive_timeout_sec_), limits_.request_deadline)) break;
      bool connection_closed = false;
      ok = process_request(stream, left == 1, connection_closed, nullptr);
      if (!ok || connection_closed) break;
    }
    t_stream = nullptr;
  }
  shutdown(sock, SHUT_RDWR);
  close(sock);
  return ok;
}

}  // namespace sinmun::http
