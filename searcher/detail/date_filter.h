#ifndef SINMUN_SEARCHER_DETAIL_DATE_FILTER_H_
#define SINMUN_SEARCHER_DETAIL_DATE_FILTER_H_

#include <string>

#include <xapian.h>

namespace sinmun::detail {

// The articles of `db` dated from `from` to `to` (YYYYMMDD as the date slot holds them, both
// inclusive; 00000000 and 99999999 for open ends). Over less than a quarter of the time the
// archive's dates span, as its date terms: each year wholly inside by its Y term, each month
// wholly inside by its M term, the days at the ends by their D terms; otherwise as
// OP_VALUE_RANGE on the date slot. The same articles either way: the indexer writes the
// terms and the value from one date (an undated article has neither).
Xapian::Query date_range_filter(const Xapian::Database& db, const std::string& from, const std::string& to);

}  // namespace sinmun::detail

#endif  // SINMUN_SEARCHER_DETAIL_DATE_FILTER_H_
