// Golden tables of user-dictionary words: each keeps, as its parts, the terms the system
// dictionary alone gives its surface, so that adding a word never loses a match its pieces
// made. The words are invented, in a user dictionary written here.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyzers/dictionary_location.h"
#include "tests/analyzers/golden.h"
#include "tests/support/dictionary.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

using testing::encode;
using testing::encode_structure;

struct Golden {
  const char* text;
  const char* terms;      // encode(): term@position[/length][start-end]kind
  const char* structure;  // encode_structure(): term#piece:role<compound/POS
};

class UserWordTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SINMUN_REQUIRE_DICTIONARY();
    const auto user_dictionary = dir_.write("user.tsv",
                                            "쿠룬타사\tNNP\n"  // sys.dic: 쿠룬/NNP 타사/NNG
                                            "푸른돌법\tNNP\n"  // 푸르/VA+ETM 돌/NNG 법/NNG
                                            "도르가\tNNP\n"    // 도르/NNP 가/JKS
                                            "벨모라법\tNNP\n"  // 벨 (no content) 모라/NNG 법/NNG
                                            "정부\tNNP\n");    // one sys.dic morpheme already
    analyzer_ = make_analyzer({testing::dictionary_dir().string(), user_dictionary.string(), AnalysisMode::kMorpheme},
                              [](const std::string& message) { ADD_FAILURE() << message; });
  }

  testing::TempDir dir_;
  Analyzer analyzer_;
};

TEST_F(UserWordTest, GoldenTable) {
  const Golden table[] = {
      // The word spans its parts, which sit at consecutive positions from its own.
      {"쿠룬타사가", "쿠룬타사@0/2[0-12]m 쿠룬@0[0-6]m 타사@1[6-12]m",
       "쿠룬타사#0:compound/NNP 쿠룬#0:part<쿠룬타사/NNP 타사#0:part<쿠룬타사/NNG"},
      // A part is a term as the system dictionary indexed it: a stem in its dictionary form,
      // and only the content (the particle 가 of 도르가 and the 벨 of 벨모라법 were never terms).
      {"푸른돌법을", "푸른돌법@0/3[0-12]m 푸르@0[0-6]m 돌@1[6-9]m 법@2[9-12]m",
       "푸른돌법#0:compound/NNP 푸르#0:part<푸른돌법/VA 돌#0:part<푸른돌법/NNG 법#0:part<푸른돌법/NNG"},
      {"도르가는", "도르가@0[0-9]m 도르@0[0-6]m", "도르가#0:compound/NNP 도르#0:part<도르가/NNP"},
      {"벨모라법", "벨모라법@0/2[0-12]m 모라@0[3-9]m 법@1[9-12]m",
       "벨모라법#0:compound/NNP 모라#0:part<벨모라법/NNG 법#0:part<벨모라법/NNG"},
      // A word the system dictionary reads as one morpheme has no parts.
      {"정부는", "정부@0[0-6]m", "정부#0:whole/NNP"},
      // Glued to another noun, the word is one part of the longer compound.
      {"쿠룬타사공장", "쿠룬타사공장@0/2[0-18]m 쿠룬타사@0[0-12]m 공장@1[12-18]m",
       "쿠룬타사공장#0:compound/NNP 쿠룬타사#0:part<쿠룬타사공장/NNP 공장#0:part<쿠룬타사공장/NNG"},
      // Positions go on after the parts.
      {"푸른돌법 쿠룬타사",
       "푸른돌법@0/3[0-12]m 푸르@0[0-6]m 돌@1[6-9]m 법@2[9-12]m 쿠룬타사@3/2[13-25]m 쿠룬@3[13-19]m 타사@4[19-25]m",
       "푸른돌법#0:compound/NNP 푸르#0:part<푸른돌법/VA 돌#0:part<푸른돌법/NNG 법#0:part<푸른돌법/NNG "
       "쿠룬타사#1:compound/NNP 쿠룬#1:part<쿠룬타사/NNP 타사#1:part<쿠룬타사/NNG"},
  };
  for (const Golden& golden : table) {
    const std::vector<Token> tokens = analyzer_.analyze(golden.text);
    EXPECT_EQ(encode(tokens), golden.terms) << golden.text;
    EXPECT_EQ(encode_structure(tokens), golden.structure) << golden.text;
  }
}

// The parts are exactly the terms the word alone had without the user dictionary: whatever
// matched then (a phrase of the pieces, one piece alone) still matches. (Its context may
// change the system dictionary's reading: 도르가는 is 도르+가+는 to it, 도르가 is 도르+가/JKS.)
TEST_F(UserWordTest, PartsAreTheTermsWithoutTheWord) {
  const Analyzer plain = make_analyzer({testing::dictionary_dir().string(), "none", AnalysisMode::kMorpheme},
                                       [](const std::string& message) { ADD_FAILURE() << message; });
  for (const char* text : {"쿠룬타사", "푸른돌법", "도르가", "벨모라법"}) {
    std::vector<std::string> before, parts;
    for (const Token& t : plain.analyze(text)) {
      if (t.role != TokenRole::kCompound && t.role != TokenRole::kAffixed) before.push_back(t.term);
    }
    for (const Token& t : analyzer_.analyze(text)) {
      if (t.role == TokenRole::kPart) parts.push_back(t.term);
    }
    EXPECT_EQ(parts, before) << text;
  }
}

}  // namespace
}  // namespace sinmun
