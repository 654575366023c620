// The TSV user dictionary: entries win, bad lines are reported and skipped, order is moot.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "analyzers/morph/segmenter.h"
#include "test_dictionary.h"

namespace sinmun::morph {
namespace {

using testing::dictionary_dir;
using testing::fixture;

std::shared_ptr<const Dictionary> open_with(const std::filesystem::path& user,
                                            std::vector<std::string>* reports = nullptr) {
  return Dictionary::open(dictionary_dir(), {.user_dictionary = user}, [&](const std::string& message) {
    if (reports != nullptr) reports->push_back(message);
  });
}

// "surface/POS" (with "+user" for user entries) for each morpheme, space-separated.
std::string render(const std::shared_ptr<const Dictionary>& dictionary, std::string_view text) {
  Segmenter segmenter(dictionary);
  std::string out;
  for (const Morpheme& m : segmenter.segment(text)) {
    if (!out.empty()) out += ' ';
    out += std::string(text.substr(m.begin, m.end - m.begin)) + "/" + std::string(m.pos) + (m.user ? "+user" : "");
  }
  return out;
}

std::filesystem::path write_temp(const std::string& name, const std::vector<std::string>& lines) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream out(path);
  for (const std::string& line : lines) out << line << '\n';
  return path;
}

TEST(UserDictionary, ProperNounBecomesOneMorpheme) {
  SINMUN_REQUIRE_DICTIONARY();
  EXPECT_EQ(render(testing::shared_dictionary(), "엔비디아의 딥시크"), "엔/NNG 비디아/NNG 의/JKG 딥/NNG 시크/NNG");
  const auto dictionary = open_with(fixture("user-dict.tsv"));
  EXPECT_EQ(render(dictionary, "엔비디아의 H200 수출을"), "엔비디아/NNP+user 의/JKG H/SL 200/SN 수출/NNG 을/JKO");
  EXPECT_EQ(render(dictionary, "딥시크가 퓨리오사와"), "딥시크/NNP+user 가/JKS 퓨리오사/NNP+user 와/JKB");
}

TEST(UserDictionary, ContextIdsFollowFinalConsonant) {
  SINMUN_REQUIRE_DICTIONARY();
  const auto dictionary = open_with(fixture("user-dict.tsv"));
  for (const UserEntry& e : dictionary->user().entries()) {
    EXPECT_EQ(e.left_id, 1786) << e.surface;
    EXPECT_EQ(e.right_id, 3545) << e.surface;  // all end in a vowel
    EXPECT_EQ(e.pos_id, 151);
  }
  const auto closed = open_with(write_temp("sinmun-user-closed.tsv", {"오픈랩\tNNP"}));
  ASSERT_EQ(closed->user().entries().size(), 1u);
  EXPECT_EQ(closed->user().entries()[0].right_id, 3546);
  EXPECT_EQ(closed->user().entries()[0].feature, "NNP,*,T,오픈랩,*,*,*,*");
}

TEST(UserDictionary, BadLinesAreReportedWithLineNumbersAndSkipped) {
  SINMUN_REQUIRE_DICTIONARY();
  std::vector<std::string> reports;
  const auto dictionary = open_with(fixture("user-dict-bad-lines.tsv"), &reports);
  ASSERT_EQ(reports.size(), 5u);
  const std::string file = fixture("user-dict-bad-lines.tsv").string();
  EXPECT_EQ(reports[0].rfind(file + ":3: expected surface<TAB>POS", 0), 0u) << reports[0];
  EXPECT_EQ(reports[1].rfind(file + ":4: cost 'cheap'", 0), 0u) << reports[1];
  EXPECT_EQ(reports[2].rfind(file + ":6: empty surface", 0), 0u) << reports[2];
  EXPECT_EQ(reports[3].rfind(file + ":7: expected surface<TAB>POS", 0), 0u) << reports[3];
  EXPECT_EQ(reports[4].rfind(file + ":5: POS 'FOO'", 0), 0u) << reports[4];
  // The good lines around them still load.
  EXPECT_EQ(render(dictionary, "엔비디아와 캠브리콘"), "엔비디아/NNP+user 와/JC 캠브리콘/NNP+user");
}

TEST(UserDictionary, EntryOrderDoesNotMatter) {
  SINMUN_REQUIRE_DICTIONARY();
  std::vector<std::string> lines = {"엔비디아\tNNP", "엔비\tNNG",       "비디아\tNNP\t100", "딥시크\tNNP",
                                    "딥\tMAG",       "시크\tNNG\t-500", "엔비디아\tNNG",    "국민의힘\tNNP"};
  const auto forward = open_with(write_temp("sinmun-user-forward.tsv", lines));
  std::reverse(lines.begin(), lines.end());
  std::swap(lines[1], lines[5]);
  const auto shuffled = open_with(write_temp("sinmun-user-shuffled.tsv", lines));
  for (const char* text : {"엔비디아의 딥시크 국민의힘 엔비 비디아", "딥시크엔비디아", "시크한 엔비디아"}) {
    EXPECT_EQ(render(forward, text), render(shuffled, text)) << text;
  }
}

TEST(UserDictionary, OtherPartsOfSpeechCopySystemIdsAndCostIsHonoured) {
  SINMUN_REQUIRE_DICTIONARY();
  const auto dictionary = open_with(write_temp("sinmun-user-nng.tsv", {"공급망재편\tNNG", "허용하\tNNG\t30000"}));
  EXPECT_EQ(render(dictionary, "공급망재편을 허용하자"), "공급망재편/NNG+user 을/JKO 허용/NNG 하/XSV 자/EC");
}

// "surface/POS" of a user word's system reading, space-separated.
std::string render_reading(std::string_view word, std::span<const Morpheme> reading) {
  std::string out;
  for (const Morpheme& m : reading) {
    if (!out.empty()) out += ' ';
    out += std::string(word.substr(m.begin, m.end - m.begin)) + "/" + std::string(m.pos);
  }
  return out;
}

TEST(UserDictionary, EachWordKeepsHowTheSystemDictionaryAloneReadsIt) {
  SINMUN_REQUIRE_DICTIONARY();
  const auto dictionary =
      open_with(write_temp("sinmun-user-reading.tsv", {"쿠룬타사\tNNP", "도르가\tNNP", "정부\tNNP"}));
  std::map<std::string, std::string> readings;
  for (const UserEntry& e : dictionary->user().entries())
    readings[e.surface] = render_reading(e.surface, e.system_reading);
  // 정부 is read as one morpheme already: nothing to keep.
  EXPECT_EQ(readings, (std::map<std::string, std::string>{
                          {"쿠룬타사", "쿠룬/NNP 타사/NNG"}, {"도르가", "도르/NNP 가/JKS"}, {"정부", ""}}));
  // The segmenter hands the reading out with the word, offsets relative to it.
  Segmenter segmenter(dictionary);
  const std::string text = "정부와 쿠룬타사가";
  const std::vector<Morpheme> morphemes = segmenter.segment(text);
  ASSERT_EQ(render(dictionary, text), "정부/NNP+user 와/JC 쿠룬타사/NNP+user 가/JKS");
  EXPECT_TRUE(morphemes[0].system_reading.empty());
  EXPECT_EQ(render_reading(text.substr(morphemes[2].begin), morphemes[2].system_reading), "쿠룬/NNP 타사/NNG");
  // Words without a user dictionary come with none.
  EXPECT_TRUE(morphemes[1].system_reading.empty());
}

TEST(UserDictionary, MissingFileIsAnError) {
  SINMUN_REQUIRE_DICTIONARY();
  EXPECT_THROW(open_with("/nonexistent/user.tsv"), std::runtime_error);
}

}  // namespace
}  // namespace sinmun::morph
