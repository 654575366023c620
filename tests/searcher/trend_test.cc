// Trends over a small corpus written here: every count equals the total of the same search
// restricted to that period, empty periods are listed, undated articles counted apart.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "base/errors.h"
#include "searcher/searcher.h"
#include "searcher/trend.h"
#include "tests/support/index_crawl.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

using testing::TempDir;

// A wire story long enough to be signed, so that its two copies fold into one result.
const std::string kWire =
    "반도체 수출 규제가 다시 강화되면서 국내 업체들의 대응이 분주하다. 업계는 공급망을 다시 점검하고 있으며 "
    "정부는 다음 달까지 지원 방안을 내놓기로 했다. 전문가들은 장기적인 영향이 클 것이라고 내다봤다. "
    "수출 기업들은 대체 시장을 찾고 있다.";

std::string record(const std::string& id, const std::string& date, const std::string& source, const std::string& body) {
  nlohmann::json object = {{"id", id}, {"title", id + " 기사"}, {"body", body}, {"source", source}};
  if (!date.empty()) object["date"] = date;
  return object.dump() + "\n";
}

class TrendTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    std::string lines;
    lines += record("oct-1", "2025-10-03", "한빛일보", "반도체 수출이 늘었다.");
    lines += record("oct-2", "2025-10-20", "동해신문", "반도체 수출 전망이 밝다.");
    // November: nothing about 반도체.
    lines += record("nov-weather", "2025-11-11", "동해신문", "가을 날씨가 맑다.");
    lines += record("dec-wire-a", "2025-12-01", "한빛일보", kWire);
    lines += record("dec-wire-b", "2025-12-02", "동해신문", kWire);
    lines += record("dec-monday", "2025-12-29", "한빛일보", "연말 반도체 시장을 돌아본다.");  // 2026-W01
    lines += record("jan-deepseek", "2026-01-05", "한빛일보", "딥시크 충격에 반도체 주가가 흔들렸다.");
    lines += record("undated", "", "한빛일보", "날짜 없는 반도체 수출 기사.");
    lines += record("capsule-old", "1960-01-01", "한빛일보", "타임캡슐을 묻었다.");
    lines += record("capsule-new", "2025-01-01", "한빛일보", "타임캡슐을 열었다.");
    dir_->write("crawl/a.jsonl", lines);
    testing::index_crawl(dir_->path() / "crawl", db(), analyzer());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static std::string db() { return (dir_->path() / "db").string(); }
  static const Analyzer& analyzer() {
    static const Analyzer ngram;  // no dictionary needed
    return ngram;
  }

  static Trend trend(const std::vector<std::string>& queries, TrendInterval interval, bool collapse = true) {
    Searcher searcher(db(), analyzer());
    SearchRequest base;
    base.collapse = collapse;
    return compute_trend(searcher, base, queries, interval);
  }

  // The "N results" of the query restricted to [from, to].
  static Xapian::doccount filtered_total(const std::string& query, const std::string& from, const std::string& to,
                                         bool collapse = true) {
    Searcher searcher(db(), analyzer());
    SearchRequest request;
    request.query = query;
    request.date_from = from;
    request.date_to = to;
    request.strict = true;
    request.collapse = collapse;
    return searcher.search(request).total;
  }

  static std::vector<std::string> periods(const TrendSeries& series) {
    std::vector<std::string> out;
    for (const PeriodCount& period : series.counts) out.push_back(period.period);
    return out;
  }
  static std::vector<Xapian::doccount> counts(const TrendSeries& series) {
    std::vector<Xapian::doccount> out;
    for (const PeriodCount& period : series.counts) out.push_back(period.count);
    return out;
  }

  static TempDir* dir_;
};

TempDir* TrendTest::dir_ = nullptr;

TEST_F(TrendTest, MonthCountsEqualTheFilteredSearchesAndTheEmptyMonthIsListed) {
  const Trend month = trend({"반도체"}, TrendInterval::kMonth);
  ASSERT_EQ(month.series.size(), 1u);
  const TrendSeries& series = month.series[0];
  EXPECT_EQ(periods(series), (std::vector<std::string>{"2025-10", "2025-11", "2025-12", "2026-01"}));
  // December: the wire story's two copies are one result, and the 29th another.
  EXPECT_EQ(counts(series), (std::vector<Xapian::doccount>{2, 0, 2, 1}));
  EXPECT_EQ(series.undated, 1u);
  EXPECT_TRUE(series.exact);
  for (const PeriodCount& period : series.counts) {
    EXPECT_EQ(period.count, filtered_total("반도체", period.from, period.to)) << period.period;
  }
  EXPECT_EQ(series.counts[1].from, "2025-11-01");
  EXPECT_EQ(series.counts[1].to, "2025-11-30");
}

TEST_F(TrendTest, WithoutCollapseEveryCopyCounts) {
  const TrendSeries series = trend({"반도체"}, TrendInterval::kMonth, false).series[0];
  EXPECT_EQ(counts(series), (std::vector<Xapian::doccount>{2, 0, 3, 1}));
  for (const PeriodCount& period : series.counts) {
    EXPECT_EQ(period.count, filtered_total("반도체", period.from, period.to, false)) << period.period;
  }
  // The fold really happened: otherwise the collapsed trend above proves nothing.
  EXPECT_NE(filtered_total("반도체", "2025-12-01", "2025-12-02", true),
            filtered_total("반도체", "2025-12-01", "2025-12-02", false));
}

TEST_F(TrendTest, IsoWeeksRunMondayToSundayAndBelongToTheYearOfTheirThursday) {
  const TrendSeries series = trend({"반도체"}, TrendInterval::kWeek).series[0];
  ASSERT_FALSE(series.counts.empty());
  EXPECT_EQ(series.counts.front().period, "2025-W40");  // 2025-10-03 is a Friday
  EXPECT_EQ(series.counts.front().from, "2025-09-29");
  EXPECT_EQ(series.counts.front().to, "2025-10-05");
  EXPECT_EQ(series.counts.back().period, "2026-W02");  // 2026-01-05 is a Monday
  std::map<std::string, Xapian::doccount> by_week;
  for (const PeriodCount& period : series.counts) {
    by_week[period.period] = period.count;
    EXPECT_EQ(period.count, filtered_total("반도체", period.from, period.to)) << period.period;
  }
  EXPECT_EQ(series.counts.size(), 15u);   // W40 … W52 of 2025, W01 and W02 of 2026: none missing
  EXPECT_EQ(by_week.at("2025-W49"), 1u);  // the folded wire story, Monday and Tuesday
  EXPECT_EQ(by_week.at("2026-W01"), 1u);  // 2025-12-29
  EXPECT_EQ(by_week.at("2025-W45"), 0u);
}

TEST_F(TrendTest, DaysAndYearsCountTheSameArticles) {
  const TrendSeries days = trend({"반도체"}, TrendInterval::kDay).series[0];
  EXPECT_EQ(days.counts.front().period, "2025-10-03");
  EXPECT_EQ(days.counts.back().period, "2026-01-05");
  EXPECT_EQ(days.counts.size(), 95u);  // 29 days of October left, 30, 31 and 5
  for (const PeriodCount& period : days.counts) {
    if (period.count > 0) {
      EXPECT_EQ(period.count, filtered_total("반도체", period.from, period.to)) << period.period;
    }
  }
  const TrendSeries years = trend({"반도체"}, TrendInterval::kYear).series[0];
  EXPECT_EQ(periods(years), (std::vector<std::string>{"2025", "2026"}));
  EXPECT_EQ(counts(years), (std::vector<Xapian::doccount>{4, 1}));
}

TEST_F(TrendTest, VersusSeriesShareThePeriods) {
  const Trend both = trend({"반도체", "딥시크"}, TrendInterval::kMonth);
  ASSERT_EQ(both.series.size(), 2u);
  EXPECT_EQ(both.series[1].query, "딥시크");
  EXPECT_EQ(periods(both.series[1]), periods(both.series[0]));
  EXPECT_EQ(counts(both.series[1]), (std::vector<Xapian::doccount>{0, 0, 0, 1}));
  EXPECT_EQ(both.series[1].undated, 0u);
  for (const PeriodCount& period : both.series[1].counts) {
    EXPECT_EQ(period.count, filtered_total("딥시크", period.from, period.to)) << period.period;
  }
}

TEST_F(TrendTest, TheJsonHasTheShapeOfTheIssue) {
  const nlohmann::json json = nlohmann::json::parse(trend_to_json(trend({"반도체", "딥시크"}, TrendInterval::kMonth)));
  ASSERT_TRUE(json.contains("trend"));
  EXPECT_EQ(json["trend"]["interval"], "month");
  ASSERT_EQ(json["trend"]["series"].size(), 2u);
  const nlohmann::json& first = json["trend"]["series"][0];
  EXPECT_EQ(first["query"], "반도체");
  EXPECT_EQ(first["undated"], 1);
  EXPECT_EQ(first["counts"][0], (nlohmann::json{{"period", "2025-10"}, {"count", 2}}));
  EXPECT_EQ(first["counts"][1], (nlohmann::json{{"period", "2025-11"}, {"count", 0}}));
  EXPECT_EQ(json["trend"]["series"][1]["counts"][3]["count"], 1);
}

TEST_F(TrendTest, TheTextTableHasAColumnPerQueryAndTheUndatedRow) {
  std::ostringstream out;
  print_trend(out, trend({"반도체", "딥시크"}, TrendInterval::kMonth));
  EXPECT_EQ(out.str(),
            "period     반도체  딥시크\n"
            "2025-10         2       0\n"
            "2025-11         0       0\n"
            "2025-12         2       0\n"
            "2026-01         1       1\n"
            "(no date)       1       0\n");
}

TEST_F(TrendTest, FiltersApplyAndNoMatchIsAnEmptyTrend) {
  Searcher searcher(db(), analyzer());
  SearchRequest base;
  base.date_from = "2025-12";
  const TrendSeries december_on = compute_trend(searcher, base, {"반도체"}, TrendInterval::kMonth).series[0];
  EXPECT_EQ(periods(december_on), (std::vector<std::string>{"2025-12", "2026-01"}));
  EXPECT_EQ(december_on.undated, 0u);  // a date filter leaves undated articles out, as a search does
  const TrendSeries none = compute_trend(searcher, {}, {"존재하지않는말"}, TrendInterval::kDay).series[0];
  EXPECT_TRUE(none.counts.empty());
  EXPECT_EQ(none.undated, 0u);
}

TEST_F(TrendTest, AbsurdInputsAreRefused) {
  // 1960 to 2025 is 65 years: 23,743 days is too many rows, 781 months are fine.
  EXPECT_THROW(trend({"타임캡슐"}, TrendInterval::kDay), UsageError);
  EXPECT_EQ(trend({"타임캡슐"}, TrendInterval::kMonth).series[0].counts.size(), 781u);
  EXPECT_THROW(parse_trend_interval("hour"), UsageError);
  EXPECT_THROW(trend({}, TrendInterval::kMonth), UsageError);
  EXPECT_THROW(trend(std::vector<std::string>(kMaxTrendSeries + 1, "반도체"), TrendInterval::kMonth), UsageError);
  EXPECT_THROW(trend({"  "}, TrendInterval::kMonth), UsageError);
}

}  // namespace
}  // namespace sinmun
