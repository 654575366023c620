// Learned boilerplate over a small written corpus: a footer in 25 of a source's 80 articles
// (31%) is learned, a line in 20 of them (25%) and a line in all 19 articles of a smaller
// source are not; what is learned is neither indexed nor stored, the rest is, and re-runs
// agree.
#include <gtest/gtest.h>

#include "indexer/indexer.h"
#include "schema/schema.h"
#include "schema/stored_article.h"
#include "tests/corpus/collect.h"

namespace sinmun {
namespace {

using testing::TempDir;

const std::string kFooter = "독자센터 일오팔팔 구독 문의 환영";      // 25 of 80: learned
const std::string kPartner = "제휴 통신 기사 바탕 작성";             // 20 of 80: under 30%
const std::string kSmallSource = "다솜신문 앱 설치 안내 링크 참조";  // 19 of 19: under 20

std::string record(const std::string& id, const std::string& source, const std::string& body) {
  return "{\"id\": \"" + id + "\", \"source\": \"" + source + "\", \"title\": \"제목 " + id + "\", \"body\": \"" +
         body + "\"}\n";
}

class BoilerplateLearningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string garam;
    for (int i = 0; i < 80; ++i) {
      std::string body = "오늘의 소식 " + std::to_string(i) + "번째 글입니다";
      if (i % 4 == 1) body += "\\n" + kPartner;
      if (i % 3 == 0 && i < 75) body += "\\n" + kFooter;
      garam += record("g" + std::to_string(i), "가람일보", body);
    }
    dir_.write("crawl/garam.jsonl", garam);
    std::string dasom;
    for (int i = 0; i < 19; ++i) {
      dasom += record("d" + std::to_string(i), "다솜신문",
                      "다솜 " + std::to_string(i) + "번 기사 본문입니다\\n" + kSmallSource);
    }
    dir_.write("crawl/dasom.jsonl", dasom);
  }

  IndexStats run(IndexOptions options = {}) {
    problems_.clear();
    const auto root = std::filesystem::absolute(dir_.path() / "crawl");
    const std::vector<CrawlRoot> roots = {{root, walk_crawl_directory(root, [](const Problem&) {})}};
    Indexer indexer(db(), analyzer_, options);
    return indexer.index(roots, [&](const Problem& p) { problems_.push_back(describe(p)); });
  }
  std::string db() const { return (dir_.path() / "db").string(); }
  Xapian::Database open() const { return Xapian::Database(db()); }

  // How many articles hold each term of `text`, the fewest of them: 0 when some term of it
  // is not indexed anywhere, which is what makes a line unsearchable.
  Xapian::doccount articles_with_all_terms_of(const std::string& text) const {
    AnalysisContext context;
    const Xapian::Database database = open();
    Xapian::doccount fewest = database.get_doccount();
    for (const Token& token : analyzer_.analyze(text, context)) {
      fewest = std::min(fewest, database.get_termfreq(schema::text_term(token)));
    }
    return fewest;
  }
  Xapian::doccount articles_with_any_term_of(const std::string& text) const {
    AnalysisContext context;
    const Xapian::Database database = open();
    Xapian::doccount most = 0;
    for (const Token& token : analyzer_.analyze(text, context)) {
      most = std::max(most, database.get_termfreq(schema::text_term(token)));
    }
    return most;
  }
  void bump_mtime(const std::string& relative) {
    const auto path = dir_.path() / relative;
    std::filesystem::last_write_time(path, std::filesystem::last_write_time(path) + std::chrono::seconds(5));
  }
  StoredArticle stored(const std::string& id) const {
    const Xapian::Database database = open();
    StoredArticle article;
    const auto it = database.postlist_begin(schema::id_term(id));
    if (it != database.postlist_end(schema::id_term(id))) {
      schema::decode_stored_article(database.get_document(*it).get_data(), article);
    }
    return article;
  }
  // Every term with its frequency, every metadata value and every document's data.
  std::vector<std::string> dump() const {
    const Xapian::Database database = open();
    std::vector<std::string> out;
    for (auto it = database.allterms_begin(); it != database.allterms_end(); ++it) {
      out.push_back(*it + ":" + std::to_string(it.get_termfreq()));
    }
    for (auto it = database.metadata_keys_begin(); it != database.metadata_keys_end(); ++it) {
      if (!(*it).starts_with(schema::kLedgerKeyPrefix)) out.push_back(*it + "=" + database.get_metadata(*it));
    }
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
      const Xapian::Document doc = database.get_document(*it);
      out.push_back(doc.get_data() + " collapse=" + doc.get_value(schema::kCollapseSlot));
    }
    return out;
  }

  TempDir dir_;
  Analyzer analyzer_;
  std::vector<std::string> problems_;
};

TEST_F(BoilerplateLearningTest, AFooterOfTwentyFiveArticlesIsLearnedAndNoLongerSearchable) {
  const IndexStats stats = run();
  EXPECT_TRUE(problems_.empty());
  EXPECT_EQ(stats.articles_added, 99u);
  EXPECT_EQ(stats.template_lines_learned, 1u);
  EXPECT_EQ(stats.articles_retemplated, 25u);
  EXPECT_EQ(articles_with_any_term_of(kFooter), 0u) << "no term of the footer is left";
  EXPECT_EQ(stored("g0").body, "오늘의 소식 0번째 글입니다") << "nor is it stored";
  // Everything else stays findable.
  EXPECT_EQ(articles_with_all_terms_of("오늘의 소식 글입니다"), 80u);
  EXPECT_EQ(articles_with_all_terms_of(kPartner), 20u) << "20 of 80 is under 30%";
  EXPECT_EQ(articles_with_all_terms_of(kSmallSource), 19u) << "19 articles are under 20";
  EXPECT_EQ(stored("g1").body, "오늘의 소식 1번째 글입니다\n" + kPartner);

  const std::vector<LearnedBoilerplate> report = learned_boilerplate(open());
  ASSERT_EQ(report.size(), 1u);
  EXPECT_EQ(report[0].source, "가람일보");
  EXPECT_EQ(report[0].line, kFooter);
  EXPECT_EQ(report[0].articles, 25u);
}

TEST_F(BoilerplateLearningTest, AReRunChangesNothingAndLaterArticlesLoseTheFooterBeforeAnalysis) {
  run();
  const std::vector<std::string> before = dump();
  const IndexStats again = run();
  EXPECT_EQ(again.articles_added, 0u);
  EXPECT_EQ(again.template_lines_learned, 0u);
  EXPECT_EQ(dump(), before);

  dir_.write("crawl/garam-late.jsonl", record("late", "가람일보", "늦게 온 기사입니다\\n" + kFooter));
  const IndexStats later = run();
  EXPECT_EQ(later.articles_added, 1u);
  EXPECT_EQ(later.articles_retemplated, 0u) << "stripped before analysis, nothing to redo";
  EXPECT_EQ(stored("late").body, "늦게 온 기사입니다");
  EXPECT_EQ(articles_with_any_term_of(kFooter), 0u);
  EXPECT_EQ(learned_boilerplate(open()).at(0).articles, 26u) << "a new article it was removed from counts";
  dir_.write("crawl/garam-late.jsonl", record("late", "가람일보", "고친 기사입니다\\n" + kFooter));
  bump_mtime("crawl/garam-late.jsonl");
  run();
  EXPECT_EQ(stored("late").body, "고친 기사입니다");
  EXPECT_EQ(learned_boilerplate(open()).at(0).articles, 26u) << "the same article indexed again does not";
}

TEST_F(BoilerplateLearningTest, TheSameDatabaseWhateverTheThreadsAndWhenTheFooterIsLearnedEarly) {
  // 60 more articles each in its own file, all with another footer: it is learned at the
  // 20th, while later files are being read.
  for (int i = 0; i < 60; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "crawl/nara/%02d.jsonl", i);
    dir_.write(name, record("n" + std::to_string(i), "나래일보",
                            "하늘 " + std::to_string(i) + "번 글입니다\\n나래일보 시민 제보 전화 공공칠"));
  }
  const IndexStats serial = run({.jobs = 1});
  EXPECT_EQ(serial.template_lines_learned, 2u);
  EXPECT_EQ(serial.articles_retemplated, 20u + 25u) << "only those written before each decision";
  EXPECT_EQ(articles_with_any_term_of("나래일보 시민 제보 전화 공공칠"), 0u);
  const std::vector<LearnedBoilerplate> report = learned_boilerplate(open());
  ASSERT_EQ(report.size(), 2u);
  EXPECT_EQ(report[1].source, "나래일보");
  EXPECT_EQ(report[1].articles, 60u) << "20 re-indexed, 40 stripped on the way in";
  const std::vector<std::string> serial_dump = dump();
  std::filesystem::remove_all(db());
  const IndexStats parallel = run({.jobs = 4});
  EXPECT_EQ(parallel.template_lines_learned, 2u);
  EXPECT_EQ(dump(), serial_dump);
}

}  // namespace
}  // namespace sinmun
