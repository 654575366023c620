#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>

#include "analyzers/analyzer.h"
#include "tests/support/cpu_time.h"
#include "tests/support/installed_analyzer.h"

namespace sinmun {
namespace {

// Invariants for any input: no crash, offsets inside the text, start < end, starts never go
// backwards, positions never go backwards within a stream (n-grams have their own).
void check_invariants(const Analyzer& analyzer, const std::string& text) {
  std::size_t last_start = 0;
  std::uint32_t last_position[2] = {0, 0};
  for (const Token& token : analyzer.analyze(text)) {
    const int stream = token.kind == TokenKind::kNgram && analyzer.has_morphology() ? 1 : 0;
    ASSERT_LT(token.start, token.end);
    ASSERT_LE(token.end, text.size());
    ASSERT_GE(token.start, last_start);
    ASSERT_GE(token.position, last_position[stream]);
    ASSERT_FALSE(token.term.empty());
    last_start = token.start;
    last_position[stream] = token.position;
  }
}

// The analyzers under test: n-grams only, and with morphology when the dictionary is here.
std::vector<Analyzer> analyzers() {
  std::vector<Analyzer> out(1);
  if (const Analyzer* morph = testing::installed_analyzer()) out.push_back(*morph);
  return out;
}

TEST(RandomInputTest, ArbitraryBytes) {
  for (const Analyzer& analyzer : analyzers()) {
    std::mt19937 rng(20261128);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 200);
    for (int i = 0; i < 2000; ++i) {
      std::string text(static_cast<std::size_t>(length(rng)), '\0');
      for (char& c : text) c = static_cast<char>(byte(rng));
      check_invariants(analyzer, text);
    }
  }
}

TEST(RandomInputTest, MixesOfHangulJamoLatinDigitsAndPunctuation) {
  for (const Analyzer& analyzer : analyzers()) {
    const std::vector<std::string> pieces = {
        "수출", "을", "300", "만",  "억",           "엔비디아",     "의",           "H200", "3,500",    ".",
        "-",    "·",  "ㆍ",  " ",   "\xE1\x84\x92", "\xE1\x85\xA1", "\xE1\x86\xAB", "ㄱ",   "\xC2\xAD", "\xE2\x80\x8D",
        "C++",  "＋", "１",  "\xFF"};
    std::mt19937 rng(7);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    for (int i = 0; i < 2000; ++i) {
      std::string text;
      for (int k = 0; k < 30; ++k) text += pieces[pick(rng)];
      check_invariants(analyzer, text);
    }
  }
}

double seconds_to_check(const Analyzer& analyzer, const std::string& text, int runs) {
  return testing::best_cpu_seconds([&] { check_invariants(analyzer, text); }, runs);
}

std::string repeat(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// Runs without a break (jamo, spaces, one long Hangul word) must take time linear in their
// length: 10 times the input under 40 times as long (measured: 10 to 20 times; a quadratic
// step takes 100 times), or under 50 ms at all.
TEST(RandomInputTest, RunawayInputStaysFast) {
  const std::string jamo = repeat("ㄱ", 20000);
  for (const Analyzer& analyzer : analyzers()) {
    check_invariants(analyzer, jamo);
    check_invariants(analyzer, std::string(100000, ' ') + "끝");
    for (const auto& [piece, times] : {std::pair<std::string, int>{"ㄱ", 20000}, {" ", 1000000}, {"가", 10000}}) {
      const double short_time = seconds_to_check(analyzer, repeat(piece, times) + "끝", 3);
      const double long_time = seconds_to_check(analyzer, repeat(piece, 10 * times) + "끝", 2);
      EXPECT_LT(long_time, std::max(40 * short_time, 0.05))
          << analyzer.mode() << ": " << 10 * times << " x '" << piece << "'";
    }
  }
  EXPECT_EQ(Analyzer().analyze(jamo).size(), 19999u);
}

}  // namespace
}  // namespace sinmun
