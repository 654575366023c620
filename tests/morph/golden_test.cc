// Golden tables: exact morphemes (surface/POS@begin-end) for fixed inputs, plus the
// feature helpers and Dictionary::open failures.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/morph/segmenter.h"
#include "test_dictionary.h"

namespace sinmun::morph {
namespace {

using testing::dictionary_dir;
using testing::shared_dictionary;

// "surface/POS@begin-end" for each morpheme, space-separated.
std::string render(std::string_view text, const std::vector<Morpheme>& morphemes) {
  std::string out;
  for (const Morpheme& m : morphemes) {
    if (!out.empty()) out += ' ';
    out += std::string(text.substr(m.begin, m.end - m.begin)) + "/" + std::string(m.pos) + "@" +
           std::to_string(m.begin) + "-" + std::to_string(m.end);
  }
  return out;
}

std::string segment(std::string_view text, Segmenter::Options options = {}) {
  Segmenter segmenter(shared_dictionary(), options);
  return render(text, segmenter.segment(text));
}

struct Golden {
  const char* text;
  const char* expected;
};

TEST(MorphGolden, NewsInputs) {
  SINMUN_REQUIRE_DICTIONARY();
  const Golden table[] = {
      {"엔비디아의 H200 수출을 허용하자",
       "엔/NNG@0-3 비디아/NNG@3-12 의/JKG@12-15 H/SL@16-17 200/SN@17-20 수출/NNG@21-27 을/JKO@27-30 "
       "허용/NNG@31-37 하/XSV@37-40 자/EC@40-43"},
      {"밝혔다", "밝혔/VV+EP@0-6 다/EC@6-9"},
      {"반도체공급망을", "반도체/NNG@0-9 공급/NNG@9-15 망/NNG@15-18 을/JKO@18-21"},
      {"비급여", "비/XPN@0-3 급여/NNG@3-9"},
      {"GPT-5에 1,438.2원",
       "GPT/SL@0-3 -/SY@3-4 5/SN@4-5 에/JKB@5-8 1/SN@9-10 ,/SC@10-11 438/SN@11-14 ./SY@14-15 "
       "2/SN@15-16 원/NNBC@16-19"},
      {"  앞뒤 공백\n줄바꿈  ", "앞뒤/NNG@2-8 공백/NNG@9-15 줄/NNB@16-19 바꿈/VV+ETN@19-25"},
      {"\"허용한다\"고 말했다.",
       "\"/SY@0-1 허용/NNG@1-7 한다/XSV+EC@7-13 \"/SY@13-14 고/JKQ@14-17 말/NNG@18-21 "
       "했/XSV+EP@21-24 다/EF@24-27 ./SF@27-28"},
  };
  for (const Golden& g : table) EXPECT_EQ(segment(g.text), g.expected) << g.text;
}

TEST(MorphGolden, SpacePenaltyKeepsContentWordAfterSpace) {
  SINMUN_REQUIRE_DICTIONARY();
  const std::string text = "30분 이내에";
  EXPECT_EQ(segment(text), "30/SN@0-2 분/NNBC@2-5 이내/NNG@6-12 에/JKB@12-15");
  EXPECT_EQ(segment(text, {.space_penalty = false}), "30/SN@0-2 분/NNBC@2-5 이/JKS@6-9 내/NP@9-12 에/JKB@12-15");
}

TEST(MorphGolden, EmptyAndWhitespaceOnly) {
  SINMUN_REQUIRE_DICTIONARY();
  EXPECT_EQ(segment(""), "");
  EXPECT_EQ(segment(" \t\n  "), "");
}

TEST(MorphGolden, MorphemeFlagsAndFeature) {
  SINMUN_REQUIRE_DICTIONARY();
  Segmenter segmenter(shared_dictionary());
  const auto morphemes = segmenter.segment("밝혔다 퓌퓌");
  ASSERT_EQ(morphemes.size(), 3u);
  EXPECT_EQ(morphemes[0].feature, "VV+EP,*,T,밝혔,Inflect,VV,EP,밝히/VV/*+었/EP/*");
  EXPECT_EQ(morphemes[0].pos_id, 2);  // pos-id.def: any other Inflect
  EXPECT_FALSE(morphemes[0].unknown);
  EXPECT_TRUE(morphemes[2].unknown) << morphemes[2].feature;
  EXPECT_EQ(morphemes[2].pos, "UNKNOWN");
  EXPECT_FALSE(morphemes[2].user);
}

TEST(MorphGolden, RunawayInputsStayFast) {
  SINMUN_REQUIRE_DICTIONARY();
  Segmenter segmenter(shared_dictionary());
  std::string jamo;
  for (int i = 0; i < 10000; ++i) jamo += "ㄱ";
  const std::string spaces = "가" + std::string(100000, ' ') + "나";
  const std::string digits = std::string(50000, '7');
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(segmenter.segment(jamo).empty());
  EXPECT_EQ(segmenter.segment(spaces).size(), 2u);
  EXPECT_FALSE(segmenter.segment(digits).empty());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(MorphGolden, LatticeCompactionNeverChangesTheResult) {
  SINMUN_REQUIRE_DICTIONARY();
  std::ifstream in(testing::fixture("sentences.txt"));
  std::stringstream text;
  text << in.rdbuf();
  Segmenter whole(shared_dictionary());
  for (const std::size_t bound : {std::size_t{2}, std::size_t{64}, std::size_t{5000}}) {
    Segmenter compacting(shared_dictionary(), {.max_lattice_nodes = bound});
    EXPECT_EQ(render(text.str(), compacting.segment(text.str())), render(text.str(), whole.segment(text.str())))
        << "max_lattice_nodes " << bound;
  }
}

TEST(FeatureHelpers, Fields) {
  const std::string_view f = "VV+EP,*,T,밝혔,Inflect,VV,EP,밝히/VV/*+었/EP/*";
  EXPECT_EQ(feature_field(f, 0), "VV+EP");
  EXPECT_EQ(feature_field(f, 4), "Inflect");
  EXPECT_EQ(feature_field(f, 7), "밝히/VV/*+었/EP/*");
  EXPECT_EQ(feature_field(f, 8), "");
  EXPECT_EQ(feature_field("SC,*,*,\",\",*", 3), ",");
}

TEST(FeatureHelpers, ExpressionParts) {
  const auto parts = expression_parts("NNG,*,F,반도체,Compound,*,*,반/NNG/*+도체/NNG/*");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].surface, "반");
  EXPECT_EQ(parts[0].pos, "NNG");
  EXPECT_EQ(parts[1].surface, "도체");
  EXPECT_TRUE(expression_parts("NNG,*,F,급여,*,*,*,*").empty());
  EXPECT_TRUE(expression_parts("").empty());
}

// A dictionary directory whose files link to the real ones except `broken`, which gets
// `contents` instead.
std::filesystem::path damaged_copy(const std::string& broken, const std::string& contents) {
  const auto dir = std::filesystem::temp_directory_path() / ("sinmun-morph-damaged-" + broken);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const char* name : {"sys.dic", "unk.dic", "matrix.bin", "char.bin", "dicrc"}) {
    if (name == broken) {
      std::ofstream(dir / name, std::ios::binary) << contents;
    } else {
      std::filesystem::create_symlink(dictionary_dir() / name, dir / name);
    }
  }
  return dir;
}

void expect_open_error(const std::filesystem::path& dir, const std::string& needle) {
  try {
    Dictionary::open(dir);
    ADD_FAILURE() << "no exception for " << dir;
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
  }
}

TEST(DictionaryOpen, ReportsWhatIsWrong) {
  SINMUN_REQUIRE_DICTIONARY();
  expect_open_error("/nonexistent/sinmun-dict", "not found");
  expect_open_error(damaged_copy("sys.dic", std::string(100, 'x')), "sys.dic: bad magic");
  expect_open_error(damaged_copy("unk.dic", "short"), "unk.dic: truncated");
  expect_open_error(damaged_copy("matrix.bin", std::string(10, '\0')), "matrix.bin: size");
  expect_open_error(damaged_copy("char.bin", "ab"), "char.bin: truncated");
}

}  // namespace
}  // namespace sinmun::morph
