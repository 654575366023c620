#include "searcher/synonyms.h"

#include <gtest/gtest.h>

#include "searcher/query_builder.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

TEST(SynonymsTest, GroupsAreFoundByAnyWordInAnyForm) {
  testing::TempDir dir;
  const auto path = dir.write("syn.tsv", "# comment\n엔비디아\tnvidia\n\n딥시크 deepseek\n");
  const Analyzer analyzer;
  const Synonyms synonyms = Synonyms::load(path, analyzer, {});
  const auto* group = synonyms.group_of(Synonyms::key_of(analyzer.analyze("NVIDIA")));
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(*group, (std::vector<std::string>{"nvidia", "엔비디아"}));
  EXPECT_EQ(synonyms.group_of(Synonyms::key_of(analyzer.analyze("엔비디아"))), group);
  EXPECT_NE(synonyms.group_of(Synonyms::key_of(analyzer.analyze("deepseek"))), nullptr);
  EXPECT_EQ(synonyms.group_of(Synonyms::key_of(analyzer.analyze("삼성"))), nullptr);
}

TEST(SynonymsTest, KeyOfSpellsOutOddBigramRuns) {
  const Analyzer analyzer;
  EXPECT_EQ(Synonyms::key_of(analyzer.analyze("가나다")), "가나다");
  EXPECT_EQ(Synonyms::key_of(analyzer.analyze("챗GPT")), "챗gpt");
}

TEST(SynonymsTest, ABadLineIsReportedAndOrderDoesNotMatter) {
  testing::TempDir dir;
  const Analyzer analyzer;
  std::vector<std::string> reports;
  const auto a = Synonyms::load(dir.write("a.tsv", "한은\t한국은행\n외톨이\n한국은행\tbok\n"), analyzer,
                                [&](const std::string& m) { reports.push_back(m); });
  const auto b = Synonyms::load(dir.write("b.tsv", "한국은행\tbok\n한은\t한국은행\n"), analyzer, {});
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_NE(reports[0].find("a.tsv:2: a group needs two words or more"), std::string::npos) << reports[0];
  const std::vector<std::string> expected = {"bok", "한국은행", "한은"};
  EXPECT_EQ(*a.group_of("한은"), expected);
  EXPECT_EQ(*b.group_of("bok"), expected);
}

TEST(SynonymsTest, MissingFileIsAnError) {
  const Analyzer analyzer;
  EXPECT_THROW(Synonyms::load("/nonexistent/syn.tsv", analyzer, {}), std::runtime_error);
}

TEST(SynonymsTest, QueriesExpandWithOpSynonym) {
  testing::TempDir dir;
  const Analyzer analyzer;
  const Synonyms synonyms = Synonyms::load(dir.write("s.tsv", "엔비디아 nvidia\n"), analyzer, {});
  QueryOptions options;
  options.synonyms = &synonyms;
  EXPECT_EQ(build_query(parse_query("NVIDIA H200"), analyzer, options).strict.get_description(),
            "Query(((nvidia SYNONYM (XN엔비 PHRASE 3 XN비디 PHRASE 3 XN디아)) AND h200))");
}

}  // namespace
}  // namespace sinmun
