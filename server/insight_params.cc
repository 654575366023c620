#include "server/insight_params.h"

#include "base/text.h"

namespace sinmun::http {
namespace {

// What /api/search takes for choosing articles, without its paging (limit, offset).
SearchRequest choosing(Params params) {
  params.erase("limit");
  params.erase("offset");
  SearchRequest request = parse_search_params(params);
  request.with_snippets = false;
  request.with_facets = false;
  return request;
}

}  // namespace

TrendParams parse_trend_params(const Params& params) {
  TrendParams out;
  out.base = choosing(params);
  if (out.base.query.empty() && !out.base.similar_to.empty()) return out;
  out.queries.push_back(out.base.query);
  const auto [first, last] = params.equal_range("vs");
  for (auto it = first; it != last; ++it) {
    check_param_text(it->second, "vs", kMaxQueryBytes);
    out.queries.push_back(it->second);
  }
  if (out.queries.size() > kMaxTrendSeries) {
    throw BadRequest("a trend compares at most " + std::to_string(kMaxTrendSeries) + " queries (q and vs)");
  }
  if (const std::string* interval = single_param(params, "interval"); interval != nullptr) {
    try {
      out.interval = parse_trend_interval(*interval);
    } catch (const UsageError&) {
      throw BadRequest("interval must be day, week, month or year");
    }
  }
  return out;
}

ExportParams parse_export_params(const Params& params) {
  ExportParams out;
  out.request = choosing(params);
  try {
    if (const std::string* format = single_param(params, "format"); format != nullptr) {
      out.format = parse_export_format(*format);
    }
    const std::string* fields = single_param(params, "fields");
    if (fields != nullptr) check_param_text(*fields, "fields", kMaxFieldBytes);
    out.fields = parse_export_fields(fields == nullptr ? "" : *fields);
  } catch (const BadRequest&) {
    throw;
  } catch (const UsageError& e) {  // the searcher's words are safe to send back
    throw BadRequest(e.what());
  }
  return out;
}

std::string parse_doc_query(const Params& params) {
  const std::string* query = single_param(params, "q");
  if (query == nullptr) return "";
  check_param_text(*query, "q", kMaxQueryBytes);
  return *query;
}

std::string export_disposition(const std::string& query, ExportFormat format) {
  const std::string extension = "." + std::string(export_format_name(format));
  std::string ascii;
  std::string encoded;
  static const char* kHex = "0123456789ABCDEF";
  for (const unsigned char c : query.substr(0, 100)) {
    const bool plain = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
    if (plain) ascii += static_cast<char>(c);
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  // substr may have cut a character in two: its bytes would be no UTF-8 name.
  std::string name = query.substr(0, 100);
  const bool valid = repair_utf8(name) == 0;
  std::string header = "attachment; filename=\"sinmun-" + (ascii.empty() ? "export" : ascii) + extension + "\"";
  if (valid && encoded != ascii) header += "; filename*=UTF-8''sinmun-" + encoded + extension;
  return header;
}

}  // namespace sinmun::http
