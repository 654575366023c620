#include "corpus/http_response.h"

#include <algorithm>
#include <charconv>

#include "corpus/gzip.h"
#include "corpus/text_utils.h"

namespace sinmun {
namespace {

std::string dechunk(std::string_view body, std::string& out) {
  std::size_t at = 0;
  while (true) {
    const std::size_t line_end = body.find('\n', at);
    if (line_end == std::string_view::npos) return "chunked body ends without a last chunk";
    std::string_view size_text = body.substr(at, line_end - at);
    size_text = size_text.substr(0, size_text.find_first_of(";\r "));
    std::size_t size = 0;
    const auto [end, error] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), size, 16);
    if (error != std::errc() || end != size_text.data() + size_text.size() || size_text.empty()) {
      return "bad chunk size at byte " + std::to_string(at);
    }
    at = line_end + 1;
    if (size == 0) return "";
    if (size > body.size() - at) return "chunk runs past the end of the body";
    out.append(body.substr(at, size));
    at += size;
    if (body.substr(at).starts_with("\r\n")) {
      at += 2;
    } else if (body.substr(at).starts_with("\n")) {
      at += 1;
    }
  }
}

}  // namespace

std::string parse_http_response(std::string_view bytes, HttpResponse& out) {
  if (!bytes.starts_with("HTTP/")) return "not an HTTP response";
  std::size_t at = 0;
  bool first = true;
  while (true) {
    const std::size_t line_end = bytes.find('\n', at);
    if (line_end == std::string_view::npos) return "HTTP headers not terminated";
    std::string_view line = bytes.substr(at, line_end - at);
    if (line.ends_with('\r')) line.remove_suffix(1);
    at = line_end + 1;
    if (line.empty()) break;
    if (first) {
      first = false;
      const std::size_t space = line.find(' ');
      const std::string_view code = space == std::string_view::npos ? "" : line.substr(space + 1, 3);
      // Three digits: from_chars alone would take "-20".
      if (code.size() != 3 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return "bad HTTP status line";
      }
      std::from_chars(code.data(), code.data() + code.size(), out.status);
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // tolerated, as browsers do
    const std::string name = lowercase_ascii(trim(line.substr(0, colon)));
    const std::string value = trim(line.substr(colon + 1));
    if (name == "content-type") out.content_type = value;
    if (name == "transfer-encoding") out.transfer_encoding = lowercase_ascii(value);
    if (name == "content-encoding") out.content_encoding = lowercase_ascii(value);
  }
  out.body = bytes.substr(at);
  return "";
}

std::string decode_http_body(const HttpResponse& response, std::string& payload) {
  payload.clear();
  if (response.transfer_encoding.find("chunked") != std::string::npos) {
    if (std::string error = dechunk(response.body, payload); !error.empty()) return error;
  } else {
    payload = std::string(response.body);
  }
  const std::string& coding = response.content_encoding;
  if (coding.empty() || coding == "identity") return "";
  if ((coding == "gzip" || coding == "x-gzip") && !is_gzip(payload)) return "";
  if (coding == "gzip" || coding == "x-gzip") {
    Gunzipped inflated = gunzip(payload);
    if (!inflated.error.empty()) return "Content-Encoding gzip: " + inflated.error;
    payload = std::move(inflated.data);
    return "";
  }
  return "unsupported Content-Encoding: " + coding;
}

}  // namespace sinmun
