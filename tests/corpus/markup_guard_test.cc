// guard_markup against Gumbo itself: however a page repeats a pattern of tags, the tree Gumbo
// builds from the guarded page stays within a small multiple of the depth limit; pages within
// the limit pass unchanged; and the markup that aborts Gumbo 0.10.1 no longer reaches it.
#include "corpus/markup_guard.h"

#include <gtest/gtest.h>
#include <gumbo.h>

#include <filesystem>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "corpus/html_extractor.h"
#include "tests/corpus/fixtures.h"

namespace sinmun {
namespace {

constexpr std::size_t kLimit = 64;  // small, so that Gumbo's time on the deep pages stays small
// The elements the guard keeps off its stack (<p>, <tr>, <tbody>, …) cannot build depth on
// their own, but they add levels between the ones it counts.
constexpr std::size_t kBound = 3 * kLimit + 50;

std::size_t gumbo_depth(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  std::size_t deepest = 0;
  std::vector<std::pair<const GumboNode*, std::size_t>> pending = {{output->root, 1}};
  while (!pending.empty()) {
    const auto [node, depth] = pending.back();
    pending.pop_back();
    deepest = std::max(deepest, depth);
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) continue;
    for (unsigned i = 0; i < node->v.element.children.length; ++i) {
      pending.emplace_back(static_cast<const GumboNode*>(node->v.element.children.data[i]), depth + 1);
    }
  }
  gumbo_destroy_output(&options, output);
  return deepest;
}

std::string repeat(const std::string& pattern, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += pattern;
  return out;
}

std::size_t guarded_depth(const std::string& html) {
  std::string storage;
  return gumbo_depth(guard_markup(html, kLimit, storage));
}

// Each of these once took a model of the stack below Gumbo's, without bound: stray end tags,
// elements that close each other (<li>/<dd>), formatting elements HTML reopens, SVG that
// looks closed, framesets.
TEST(MarkupGuardTest, PatternsThatOnceSlippedPastStayBounded) {
  const char* patterns[] = {
      "<div>",
      "<div></span>",
      "<span><div></span>",
      "<b><a>",
      "<strong><i><a>",
      "<font/><math/><option/><nobr>",
      "<center><li>x<dd>x</math>x<hr>",
      "<li>x<dd>",
      "<pre></code><path/>x<svg><title/>x",
      "<svg>x</p></foreignObject><title>",
      "</br><svg>x</iframe>",
      "</frameset>x<frameset><x-custom><br>",
      "<frameset/>x<iframe><noscript><math>x<tbody>",
      "<table><td><table><tr><td>",
      "<h1><span><h1></span>",
      "<span/>",
      "<svg><path/>",
      "<object><div><b>x</div><td>x",
  };
  for (const char* pattern : patterns) {
    EXPECT_LE(guarded_depth(repeat(pattern, 2000)), kBound) << pattern;
  }
  // Formatting elements reopened without end: distinct, so HTML's cap of three alike does
  // not apply.
  std::string reopened;
  for (int i = 0; i < 2000; ++i) reopened += "<div><b id=" + std::to_string(i) + ">x</div>";
  EXPECT_LE(guarded_depth(reopened), kBound);
}

TEST(MarkupGuardTest, RandomRepeatedPatternsStayBounded) {
  const std::vector<std::string> tags = {"div",
                                         "span",
                                         "p",
                                         "a",
                                         "b",
                                         "i",
                                         "font",
                                         "table",
                                         "tr",
                                         "td",
                                         "th",
                                         "tbody",
                                         "caption",
                                         "ul",
                                         "li",
                                         "ol",
                                         "dl",
                                         "dd",
                                         "dt",
                                         "h1",
                                         "h2",
                                         "select",
                                         "option",
                                         "optgroup",
                                         "svg",
                                         "math",
                                         "title",
                                         "desc",
                                         "foreignObject",
                                         "mi",
                                         "mtext",
                                         "annotation-xml",
                                         "mglyph",
                                         "g",
                                         "path",
                                         "form",
                                         "button",
                                         "nobr",
                                         "object",
                                         "marquee",
                                         "template",
                                         "frameset",
                                         "frame",
                                         "html",
                                         "body",
                                         "head",
                                         "section",
                                         "em",
                                         "strong",
                                         "code",
                                         "pre",
                                         "center",
                                         "small",
                                         "rt",
                                         "rp",
                                         "ruby",
                                         "noscript",
                                         "iframe",
                                         "textarea",
                                         "input",
                                         "img",
                                         "br",
                                         "hr",
                                         "col",
                                         "colgroup",
                                         "details",
                                         "x-custom",
                                         "image",
                                         "plaintext",
                                         "xmp",
                                         "script",
                                         "style",
                                         "noframes"};
  const std::vector<std::string> attributes = {"", "", "", " color=red", " encoding=text/html", " id=x", " a='>'"};
  std::mt19937 rng(20260301);
  const auto below = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  for (int i = 0; i < 600; ++i) {
    std::string pattern;
    for (std::size_t k = 0, n = 1 + below(6); k < n; ++k) {
      const std::string& tag = tags[below(tags.size())];
      const std::size_t kind = below(10);
      if (kind < 6) {
        pattern += "<" + tag + attributes[below(attributes.size())] + (kind == 0 ? "/>" : ">");
      } else {
        pattern += "</" + tag + ">";
      }
      if (below(4) == 0) pattern += "x";
    }
    ASSERT_LE(guarded_depth(repeat(pattern, 600)), kBound) << pattern;
  }
}

// Pages within the limit reach Gumbo as they are: the guard hands back the page itself.
TEST(MarkupGuardTest, OrdinaryPagesPassUnchanged) {
  std::vector<std::filesystem::path> pages;
  for (const auto& entry : std::filesystem::directory_iterator(testing::fixture_dir() / "html")) pages.push_back(entry);
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(std::filesystem::path(SINMUN_SOURCE_DIR) / "corpus/sample")) {
    if (entry.path().extension() == ".html") pages.push_back(entry);
  }
  ASSERT_GT(pages.size(), 6u);
  for (const auto& page : pages) {
    const std::string html = testing::read_bytes(page);
    std::string storage;
    const std::string_view guarded = guard_markup(html, kMaxHtmlNesting, storage);
    EXPECT_EQ(guarded.data(), html.data()) << page;
  }
  std::string storage;
  const std::string deep = repeat("<div>", kLimit) + "본문" + repeat("</div>", kLimit);
  EXPECT_EQ(guard_markup(deep, kLimit, storage).data(), deep.data()) << "exactly at the limit";
  EXPECT_EQ(guard_markup("<div>" + deep, kLimit, storage),
            "<div>" + repeat("<div>", kLimit - 1) + "본문" + repeat("</div>", kLimit))
      << "one past it: the last start tag is left out";
}

// Each aborted Gumbo 0.10.1 (a failed assertion in its tree builder): found by random pages.
TEST(MarkupGuardTest, SelectsInSvgOrMathNoLongerAbortGumbo) {
  const char* pages[] = {
      "<table><td><svg><select><title><table></table><tr>",
      "<table><svg><th><title><select></table>",
      "<table><tbody><svg><select><title><select></tbody>",
      "<table><svg><select><desc><select><th>",
      "<table><math><th><mi><select></table>",
      "<table><svg><th><foreignObject><div></svg><select></table>",
      "<table><svg></math><th><title><select></table>",
      "<svg><template><table><svg><button><select><title><select><th>",
  };
  for (const char* page : pages) {
    std::string storage;
    const std::string guarded(guard_markup(page, kMaxHtmlNesting, storage));
    EXPECT_EQ(guarded.find("select"), std::string::npos) << guarded;
    EXPECT_NE(guarded.find("aside"), std::string::npos) << guarded;
    gumbo_depth(guarded);                            // would abort the test program
    EXPECT_EQ(extract_html_article(page).body, "");  // so would this
  }
  std::string storage;
  EXPECT_EQ(guard_markup("<select><option>a</select><svg/>", kMaxHtmlNesting, storage),
            "<select><option>a</select><svg/>")
      << "a select before any SVG stays";
}

}  // namespace
}  // namespace sinmun
