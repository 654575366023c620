// sinmun-serve: the HTTP JSON API and the web page over a Sinmun database.
#include <pthread.h>
#include <boost/program_options.hpp>

#include <csignal>
#include <iostream>
#include <string>
#include <thread>

#include "base/errors.h"
#include "cli/cli.h"
#include "cli/search_options.h"
#include "resources/data_files.h"
#include "searcher/search_config.h"
#include "server/detail/lexicon_watch.h"
#include "server/request.h"
#include "server/server.h"

namespace po = boost::program_options;

namespace {

constexpr const char* kUsage = R"(usage: sinmun-serve --db DIR [options]

Serves a database made by sinmun-index over HTTP: a search page at / and a JSON API. Articles
that sinmun-index adds while the server runs are found without a restart. Searches are the
same as sinmun-search's with the same options (--synonyms, --bm25, --proximity, --analysis).
Stop it with Ctrl-C (or SIGTERM).

  GET /api/search?q=QUERY[&limit=N][&offset=N][&sort=relevance|date]
                 [&from=YYYY-MM-DD][&to=YYYY-MM-DD][&source=NAME][&allow_partial=1]
      the same JSON object as sinmun-search --json (limit 1-100, offset up to 10000)
  GET /api/doc?id=ID      one article as stored (404 if there is none)
  GET /api/trend?q=QUERY[&vs=QUERY]...[&interval=day|week|month|year][&from=&to=&source=]
      counts per period, as sinmun-search --json --trend
  GET /api/export?q=QUERY[&format=csv|tsv|jsonl][&fields=id,date,...][&sort=&from=&to=&source=]
      every match as a file (streamed), as sinmun-search --format F --all
  GET /healthz            {"status":"ok","documents":N}
  GET /lexicon.html       accept or reject what `sinmun-lexicon review` listed (DB.lexicon/)

The user dictionary and the synonyms are read again when either file changes (checked every
--reload-interval seconds) or on SIGHUP, without a restart: a search sees the old lexicon or
the new one, never a mix; a file that fails to load keeps the old one (said on stderr).

examples:
  sinmun-serve --db news.db                  # then open http://127.0.0.1:8080/
  sinmun-serve --db news.db --listen 127.0.0.1:9000 --threads 16 --max-connections 512
  sinmun-serve --db news.db --synonyms my-synonyms.tsv
  curl -s 'http://127.0.0.1:8080/api/search?q=H200+수출&limit=3' | jq .results[].title
  curl -s 'http://127.0.0.1:8080/api/doc?id=sample-0001' | jq .title

It listens on 127.0.0.1 (this machine only) unless --listen says otherwise; put a reverse
proxy with TLS in front of it before exposing it to a network. With port 0 the system picks
a free port; the first line on stdout says which ("listening on http://HOST:PORT/").

Limits: at most --max-connections connections at once (more are answered 503 and closed),
a request must arrive whole within 10 s of its first byte and a keep-alive connection may idle
5 s; a search waiting 5 s for one of the --threads slots is answered 503; a search runs at most
5 s. SIGINT/SIGTERM close idle and half-sent connections at once and wait for the searches in
progress.

exit status: 0 stopped by a signal, 1 usage error, 2 failure (no database, web directory
             missing, address in use)

options)";

constexpr sinmun::cli::Program kProgram{"sinmun-serve", kUsage};

int serve_main(int argc, char** argv) {
  std::string listen;
  std::string web_dir;
  unsigned threads = 0;
  std::string chart_js = sinmun::http::ServerOptions{}.chart_js.string();
  std::string lexicon_dir;
  double reload_interval = 2;
  std::size_t max_connections = sinmun::http::ServerOptions::kDefaultMaxConnections;
  sinmun::SearchConfigOptions config_options;
  po::options_description options(kUsage);
  // One option a line, as --help shows them.
  // clang-format off
  options.add_options()
      ("listen", po::value(&listen)->default_value("127.0.0.1:8080")->value_name("HOST:PORT"),
       "address to serve on; [::1]:8080 for IPv6, 0.0.0.0:8080 for every interface")
      ("web", po::value(&web_dir)->default_value(sinmun::data_file_path(sinmun::DataFile::kWebDirectory).string())
                  ->value_name("DIR"),
       "directory with the page's files (index.html, app.js, style.css)")
      ("threads", po::value(&threads)->default_value(0)->value_name("N"),
       "searches answered at once (1-1024; 0: max(8, CPU threads))")
      ("max-connections", po::value(&max_connections)->default_value(max_connections)->value_name("N"),
       "connections open at once, one thread each (1-10000)")
      ("chart-js", po::value(&chart_js)->default_value(chart_js)->value_name("FILE"),
       "Chart.js for the page's trend chart, served as /vendor/chart.js (Debian: libjs-chart.js)")
      ("lexicon", po::value(&lexicon_dir)->value_name("DIR"),
       "the lexicon directory that /lexicon.html decides in (default: DB.lexicon)")
      ("reload-interval", po::value(&reload_interval)->default_value(2)->value_name("SECONDS"),
       "how often to look for a changed user dictionary or synonym file (0: only on SIGHUP)");
  // clang-format on
  sinmun::cli::add_search_options(options, config_options);
  po::variables_map vm;
  if (!sinmun::cli::parse_command_line(kProgram, argc, argv, options, vm)) return 0;
  if (config_options.db_path.empty()) throw sinmun::UsageError("need --db DIR");
  if (threads > 1024) throw sinmun::UsageError("--threads must be between 0 and 1024");
  if (max_connections < 1 || max_connections > 10000) {
    throw sinmun::UsageError("--max-connections must be between 1 and 10000");
  }
  const sinmun::http::ListenAddress address = sinmun::http::parse_listen_address(listen);
  if (reload_interval < 0) throw sinmun::UsageError("--reload-interval must be 0 or more");
  if (lexicon_dir.empty()) {
    std::filesystem::path db = config_options.db_path;
    if (!db.has_filename()) db = db.parent_path();
    lexicon_dir = (db.parent_path() / (db.filename().string() + ".lexicon")).string();
  }

  // SIGINT and SIGTERM are taken by a thread of their own that stops the server, so that
  // requests in progress finish and no handler runs in signal context.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const auto report = sinmun::cli::note_printer(kProgram);
  sinmun::http::LexiconWatch watch(sinmun::with_recorded_lexicon(config_options, [](const std::string&) {}));
  sinmun::http::ServerOptions server_options;
  server_options.web_dir = web_dir;
  server_options.threads = threads;
  server_options.max_connections = max_connections;
  server_options.chart_js = chart_js;
  sinmun::http::Server server(server_options, sinmun::SearchConfig::load(config_options, report));
  server.serve_lexicon(lexicon_dir);
  const int port = server.bind(address.host, address.port);
  const bool ipv6 = address.host.find(':') != std::string::npos;
  std::cout << "listening on http://" << (ipv6 ? "[" + address.host + "]" : address.host) << ':' << port << '/'
            << std::endl;
  // The same thread reloads the lexicon on SIGHUP or when its files change: once they have
  // stayed the same for one more interval, so that the user dictionary and the synonyms that
  // sinmun-lexicon apply writes one after the other are loaded together.
  std::thread stopper([&] {
    bool changing = false;
    while (true) {
      const int signal = sinmun::http::wait_for_signal(signals, reload_interval);
      if (signal == SIGINT || signal == SIGTERM) break;
      if (signal != SIGHUP) {
        const bool changed = watch.changed();
        const bool settled = changing && !changed;
        changing = changed;
        if (!settled) continue;
      }
      try {
        server.reload(sinmun::SearchConfig::load(config_options, report));
        std::cerr << "sinmun-serve: lexicon reloaded (user dictionary and synonyms)\n" << std::flush;
      } catch (const std::exception& e) {
        std::cerr << ("sinmun-serve: lexicon not reloaded, the old one stays: " + std::string(e.what()) + "\n")
                  << std::flush;
      }
    }
    server.stop();
  });
  const bool ok = server.run();
  // The stopper still waits in sigwait(), where SIGTERM is blocked: sending it wakes the
  // waiter and kills nothing.
  if (!ok) pthread_kill(stopper.native_handle(), SIGTERM);  // NOLINT(bugprone-bad-signal-to-kill-thread)
  stopper.join();
  if (!ok) {
    std::cerr << "sinmun-serve: the server stopped unexpectedly\n";
    return sinmun::cli::kExitFailure;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return sinmun::cli::run(kProgram, [&] { return serve_main(argc, argv); });
}
