// Search behaviour that rests on morphological analysis, over small corpora written here.
// Skipped when the dictionary is not installed.
#include <gtest/gtest.h>

#include <set>
#include <utility>

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

// The same words, as often, in articles as long: the one where they stand together ranks
// first, on every page (the tie would otherwise go to the greater id).
TEST_F(MorphSearchTest, AShortQuerysWordsTogetherRankFirstOnEveryPage) {
  index({{"a-together", "반도체 수출 업계가 모였다. 오늘 회의에서 여러 안건이 논의됐고 이야기도 나왔다."},
         {"b-apart", "반도체 업계가 모였다. 오늘 회의에서 여러 안건이 논의됐고 수출 이야기도 나왔다."}});
  EXPECT_EQ(ids("반도체 수출"), (std::vector<std::string>{"a-together", "b-apart"}));
  Searcher searcher(db(), *analyzer_);
  SearchRequest request;
  request.query = "반도체 수출";
  request.limit = 1;
  for (const auto& [offset, id] : {std::pair<Xapian::doccount, std::string>{0, "a-together"}, {1, "b-apart"}}) {
    request.offset = offset;
    const SearchResponse response = searcher.search(request);
    ASSERT_EQ(response.hits.size(), 1u) << offset;
    EXPECT_EQ(response.hits[0].id, id) << offset;
    EXPECT_EQ(response.hits[0].rank, offset + 1);
  }
  request.query = "수출 반도체";
  request.sort = SortOrder::kDate;  // one day: by id, the bonus changes nothing
  request.limit = 2;
  request.offset = 0;
  const SearchResponse by_date = searcher.search(request);
  ASSERT_EQ(by_date.hits.size(), 2u);
  EXPECT_EQ(by_date.hits[0].id, "b-apart");
}

// Past the window the bonus reorders, pages follow the words' order: every page is the
// slice of the one long list, across the window's end too.
TEST_F(MorphSearchTest, PagesOfAShortQueryAreSlicesOfOneListAcrossTheBonusWindow) {
  std::vector<std::pair<std::string, std::string>> articles;
  const std::string filler = " 회의가 열렸다.";
  for (int i = 0; i < static_cast<int>(Searcher::kProximityWindow) + 12; ++i) {
    std::string body = i % 3 == 0 ? "반도체 수출 소식이다." : "반도체 소식이다. 오늘 수출 이야기다.";
    for (int k = 0; k < i % 7; ++k) body += filler;
    articles.emplace_back("article-" + std::to_string(100 + i), body);
  }
  index(articles);
  Searcher searcher(db(), *analyzer_);
  SearchRequest request;
  request.query = "반도체 수출";
  request.collapse = false;  // the articles are alike: every one is listed
  request.limit = static_cast<Xapian::doccount>(articles.size());
  std::vector<std::string> all;
  for (const SearchHit& hit : searcher.search(request).hits) all.push_back(hit.id);
  ASSERT_EQ(all.size(), articles.size());
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), all.size()) << "no article twice";
  request.limit = 7;
  for (Xapian::doccount offset = 0; offset < all.size(); offset += 7) {
    request.offset = offset;
    std::vector<std::string> page;
    for (const SearchHit& hit : searcher.search(request).hits) page.push_back(hit.id);
    const auto end = all.begin() + std::min<std::size_t>(offset + 7, all.size());
    EXPECT_EQ(page, std::vector<std::string>(all.begin() + offset, end)) << "offset " << offset;
  }
}

// A pasted headline that one story matches in full, in two copies: the story comes first,
// shown once with its copy, above an article with more of some of its words.
TEST_F(MorphSearchTest, ALongQuerysFullMatchesComeFirstWithTheirCopies) {
  const std::string story =
      "엔비디아 칩의 수출 허가가 났다고 정부가 밝혔다. 심사위원회는 15일 회의를 열고 이같이 결정했다. "
      "업계의 요청이 이어졌다는 점이 허가의 이유로 꼽힌다. 다른 품목의 심사도 곧 이어질 예정이다.";
  index({{"copy-a", story},
         {"copy-b", story},
         {"many", "엔비디아 칩 소식이다. 엔비디아 칩 이야기가 이어졌다. 엔비디아 칩 가격이 올랐다."}});
  Searcher searcher(db(), *analyzer_);
  SearchRequest request;
  request.query = "엔비디아 칩 수출 허가";
  const SearchResponse response = searcher.search(request);
  EXPECT_TRUE(response.relaxed);
  ASSERT_EQ(response.hits.size(), 2u);
  EXPECT_EQ(response.hits[0].similar, 1u);
  EXPECT_NE(response.hits[0].id, "many");
  EXPECT_EQ(response.hits[1].id, "many");
}

// A short query's story in two copies, one shortened to lack a word: the story is listed
// once, with both copies counted, and the articles that only share a word follow it.
TEST_F(MorphSearchTest, AShortQuerysCopyThatLacksAWordIsFoldedIntoItsStory) {
  const std::string opening = "정부는 15일 반도체 수출 허가 제도를 바꾸겠다고 밝혔다. ";
  const std::string rest =
      "심사위원회는 회의를 열고 이같이 결정했다. 업계의 요청이 이어졌다는 점이 변화의 이유로 꼽힌다. "
      "다른 품목의 심사도 곧 이어질 예정이며 세부 기준은 다음 달에 발표된다. 관계자들은 환영의 뜻을 밝혔다.";
  index({{"story-full", opening + rest},
         {"story-short", "정부는 15일 반도체 허가 제도를 바꾸겠다고 밝혔다. " + rest},
         {"other", "반도체 공장의 증설 계획이 알려졌다. 지역 주민들의 관심이 크다."}});
  Searcher searcher(db(), *analyzer_);
  SearchRequest request;
  request.query = "반도체 수출";
  const SearchResponse folded = searcher.search(request);
  ASSERT_EQ(folded.hits.size(), 2u);
  EXPECT_EQ(folded.hits[0].id, "story-full");
  EXPECT_FALSE(folded.hits[0].partial);
  EXPECT_EQ(folded.hits[0].similar, 1u) << "the shortened copy";
  EXPECT_EQ(folded.hits[1].id, "other");
  EXPECT_TRUE(folded.hits[1].partial);
  EXPECT_EQ(folded.partial_matches, 1u);
  request.collapse = false;  // every article, each copy too
  std::set<std::string> listed;
  for (const SearchHit& hit : searcher.search(request).hits) listed.insert(hit.id);
  EXPECT_EQ(listed, (std::set<std::string>{"story-full", "story-short", "other"}));
}

TEST_F(MorphSearchTest, AWordMatchRanksAboveASubstringMatch) {
  index({{"substring", "정부가 새 정책방향을 발표했다."}, {"word", "동네 책방이 문을 다시 열었다."}});
  EXPECT_EQ(ids("책방"), (std::vector<std::string>{"word", "substring"}));
}

// 중앙대 finds 중앙대학교 only through bigrams (its parts 중앙 + 대 are not 중앙 + 대학교), and
// the article's bigram 중앙 was left out for the part 중앙 that covers it: the search looks for
// that morpheme in its place.
TEST_F(MorphSearchTest, ABigramLeftOutForTheMorphemeThatCoversItIsFoundAsIt) {
  index({{"university", "중앙대학교에서 열린 행사"}, {"stage", "중앙 무대에서 공연"}});
  {
    const Xapian::Database db(this->db());
    EXPECT_EQ(db.get_termfreq("XN중앙"), 0u);  // left out in both
    EXPECT_EQ(db.get_termfreq("중앙"), 2u);
    EXPECT_EQ(db.get_termfreq("XN앙대"), 1u);
  }
  EXPECT_EQ(ids("중앙대"), std::vector<std::string>{"university"});
}

// A one-syllable word finds the words it starts through its bigrams (미 of 미 무역: 미국),
// also where every such bigram was left out for the morpheme 미국: the two-syllable words
// and morphemes it starts are among what it expands to.
TEST_F(MorphSearchTest, AOneSyllableWordFindsTheTwoSyllableMorphemesItStarts) {
  index({{"trade", "미국과 중국이 무역 협상을 재개했다"},
         {"longer", "미국산 소고기 무역 분쟁"},
         {"other", "무역 협상이 열렸다"}});
  EXPECT_EQ(Xapian::Database(db()).get_termfreq("XN미국"), 0u);  // left out in both (미국산: 미국 + 산)
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  EXPECT_EQ(sorted(ids("미 무역")), (std::vector<std::string>{"longer", "trade"}));
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
