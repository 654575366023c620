// docs/schema.md is the users' table of the schema: it must list exactly the prefixes,
// value slots and metadata keys that schema/schema.h defines, no more and no fewer.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

std::string read(const std::string& relative) {
  std::ifstream in(std::string(SINMUN_SOURCE_DIR) + "/" + relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Definitions {
  std::set<std::string> prefixes;
  std::set<std::string> slots;
  std::set<std::string> metadata_keys;
};

// `inline constexpr std::string_view kX = "..."` (metadata keys are those starting with
// "sinmun:") and `inline constexpr Xapian::valueno kX = N`.
Definitions from_header(const std::string& header) {
  Definitions defined;
  const std::regex string_constant(R"(inline constexpr std::string_view k\w+ = "([^"]*)\")");
  for (auto it = std::sregex_iterator(header.begin(), header.end(), string_constant); it != std::sregex_iterator();
       ++it) {
    const std::string value = (*it)[1];
    (value.rfind("sinmun:", 0) == 0 ? defined.metadata_keys : defined.prefixes).insert(value);
  }
  const std::regex slot_constant(R"(inline constexpr Xapian::valueno k\w+ = (\d+);)");
  for (auto it = std::sregex_iterator(header.begin(), header.end(), slot_constant); it != std::sregex_iterator();
       ++it) {
    defined.slots.insert((*it)[1]);
  }
  return defined;
}

// The first cell of each table row under the "## Terms", "## Values" and "## User metadata"
// headings: the `quoted` names in it (`D` / `M` / `Y`; a key up to its '<', as in
// `sinmun:file:<hash>`), or its plain text (a slot number).
Definitions from_doc(const std::string& doc) {
  Definitions listed;
  std::istringstream lines(doc);
  std::string section;
  const std::regex row(R"(^\|([^|]*)\|)");
  const std::regex quoted("`([^`]*)`");
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("## ", 0) == 0) section = line.substr(3);
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    const std::string cell = m[1];
    std::set<std::string> names;
    for (auto it = std::sregex_iterator(cell.begin(), cell.end(), quoted); it != std::sregex_iterator(); ++it) {
      const std::string name = (*it)[1];
      names.insert(name.substr(0, name.find('<')));
    }
    if (section == "Terms") {
      listed.prefixes.insert(names.begin(), names.end());  // "(none)", the header and "---" quote nothing
    } else if (section == "User metadata") {
      listed.metadata_keys.insert(names.begin(), names.end());
    } else if (section == "Values") {
      const std::string number = std::regex_replace(cell, std::regex(" "), "");
      if (std::regex_match(number, std::regex(R"(\d+)"))) listed.slots.insert(number);
    }
  }
  return listed;
}

TEST(SchemaDocTest, DocsListExactlyWhatTheHeaderDefines) {
  const Definitions defined = from_header(read("schema/schema.h"));
  const Definitions listed = from_doc(read("docs/schema.md"));
  ASSERT_FALSE(defined.prefixes.empty());
  ASSERT_FALSE(defined.slots.empty());
  ASSERT_FALSE(defined.metadata_keys.empty());
  EXPECT_EQ(listed.prefixes, defined.prefixes);
  EXPECT_EQ(listed.slots, defined.slots);
  EXPECT_EQ(listed.metadata_keys, defined.metadata_keys);
}

}  // namespace
