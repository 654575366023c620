#ifndef SINMUN_SERVER_DETAIL_GUARDED_HTTP_H_
#define SINMUN_SERVER_DETAIL_GUARDED_HTTP_H_

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>

// httplib's server with the limits a hostile client must not get past: httplib itself
// reads a request with a timeout per recv() only (a byte a second holds a worker for ever),
// queues connections without bound, and cannot stop while a connection is open.
namespace sinmun::http {

struct ConnectionLimits {
  // Connections open at once (each one has a thread of its own while open); one more is
  // answered 503 at once and closed.
  std::size_t max_connections = 128;
  // From the first byte of a request until all of its headers and body are in; past it the
  // connection is answered 400 and closed, however steadily the bytes trickle in.
  std::chrono::milliseconds request_deadline{10000};
};

// Reads and writes each connection through a stream of its own (the request deadline, and a
// wake-up on stop) and leaves the parsing of HTTP to httplib. Configure it as an
// httplib::Server (handlers, timeouts, keep-alive), but do not set new_task_queue.
//
// Thread-safety: as httplib::Server; stop_connections() may be called from any thread.
class GuardedHttpServer : public httplib::Server {
 public:
  // Throws EnvironmentError if the wake-up pipe cannot be made.
  explicit GuardedHttpServer(ConnectionLimits limits);
  ~GuardedHttpServer() override;
  GuardedHttpServer(const GuardedHttpServer&) = delete;
  GuardedHttpServer& operator=(const GuardedHttpServer&) = delete;

  // Ends every connection that is waiting for a request or reading one (requests being
  // answered finish and their response is written), and every later one at once; then
  // httplib's stop() returns within a read timeout. Irreversible.
  void stop_connections();

  // After binding: lets the system queue up to max_connections connections not yet accepted
  // (httplib listens with a backlog of 5; a burst of reconnecting clients past it waits for
  // a SYN retransmission, a second or more).
  void widen_backlog();

  // From a handler (or the pre-routing handler): close the connection once this response
  // is written, whatever keep-alive says.
  static void close_after_response();

 private:
  bool process_and_close_socket(socket_t sock) override;

  const ConnectionLimits limits_;
  std::atomic<bool> stopping_{false};
  int wake_read_ = -1;  // readable once stop_connections() has been called
  int wake_write_ = -1;
};

}  // namespace sinmun::http

#endif  // SINMUN_SERVER_DETAIL_GUARDED_HTTP_H_
