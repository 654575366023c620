#include "searcher/trend.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "base/errors.h"
#include "schema/schema.h"

namespace sinmun {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

// The day a date value ("YYYYMMDD") names; nullopt for an empty or impossible one.
std::optional<sys_days> day_of(const std::string& value) {
  if (value.size() != 8 || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const year_month_day day{std::chrono::year(std::stoi(value.substr(0, 4))),
                           std::chrono::month(static_cast<unsigned>(std::stoi(value.substr(4, 2)))),
                           std::chrono::day(static_cast<unsigned>(std::stoi(value.substr(6, 2))))};
  if (!day.ok()) return std::nullopt;
  return sys_days(day);
}

// The first day of the period that holds `day`: itself, its week's Monday, the 1st of its
// month, or 1 January.
sys_days period_start(sys_days day, TrendInterval interval) {
  const year_month_day date(day);
  switch (interval) {
    case TrendInterval::kDay:
      return day;
    case TrendInterval::kWeek:
      return day - days(std::chrono::weekday(day).iso_encoding() - 1);
    case TrendInterval::kMonth:
      return sys_days(date.year() / date.month() / 1);
    case TrendInterval::kYear:
      return sys_days(date.year() / 1 / 1);
  }
  return day;  // not reached: every enumerator is handled above (-Wswitch checks it)
}

sys_days next_start(sys_days start, TrendInterval interval) {
  const year_month_day date(start);
  switch (interval) {
    case TrendInterval::kDay:
      return start + days(1);
    case TrendInterval::kWeek:
      return start + days(7);
    case TrendInterval::kMonth:
      return sys_days((date.year() / date.month() / 1) + std::chrono::months(1));
    case TrendInterval::kYear:
      return sys_days((date.year() + std::chrono::years(1)) / 1 / 1);
  }
  return start;  // not reached
}

// Periods from `first` to `last` (both period starts), both included.
long long period_count(sys_days first, sys_days last, TrendInterval interval) {
  const year_month_day a(first);
  const year_month_day b(last);
  switch (interval) {
    case TrendInterval::kDay:
      return (last - first).count() + 1;
    case TrendInterval::kWeek:
      return (last - first).count() / 7 + 1;
    case TrendInterval::kMonth:
      return (int(b.year()) - int(a.year())) * 12LL +
             (static_cast<long long>(unsigned(b.month())) - unsigned(a.month())) + 1;
    case TrendInterval::kYear:
      return int(b.year()) - int(a.year()) + 1LL;
  }
  return 0;  // not reached
}

std::string iso_day(sys_days day) {
  const year_month_day date(day);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(date.year()), unsigned(date.month()), unsigned(date.day()));
  return text;
}

// "2025-12-09", "2025-W49", "2025-12", "2025". An ISO week belongs to the year of its
// Thursday (2024-12-30 starts 2025-W01) and is numbered from that year's first Thursday.
std::string period_label(sys_days start, TrendInterval interval) {
  std::string day = iso_day(start);
  switch (interval) {
    case TrendInterval::kDay:
      return day;
    case TrendInterval::kWeek: {
      const sys_days thursday = start + days(3);
      const std::chrono::year year = year_month_day(thursday).year();
      const auto week = static_cast<int>((thursday - sys_days(year / 1 / 1)).count() / 7 + 1);
      char text[32];
      std::snprintf(text, sizeof text, "%04d-W%02d", int(year), week);
      return text;
    }
    case TrendInterval::kMonth:
      return day.substr(0, 7);
    case TrendInterval::kYear:
      return day.substr(0, 4);
  }
  return day;  // not reached
}

// What one period counts: its articles and, when copies are folded, its groups of copies
// (an article without a collapse key, too short to sign, is a group of its own).
struct Bucket {
  Xapian::doccount articles = 0;
  Xapian::doccount unkeyed = 0;
  std::set<std::string> groups;

  Xapian::doccount count(bool collapse) const {
    return collapse ? static_cast<Xapian::doccount>(groups.size()) + unkeyed : articles;
  }
};

// Sorts every match into the period of its date in one pass (no scores, no order), which
// is what a search per period would count, without a pass per period: a day trend over
// twenty years is 7,300 periods but still one pass over the matches.
class PeriodSpy : public Xapian::MatchSpy {
 public:
  PeriodSpy(TrendInterval interval, bool collapse) : interval_(interval), collapse_(collapse) {}

  void operator()(const Xapian::Document& doc, double /*weight*/) override {
    const std::string date = doc.get_value(schema::kDateSlot);
    auto known = starts_.find(date);
    if (known == starts_.end()) {
      const std::optional<sys_days> day = day_of(date);
      known = starts_.emplace(date, day ? std::optional(period_start(*day, interval_)) : std::nullopt).first;
    }
    Bucket& bucket = known->second ? by_period_[*known->second] : undated_;
    ++bucket.articles;
    if (!collapse_) return;
    std::string group = doc.get_value(schema::kCollapseSlot);
    if (group.empty()) {
      ++bucket.unkeyed;
    } else {
      bucket.groups.insert(std::move(group));
    }
  }

  const std::map<sys_days, Bucket>& by_period() const { return by_period_; }
  const Bucket& undated() const { return undated_; }

 private:
  const TrendInterval interval_;
  const bool collapse_;
  std::unordered_map<std::string, std::optional<sys_days>> starts_;  // per date value seen
  std::map<sys_days, Bucket> by_period_;
  Bucket undated_;  // no date, or one that is no calendar day
};

// Terminal columns of UTF-8 text: Hangul and other wide scripts take two.
std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    width += length >= 3 ? 2 : 1;
    i += length;
  }
  return width;
}

std::string padded(const std::string& text, std::size_t width, bool right) {
  const std::string pad(width > display_width(text) ? width - display_width(text) : 0, ' ');
  return right ? pad + text : text + pad;
}

}  // namespace

TrendInterval parse_trend_interval(std::string_view name) {
  if (name == "day") return TrendInterval::kDay;
  if (name == "week") return TrendInterval::kWeek;
  if (name == "month") return TrendInterval::kMonth;
  if (name == "year") return TrendInterval::kYear;
  throw UsageError("the trend interval must be day, week, month or year, not '" + std::string(name) + "'");
}

std::string_view trend_interval_name(TrendInterval interval) {
  switch (interval) {
    case TrendInterval::kDay:
      return "day";
    case TrendInterval::kWeek:
      return "week";
    case TrendInterval::kMonth:
      return "month";
    case TrendInterval::kYear:
      return "year";
  }
  return "";  // not reached
}

Trend compute_trend(Searcher& searcher, const SearchRequest& base, const std::vector<std::string>& queries,
                    TrendInterval interval) {
  std::vector<std::string> wanted = base.similar_to.empty() ? queries : std::vector<std::string>{""};
  if (wanted.empty()) throw UsageError("a trend needs a query");
  if (wanted.size() > kMaxTrendSeries) {
    throw UsageError("a trend compares at most " + std::to_string(kMaxTrendSeries) + " queries, not " +
                     std::to_string(wanted.size()));
  }
  Trend trend;
  trend.interval = interval;
  std::vector<std::map<sys_days, Bucket>> periods;
  std::optional<sys_days> first;
  std::optional<sys_days> last;
  for (const std::string& query : wanted) {
    SearchRequest request = base;
    request.query = query;
    Xapian::Enquire counter = searcher.counting_enquire();
    counter.set_query(searcher.matching_query(request));
    PeriodSpy spy(interval, request.collapse);
    counter.add_matchspy(&spy);
    const Xapian::MSet all = counter.get_mset(0, 0, searcher.document_count());
    TrendSeries series;
    series.query = base.similar_to.empty() ? query : "similar:" + base.similar_to;
    series.undated = spy.undated().count(request.collapse);
    series.exact = all.get_matches_lower_bound() == all.get_matches_upper_bound();
    if (!spy.by_period().empty()) {
      const sys_days earliest = spy.by_period().begin()->first;
      const sys_days latest = spy.by_period().rbegin()->first;
      first = first ? std::min(*first, earliest) : earliest;
      last = last ? std::max(*last, latest) : latest;
    }
    periods.push_back(spy.by_period());
    trend.series.push_back(std::move(series));
  }
  if (!first) return trend;
  const long long span = period_count(*first, *last, interval);
  if (span > static_cast<long long>(kMaxTrendPeriods)) {
    throw UsageError("a " + std::string(trend_interval_name(interval)) + " trend from " + iso_day(*first) + " to " +
                     iso_day(*last) + " has " + std::to_string(span) + " periods (at most " +
                     std::to_string(kMaxTrendPeriods) + "): choose a longer interval or narrow it with from/to");
  }
  for (std::size_t i = 0; i < trend.series.size(); ++i) {
    const bool collapse = base.collapse;
    auto bucket = periods[i].begin();
    for (sys_days start = *first; start <= *last; start = next_start(start, interval)) {
      const sys_days next = next_start(start, interval);
      PeriodCount period{period_label(start, interval), iso_day(start), iso_day(next - days(1)), 0};
      if (bucket != periods[i].end() && bucket->first == start) period.count = (bucket++)->second.count(collapse);
      trend.series[i].counts.push_back(std::move(period));
    }
  }
  return trend;
}

std::string trend_to_json(const Trend& trend) {
  nlohmann::ordered_json series = nlohmann::ordered_json::array();
  for (const TrendSeries& one : trend.series) {
    nlohmann::ordered_json counts = nlohmann::ordered_json::array();
    for (const PeriodCount& period : one.counts) counts.push_back({{"period", period.period}, {"count", period.count}});
    series.push_back(
        {{"query", one.query}, {"counts", std::move(counts)}, {"undated", one.undated}, {"exact", one.exact}});
  }
  const nlohmann::ordered_json object = {
      {"trend", {{"interval", std::string(trend_interval_name(trend.interval))}, {"series", std::move(series)}}}};
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void print_trend(std::ostream& out, const Trend& trend) {
  const std::string kNoDate = "(no date)";
  std::size_t label_width = std::max<std::size_t>(6, display_width(kNoDate));
  if (!trend.series.empty() && !trend.series[0].counts.empty()) {
    label_width = std::max(label_width, display_width(trend.series[0].counts[0].period));
  }
  std::vector<std::size_t> widths;
  for (const TrendSeries& series : trend.series) {
    std::size_t width = std::max<std::size_t>(display_width(series.query), 5);
    for (const PeriodCount& period : series.counts) width = std::max(width, std::to_string(period.count).size());
    widths.push_back(width);
  }
  out << padded("period", label_width, false);
  for (std::size_t i = 0; i < trend.series.size(); ++i) out << "  " << padded(trend.series[i].query, widths[i], true);
  out << '\n';
  const std::size_t rows = trend.series.empty() ? 0 : trend.series[0].counts.size();
  for (std::size_t row = 0; row < rows; ++row) {
    out << padded(trend.series[0].counts[row].period, label_width, false);
    for (std::size_t i = 0; i < trend.series.size(); ++i) {
      out << "  " << padded(std::to_string(trend.series[i].counts[row].count), widths[i], true);
    }
    out << '\n';
  }
  out << padded(kNoDate, label_width, false);
  for (std::size_t i = 0; i < trend.series.size(); ++i) {
    out << "  " << padded(std::to_string(trend.series[i].undated), widths[i], true);
  }
  out << '\n';
  if (std::any_of(trend.series.begin(), trend.series.end(), [](const TrendSeries& s) { return !s.exact; })) {
    out << "(the time limit stopped a count: its numbers are lower bounds)\n";
  }
}

}  // namespace sinmun
