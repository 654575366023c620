#include "searcher/detail/snippet.h"

#include <gtest/gtest.h>

#include "tests/support/installed_analyzer.h"

namespace sinmun {
namespace {

TEST(SnippetTest, HighlightsMatchesInsideTheirWordAndEscapesMarkup) {
  const Analyzer analyzer;
  EXPECT_EQ(make_snippet("엔비디아의 H200 <b>수출을</b> 허용", {"h200", "XN수출"}, analyzer),
            "엔비디아의 <mark>H200</mark> &lt;b&gt;<mark>수출</mark>을&lt;/b&gt; 허용");
}

TEST(SnippetTest, OverlappingBigramsMergeIntoOneMark) {
  const Analyzer analyzer;
  EXPECT_EQ(make_snippet("엔비디아가", {"XN엔비", "XN비디", "XN디아"}, analyzer), "<mark>엔비디아</mark>가");
}

TEST(SnippetTest, PicksThePassageWithTheMatchesAndCutsOnCharacters) {
  const Analyzer analyzer;
  std::string text;
  for (int i = 0; i < 100; ++i) text += "가나다 ";
  text += "H200 수출 통제";
  for (int i = 0; i < 100; ++i) text += " 라마바";
  const std::string snippet = make_snippet(text, {"h200", "XN수출"}, analyzer, 40);
  EXPECT_TRUE(snippet.starts_with("…")) << snippet;
  EXPECT_TRUE(snippet.ends_with("…")) << snippet;
  EXPECT_NE(snippet.find("<mark>H200</mark> <mark>수출</mark> 통제"), std::string::npos) << snippet;
}

TEST(SnippetTest, CutsFallOnWordBoundaries) {
  const Analyzer analyzer;
  std::string text;
  for (int i = 0; i < 30; ++i) text += "트럼프 미국 대통령이 말했다 ";
  text += "엔비디아의 H200 수출을 허용하자는 주장이 나왔다";
  for (int i = 0; i < 30; ++i) text += " 시장은 차분하게 반응했다";
  for (const std::size_t length : {20, 37, 40, 53, 160}) {
    const std::string snippet = make_snippet(text, {"h200", "XN수출"}, analyzer, length);
    ASSERT_TRUE(snippet.starts_with("…")) << snippet;
    ASSERT_TRUE(snippet.ends_with("…")) << snippet;
    const std::string inner = snippet.substr(3, snippet.size() - 6);
    EXPECT_NE(snippet.find("<mark>H200</mark>"), std::string::npos) << snippet;
    // Every word of the window is a whole word of the text.
    std::string plain;
    for (std::size_t i = 0; i < inner.size();) {
      if (inner.compare(i, 6, "<mark>") == 0) {
        i += 6;
        continue;
      }
      if (inner.compare(i, 7, "</mark>") == 0) {
        i += 7;
        continue;
      }
      plain += inner[i++];
    }
    const std::string padded = " " + text + " ";
    EXPECT_NE(padded.find(" " + plain + " "), std::string::npos) << length << ": " << snippet;
  }
}

// One article of megabytes of Hangul without a space: the snippet analyses a window, never
// the whole "word" (which once took 10 s and 1.4 GB per result).
TEST(SnippetTest, ATextWithoutSpacesIsAnalysedAroundTheMatchOnly) {
  SINMUN_REQUIRE_DICTIONARY();
  const Analyzer* analyzer = testing::installed_analyzer();
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "가나다라마";
  const std::string with_match = text.substr(0, text.size() / 2) + "수출" + text.substr(text.size() / 2);
  for (const std::string* body : {static_cast<const std::string*>(&text), &with_match}) {
    AnalysisContext context(std::size_t{256} << 20);
    const std::string snippet = make_snippet(*body, {"XN수출", "수출"}, *analyzer, 160, &context);
    EXPECT_LT(snippet.size(), 4000u);
    EXPECT_LT(context.cache_bytes_used(), std::size_t{1} << 20)
        << "analysed " << context.cache_bytes_used() << " bytes of pieces";
  }
  EXPECT_NE(make_snippet(with_match, {"XN수출"}, *analyzer).find("<mark>수출</mark>"), std::string::npos);
}

TEST(SnippetTest, FindsAMatchDeepInALongTextAndHighlightsUpperCase) {
  const Analyzer analyzer;
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "가나다 라마 ";
  text += "엔비디아의 H200 수출 통제";
  for (int i = 0; i < 5000; ++i) text += " 바사아";
  const std::string snippet = make_snippet(text, {"h200", "XN수출"}, analyzer, 40);
  EXPECT_NE(snippet.find("<mark>H200</mark> <mark>수출</mark> 통제"), std::string::npos) << snippet;
}

TEST(SnippetTest, WithoutMatchesShowsTheStart) {
  const Analyzer analyzer;
  EXPECT_EQ(make_snippet("짧은 글", {"XN없음"}, analyzer), "짧은 글");
}

}  // namespace
}  // namespace sinmun
