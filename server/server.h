#ifndef SINMUN_SERVER_SERVER_H_
#define SINMUN_SERVER_SERVER_H_

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "searcher/search_config.h"

// sinmun-serve's HTTP server, as a library so that tests can run it in-process.
namespace sinmun::http {

struct ServerOptions {
  std::filesystem::path web_dir;  // the page's files (index.html, app.js, style.css)
  unsigned threads = 0;           // searches served at once; 0: max(8, hardware threads)
  // Connections open at once (idle keep-alive ones included); one more is answered 503.
  std::size_t max_connections = kDefaultMaxConnections;
  // From a request's first byte until its headers (and body) are all in; then 400 and closed.
  std::chrono::milliseconds request_deadline{10000};
  // The chart library the page draws trends with (Debian's libjs-chart.js), served as
  // /vendor/chart.js; absent, that path is a 404 and the page shows no chart.
  std::filesystem::path chart_js = "/usr/share/javascript/chart.js/chart.min.js";

  static constexpr std::size_t kDefaultMaxConnections = 128;
};

// Serves, on one address:
//   GET /api/search?q=&limit=&offset=&sort=&from=&to=&source=  → the `sinmun-search --json`
//       object (searcher/output.h, facets always on);
//   GET /api/doc?id=&q=  → the article's stored data (indexer: id, title, date, source, url,
//       author, category, file, body) and title_html, body_html with q's words marked
//       (searcher/article_view.h), 404 if there is no such id;
//   GET /api/trend?q=&vs=&interval=  → compute_trend()'s JSON (searcher/trend.h; params:
//       insight_params.h);
//   GET /api/export?q=&format=&fields=  → every match as CSV, TSV or JSON Lines
//       (searcher/export.h), streamed in chunks, with a Content-Disposition file name;
//   GET /vendor/chart.js → options.chart_js;
//   GET /healthz      → {"status":"ok","documents":N};
//   GET /api/lexicon  → {"review": TSV, "decisions": TSV} of the lexicon directory, and
//   POST /api/lexicon/decision (decision, kind, key, value; header X-Sinmun-Lexicon: 1, which
//       no cross-site form can send) → appends one decision (detail/lexicon_decisions.h);
//       both 404 unless serve_lexicon() named a directory;
//   GET /, /FILE      → static files from web_dir (see static_files.h);
// and HEAD for each (other methods 405). Bad parameters get 400, unknown paths 404, database trouble 500, each
// with a body {"error": "..."} whose message never includes database or server internals.
// Every response carries a Content-Security-Policy that allows only same-origin scripts and
// styles, X-Content-Type-Options: nosniff and Referrer-Policy: no-referrer.
//
// Searches run with the one SearchConfig the server was given (the same analyzer, synonyms
// and ranking as sinmun-search with the same options). Each request first picks up what
// sinmun-index committed since the last one (reopen), and retries once if the database
// changed under it; no restart is needed after indexing. One Searcher per concurrent request
// (Searcher is not thread-safe), kept for reuse.
//
// Hostile clients: each connection has a thread of its own, up to max_connections (then 503
// and closed); a request must arrive whole within request_deadline of its first byte and a
// keep-alive connection may idle 5 s, so a client trickling bytes holds one connection for a
// bounded time and no one else's. At most `threads` searches and article look-ups run at
// once; one that waits 5 s for its turn gets 503 (/healthz and files do not wait). Requests
// with a body over 1 KiB get 413, with two different Content-Length headers (or one with
// Transfer-Encoding) 400.
//
// Thread-safety: stop() and reload() may be called from any thread; the rest from one thread.
class Server {
 public:
  // Opens the database once so that a wrong --db fails here and not on the first request.
  // Throws EnvironmentError (no database, no web dir) or Xapian::Error (not a database).
  Server(ServerOptions options, std::shared_ptr<const SearchConfig> config);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Serves /api/lexicon over `dir`, a database's lexicon directory (DB.lexicon/, see
  // lexicon/review.h; created on the first decision). Call before run().
  void serve_lexicon(std::filesystem::path dir);

  // Binds and listens on host:port (port 0: any free port) and returns the port. Clients
  // may connect from now on; they are answered once run() is called. Throws
  // EnvironmentError if the address cannot be bound.
  int bind(const std::string& host, int port);

  // Answers requests until stop(). Returns false if serving failed.
  bool run();

  // Makes run() return after the requests in progress (connections waiting for or still
  // sending a request are closed at once); safe before run() as well.
  void stop();

  // Searches from now on use `config` (a changed user dictionary or synonyms); a request in
  // progress finishes with the one it started with. Thread-safe.
  void reload(std::shared_ptr<const SearchConfig> config);

 private:
  struct Internal;
  std::unique_ptr<Internal> internal_;
};

}  // namespace sinmun::http

#endif  // SINMUN_SERVER_SERVER_H_
