// The HTTP response reader (status line, headers, chunked and compressed bodies) on
// arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "corpus/http_response.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sinmun::HttpResponse response;
  if (!sinmun::parse_http_response(std::string_view(reinterpret_cast<const char*>(data), size), response).empty()) {
    return 0;
  }
  std::string payload;
  (void)sinmun::decode_http_body(response, payload);
  return 0;
}
