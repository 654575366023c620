// Where programs find the files Sinmun ships: installed prefix first, then the source tree.
#include "resources/data_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace sinmun {
namespace {

namespace fs = std::filesystem;

// A scratch tree with an installed prefix (prefix/bin, prefix/share/sinmun) and a source tree.
class DataFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    root_ = fs::temp_directory_path() / ("sinmun-resources-test-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(root_ / "prefix/bin");
    fs::create_directories(root_ / "src");
  }
  void TearDown() override {
    std::error_code error;
    fs::remove_all(root_, error);
  }

  fs::path touch(const std::string& relative) const {
    const fs::path file = root_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file) << "x\n";
    return file;
  }

  fs::path installed_program() const { return root_ / "prefix/bin/sinmun-search"; }
  fs::path source() const { return root_ / "src"; }

  fs::path root_;
};

TEST_F(DataFilesTest, AnInstalledProgramFindsTheFileUnderItsPrefix) {
  const fs::path installed = touch("prefix/share/sinmun/synonyms.tsv");
  EXPECT_EQ(data_file_path(DataFile::kSynonyms, installed_program(), source()), installed);
}

TEST_F(DataFilesTest, TheInstalledFileWinsOverTheSourceTree) {
  const fs::path installed = touch("prefix/share/sinmun/user-dictionary.tsv");
  touch("src/analyzers/data/user-dictionary.tsv");
  EXPECT_EQ(data_file_path(DataFile::kUserDictionary, installed_program(), source()), installed);
}

TEST_F(DataFilesTest, TheWebDirectoryIsADirectoryUnderThePrefix) {
  touch("prefix/share/sinmun/web/index.html");
  touch("src/web/index.html");
  EXPECT_EQ(data_file_path(DataFile::kWebDirectory, installed_program(), source()), root_ / "prefix/share/sinmun/web");
}

TEST_F(DataFilesTest, AProgramInTheBuildTreeFindsTheSourceFile) {
  const fs::path in_source = touch("src/searcher/data/synonyms.tsv");
  const fs::path built = root_ / "build/searcher/sinmun-search";
  EXPECT_EQ(data_file_path(DataFile::kSynonyms, built, source()), in_source);
}

TEST_F(DataFilesTest, AFileMissingEverywhereIsNamedWhereTheInstallationPutsIt) {
  EXPECT_EQ(data_file_path(DataFile::kUserDictionary, installed_program(), source()),
            root_ / "prefix/share/sinmun/user-dictionary.tsv");
  EXPECT_EQ(data_file_path(DataFile::kSynonyms, installed_program(), source()),
            root_ / "prefix/share/sinmun/synonyms.tsv");
  EXPECT_EQ(data_file_path(DataFile::kWebDirectory, installed_program(), source()), root_ / "prefix/share/sinmun/web");
}

TEST_F(DataFilesTest, AnUnknownProgramPathGivesTheSourceTreePath) {
  EXPECT_EQ(data_file_path(DataFile::kUserDictionary, {}, source()), source() / "analyzers/data/user-dictionary.tsv");
  EXPECT_EQ(data_file_path(DataFile::kSynonyms, {}, source()), source() / "searcher/data/synonyms.tsv");
  EXPECT_EQ(data_file_path(DataFile::kWebDirectory, {}, source()), source() / "web");
}

// This test program runs from the build tree, so it sees the files of this checkout.
TEST(DataFilePathTest, TheBuildTreeSeesTheFilesOfItsCheckout) {
  const fs::path checkout = SINMUN_SOURCE_DIR;
  EXPECT_TRUE(
      fs::equivalent(data_file_path(DataFile::kUserDictionary), checkout / "analyzers/data/user-dictionary.tsv"));
  EXPECT_TRUE(fs::equivalent(data_file_path(DataFile::kSynonyms), checkout / "searcher/data/synonyms.tsv"));
  EXPECT_TRUE(fs::is_regular_file(data_file_path(DataFile::kWebDirectory) / "index.html"));
}

}  // namespace
}  // namespace sinmun
