// `cmake --install` into a temporary prefix, then the installed programs run from another
// directory: they must find their data files under that prefix, not in this checkout. Each
// test marks an installed file (a line the checkout's copy lacks) and looks for the mark.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/corpus/collect.h"
#include "tests/support/run_command.h"

namespace sinmun {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::shell_quote;
using testing::TempDir;

const fs::path kSource = SINMUN_SOURCE_DIR;
const fs::path kBuild = SINMUN_BINARY_DIR;

// The installed programs see none of the variables that would name the data files for them.
const std::string kCleanEnvironment = "env -u SINMUN_SYNONYMS -u SINMUN_USER_DICT ";

CommandResult install_into(const fs::path& prefix, const fs::path& scratch) {
  return testing::run_command(std::string(SINMUN_CMAKE_COMMAND) + " --install " + shell_quote(kBuild.string()) +
                                  " --prefix " + shell_quote(prefix.string()),
                              scratch);
}

void append(const fs::path& file, const std::string& line) {
  std::ofstream out(file, std::ios::app);
  ASSERT_TRUE(out) << file;
  out << line << '\n';
}

bool dictionary_installed() {
  const char* dict = std::getenv("SINMUN_DICT");
  const char* home = std::getenv("HOME");
  const fs::path dir = dict && *dict ? fs::path(dict) : fs::path(home ? home : "") / ".local/share/sinmun/mecab-ko-dic";
  return fs::exists(dir / "sys.dic");
}

// sinmun-serve started from `cwd` with `args`; stopped with SIGTERM (killed if it hangs) at the
// latest when the object goes, so that no test leaves a server behind.
class ServeProcess {
 public:
  ServeProcess(const fs::path& program, const std::vector<std::string>& args, const fs::path& cwd)
      : err_file_((cwd / "serve-stderr.txt").string()) {
    std::vector<std::string> words = {program.string()};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    int out[2];  // close-on-exec: only the server's stdout (a dup2 copy) outlives the exec
    if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
      unsetenv("SINMUN_SYNONYMS");
      unsetenv("SINMUN_USER_DICT");
      const int err = open(err_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (chdir(cwd.c_str()) != 0 || err < 0 || dup2(out[1], 1) < 0 || dup2(err, 2) < 0) _exit(127);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    out_ = out[0];
    if (pid_ < 0) throw std::runtime_error("fork failed");
  }
  ~ServeProcess() {
    stop();
    close(out_);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  // The first line it prints, or "" when it prints none within a generous minute.
  std::string first_line() {
    std::string line;
    pollfd fd{out_, POLLIN, 0};
    while (poll(&fd, 1, 60'000) > 0) {
      char c;
      if (read(out_, &c, 1) != 1 || c == '\n') return line;
      line += c;
    }
    return line;
  }

  // SIGTERM, then waits for it: its exit status (-1 when it had to be killed or died of a signal).
  int stop() {
    if (pid_ <= 0) return status_;
    kill(pid_, SIGTERM);
    int status = 0;
    pid_t done = 0;
    for (int waited_ms = 0; (done = waitpid(pid_, &status, WNOHANG)) == 0 && waited_ms < 30'000; waited_ms += 50) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (done == 0) {  // ignored SIGTERM for half a minute
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
    status_ = done == pid_ && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    pid_ = -1;
    return status_;
  }

  std::string stderr_text() const {
    std::ifstream in(err_file_);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

 private:
  std::string err_file_;
  pid_t pid_ = -1;
  int out_ = -1;
  int status_ = -1;
};

// One installation per test program run (ctest runs each test in a program of its own), and
// one directory outside the build and source trees to run the programs from.
class InstallTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    fs::create_directories(elsewhere());
    const CommandResult r = install_into(prefix(), dir_->path());
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static fs::path prefix() { return dir_->path() / "prefix"; }
  static fs::path elsewhere() { return dir_->path() / "elsewhere"; }
  static fs::path db() { return dir_->path() / "sample.db"; }
  static fs::path program(const std::string& name) { return prefix() / SINMUN_INSTALL_BINDIR / name; }
  static fs::path data(const std::string& name) { return prefix() / SINMUN_INSTALL_DATADIR / "sinmun" / name; }

  // An installed program run from elsewhere(); `args` is shell text.
  static CommandResult run(const std::string& name, const std::string& args) {
    return testing::run_command("cd " + shell_quote(elsewhere().string()) + " && " + kCleanEnvironment +
                                    shell_quote(program(name).string()) + " " + args,
                                dir_->path());
  }

  static void index_the_sample() {
    if (fs::exists(db())) return;
    const CommandResult r = run(
        "sinmun-index", "--db " + shell_quote(db().string()) + " " + shell_quote((kSource / "corpus/sample").string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  static std::vector<std::string> search_ids(const std::string& query) {
    const CommandResult r =
        run("sinmun-search", "--json --db " + shell_quote(db().string()) + " " + shell_quote(query));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> ids;
    if (r.exit_code != 0) return ids;
    const nlohmann::json response = nlohmann::json::parse(r.out);  // outlives the loop over its results
    for (const auto& hit : response["results"]) ids.push_back(hit["id"].get<std::string>());
    return ids;
  }

  static TempDir* dir_;
};

TempDir* InstallTest::dir_ = nullptr;

TEST_F(InstallTest, InstallsTheProgramsTheDataAndTheDocsOnly) {
  std::set<std::string> expected = {
      std::string(SINMUN_INSTALL_BINDIR) + "/sinmun-index",
      std::string(SINMUN_INSTALL_BINDIR) + "/sinmun-search",
      std::string(SINMUN_INSTALL_BINDIR) + "/sinmun-serve",
      std::string(SINMUN_INSTALL_BINDIR) + "/sinmun-lexicon",
      std::string(SINMUN_INSTALL_BINDIR) + "/sinmun-fetch-dictionary",
      std::string(SINMUN_INSTALL_DATADIR) + "/sinmun/user-dictionary.tsv",
      std::string(SINMUN_INSTALL_DATADIR) + "/sinmun/synonyms.tsv",
      std::string(SINMUN_INSTALL_DOCDIR) + "/README.md",
      std::string(SINMUN_INSTALL_DOCDIR) + "/NOTICE",
      std::string(SINMUN_INSTALL_DOCDIR) + "/examples/sinmun-serve.service",
  };
  for (const auto& entry : fs::recursive_directory_iterator(kSource / "web")) {
    if (entry.is_regular_file()) {
      expected.insert(std::string(SINMUN_INSTALL_DATADIR) + "/sinmun/web/" +
                      entry.path().lexically_relative(kSource / "web").string());
    }
  }
  std::set<std::string> installed;
  for (const auto& entry : fs::recursive_directory_iterator(prefix())) {
    if (!entry.is_directory()) installed.insert(entry.path().lexically_relative(prefix()).string());
  }
  EXPECT_EQ(installed, expected);
  for (const char* name :
       {"sinmun-index", "sinmun-search", "sinmun-serve", "sinmun-lexicon", "sinmun-fetch-dictionary"}) {
    EXPECT_NE(fs::status(program(name)).permissions() & fs::perms::owner_exec, fs::perms::none) << name;
  }
}

TEST_F(InstallTest, IndexesAndSearchesFromAnotherDirectory) {
  index_the_sample();
  const std::vector<std::string> found = search_ids("H200 수출");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0], "sample-0001");
  const CommandResult help = run("sinmun-search", "--help");
  EXPECT_EQ(help.exit_code, 0) << help.err;
  EXPECT_NE(help.out.find("usage: sinmun-search"), std::string::npos) << help.out;
}

TEST_F(InstallTest, SearchesWithTheInstalledSynonyms) {
  index_the_sample();
  const std::vector<std::string> shipped = search_ids("nvidia");  // "엔비디아 nvidia" is shipped
  EXPECT_NE(std::find(shipped.begin(), shipped.end(), "sample-0001"), shipped.end());
  // A word only the installed copy will know: it finds the article once that copy says so.
  const std::vector<std::string> unknown = search_ids("쿼르비디아");
  EXPECT_EQ(std::find(unknown.begin(), unknown.end(), "sample-0001"), unknown.end());
  append(data("synonyms.tsv"), "쿼르비디아\t엔비디아");
  const std::vector<std::string> marked = search_ids("쿼르비디아");
  EXPECT_NE(std::find(marked.begin(), marked.end(), "sample-0001"), marked.end());
}

TEST_F(InstallTest, AnalysesWithTheInstalledUserDictionary) {
  if (!dictionary_installed()) GTEST_SKIP() << "mecab-ko-dic not installed (scripts/fetch-dictionary.sh)";
  // Without an entry the dictionary splits this invented name (쏠 + 뮤트...); with one it is whole.
  const CommandResult before = run("sinmun-search", "--analyze 쏠라뮤트");
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_EQ(before.out.find("쏠라뮤트\t"), std::string::npos) << before.out;
  append(data("user-dictionary.tsv"), "쏠라뮤트\tNNP");
  const CommandResult after = run("sinmun-search", "--analyze 쏠라뮤트");
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_NE(after.out.find("쏠라뮤트\t0-12\t0\tmorph"), std::string::npos) << after.out;
}

TEST_F(InstallTest, ServesTheInstalledPage) {
  index_the_sample();
  append(data("web/index.html"), "<!-- installed copy -->");
  ServeProcess serve(program("sinmun-serve"), {"--db", db().string(), "--listen", "127.0.0.1:0"}, elsewhere());
  const std::string line = serve.first_line();
  const std::string start = "listening on http://127.0.0.1:";
  ASSERT_EQ(line.rfind(start, 0), 0u) << "first line: '" << line << "'; stderr: " << serve.stderr_text();
  const int port = std::stoi(line.substr(start.size()));
  httplib::Client client("127.0.0.1", port);
  const httplib::Result page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<!-- installed copy -->"), std::string::npos) << page->body.substr(0, 200);
  const httplib::Result search = client.Get("/api/search?q=H200");
  ASSERT_TRUE(search);
  EXPECT_EQ(search->status, 200);
  EXPECT_EQ(serve.stop(), 0) << "sinmun-serve exits 0 when stopped by a signal";
}

// The prefix is found from the program's own path at run time, so a moved tree still works.
TEST(MovedInstallTest, FindsItsFilesUnderTheNewPrefix) {
  TempDir dir;
  const CommandResult r = install_into(dir.path() / "first", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  fs::rename(dir.path() / "first", dir.path() / "moved");
  const fs::path moved = fs::canonical(dir.path() / "moved");  // as /proc/self/exe will say
  const CommandResult help =
      testing::run_command("cd / && " + kCleanEnvironment +
                               shell_quote((moved / SINMUN_INSTALL_BINDIR / "sinmun-serve").string()) + " --help",
                           dir.path());
  EXPECT_EQ(help.exit_code, 0) << help.err;
  const std::string web = (moved / SINMUN_INSTALL_DATADIR / "sinmun/web").string();
  EXPECT_NE(help.out.find("(=" + web + ")"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace sinmun
