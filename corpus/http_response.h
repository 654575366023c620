#ifndef SINMUN_CORPUS_HTTP_RESPONSE_H_
#define SINMUN_CORPUS_HTTP_RESPONSE_H_

#include <string>
#include <string_view>

namespace sinmun {

// An HTTP/1.x response as a crawler stored it (e.g. the block of a WARC response record).
struct HttpResponse {
  int status = 0;
  std::string content_type;       // the Content-Type header, as sent
  std::string transfer_encoding;  // lower-cased
  std::string content_encoding;   // lower-cased
  std::string_view body;          // into the parsed bytes: still chunked/compressed if sent so
};

// Parses the status line and headers of `bytes` (CRLF or bare LF line ends). Returns an error
// message, or empty on success; `out.body` then views the rest of `bytes`.
std::string parse_http_response(std::string_view bytes, HttpResponse& out);

// The payload of a response: chunked transfer coding removed, then gzip content coding undone
// (a body labelled gzip that is not gzip is taken as already decoded, as some crawlers store
// it); other content codings are an error. Returns an error message, or empty on success.
std::string decode_http_body(const HttpResponse& response, std::string& payload);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_HTTP_RESPONSE_H_
