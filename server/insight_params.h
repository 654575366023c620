#ifndef SINMUN_SERVER_INSIGHT_PARAMS_H_
#define SINMUN_SERVER_INSIGHT_PARAMS_H_

#include <string>
#include <vector>

#include "searcher/export.h"
#include "searcher/searcher.h"
#include "searcher/trend.h"
#include "server/request.h"

// The parameters of /api/trend and /api/export, checked before they reach Xapian (as
// request.h does for /api/search).
namespace sinmun::http {

struct TrendParams {
  SearchRequest base;                // from=, to=, source= as /api/search takes them
  std::vector<std::string> queries;  // q=, then every vs= in order
  TrendInterval interval = TrendInterval::kMonth;
};

// /api/trend?q=&vs=&interval=day|week|month|year&from=&to=&source=
// q is required; vs= may be given up to kMaxTrendSeries - 1 times (each up to
// kMaxQueryBytes, valid UTF-8); interval defaults to month. Throws BadRequest.
TrendParams parse_trend_params(const Params& params);

struct ExportParams {
  SearchRequest request;  // q=, sort=, from=, to=, source= as /api/search takes them
  ExportFormat format = ExportFormat::kCsv;
  std::vector<ExportField> fields;
};

// /api/export?q=&format=csv|tsv|jsonl&fields=id,date,…&sort=&from=&to=&source=
// Every match is exported (limit= and offset= are not taken); format defaults to csv and
// fields to all of them. Throws BadRequest.
ExportParams parse_export_params(const Params& params);

// /api/doc's optional q=: the query whose words the article view marks ("" when absent).
// Throws BadRequest for more than kMaxQueryBytes or invalid UTF-8.
std::string parse_doc_query(const Params& params);

// The Content-Disposition of an export: "attachment", an ASCII filename and, for a query
// in other scripts, its UTF-8 name (RFC 6266 filename*), e.g. sinmun-수출.csv.
std::string export_disposition(const std::string& query, ExportFormat format);

}  // namespace sinmun::http

#endif  // SINMUN_SERVER_INSIGHT_PARAMS_H_
