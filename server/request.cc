#include "server/request.h"

#include <charconv>
#include <iterator>

#include "base/text.h"

namespace sinmun::http {

const std::string* single_param(const Params& params, const char* name) {
  const auto [first, last] = params.equal_range(name);
  if (first == last) return nullptr;
  if (std::next(first) != last) throw BadRequest(std::string(name) + " is given more than once");
  return &first->second;
}

void check_param_text(const std::string& value, const char* name, std::size_t max_bytes) {
  if (value.size() > max_bytes) {
    throw BadRequest(std::string(name) + " is longer than " + std::to_string(max_bytes) + " bytes");
  }
  std::string copy = value;
  if (repair_utf8(copy) != 0) throw BadRequest(std::string(name) + " is not valid UTF-8");
}

namespace {

Xapian::doccount number(const Params& params, const char* name, Xapian::doccount fallback, Xapian::doccount min,
                        Xapian::doccount max) {
  const std::string* text = single_param(params, name);
  if (text == nullptr) return fallback;
  const std::string range = std::to_string(min) + " and " + std::to_string(max);
  unsigned long long value = 0;
  const char* end = text->data() + text->size();
  const auto [stop, error] = std::from_chars(text->data(), end, value);
  if (text->empty() || error == std::errc::invalid_argument || stop != end) {
    throw BadRequest(std::string(name) + " must be a whole number between " + range);
  }
  if (error == std::errc::result_out_of_range || value < min || value > max) {
    throw BadRequest(std::string(name) + " must be between " + range);
  }
  return static_cast<Xapian::doccount>(value);
}

// A 0/1 switch; absent is 0.
bool flag(const Params& params, const char* name) {
  const std::string* value = single_param(params, name);
  if (value == nullptr) return false;
  if (*value != "0" && *value != "1") throw BadRequest(std::string(name) + " must be 0 or 1");
  return *value == "1";
}

std::string optional_text(const Params& params, const char* name) {
  const std::string* value = single_param(params, name);
  if (value == nullptr) return "";
  check_param_text(*value, name, kMaxFieldBytes);
  return *value;
}

}  // namespace

SearchRequest parse_search_params(const Params& params) {
  SearchRequest request;
  request.similar_to = optional_text(params, "similar");
  const std::string* query = single_param(params, "q");
  if (query == nullptr && request.similar_to.empty()) throw BadRequest("q (the query) is missing");
  if (query != nullptr) {
    check_param_text(*query, "q", kMaxQueryBytes);
    request.query = *query;
  }
  request.limit = number(params, "limit", 10, 1, kMaxLimit);
  request.offset = number(params, "offset", 0, 0, kMaxOffset);
  if (const std::string* sort = single_param(params, "sort"); sort != nullptr) {
    if (*sort == "date") {
      request.sort = SortOrder::kDate;
    } else if (*sort != "relevance") {
      throw BadRequest("sort must be relevance or date");
    }
  }
  request.date_from = optional_text(params, "from");
  request.date_to = optional_text(params, "to");
  const auto [first_source, end_sources] = params.equal_range("source");
  for (auto it = first_source; it != end_sources; ++it) {
    check_param_text(it->second, "source", kMaxFieldBytes);
    if (!it->second.empty()) request.sources.push_back(it->second);
  }
  request.strict = flag(params, "strict");
  request.explain = flag(params, "explain");
  request.allow_partial = flag(params, "allow_partial");
  request.with_snippets = true;
  request.with_facets = true;
  return request;
}

std::string parse_doc_params(const Params& params) {
  const std::string* id = single_param(params, "id");
  if (id == nullptr || id->empty()) throw BadRequest("id (the article id) is missing");
  check_param_text(*id, "id", kMaxFieldBytes);
  return *id;
}

ListenAddress parse_listen_address(std::string_view text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    throw UsageError("--listen must be HOST:PORT, e.g. 127.0.0.1:8080");
  }
  std::string_view host = text.substr(0, colon);
  const std::string_view port_text = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    throw UsageError("--listen: write an IPv6 address in brackets, e.g. [::1]:8080");
  }
  if (host.empty()) throw UsageError("--listen needs a host, e.g. 127.0.0.1:8080");
  int port = -1;
  const auto [stop, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || error != std::errc() || stop != port_text.data() + port_text.size() || port < 0 ||
      port > 65535) {
    throw UsageError("--listen: the port must be a number from 0 to 65535");
  }
  return {std::string(host), port};
}

}  // namespace sinmun::http
