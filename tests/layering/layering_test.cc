// The module rules of ARCHITECTURE.md, checked on the source tree: which modules each may
// include, that nothing outside a module (and its tests) includes its detail/ headers, and
// that the analyzers and the corpus never see Xapian.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path kSource = SINMUN_SOURCE_DIR;

// Modules of ours each module may include (besides itself).
const std::map<std::string, std::set<std::string>> kAllowed = {
    {"base", {}},
    {"resources", {}},
    {"analyzers", {"base", "resources"}},
    {"corpus", {"base"}},
    {"schema", {"base", "analyzers"}},  // analyzers/token.h and pos.h only: see below
    {"indexer", {"base", "analyzers", "corpus", "schema", "cli"}},
    {"searcher", {"base", "analyzers", "schema", "resources", "cli"}},
    {"cli", {"base", "analyzers", "searcher"}},
    {"server", {"base", "analyzers", "schema", "searcher", "resources", "cli"}},
    {"lexicon", {"base", "analyzers", "corpus", "schema", "indexer", "resources", "cli"}},
};

// The analyzers' headers that schema may see: the Token type alone.
const std::set<std::string> kSchemaSeesOfAnalyzers = {"analyzers/token.h", "analyzers/pos.h"};

struct Include {
  fs::path file;  // relative to the source root
  std::string target;
};

std::vector<Include> includes_under(const std::string& top) {
  std::vector<Include> found;
  const std::regex include_line(R"re(^\s*#\s*include\s+"([^"]+)")re");
  for (const auto& entry : fs::recursive_directory_iterator(kSource / top)) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".h" && ext != ".cc")) continue;
    if (entry.path().string().find("node_modules") != std::string::npos) continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (std::regex_search(line, m, include_line)) found.push_back({fs::relative(entry.path(), kSource), m[1]});
    }
  }
  return found;
}

std::string module_of(const std::string& path) { return path.substr(0, path.find('/')); }

TEST(LayeringTest, ModulesIncludeOnlyWhatTheyMayUse) {
  for (const auto& [module, allowed] : kAllowed) {
    for (const Include& include : includes_under(module)) {
      const std::string target = module_of(include.target);
      if (target == module || include.target.find('/') == std::string::npos) continue;
      EXPECT_TRUE(allowed.count(target)) << include.file << " includes " << include.target;
      if (module == "schema" && target == "analyzers") {
        EXPECT_TRUE(kSchemaSeesOfAnalyzers.count(include.target)) << include.file << " includes " << include.target;
      }
    }
  }
}

TEST(LayeringTest, DetailHeadersStayInTheirModule) {
  std::size_t seen = 0;
  for (const std::string top : {"base", "resources", "analyzers", "corpus", "schema", "indexer", "searcher", "cli",
                                "server", "lexicon", "tests", "scripts"}) {
    for (const Include& include : includes_under(top)) {
      const std::size_t detail = include.target.find("/detail/");
      if (detail == std::string::npos) continue;
      ++seen;
      const std::string owner = include.target.substr(0, detail);  // "analyzers", "analyzers/morph"
      const std::string file = include.file.string();
      const std::string last = owner.substr(owner.rfind('/') + 1);  // analyzers/morph: tests/morph too
      const bool inside = file.rfind(owner + "/", 0) == 0 || file.rfind("tests/" + module_of(owner) + "/", 0) == 0 ||
                          file.rfind("tests/" + last + "/", 0) == 0;
      EXPECT_TRUE(inside) << file << " includes " << include.target << ", a detail of " << owner;
    }
  }
  EXPECT_GT(seen, 0u) << "no detail/ header is included anywhere: is the scan looking at the tree?";
}

TEST(LayeringTest, AnalyzersAndCorpusNeverSeeXapian) {
  const std::regex xapian(R"re(#\s*include\s+<xapian)re");
  for (const std::string top : {"analyzers", "corpus", "base"}) {
    for (const auto& entry : fs::recursive_directory_iterator(kSource / top)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path());
      for (std::string line; std::getline(in, line);) {
        EXPECT_FALSE(std::regex_search(line, xapian)) << entry.path();
      }
    }
  }
}

}  // namespace
