#include <algorithm>
#include <charconv>
#include <cstdint>

#include "corpus/charset.h"
#include "corpus/html_extractor.h"
#include "corpus/http_response.h"
#include "corpus/readers.h"
#include "corpus/text_utils.h"
#include "corpus/warc_framer.h"

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

constexpr std::size_t kMaxHeaderBytes = 64 * 1024;
constexpr std::uint64_t kNone = UINT64_MAX;

}  // namespace

WarcFramer::WarcFramer(More more, std::string relative, std::size_t max_record_bytes)
    : more_(std::move(more)), relative_(std::move(relative)), max_record_bytes_(max_record_bytes) {}

bool WarcFramer::ensure(std::size_t n) {
  while (buffer_.size() - pos_ < n && !eof_) {
    if (pos_ > 0 && pos_ >= buffer_.size() / 2) {  // drop what is done before reading more
      buffer_.erase(0, pos_);
      base_ += pos_;
      pos_ = 0;
    }
    const std::size_t want = std::max<std::size_t>(n - (buffer_.size() - pos_), 256 * 1024);
    if (more_(buffer_, want) == 0) eof_ = true;
  }
  return buffer_.size() - pos_ >= n;
}

bool WarcFramer::header_at(std::size_t local) const {
  return buffer_.compare(local, 5, "WARC/") == 0 && local + 5 < buffer_.size() && buffer_[local + 5] >= '0' &&
         buffer_[local + 5] <= '9';
}

std::uint64_t WarcFramer::find_header(std::uint64_t from) const {
  std::size_t at = static_cast<std::size_t>(from - base_);
  if (at < buffer_.size() && (at == 0 || buffer_[at - 1] == '\n') && header_at(at)) return from;
  while ((at = buffer_.find("\nWARC/", at)) != std::string::npos) {
    if (header_at(at + 1)) return base_ + at + 1;
    ++at;
  }
  return kNone;
}

std::uint64_t WarcFramer::resync(std::uint64_t from) {
  pos_ = static_cast<std::size_t>(std::max(from, base_ + pos_) - base_);
  while (true) {
    ensure(64 * 1024);
    if (const std::uint64_t found = find_header(base_ + pos_); found != kNone) {
      pos_ = static_cast<std::size_t>(found - base_);
      return found;
    }
    if (eof_) {
      pos_ = buffer_.size();
      return kNone;
    }
    pos_ = buffer_.size() - std::min<std::size_t>(buffer_.size() - pos_, 8);  // a header may straddle reads
    ensure(buffer_.size() - pos_ + 1);
  }
}

void WarcFramer::skip(const ProblemSink& report, const std::string& location, const std::string& reason) const {
  report({Problem::Severity::kSkipped, relative_, location, reason});
}

bool WarcFramer::next(WarcRecord& record, const ProblemSink& report) {
  while (true) {
    // Between records: line ends, and white space from writers that pad (a file of only that is empty).
    while (ensure(1) && std::string_view(" \t\r\n").find(buffer_[pos_]) != std::string_view::npos) ++pos_;
    if (!ensure(1)) return false;
    saw_content_ = true;
    const std::uint64_t start = base_ + pos_;
    ++number_;
    const std::string location = "record " + std::to_string(number_) + " at byte " + std::to_string(start);
    ensure(8);
    if (!header_at(pos_)) {
      skip(report, location, "not a WARC record header; skipped to the next record");
      resync(start + 1);
      continue;
    }
    // Header lines end in CRLF by the standard, in LF from some writers: the earlier blank
    // line is the header's end (a later one belongs to the HTTP message inside).
    std::size_t header_end = std::string::npos;
    std::size_t separator = 0;
    for (std::size_t searched = 0;;) {
      const std::size_t crlf = buffer_.find("\r\n\r\n", pos_ + searched);
      const std::size_t lf = buffer_.find("\n\n", pos_ + searched);
      header_end = std::min(crlf, lf);
      if (header_end != std::string::npos) {
        separator = header_end == crlf ? 4 : 2;
        break;
      }
      searched = buffer_.size() - pos_ - std::min<std::size_t>(buffer_.size() - pos_, 3);
      if (buffer_.size() - pos_ > kMaxHeaderBytes || !ensure(buffer_.size() - pos_ + 1)) break;
    }
    if (header_end == std::string::npos || header_end - pos_ > kMaxHeaderBytes) {
      if (eof_ && buffer_.size() - pos_ <= kMaxHeaderBytes) {
        skip(report, location, "truncated record: header incomplete");
        pos_ = buffer_.size();
        return false;
      }
      skip(report, location, "record header longer than 64 KiB; skipped to the next record");
      resync(start + 1);
      continue;
    }
    const WarcHeader header = parse_header(std::string_view(buffer_).substr(pos_, header_end - pos_));
    const std::uint64_t block_start = base_ + header_end + separator;
    std::uint64_t length = 0;
    const std::string& text = header.content_length;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), length);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
      skip(report, location, "missing or bad Content-Length; skipped to the next record");
      resync(block_start);
      continue;
    }
    if (length > max_record_bytes_) {
      skip(report, location,
           "record of " + std::to_string(length) + " bytes is larger than the limit of " +
               std::to_string(max_record_bytes_) + " (--max-record-bytes); skipped");
      resync(block_start);
      continue;
    }
    // The block, then what follows it: the "\r\n\r\n" that ends a record and the next header.
    const std::size_t block_local = static_cast<std::size_t>(block_start - base_);
    ensure(block_local - pos_ + static_cast<std::size_t>(length) + 16);
    const std::uint64_t block_end = block_start + length;
    const std::size_t available = buffer_.size() - static_cast<std::size_t>(block_start - base_);
    bool trusted = false;
    if (available >= length) {
      std::uint64_t after = block_end;  // past the separators: an offset, as ensure() may move the buffer
      while (true) {
        while (after - base_ < buffer_.size() && (buffer_[after - base_] == '\r' || buffer_[after - base_] == '\n')) {
          ++after;
        }
        if (after - base_ < buffer_.size() || !ensure(static_cast<std::size_t>(after - base_) - pos_ + 1)) break;
      }
      ensure(static_cast<std::size_t>(after - base_) - pos_ + 8);
      const std::size_t end_local = static_cast<std::size_t>(block_end - base_);
      // Followed by the next header (or the end), or by the blank line that ends a record with
      // no header inside the block (then what follows is reported as a record of its own).
      trusted = after - base_ >= buffer_.size() || header_at(static_cast<std::size_t>(after - base_)) ||
                ((buffer_.compare(end_local, 4, "\r\n\r\n") == 0 || buffer_.compare(end_local, 2, "\n\n") == 0) &&
                 find_header(block_start) >= block_end);
    }
    if (!trusted) {
      if (const std::uint64_t next_header = find_header(block_start); next_header != kNone) {
        skip(report, location,
             "Content-Length " + text + " is wrong: the next record header is at byte " + std::to_string(next_header) +
                 "; record skipped");
        pos_ = static_cast<std::size_t>(next_header - base_);
        continue;
      }
      if (available < length) {
        skip(report, location,
             "truncated record: " + std::to_string(available) + " of " + text + " content bytes present");
        pos_ = buffer_.size();
        return false;
      }
      const std::uint64_t next_header = resync(block_end);
      skip(report, location,
           "Content-Length " + text + " is wrong: " +
               (next_header == kNone ? std::string("no record header follows it")
                                     : "the next record header is at byte " + std::to_string(next_header)) +
               "; record skipped");
      continue;
    }
    const std::size_t begin = static_cast<std::size_t>(block_start - base_);
    pos_ = begin + static_cast<std::size_t>(length);
    if (header.type != "response") continue;
    record.number = number_;
    record.location = location;
    record.target_uri = header.target_uri;
    record.content_type = header.content_type;
    record.block.assign(buffer_, begin, static_cast<std::size_t>(length));
    return true;
  }
}

// Only HTML pages fetched successfully are articles; DNS, redirects, 404s, images and the
// like are crawl bookkeeping, not damage, and pass silently.
void read_warc_record(const WarcRecord& record, const std::string& relative, const ArticleSink& sink,
                      const ProblemSink& report) {
  const auto skip = [&](const std::string& reason) {
    report({Problem::Severity::kSkipped, relative, record.location, reason});
  };
  if (!record.content_type.starts_with("application/http")) return;
  HttpResponse response;
  if (std::string error = parse_http_response(record.block, response); !error.empty()) {
    skip(error);
    return;
  }
  if (response.status != 200) return;
  std::string payload;
  if (std::string error = decode_http_body(response, payload); !error.empty()) {
    skip(error);
    return;
  }
  if (!is_html(response.content_type, payload)) return;
  const DecodedText decoded = decode_to_utf8(payload, charset_from_content_type(response.content_type), true);
  if (!decoded.note.empty()) report({Problem::Severity::kWarning, relative, record.location, decoded.note});
  if (decoded.invalid > 0) {
    report({Problem::Severity::kWarning, relative, record.location, describe_invalid(decoded)});
  }
  UnreadableDate unreadable;
  Article article = extract_html_article(decoded.text, &unreadable);
  if (article.title.empty() && article.body.empty()) {
    skip("no title or visible text in the page");
    return;
  }
  if (!unreadable.value.empty()) {
    report({Problem::Severity::kWarning, relative, record.location + ", page line " + std::to_string(unreadable.line),
            unreadable_date_reason(unreadable.value)});
  }
  article.id = record.target_uri.empty() ? relative + "#" + std::to_string(record.number) : record.target_uri;
  if (!record.target_uri.empty()) article.url = record.target_uri;
  article.file = relative;
  sink(std::move(article));
}

void read_warc(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report) {
  if (content.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    report({Problem::Severity::kSkipped, relative, "", "empty file"});
    return;
  }
  bool given = false;
  WarcFramer framer(
      [&](std::string& out, std::size_t) {
        if (given) return std::size_t{0};
        given = true;
        out.append(content);
        return content.size();
      },
      relative, content.size());
  WarcRecord record;
  while (framer.next(record, report)) read_warc_record(record, relative, sink, report);
}

}  // namespace sinmun
