#ifndef SINMUN_SERVER_REQUEST_H_
#define SINMUN_SERVER_REQUEST_H_

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

#include <xapian.h>

#include "base/errors.h"

#include "searcher/searcher.h"

// Everything a client sends to the HTTP API is checked here, before it reaches Xapian.
namespace sinmun::http {

// Query parameters, decoded; the same type as httplib::Params.
using Params = std::multimap<std::string, std::string>;

// Limits that keep one request cheap (DESIGN.md "HTTP (contract)").
inline constexpr std::size_t kMaxQueryBytes = 1000;    // q
inline constexpr Xapian::doccount kMaxLimit = 100;     // limit is 1..kMaxLimit, default 10
inline constexpr Xapian::doccount kMaxOffset = 10000;  // offset is 0..kMaxOffset, default 0
inline constexpr std::size_t kMaxFieldBytes = 1000;    // id, source, from, to, similar

// A parameter the client got wrong. what() says which and why, in words safe to send back
// to the client (it never contains server paths or database messages).
class BadRequest : public UsageError {
 public:
  using UsageError::UsageError;
};

// The value of `name`, or nullptr when absent. A repeated parameter is refused (BadRequest)
// rather than guessing which copy the client meant.
const std::string* single_param(const Params& params, const char* name);

// Throws BadRequest unless `value` (the parameter `name`) is valid UTF-8 of at most
// `max_bytes`.
void check_param_text(const std::string& value, const char* name, std::size_t max_bytes);

// /api/search?q=&limit=&offset=&sort=relevance|date&from=&to=&source=&strict=0|1&similar=
// q is required (any valid UTF-8 up to kMaxQueryBytes; a blank one is refused by the search) unless
// similar= gives an article id (then q is ignored: articles like that one); the rest are
// optional. source= may be given several times (articles of any of them); strict=1 never
// loosens a long query. Dates are passed through as given: Searcher::search() checks their
// format. Facets and snippets are always on. Parameters not listed are ignored; any other
// listed one given twice is an error. Throws BadRequest.
SearchRequest parse_search_params(const Params& params);

// /api/doc?id=: the article id (non-empty, valid UTF-8, up to kMaxFieldBytes). Throws
// BadRequest.
std::string parse_doc_params(const Params& params);

struct ListenAddress {
  std::string host;  // a name or address; IPv6 without the brackets
  int port = 0;      // 0..65535; 0 asks the system for a free port
};

// "HOST:PORT", "[IPV6]:PORT". Throws UsageError saying what is wrong.
ListenAddress parse_listen_address(std::string_view text);

}  // namespace sinmun::http

#endif  // SINMUN_SERVER_REQUEST_H_
