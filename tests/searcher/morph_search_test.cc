// Search behaviour that rests on morphological analysis, over small corpora written here.
// Skipped when the dictionary is not installed.
#include <gtest/gtest.h>

#include "searcher/searcher.h"
#include "tests/support/index_crawl.h"
#include "tests/support/installed_analyzer.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

using testing::TempDir;

class MorphSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SINMUN_REQUIRE_DICTIONARY();
    analyzer_ = testing::installed_analyzer();
  }

  // One article per (id, body) pair.
  void index(const std::vector<std::pair<std::string, std::string>>& articles) {
    testing::index_bodies(dir_, articles, db(), *analyzer_);
  }

  // The articles the query matches, best first: a long query's loosened matches, but not a
  // short query's partial ones that follow its full matches (EndToEndTest has those).
  std::vector<std::string> ids(const std::string& query) {
    Searcher searcher(db(), *analyzer_);
    SearchRequest request;
    request.query = query;
    request.limit = 20;
    std::vector<std::string> out;
    const SearchResponse response = searcher.search(request);
    for (const SearchHit& hit : response.hits) {
      if (response.relaxed || !hit.partial) out.push_back(hit.id);
    }
    return out;
  }

  std::string db() const { return (dir_.path() / "db").string(); }

  TempDir dir_;
  const Analyzer* analyzer_ = nullptr;
};

TEST_F(MorphSearchTest, AWordMatchRanksAboveASubstringMatch) {
  index({{"substring", "정부가 새 정책방향을 발표했다."}, {"word", "동네 책방이 문을 다시 열었다."}});
  EXPECT_EQ(ids("책방"), (std::vector<std::string>{"word", "substring"}));
}

TEST_F(MorphSearchTest, CompoundsAndSpacingVariantsFindEachOther) {
  index({{"glued", "정부가 반도체공급망을 점검한다."},
         {"spaced", "한미가 반도체 공급망 협력을 강화한다."},
         {"apart", "반도체 수출이 늘었고 식량 공급망도 안정됐다."}});
  const std::vector<std::string> both = {"glued", "spaced"};
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  EXPECT_EQ(sorted(ids("\"반도체 공급망\"")), sorted(both));
  // The compound is its parts in a row, never its parts anywhere ("apart").
  EXPECT_EQ(sorted(ids("반도체공급망")), sorted(both));
  EXPECT_EQ(ids("공급망").size(), 3u);
  EXPECT_EQ(ids("반도체 공급망").size(), 3u);
}

TEST_F(MorphSearchTest, APrefixedWordIsNotFoundByItsStemQueryReversed) {
  index({{"affixed", "비급여 진료비가 늘었다."}, {"plain", "급여 명세서를 받았다."}});
  EXPECT_EQ(ids("비급여"), std::vector<std::string>{"affixed"});
  EXPECT_EQ(ids("급여").size(), 2u);
}

TEST_F(MorphSearchTest, NumbersWithUnitsMeetAcrossSpacingAndCommas) {
  index({{"glued", "대미 투자 3500억달러 규모다."},
         {"spaced", "대미 투자 3,500억 달러 규모다."},
         {"other", "투자 350억 달러."}});
  for (const char* query : {"3500억달러", "3,500억 달러", "3500억 달러"}) {
    std::vector<std::string> found = ids(query);
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found, (std::vector<std::string>{"glued", "spaced"})) << query;
  }
}

TEST_F(MorphSearchTest, OneSyllableWordsStayFindableWithoutDrowning) {
  index({{"snow", "밤새 눈이 많이 내렸다."}, {"laver", "김 수출이 늘었다."}, {"name", "김정민 씨가 말했다."}});
  const std::vector<std::string> snow = ids("눈");
  ASSERT_FALSE(snow.empty());
  EXPECT_EQ(snow[0], "snow");
  const std::vector<std::string> laver = ids("김");
  ASSERT_FALSE(laver.empty());
  EXPECT_EQ(laver[0], "laver");
}

TEST_F(MorphSearchTest, ParticlesInTheQueryDoNotMatter) {
  index({{"a", "엔비디아가 새 칩을 내놓았다."}, {"b", "엔비디아의 주가가 올랐다."}, {"c", "H200을 수출한다."}});
  EXPECT_EQ(ids("엔비디아는").size(), 2u);
  EXPECT_EQ(ids("H200이").size(), 1u);
  EXPECT_EQ(ids("수출을").size(), 1u);
}

TEST_F(MorphSearchTest, AHeadlineStillFindsItsArticle) {
  index({{"target", "정부는 내년부터 전기차 보조금을 줄이고 충전소 설치 지원을 늘리기로 했다."},
         {"other", "전기 요금이 내년에 오른다."}});
  const std::vector<std::string> found = ids("정부, 전기차 보조금 축소하고 충전 인프라 확대");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0], "target");
}

}  // namespace
}  // namespace sinmun
