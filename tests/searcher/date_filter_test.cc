// A date range as date terms finds exactly the articles a value range on the date slot finds.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

#include "schema/schema.h"
#include "schema/values.h"
#include "searcher/detail/date_filter.h"

namespace sinmun {
namespace {

std::set<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  return {mset.begin(), mset.end()};
}

class DateFilterTest : public ::testing::Test {
 protected:
  // Articles dated as the indexer dates them (terms and value from one date) over 2019-2026,
  // denser towards the end of each month, and some undated.
  void SetUp() override {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> year(2019, 2026), month(1, 12), day(1, 28), late(29, 31);
    for (int i = 0; i < 3000; ++i) {
      Xapian::Document doc;
      doc.add_term("기사");
      if (i % 10 != 9) {
        const int m = month(rng);
        const int d =
            i % 3 == 0 && m != 2 ? std::min(late(rng), m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31) : day(rng);
        char iso[16];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year(rng), m, d);
        for (const std::string& term : schema::date_terms(iso)) doc.add_boolean_term(term);
        doc.add_value(schema::kDateSlot, schema::date_value(iso));
      }
      db_.add_document(doc);
    }
  }

  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

TEST_F(DateFilterTest, FindsTheArticlesAValueRangeFindsForAnyRange) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> year(2017, 2028), month(1, 12), day(1, 31);
  const auto random_date = [&] { return schema::date_value(year(rng), month(rng), day(rng)); };
  for (int round = 0; round < 300; ++round) {
    std::string from = random_date(), to = random_date();
    if (round % 10 == 0) from = "00000000";
    if (round % 10 == 1) to = "99999999";
    if (from > to) std::swap(from, to);
    const Xapian::Query expected(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, from, to);
    EXPECT_EQ(matches(db_, detail::date_range_filter(db_, from, to)), matches(db_, expected)) << from << ".." << to;
  }
}

TEST_F(DateFilterTest, ANarrowRangeIsItsDateTermsAndAWideOneAValueRange) {
  const auto filter = [&](const char* from, const char* to) {
    return detail::date_range_filter(db_, from, to).get_description();
  };
  const std::string day = filter("20240305", "20240305");
  EXPECT_NE(day.find("D20240305"), std::string::npos) << day;
  EXPECT_EQ(day.find("VALUE_RANGE"), std::string::npos) << day;
  const std::string year = filter("20230101", "20231231");
  EXPECT_NE(year.find("Y2023"), std::string::npos) << year;
  const std::string months = filter("20230201", "20230531");
  for (const char* month : {"M202302", "M202305"}) EXPECT_NE(months.find(month), std::string::npos) << months;
  EXPECT_EQ(months.find("M202306"), std::string::npos) << months;
  EXPECT_EQ(months.find("D2023"), std::string::npos) << months;
  // Most of the archive's time: every candidate passes, and one value read each is cheapest.
  for (const auto& [from, to] : {std::pair{"20190101", "20261231"}, std::pair{"00000000", "20250101"}}) {
    const std::string wide = filter(from, to);
    EXPECT_NE(wide.find("VALUE_RANGE"), std::string::npos) << from << ".." << to << ": " << wide;
  }
}

}  // namespace
}  // namespace sinmun
