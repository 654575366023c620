#include "server/server.h"

#include <httplib.h>
#include <sys/socket.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <semaphore>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "base/errors.h"
#include "searcher/article_view.h"
#include "searcher/export.h"
#include "searcher/output.h"
#include "searcher/search_config.h"
#include "searcher/searcher.h"
#include "searcher/trend.h"
#include "server/detail/guarded_http.h"
#include "server/detail/lexicon_decisions.h"
#include "server/detail/static_files.h"
#include "server/insight_params.h"
#include "server/request.h"

namespace sinmun::http {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr std::size_t kMaxBody = 1024;  // every request is a GET: a body is never needed

// The page needs nothing from elsewhere; inline scripts and styles stay off, so that text
// from crawled pages can never run even if it slipped through unescaped.
const httplib::Headers kSecurityHeaders = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
};

std::string json_text(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(json_text({{"error", message}}), kJson);
}

// A Content-Length header's value; nullopt if it is not a number.
std::optional<std::uint64_t> body_length(const std::string& value) {
  std::uint64_t length = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), length);
  if (value.empty() || error != std::errc() || end != value.data() + value.size()) return std::nullopt;
  return length;
}

void log_error(const std::string& what) { std::cerr << ("sinmun-serve: " + what + "\n") << std::flush; }

// A searcher with the configuration it borrows from (declared first: destroyed last).
struct PooledSearcher {
  std::shared_ptr<const SearchConfig> config;
  std::unique_ptr<Searcher> searcher;
};

// Searchers kept between requests: opening a database costs file opens and reads, reopen()
// on one already open costs almost nothing. reload() swaps the configuration: a request holds
// the configuration its searcher was made with, old or new, to its end; searchers of an old
// one are not reused.
class SearcherPool {
 public:
  explicit SearcherPool(std::shared_ptr<const SearchConfig> config) : config_(std::move(config)) {
    idle_.push_back({config_, config_->open_searcher()});  // a wrong --db fails here, not on the first request
  }

  PooledSearcher take() {
    std::shared_ptr<const SearchConfig> current;
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        PooledSearcher pooled = std::move(idle_.back());
        idle_.pop_back();
        return pooled;
      }
      current = config_;
    }
    std::unique_ptr<Searcher> searcher = current->open_searcher();
    return {std::move(current), std::move(searcher)};
  }

  void put(PooledSearcher pooled) {
    std::lock_guard lock(mutex_);
    if (pooled.config == config_) idle_.push_back(std::move(pooled));
  }

  void reload(std::shared_ptr<const SearchConfig> config) {
    std::vector<PooledSearcher> old;  // closed after the lock is released
    std::lock_guard lock(mutex_);
    config_ = std::move(config);
    old.swap(idle_);
  }

 private:
  std::mutex mutex_;
  std::shared_ptr<const SearchConfig> config_;
  std::vector<PooledSearcher> idle_;  // all made with config_
};

// Returns its searcher to the pool unless discarded.
class Lease {
 public:
  explicit Lease(SearcherPool& pool) : pool_(pool), pooled_(pool.take()) {}
  ~Lease() {
    if (pooled_.searcher) pool_.put(std::move(pooled_));
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  Searcher& operator*() const { return *pooled_.searcher; }
  void discard() { pooled_.searcher.reset(); }

 private:
  SearcherPool& pool_;
  PooledSearcher pooled_;
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw EnvironmentError("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string status_message(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 408:
      return "request not received in time";
    case 413:
      return "request too large";
    case 414:
      return "URI too long";
    default:
      return status >= 500 ? "server error" : "request refused";
  }
}

}  // namespace

struct Server::Internal {
  Internal(ServerOptions server_options, std::shared_ptr<const SearchConfig> config)
      : options(std::move(server_options)), pool(std::move(config)) {
    const unsigned threads = options.threads != 0 ? options.threads : std::max(8u, std::thread::hardware_concurrency());
    search_slots.release(std::min<std::ptrdiff_t>(threads, decltype(search_slots)::max()));
    std::error_code error;
    web_root = std::filesystem::canonical(options.web_dir, error);
    if (error || !std::filesystem::is_directory(web_root)) {
      throw EnvironmentError("web directory " + options.web_dir.string() +
                             " not found (give the page's directory with --web DIR)");
    }
  }

  // Runs `use` on a searcher that has seen the latest commit. A commit between reopen() and
  // the end of `use` invalidates what Xapian had read: try again, twice at most, on a
  // searcher opened afresh. A reader that commits overtook can also meet blocks the writer
  // has since reused, which glass reports as corruption ("Expected block 53 to be level 1,
  // not 0": about once in 50,000 searches of scripts/soak.sh); real damage fails all three.
  // sinmun-index's compaction swaps the database directory (compaction.h): a searcher opened
  // in between finds no database, and one a moment later does.
  // Any other database error also drops the searcher: the next request opens it afresh.
  template <typename Use>
  auto with_searcher(Use&& use) -> decltype(use(std::declval<Searcher&>())) {
    for (int attempt = 1;; ++attempt) {
      try {
        Lease lease(pool);
        try {
          (*lease).reopen();
          return use(*lease);
        } catch (const Xapian::Error&) {
          lease.discard();
          throw;
        }
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == 3) throw;
      } catch (const Xapian::DatabaseCorruptError&) {
        if (attempt == 3) throw;
      } catch (const Xapian::DatabaseOpeningError&) {
        if (attempt == 3) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
      }
    }
  }

  void search(const httplib::Request& req, httplib::Response& res) {
    const SearchRequest request = parse_search_params(req.params);
    const SearchResponse response = with_searcher([&](Searcher& searcher) { return searcher.search(request); });
    res.set_content(to_json(response), kJson);
  }

  void related(const httplib::Request& req, httplib::Response& res) {
    const SearchRequest request = parse_search_params(req.params);
    const RelatedResponse response = with_searcher([&](Searcher& searcher) { return searcher.related(request); });
    res.set_content(to_json(response), kJson);
  }

  void document(const httplib::Request& req, httplib::Response& res) {
    const std::string id = parse_doc_params(req.params);
    const std::string query = parse_doc_query(req.params);
    std::optional<ArticleView> view;
    try {
      view = with_searcher([&](Searcher& searcher) { return view_article(searcher, id, query); });
    } catch (const NotFound&) {
      send_error(res, 404, "no article with this id");
      return;
    }
    res.set_content(article_view_to_json(*view), kJson);
  }

  void trend(const httplib::Request& req, httplib::Response& res) {
    const TrendParams params = parse_trend_params(req.params);
    const Trend trend = with_searcher(
        [&](Searcher& searcher) { return compute_trend(searcher, params.base, params.queries, params.interval); });
    res.set_content(trend_to_json(trend), kJson);
  }

  // Streams the export a page at a time after this handler returns: the searcher stays
  // leased (and the database as it was) until the last page is sent. A request Searcher
  // refuses fails here, as a 400, before anything is sent; trouble later cuts the stream.
  void export_results(const httplib::Request& req, httplib::Response& res) {
    const ExportParams params = parse_export_params(req.params);
    auto lease = std::make_shared<Lease>(pool);
    std::shared_ptr<Exporter> exporter;
    try {
      (**lease).reopen();
      exporter = std::make_shared<Exporter>(**lease, params.request, params.format, params.fields, true);
    } catch (const Xapian::Error&) {
      lease->discard();  // as with_searcher(): the next request opens the database afresh
      throw;
    }
    res.set_header("Content-Disposition", export_disposition(params.request.query, params.format));
    const auto provider = [lease, exporter, path = req.path](std::size_t, httplib::DataSink& sink) {
      try {
        const std::string piece = exporter->next();
        if (piece.empty()) {
          sink.done();
          return true;
        }
        return sink.write(piece.data(), piece.size());
      } catch (const Xapian::Error& e) {  // the headers are sent: all that is left is to stop
        log_error(path + ": export cut short: " + e.get_description());
        lease->discard();
      } catch (const std::exception& e) {
        log_error(path + ": export cut short: " + e.what());
      }
      return false;
    };
    res.set_chunked_content_provider(std::string(export_content_type(params.format)), provider);
  }

  // Debian's libjs-chart.js for the page's chart; without it the page hides the chart.
  void chart_js(const httplib::Request&, httplib::Response& res) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(options.chart_js, error)) {
      send_error(res, 404, "chart.js is not installed (apt-get install libjs-chart.js)");
      return;
    }
    res.set_content(read_file(options.chart_js), "text/javascript; charset=utf-8");
  }

  void health(const httplib::Request&, httplib::Response& res) {
    const Xapian::doccount documents = with_searcher([](Searcher& searcher) { return searcher.document_count(); });
    res.set_content(json_text({{"status", "ok"}, {"documents", documents}}), kJson);
  }

  void lexicon_state(const httplib::Request&, httplib::Response& res) {
    if (lexicon_dir.empty()) return send_error(res, 404, "no lexicon for this database");
    std::lock_guard lock(lexicon_mutex);
    res.set_content(lexicon_state_json(lexicon_dir), kJson);
  }

  void lexicon_decision(const httplib::Request& req, httplib::Response& res) {
    if (lexicon_dir.empty()) return send_error(res, 404, "no lexicon for this database");
    if (req.get_header_value("X-Sinmun-Lexicon") != "1") throw BadRequest("need the header X-Sinmun-Lexicon: 1");
    std::lock_guard lock(lexicon_mutex);
    append_lexicon_decision(lexicon_dir, req.params);
    res.set_content(json_text({{"status", "ok"}}), kJson);
  }

  void static_file(const httplib::Request& req, httplib::Response& res) {
    const std::optional<std::filesystem::path> file = resolve_static_path(web_root, req.path);
    if (!file) {
      send_error(res, 404, "not found");
      return;
    }
    res.set_content(read_file(*file), content_type_for(*file));
  }

  // Maps what a handler throws to a status; the client never sees Xapian's or the system's
  // words, the server log does.
  httplib::Server::Handler guarded(void (Internal::*handler)(const httplib::Request&, httplib::Response&)) {
    return [this, handler](const httplib::Request& req, httplib::Response& res) {
      try {
        (this->*handler)(req, res);
      } catch (const UsageError& e) {  // BadRequest, and Searcher's date checks
        send_error(res, 400, e.what());
      } catch (const NotFound& e) {  // similar= an id that is not there
        send_error(res, 404, e.what());
      } catch (const EnvironmentError& e) {  // a shard down (the page says which)
        log_error(req.path + ": " + e.what());
        send_error(res, 503, e.what());
      } catch (const Xapian::Error& e) {
        log_error(req.path + ": database error: " + e.get_description());
        send_error(res, 500, "database error (details are in the server log)");
      } catch (const std::exception& e) {
        log_error(req.path + ": " + e.what());
        send_error(res, 500, "internal error (details are in the server log)");
      }
    };
  }

  // A search or look-up waits this long for one of the `threads` slots, then gets 503.
  httplib::Server::Handler limited(void (Internal::*handler)(const httplib::Request&, httplib::Response&)) {
    return [this, inner = guarded(handler)](const httplib::Request& req, httplib::Response& res) {
      if (!search_slots.try_acquire_for(std::chrono::seconds(5))) {
        res.set_header("Retry-After", "1");
        send_error(res, 503, "too many searches at once, try again soon");
        return;
      }
      inner(req, res);
      search_slots.release();
    };
  }

  const ServerOptions options;
  std::filesystem::path web_root;
  SearcherPool pool;
  std::filesystem::path lexicon_dir;  // "": no lexicon routes
  std::mutex lexicon_mutex;
  std::counting_semaphore<1024> search_slots{0};
  GuardedHttpServer http{{options.max_connections, options.request_deadline}};

  std::mutex state_mutex;
  bool stop_requested = false;
  bool running = false;
};

Server::Server(ServerOptions options, std::shared_ptr<const SearchConfig> config)
    : internal_(std::make_unique<Internal>(std::move(options), std::move(config))) {
  Internal& in = *internal_;
  in.http.set_default_headers(kSecurityHeaders);
  in.http.set_tcp_nodelay(true);
  // httplib's default options add SO_REUSEPORT, which lets a second process bind the same
  // port and silently take a share of the requests; a busy port must fail instead.
  in.http.set_socket_options([](socket_t sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  in.http.set_payload_max_length(kMaxBody);
  // A client that stops sending or reading frees its connection within 5 s, and an idle
  // keep-alive connection is closed after 5 s (one that trickles: request_deadline).
  in.http.set_read_timeout(5, 0);
  in.http.set_write_timeout(5, 0);
  in.http.set_keep_alive_timeout(5);
  in.http.set_keep_alive_max_count(1000);  // httplib's 5 makes busy clients reconnect all the time
  // Two lengths for one body is how requests are smuggled past a proxy; a body longer than
  // any request needs is refused before httplib reads (and discards) it. Either way where
  // the next request would start is unknown: the connection is closed.
  in.http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    const std::size_t lengths = req.get_header_value_count("Content-Length");
    if (lengths == 0) return httplib::Server::HandlerResponse::Unhandled;
    bool conflicting = req.has_header("Transfer-Encoding");
    for (std::size_t i = 1; i < lengths; ++i) {
      conflicting |= req.get_header_value("Content-Length", i) != req.get_header_value("Content-Length", 0);
    }
    const std::optional<std::uint64_t> length = body_length(req.get_header_value("Content-Length"));
    if (conflicting || !length) {
      send_error(res, 400, "conflicting or malformed Content-Length or Transfer-Encoding headers");
    } else if (*length > kMaxBody) {
      send_error(res, 413, status_message(413));
    } else {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    GuardedHttpServer::close_after_response();
    return httplib::Server::HandlerResponse::Handled;
  });
  in.http.Get("/api/search", in.limited(&Internal::search));
  in.http.Get("/api/doc", in.limited(&Internal::document));
  in.http.Get("/api/related", in.limited(&Internal::related));
  in.http.Get("/api/trend", in.limited(&Internal::trend));
  in.http.Get("/api/export", in.limited(&Internal::export_results));
  in.http.Get("/vendor/chart.js", in.guarded(&Internal::chart_js));
  in.http.Get("/healthz", in.guarded(&Internal::health));
  in.http.Get("/api/lexicon", in.guarded(&Internal::lexicon_state));
  in.http.Post("/api/lexicon/decision", in.guarded(&Internal::lexicon_decision));
  in.http.Get("/.*", in.guarded(&Internal::static_file));
  // Everything else is read-only: other methods are refused as such, not as unknown paths.
  const httplib::Server::Handler read_only = [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "GET, HEAD");
    send_error(res, 405, "method not allowed: this server only answers GET and HEAD");
  };
  in.http.Post("/.*", read_only);
  in.http.Put("/.*", read_only);
  in.http.Delete("/.*", read_only);
  in.http.Patch("/.*", read_only);
  // Errors httplib produces itself (unknown method, malformed request) get a JSON body too.
  // After a request httplib could not read whole (malformed, too large), where the next one
  // starts is unknown: the connection is closed.
  in.http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (res.status == 400 || res.status == 413 || res.status == 414) GuardedHttpServer::close_after_response();
    if (res.body.empty()) send_error(res, res.status, status_message(res.status));
    return httplib::Server::HandlerResponse::Handled;
  }));
}

Server::~Server() = default;

int Server::bind(const std::string& host, int port) {
  const int bound =
      port == 0 ? internal_->http.bind_to_any_port(host) : (internal_->http.bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    throw EnvironmentError("cannot listen on " + host + ":" + std::to_string(port) +
                           " (port in use, or not an address of this machine?)");
  }
  internal_->http.widen_backlog();
  return bound;
}

bool Server::run() {
  {
    std::lock_guard lock(internal_->state_mutex);
    if (internal_->stop_requested) return true;
    internal_->running = true;
  }
  const bool ok = internal_->http.listen_after_bind();
  std::lock_guard lock(internal_->state_mutex);
  internal_->running = false;
  return ok;
}

void Server::serve_lexicon(std::filesystem::path dir) { internal_->lexicon_dir = std::move(dir); }

void Server::reload(std::shared_ptr<const SearchConfig> config) { internal_->pool.reload(std::move(config)); }

void Server::stop() {
  bool was_running;
  {
    std::lock_guard lock(internal_->state_mutex);
    internal_->stop_requested = true;
    was_running = internal_->running;
  }
  internal_->http.stop_connections();
  // httplib ignores stop() until its accept loop has started; run() may be just before it.
  while (was_running && !internal_->http.is_running()) {
    std::this_thread::yield();
    std::lock_guard lock(internal_->state_mutex);
    was_running = internal_->running;
  }
  internal_->http.stop();
}

}  // namespace sinmun::http
