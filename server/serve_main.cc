// sinmun-serve: the HTTP JSON API and the web page over a Sinmun database.
#include <boost/program_options.hpp>
#include <pthread.h>
#include <xapian.h>

#include <csignal>
#include <iostream>
#include <string>
#include <thread>

#include "analyzers/analyzer.h"
#include "analyzers/dictionary_location.h"
#include "resources/data_files.h"
#include "server/request.h"
#include "searcher/searcher.h"
#include "server/server.h"

namespace po = boost::program_options;

namespace {

constexpr int kExitUsage = 1;
constexpr int kExitFailure = 2;

constexpr const char* kUsage = R"(usage: sinmun-serve --db DIR [options]

Serves a database made by sinmun-index over HTTP: a search page at / and a JSON API. Articles
that sinmun-index adds while the server runs are found without a restart. Stop it with
Ctrl-C (or SIGTERM).

  GET /api/search?q=QUERY[&limit=N][&offset=N][&sort=relevance|date]
                 [&from=YYYY-MM-DD][&to=YYYY-MM-DD][&source=NAME]
      the same JSON object as sinmun-search --json (limit 1-100, offset up to 10000)
  GET /api/doc?id=ID      one article as stored (404 if there is none)
  GET /healthz            {"status":"ok","documents":N}

examples:
  sinmun-serve --db news.db                  # then open http://127.0.0.1:8080/
  sinmun-serve --db news.db --listen 127.0.0.1:9000 --threads 16
  curl -s 'http://127.0.0.1:8080/api/search?q=H200+수출&limit=3' | jq .results[].title
  curl -s 'http://127.0.0.1:8080/api/doc?id=sample-0001' | jq .title

It listens on 127.0.0.1 (this machine only) unless --listen says otherwise; put a reverse
proxy with TLS in front of it before exposing it to a network. With port 0 the system picks
a free port; the first line on stdout says which ("listening on http://HOST:PORT/").

exit status: 0 stopped by a signal, 1 usage error, 2 failure (no database, web directory
             missing, address in use)

options)";

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  std::string listen;
  std::string web_dir;
  unsigned threads = 0;
  sinmun::AnalyzerConfig analyzer_config;
  po::options_description options(kUsage);
  options.add_options()
      ("help,h", "show this help")
      ("db", po::value(&db_path)->value_name("DIR"), "database made by sinmun-index")
      ("listen", po::value(&listen)->default_value("127.0.0.1:8080")->value_name("HOST:PORT"),
       "address to serve on; [::1]:8080 for IPv6, 0.0.0.0:8080 for every interface")
      ("web", po::value(&web_dir)->default_value(sinmun::data_file_path(sinmun::DataFile::kWebDirectory).string())
                  ->value_name("DIR"),
       "directory with the page's files (index.html, app.js, style.css)")
      ("threads", po::value(&threads)->default_value(0)->value_name("N"),
       "requests answered at once (1-1024; 0: max(8, CPU threads))")
      ("dict", po::value(&analyzer_config.dictionary_dir)->value_name("DIR"),
       "mecab-ko-dic directory (default: $SINMUN_DICT, else ~/.local/share/sinmun/mecab-ko-dic)")
      ("user-dict", po::value(&analyzer_config.user_dictionary)->value_name("FILE"),
       "user dictionary TSV (default: $SINMUN_USER_DICT, else the one shipped; 'none')");

  po::variables_map vm;
  sinmun::http::ListenAddress address;
  try {
    po::store(po::command_line_parser(argc, argv).options(options).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
      std::cout << options << '\n';
      return 0;
    }
    if (db_path.empty()) throw std::invalid_argument("need --db DIR");
    if (threads > 1024) throw std::invalid_argument("--threads must be between 0 and 1024");
    address = sinmun::http::parse_listen_address(listen);
  } catch (const std::exception& e) {  // po::error and our own checks alike
    std::cerr << "sinmun-serve: " << e.what() << "\n(see sinmun-serve --help)\n";
    return kExitUsage;
  }

  // SIGINT and SIGTERM are taken by a thread of their own that stops the server, so that
  // requests in progress finish and no handler runs in signal context.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  try {
    // Queries are analysed the way the index was, as sinmun-search does.
    const sinmun::Analyzer analyzer = sinmun::make_query_analyzer(
        db_path, analyzer_config, false, [](const std::string& message) { std::cerr << "sinmun-serve: note: " << message << '\n'; });
    sinmun::http::Server server({db_path, web_dir, threads}, analyzer);
    const int port = server.bind(address.host, address.port);
    const bool ipv6 = address.host.find(':') != std::string::npos;
    std::cout << "listening on http://" << (ipv6 ? "[" + address.host + "]" : address.host) << ':'
              << port << '/' << std::endl;
    std::thread stopper([&server, &signals] {
      int signal = 0;
      sigwait(&signals, &signal);
      server.stop();
    });
    const bool ok = server.run();
    if (!ok) pthread_kill(stopper.native_handle(), SIGTERM);  // stopper is still waiting
    stopper.join();
    if (!ok) {
      std::cerr << "sinmun-serve: the server stopped unexpectedly\n";
      return kExitFailure;
    }
  } catch (const Xapian::Error& e) {
    std::cerr << "sinmun-serve: database error: " << e.get_description() << '\n';
    return kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << "sinmun-serve: " << e.what() << '\n';
    return kExitFailure;
  }
  return 0;
}
