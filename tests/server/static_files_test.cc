// Which URL paths reach which files of the web directory, and which never reach any.
#include "server/detail/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/temp_dir.h"

namespace sinmun::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("web/index.html", "<!doctype html>");
    dir_.write("web/css/site.css", "body{}");
    dir_.write("web/.hidden", "x");
    dir_.write("secret.txt", "secret");
    fs::create_directory_symlink(dir_.path(), dir_.path() / "web/outside");
    fs::create_symlink(dir_.path() / "secret.txt", dir_.path() / "web/secret.txt");
    fs::create_symlink(dir_.path() / "web/css/site.css", dir_.path() / "web/alias.css");
    root_ = fs::canonical(dir_.path() / "web");
  }

  std::optional<fs::path> resolve(std::string_view url_path) const { return resolve_static_path(root_, url_path); }

  testing::TempDir dir_;
  fs::path root_;
};

TEST_F(StaticFilesTest, TheRootAndDirectoriesServeIndexHtml) {
  EXPECT_EQ(resolve("/"), root_ / "index.html");
  EXPECT_EQ(resolve("/index.html"), root_ / "index.html");
  EXPECT_EQ(resolve("/css/site.css"), root_ / "css/site.css");
  EXPECT_EQ(resolve("/css/"), std::nullopt) << "no index.html there";
  EXPECT_EQ(resolve("/css"), std::nullopt) << "a directory is not a file";
}

TEST_F(StaticFilesTest, ASymlinkInsideTheRootIsFollowed) { EXPECT_EQ(resolve("/alias.css"), root_ / "css/site.css"); }

TEST_F(StaticFilesTest, NothingOutsideTheRootIsReachable) {
  for (const char* path :
       {"/../secret.txt", "/css/../../secret.txt", "/./index.html", "/.hidden", "//secret.txt", "/secret.txt",
        "/outside/secret.txt", "/css\\..\\..\\secret.txt", "/missing.html", "", "index.html", "/..", "/."}) {
    EXPECT_EQ(resolve(path), std::nullopt) << path;
  }
  EXPECT_EQ(resolve(std::string_view("/index.html\0.png", 16)), std::nullopt);
}

TEST(ContentTypeFor, KnownExtensionsAndTheRest) {
  EXPECT_EQ(content_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("style.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("favicon.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("archive.tar"), "application/octet-stream");
  EXPECT_EQ(content_type_for("Makefile"), "application/octet-stream");
}

}  // namespace
}  // namespace sinmun::http
