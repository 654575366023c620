#include "server/server.h"

#include <httplib.h>
#include <sys/socket.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
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
#include "server/detail/lexicon_decisions.h"
#include "server/detail/static_files.h"
#include "server/insight_params.h"
#include "server/request.h"

namespace sinmun::http {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

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
    std::error_code error;
    web_root = std::filesystem::canonical(options.web_dir, error);
    if (error || !std::filesystem::is_directory(web_root)) {
      throw EnvironmentError("web directory " + options.web_dir.string() +
                             " not found (give the page's directory with --web DIR)");
    }
  }

  // Runs `use` on a searcher that has seen the latest commit. A commit between reopen() and
  // the end of `use` invalidates what Xapian had read: reopen and try once more.
  template <typename Use>
  auto with_searcher(Use&& use) -> decltype(use(std::declval<Searcher&>())) {
    Lease lease(pool);
    try {
      (*lease).reopen();
      try {
        return use(*lease);
      } catch (const Xapian::DatabaseModifiedError&) {
        (*lease).reopen();
        return use(*lease);
      }
    } catch (const Xapian::Error&) {
      // A database replaced or damaged on disk: the next request opens it afresh.
      lease.discard();
      throw;
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

  const ServerOptions options;
  std::filesystem::path web_root;
  SearcherPool pool;
  httplib::Server http;
  std::filesystem::path lexicon_dir;  // "": no lexicon routes
  std::mutex lexicon_mutex;

  std::mutex state_mutex;
  bool stop_requested = false;
  bool running = false;
};

Server::Server(ServerOptions options, std::shared_ptr<const SearchConfig> config)
    : internal_(std::make_unique<Internal>(std::move(options), std::move(config))) {
  Internal& in = *internal_;
  const unsigned threads =
      in.options.threads != 0 ? in.options.threads : std::max(8u, std::thread::hardware_concurrency());
  in.http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  in.http.set_default_headers(kSecurityHeaders);
  in.http.set_tcp_nodelay(true);
  // httplib's default options add SO_REUSEPORT, which lets a second process bind the same
  // port and silently take a share of the requests; a busy port must fail instead.
  in.http.set_socket_options([](socket_t sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  in.http.set_payload_max_length(64 * 1024);
  // A client that stops sending or reading frees its worker within 5 s, and an idle
  // keep-alive connection is closed after 5 s. (One that trickles a byte at a time still
  // holds its worker: a connection limit is still to come.)
  in.http.set_read_timeout(5, 0);
  in.http.set_write_timeout(5, 0);
  in.http.set_keep_alive_timeout(5);
  in.http.Get("/api/search", in.guarded(&Internal::search));
  in.http.Get("/api/doc", in.guarded(&Internal::document));
  in.http.Get("/api/related", in.guarded(&Internal::related));
  in.http.Get("/api/trend", in.guarded(&Internal::trend));
  in.http.Get("/api/export", in.guarded(&Internal::export_results));
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
  in.http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
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
  // httplib ignores stop() until its accept loop has started; run() may be just before it.
  while (was_running && !internal_->http.is_running()) {
    std::this_thread::yield();
    std::lock_guard lock(internal_->state_mutex);
    was_running = internal_->running;
  }
  internal_->http.stop();
}

}  // namespace sinmun::http
