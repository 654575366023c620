// Learning words and aliases from a small corpus we wrote ourselves, around invented names
// that no dictionary holds: 쿠룬타사 (a company), 벨모라법 (a law), 탈리옹 (a person).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "base/errors.h"
#include "lexicon/alias_miner.h"
#include "lexicon/noun_learner.h"
#include "tests/support/installed_analyzer.h"
#include "tests/support/temp_dir.h"

namespace sinmun::lexicon {
namespace {

struct Dated {
  std::string date;
  std::string text;
};

// Each invented name with many particles, in sentences of ordinary words; 벨모라 appears only
// inside 벨모라법.
std::vector<Dated> written_corpus() {
  const std::vector<std::string> sentences = {
      "쿠룬타사가 새 공장을 세운다고 정부가 밝혔다.",
      "쿠룬타사는 올해 매출이 늘었다고 발표했다.",
      "정부는 쿠룬타사의 투자 계획을 검토하고 있다.",
      "시장은 쿠룬타사를 주목하고 있다.",
      "쿠룬타사와 협력하는 기업이 늘었다.",
      "전문가들은 쿠룬타사에 대한 기대가 크다고 말했다.",
      "쿠룬타사 주가가 크게 올랐다.",
      "국회는 벨모라법을 통과시켰다.",
      "벨모라법이 시행되면 노동자가 보호된다.",
      "벨모라법은 오랫동안 논란이 되었다.",
      "야당은 벨모라법의 처리를 요구했다.",
      "정부는 벨모라법에 반대 의견을 냈다.",
      "벨모라법 개정안이 발의되었다.",
      "탈리옹은 기자회견에서 입장을 밝혔다.",
      "탈리옹이 대표로 선출되었다.",
      "시민들은 탈리옹의 연설에 박수를 보냈다.",
      "탈리옹을 지지하는 사람이 많다.",
      "탈리옹과 정부가 합의했다.",
      "탈리옹 대표는 다음 주에 방문한다.",
  };
  std::vector<Dated> corpus;
  for (int round = 0; round < 3; ++round) {
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      const int month = 3 + round;
      corpus.push_back({"2025-0" + std::to_string(month) + "-1" + std::to_string(i % 10), sentences[i]});
    }
  }
  return corpus;
}

const Analyzer kNgrams;

ForEachText over(const std::vector<Dated>& corpus) {
  return [&corpus](const std::function<void(const LearnText&)>& visit) {
    for (const Dated& d : corpus) visit({d.text, d.date});
  };
}

std::vector<std::string> words_of(const std::vector<NounCandidate>& found) {
  std::vector<std::string> words;
  for (const NounCandidate& c : found) words.push_back(c.word);
  return words;
}

bool has(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

void expect_invented_names_and_no_particle_forms(const std::vector<NounCandidate>& found) {
  const std::vector<std::string> words = words_of(found);
  for (const char* name : {"쿠룬타사", "벨모라법", "탈리옹"}) EXPECT_TRUE(has(words, name)) << name;
  for (const std::string& word : words) {
    for (const char* name : {"쿠룬타사", "벨모라법", "탈리옹"}) {
      // Never the name with its particle (쿠룬타사가, 벨모라법은), nor a piece of it (벨모라).
      EXPECT_FALSE(word != name && word.starts_with(name)) << word;
      EXPECT_FALSE(word != name && std::string(name).starts_with(word)) << word;
    }
  }
}

TEST(NounLearnerTest, FindsInventedNamesWithoutParticlesOrFragments) {
  const std::vector<Dated> corpus = written_corpus();
  const std::vector<NounCandidate> found =
      learn_nouns(over(corpus), Analyzer(), default_right_parts(), {.min_count = 3, .limit = 0});
  expect_invented_names_and_no_particle_forms(found);
}

TEST(NounLearnerTest, WithTheDictionaryDropsWhatItReadsAsOneWord) {
  SINMUN_REQUIRE_DICTIONARY();
  const Analyzer& analyzer = *testing::installed_analyzer(AnalysisMode::kMorphemeNgram, "none");
  const std::vector<Dated> corpus = written_corpus();
  const std::vector<NounCandidate> found =
      learn_nouns(over(corpus), analyzer, default_right_parts(), {.min_count = 3, .limit = 0});
  expect_invented_names_and_no_particle_forms(found);
  const std::vector<std::string> words = words_of(found);
  // 정부 takes as many particles here as the names do, but the dictionary knows it.
  EXPECT_FALSE(has(words, "정부"));
  EXPECT_FALSE(has(words, "기자회견"));
}

TEST(NounLearnerTest, WordsOfTheUserDictionaryAreNotLearnedAgain) {
  SINMUN_REQUIRE_DICTIONARY();
  const testing::TempDir dir;
  const std::string user_dictionary = dir.write("user.tsv", "쿠룬타사\tNNP\n탈리옹\tNNP\n").string();
  const Analyzer& analyzer = *testing::installed_analyzer(AnalysisMode::kMorphemeNgram, user_dictionary);
  const std::vector<std::string> words =
      words_of(learn_nouns(over(written_corpus()), analyzer, default_right_parts(), {.min_count = 3, .limit = 0}));
  // Read as one word now (its 2018 pieces kept only as its parts), so not a candidate.
  EXPECT_FALSE(has(words, "쿠룬타사"));
  EXPECT_FALSE(has(words, "탈리옹"));
  EXPECT_TRUE(has(words, "벨모라법"));
}

// A name always written bare (젤카몬 사건) is a noun; a word always written with the same
// particle (벨라트는) is not one word.
TEST(NounLearnerTest, BareNamesAreLearnedButNotANounAlwaysWithOneParticle) {
  std::vector<Dated> corpus;
  for (const char* sentence :
       {"젤카몬 사건 수사가 시작됐다.", "검찰은 젤카몬 사건을 조사했다.", "젤카몬 사건 핵심 인물이 체포됐다.",
        "벨라트는 회의에 참석했다.", "벨라트는 성명을 냈다.", "벨라트는 다음 달 방문한다."}) {
    for (int round = 0; round < 3; ++round) corpus.push_back({"2025-06-01", sentence});
  }
  for (const Analyzer* analyzer : {&kNgrams, testing::installed_analyzer(AnalysisMode::kMorphemeNgram, "none")}) {
    if (analyzer == nullptr) continue;  // no dictionary: the n-gram analysis alone
    const std::vector<std::string> words =
        words_of(learn_nouns(over(corpus), *analyzer, default_right_parts(), {.min_count = 3, .limit = 0}));
    EXPECT_TRUE(has(words, "젤카몬")) << analyzer->mode();
    EXPECT_FALSE(has(words, "벨라트는")) << analyzer->mode();
    EXPECT_FALSE(has(words, "벨라트")) << analyzer->mode();  // one right part only
  }
}

TEST(NounLearnerTest, DatesAndMonthlyCountsAndExample) {
  const std::vector<Dated> corpus = written_corpus();
  const std::vector<NounCandidate> found =
      learn_nouns(over(corpus), Analyzer(), default_right_parts(), {.min_count = 3, .limit = 0});
  const auto it = std::find_if(found.begin(), found.end(), [](const NounCandidate& c) { return c.word == "벨모라법"; });
  ASSERT_NE(it, found.end());
  EXPECT_EQ(it->count, 18u);  // six sentences, three rounds
  EXPECT_EQ(it->first_seen, "2025-03-10");
  EXPECT_EQ(it->monthly, (std::map<std::string, std::size_t>{{"2025-03", 6}, {"2025-04", 6}, {"2025-05", 6}}));
  EXPECT_NE(it->example.find("벨모라법"), std::string::npos);

  const WordTimeline timeline = word_timeline(over(corpus), "탈리옹", default_right_parts());
  EXPECT_EQ(timeline.count, 18u);
  EXPECT_EQ(timeline.first_seen, "2025-03-13");
  EXPECT_EQ(timeline.monthly.size(), 3u);
}

TEST(NounLearnerTest, LimitAndMinCount) {
  const std::vector<Dated> corpus = written_corpus();
  EXPECT_EQ(learn_nouns(over(corpus), Analyzer(), default_right_parts(), {.min_count = 3, .limit = 2}).size(), 2u);
  // 쿠룬타사 occurs 21 times (seven sentences, three rounds): not kept at 22.
  const std::vector<std::string> words =
      words_of(learn_nouns(over(corpus), Analyzer(), default_right_parts(), {.min_count = 22, .limit = 0}));
  EXPECT_FALSE(has(words, "쿠룬타사"));
}

TEST(NounLearnerTest, EojeolsStartAtSpacesNotInsideLatinOrAfterQuotes) {
  const std::vector<std::string_view> runs = {hangul_eojeols("H200을 3분기에 '쿠룬타'라며 (벨모라)는 탈리옹, 조르")};
  std::vector<std::string> got(runs.begin(), runs.end());
  EXPECT_EQ(got, (std::vector<std::string>{"쿠룬타", "벨모라", "탈리옹", "조르"}));
}

TEST(RightPartsTest, ParsesTheShippedListAndRefusesNonHangul) {
  EXPECT_TRUE(default_right_parts().count("에서"));
  EXPECT_TRUE(default_right_parts().count("은"));
  EXPECT_FALSE(default_right_parts().count("다"));  // a verb ending: would make stems nouns
  EXPECT_EQ(parse_right_parts("# c\n은\n\n는\r\n"), (std::set<std::string>{"은", "는"}));
  EXPECT_THROW(parse_right_parts("은\nabc\n"), DataError);
}

TEST(AliasMinerTest, PairsFromGlossesWithoutJunk) {
  AliasMiner miner;
  for (int i = 0; i < 3; ++i) {
    miner.add("조르블랏(Zorblat)이 새 모델을 내놨다. 한빛중앙은행(한은)은 금리를 묶었다.");
    miner.add("(사진=한빛일보) 2025년(올해) 기자(홍길동) 뉴스1(News1) 가나(3) 데(AB)");
    miner.add("국제벨모라기구(IBMO) 사무총장이 말했다. H200(엔비디아) 모델");
  }
  miner.add("탈리옹(Talion)은 한 번만 나온다.");
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const Alias& a : miner.aliases(2)) pairs.emplace_back(a.word, a.alias);
  std::sort(pairs.begin(), pairs.end());
  EXPECT_EQ(pairs, (std::vector<std::pair<std::string, std::string>>{
                       {"국제벨모라기구", "ibmo"}, {"조르블랏", "zorblat"}, {"한빛중앙은행", "한은"}}));
  EXPECT_EQ(miner.aliases(2).front().count, 3u);
}

}  // namespace
}  // namespace sinmun::lexicon
