#include <algorithm>
#include <charconv>

#include "corpus/charset.h"
#include "corpus/html_extractor.h"
#include "corpus/http_response.h"
#include "corpus/readers.h"
#include "corpus/text_utils.h"

namespace sinmun {
namespace {

struct WarcHeader {
  std::string type;
  std::string target_uri;
  std::string content_type;
  std::string content_length;
};

WarcHeader parse_header(std::string_view block) {
  WarcHeader header;
  std::size_t at = 0;
  while (at < block.size()) {
    std::size_t end = block.find('\n', at);
    if (end == std::string_view::npos) end = block.size();
    const std::string_view line = block.substr(at, end - at);
    at = end + 1;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = lowercase_ascii(trim(line.substr(0, colon)));
    const std::string value = trim(line.substr(colon + 1));
    if (name == "warc-type") header.type = lowercase_ascii(value);
    if (name == "warc-target-uri") header.target_uri = value;
    if (name == "content-type") header.content_type = lowercase_ascii(value);
    if (name == "content-length") header.content_length = value;
  }
  // WARC 1.0's grammar put the URI in angle brackets; some writers still do.
  if (header.target_uri.starts_with('<') && header.target_uri.ends_with('>')) {
    header.target_uri = header.target_uri.substr(1, header.target_uri.size() - 2);
  }
  return header;
}

bool is_html(const std::string& content_type, std::string_view payload) {
  const std::string type = lowercase_ascii(content_type.substr(0, content_type.find(';')));
  if (!type.empty()) return trim(type) == "text/html" || trim(type) == "application/xhtml+xml";
  const std::string head = lowercase_ascii(trim(payload.substr(0, 256)));
  return head.starts_with("<!doctype html") || head.starts_with("<html");
}

class WarcReader {
 public:
  WarcReader(std::string_view content, const std::string& relative, const ArticleSink& sink, const ProblemSink& report)
      : content_(content), relative_(relative), sink_(sink), report_(report) {}

  void run() {
    std::size_t at = 0;
    std::size_t record = 0;
    while (true) {
      at = content_.find_first_not_of("\r\n", at);
      if (at == std::string_view::npos) break;
      ++record;
      const std::string location = "record " + std::to_string(record) + " at byte " + std::to_string(at);
      if (!content_.substr(at).starts_with("WARC/")) {
        skip(location, "not a WARC record header; skipped to the next record");
        at = next_record(at);
        continue;
      }
      // Header lines end in CRLF by the standard, in LF from some writers: the earlier blank
      // line is the header's end (a later one belongs to the HTTP message inside).
      const std::size_t crlf = content_.find("\r\n\r\n", at);
      const std::size_t lf = content_.find("\n\n", at);
      const std::size_t header_end = std::min(crlf, lf);
      const std::size_t separator = header_end == crlf ? 4 : 2;
      if (header_end == std::string_view::npos) {
        skip(location, "truncated record: header incomplete");
        break;
      }
      const WarcHeader header = parse_header(content_.substr(at, header_end - at));
      std::size_t length = 0;
      const std::string& text = header.content_length;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), length);
      if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
        skip(location, "missing or bad Content-Length; skipped to the next record");
        at = next_record(at);
        continue;
      }
      const std::size_t block_start = header_end + separator;
      const std::size_t available = content_.size() - block_start;
      if (length > available) {
        skip(location, "truncated record: " + std::to_string(available) + " of " + std::to_string(length) +
                           " content bytes present");
        break;
      }
      at = block_start + length;
      if (header.type == "response") read_response(header, content_.substr(block_start, length), record, location);
    }
  }

 private:
  // The start of the next line that begins a WARC record after `from`.
  std::size_t next_record(std::size_t from) const {
    const std::size_t found = content_.find("\nWARC/", from);
    return found == std::string_view::npos ? content_.size() : found + 1;
  }

  void skip(const std::string& location, const std::string& reason) const {
    report_({Problem::Severity::kSkipped, relative_, location, reason});
  }

  // Only HTML pages fetched successfully are articles; DNS, redirects, 404s, images and the
  // like are crawl bookkeeping, not damage, and pass silently.
  void read_response(const WarcHeader& header, std::string_view block, std::size_t record,
                     const std::string& location) const {
    if (!header.content_type.starts_with("application/http")) return;
    HttpResponse response;
    if (std::string error = parse_http_response(block, response); !error.empty()) {
      skip(location, error);
      return;
    }
    if (response.status != 200) return;
    std::string payload;
    if (std::string error = decode_http_body(response, payload); !error.empty()) {
      skip(location, error);
      return;
    }
    if (!is_html(response.content_type, payload)) return;
    const DecodedText decoded = decode_to_utf8(payload, charset_from_content_type(response.content_type), true);
    if (decoded.invalid > 0) {
      report_({Problem::Severity::kWarning, relative_, location, describe_invalid(decoded)});
    }
    UnreadableDate unreadable;
    Article article = extract_html_article(decoded.text, &unreadable);
    if (article.title.empty() && article.body.empty()) {
      skip(location, "no title or visible text in the page");
      return;
    }
    if (!unreadable.value.empty()) {
      report_({Problem::Severity::kWarning, relative_, location + ", page line " + std::to_string(unreadable.line),
               unreadable_date_reason(unreadable.value)});
    }
    article.id = header.target_uri.empty() ? relative_ + "#" + std::to_string(record) : header.target_uri;
    if (!header.target_uri.empty()) article.url = header.target_uri;
    article.file = relative_;
    sink_(std::move(article));
  }

  std::string_view content_;
  const std::string& relative_;
  const ArticleSink& sink_;
  const ProblemSink& report_;
};

}  // namespace

void read_warc(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report) {
  if (content.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    report({Problem::Severity::kSkipped, relative, "", "empty file"});
    return;
  }
  WarcReader(content, relative, sink, report).run();
}

}  // namespace sinmun
