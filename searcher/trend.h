#ifndef SINMUN_SEARCHER_TREND_H_
#define SINMUN_SEARCHER_TREND_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "searcher/searcher.h"

// How many articles match a query per day, ISO week, month or year: `sinmun-search --trend`
// and /api/trend, one code path.
namespace sinmun {

enum class TrendInterval { kDay, kWeek, kMonth, kYear };

// "day", "week", "month", "year"; anything else is a UsageError.
TrendInterval parse_trend_interval(std::string_view name);
std::string_view trend_interval_name(TrendInterval interval);

// The most periods one trend lists (a day trend over 50 years; a longer one is refused as
// a UsageError that says to choose a coarser interval or narrow --from/--to) and the most
// queries compared on one chart.
inline constexpr std::size_t kMaxTrendPeriods = 20000;
inline constexpr std::size_t kMaxTrendSeries = 10;

struct PeriodCount {
  std::string period;  // "2025-12-09", "2025-W49" (ISO week), "2025-12", "2025"
  std::string from;    // its first day, YYYY-MM-DD: the --from that selects the period alone
  std::string to;      // its last day (a Sunday for a week)
  Xapian::doccount count = 0;
};

struct TrendSeries {
  std::string query;
  // One entry per period from the first to the last period in which any series of the trend
  // has an article (the same periods for every series), oldest first; 0 where none.
  std::vector<PeriodCount> counts;
  Xapian::doccount undated = 0;  // matching articles without a date, counted by the same rule
  bool exact = true;             // false: the time limit stopped the count (lower bounds)
};

struct Trend {
  TrendInterval interval = TrendInterval::kMonth;
  std::vector<TrendSeries> series;  // one per query, in the order given
};

// The trend of each query of `queries` under `base`'s filters (from, to, sources), collapse
// and similar_to (with similar_to set, `queries` is ignored and the one series is the
// article's look-alikes). The count rule is search()'s `total`: each count equals the total
// that search() returns for the same query restricted to that period (date_from/date_to =
// the period's from/to) with strict set, so with collapse a story folded into one result
// counts once per period it has a copy in; without collapse every article counts. Queries
// are never loosened (a long query counts the articles with every word). Throws UsageError
// for no query, too many queries or periods, and what search() throws.
Trend compute_trend(Searcher& searcher, const SearchRequest& base, const std::vector<std::string>& queries,
                    TrendInterval interval);

// {"trend": {"interval": "month", "series": [{"query", "counts": [{"period", "count"}],
// "undated", "exact"}]}} on one line.
std::string trend_to_json(const Trend& trend);

// A table: a header line ("period" and one column per query), one line per period, then
// "(no date)" and, when a count was cut short, a note; columns aligned (Hangul is two wide).
void print_trend(std::ostream& out, const Trend& trend);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_TREND_H_
