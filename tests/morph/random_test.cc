// Random bytes and random script mixes: no crash, offsets inside the text and in order.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "analyzers/morph/segmenter.h"
#include "test_dictionary.h"
#include "tests/support/random_text.h"

namespace sinmun::morph {
namespace {

using ::sinmun::testing::random_bytes;
using ::sinmun::testing::random_mix;
using testing::shared_dictionary;

void expect_well_formed(std::string_view text, const std::vector<Morpheme>& morphemes) {
  std::size_t last_end = 0;
  for (const Morpheme& m : morphemes) {
    ASSERT_LE(last_end, m.begin) << "offsets go backwards";
    ASSERT_LT(m.begin, m.end) << "empty morpheme";
    ASSERT_LE(m.end, text.size()) << "morpheme past the end";
    ASSERT_FALSE(m.pos.empty());
    last_end = m.end;
  }
}

TEST(MorphRandom, RandomBytesNeverBreakInvariants) {
  SINMUN_REQUIRE_DICTIONARY();
  Segmenter segmenter(shared_dictionary());
  std::mt19937 rng(20251128);
  std::uniform_int_distribution<std::size_t> length(0, 200);
  for (int i = 0; i < 2000; ++i) {
    const std::string text = random_bytes(rng, length(rng));
    expect_well_formed(text, segmenter.segment(text));
  }
}

TEST(MorphRandom, RandomScriptMixesNeverBreakInvariants) {
  SINMUN_REQUIRE_DICTIONARY();
  Segmenter segmenter(shared_dictionary());
  Segmenter plain(shared_dictionary(), {.space_penalty = false});
  std::mt19937 rng(42);
  std::uniform_int_distribution<std::size_t> length(0, 120);
  for (int i = 0; i < 2000; ++i) {
    const std::string text = random_mix(rng, length(rng));
    const auto morphemes = segmenter.segment(text);
    expect_well_formed(text, morphemes);
    expect_well_formed(text, plain.segment(text));
    // Scratch buffers are reused between calls: the same text must give the same answer.
    ASSERT_EQ(segmenter.segment(text).size(), morphemes.size());
  }
}

TEST(MorphRandom, EveryNonSpaceByteIsCovered) {
  SINMUN_REQUIRE_DICTIONARY();
  Segmenter segmenter(shared_dictionary());
  std::mt19937 rng(7);
  for (int i = 0; i < 500; ++i) {
    const std::string text = random_mix(rng, 60);
    std::vector<bool> covered(text.size(), false);
    for (const Morpheme& m : segmenter.segment(text)) {
      for (std::size_t b = m.begin; b < m.end; ++b) covered[b] = true;
    }
    for (std::size_t b = 0; b < text.size(); ++b) {
      const char c = text[b];
      if (c != ' ' && c != '\n' && c != '\t') {
        ASSERT_TRUE(covered[b]) << "byte " << b << " of " << text;
      }
    }
  }
}

}  // namespace
}  // namespace sinmun::morph
