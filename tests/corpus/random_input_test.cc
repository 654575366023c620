// Random and damaged input for the readers of crawled bytes: gunzip, the HTTP response
// parser, the WARC reader and the HTML extractor. Seeds are our fixtures, mutated, and input
// built at random with a known right answer; every test checks invariants of the result, not
// only that nothing crashed.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/gzip.h"
#include "corpus/html_extractor.h"
#include "corpus/http_response.h"
#include "corpus/readers.h"
#include "corpus/record_stream.h"
#include "corpus/text_utils.h"
#include "tests/corpus/collect.h"
#include "tests/corpus/fixtures.h"
#include "tests/support/gzip_writer.h"
#include "tests/support/random_text.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

using testing::Collected;
using testing::gzip_member;
using testing::mutate;
using testing::random_bytes;
using testing::random_mix;

std::size_t below(std::mt19937& rng, std::size_t n) {
  return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
}

std::string random_payload(std::mt19937& rng) {
  return rng() % 2 ? random_bytes(rng, below(rng, 3000)) : random_mix(rng, below(rng, 1000));
}

bool valid_utf8(std::string text) { return repair_utf8(text) == 0; }

std::vector<std::string> fixtures_in(const std::string& directory) {
  std::vector<std::string> contents;
  for (const auto& entry : std::filesystem::directory_iterator(testing::fixture_dir() / directory)) {
    contents.push_back(testing::read_bytes(entry.path()));
  }
  std::sort(contents.begin(), contents.end());  // directory order is not stable
  return contents;
}

// --- gunzip ---------------------------------------------------------------------------------

struct Members {
  std::vector<std::string> data;  // what each member holds
  std::vector<std::size_t> ends;  // where each member ends in `bytes`
  std::string bytes;
  std::string joined(std::size_t count) const {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += data[i];
    return out;
  }
};

Members random_members(std::mt19937& rng) {
  Members m;
  for (std::size_t i = 0, n = 1 + below(rng, 4); i < n; ++i) {
    m.data.push_back(random_payload(rng));
    m.bytes += gzip_member(m.data.back());
    m.ends.push_back(m.bytes.size());
  }
  return m;
}

TEST(GzipRandomTest, MembersRoundTripAndACutKeepsTheWholeOnesBeforeIt) {
  std::mt19937 rng(1);
  for (int i = 0; i < 1500; ++i) {
    const Members m = random_members(rng);
    const Gunzipped whole = gunzip(m.bytes);
    ASSERT_EQ(whole.error, "");
    ASSERT_EQ(whole.members, m.data.size());
    ASSERT_EQ(whole.data, m.joined(m.data.size()));

    const std::size_t cut = below(rng, m.bytes.size());
    const Gunzipped cut_off = gunzip(std::string_view(m.bytes).substr(0, cut));
    const auto complete =
        static_cast<std::size_t>(std::upper_bound(m.ends.begin(), m.ends.end(), cut) - m.ends.begin());
    const bool at_boundary = cut == 0 || std::find(m.ends.begin(), m.ends.end(), cut) != m.ends.end();
    ASSERT_EQ(cut_off.members, complete) << "cut at " << cut;
    ASSERT_EQ(cut_off.data, m.joined(complete)) << "cut at " << cut;
    ASSERT_EQ(cut_off.error.empty(), at_boundary) << "cut at " << cut << ": " << cut_off.error;
    if (!at_boundary) {
      ASSERT_EQ(cut_off.error_offset, complete == 0 ? 0 : m.ends[complete - 1]);
    }

    // The output limit: a stream over it is an error, and what it keeps is under the limit.
    const std::size_t total = whole.data.size();
    const std::size_t limit = below(rng, total + 2);
    const Gunzipped capped = gunzip(m.bytes, limit);
    ASSERT_LE(capped.data.size(), limit);
    if (total > limit) {
      ASSERT_NE(capped.error.find("exceeds"), std::string::npos) << capped.error;
    } else {
      ASSERT_EQ(capped.error, "");
    }
  }
}

// A flipped or replaced byte leaves the length alone: whatever inflates cleanly must be the
// members before the damaged one, exactly (each member's CRC-32 checks its data).
TEST(GzipRandomTest, DamageNeverYieldsWrongData) {
  std::mt19937 rng(2);
  for (int i = 0; i < 3000; ++i) {
    const Members m = random_members(rng);
    std::string damaged = m.bytes;
    for (std::size_t k = 0, n = 1 + below(rng, 3); k < n; ++k) {
      const std::size_t at = below(rng, damaged.size());
      damaged[at] =
          rng() % 2 ? static_cast<char>(damaged[at] ^ (1 << below(rng, 8))) : static_cast<char>(below(rng, 256));
    }
    const Gunzipped g = gunzip(damaged);
    ASSERT_LE(g.members, m.data.size());
    ASSERT_EQ(g.data, m.joined(g.members));
    ASSERT_EQ(g.error.empty(), g.members == m.data.size()) << g.error;
    ASSERT_LE(g.error_offset, damaged.size());
  }
}

TEST(GzipRandomTest, MutatedStreamsKeepTheInvariants) {
  std::vector<std::string> seeds = fixtures_in("gz");
  seeds.push_back(testing::fixture("warc/pages.warc.gz"));
  std::mt19937 rng(3);
  for (int i = 0; i < 3000; ++i) {
    const std::string bytes = mutate(rng, i % 2 ? seeds[below(rng, seeds.size())] : random_members(rng).bytes,
                                     {std::string("\x1f\x8b\x08\x00", 4), std::string(8, '\0')});
    const std::size_t limit = rng() % 4 == 0 ? below(rng, 4096) : std::size_t{2} << 30;
    const Gunzipped g = gunzip(bytes, limit);
    ASSERT_LE(g.data.size(), limit);
    ASSERT_LE(g.error_offset, bytes.size());
    ASSERT_LE(g.members * 18, bytes.size()) << "a gzip member takes at least 18 bytes";
    if (g.error.empty()) {
      ASSERT_TRUE(g.members > 0 || bytes.find_first_not_of('\0') == std::string::npos);
    }
  }
}

// --- HTTP responses -------------------------------------------------------------------------

std::string random_case(std::mt19937& rng, std::string text) {
  for (char& c : text) {
    if (rng() % 2) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return text;
}

// `payload` chunked at random, with chunk extensions, either line end and trailers.
std::string chunked(std::mt19937& rng, const std::string& payload, const char* eol) {
  std::string out;
  std::size_t at = 0;
  while (at < payload.size()) {
    const std::size_t size = std::min(payload.size() - at, 1 + below(rng, 700));
    char hex[32];
    std::snprintf(hex, sizeof hex, rng() % 2 ? "%zx" : "%zX", size);
    out += std::string(hex) + (rng() % 4 == 0 ? ";name=value" : "") + eol + payload.substr(at, size) + eol;
    at += size;
  }
  return out + "0" + eol + (rng() % 3 == 0 ? std::string("X-Trailer: 1") + eol : "") + eol;
}

struct Response {
  int status;
  std::string content_type;
  std::string payload;
  std::string bytes;
};

Response random_response(std::mt19937& rng, const std::string& payload) {
  static const int kStatuses[] = {200, 200, 200, 404, 301, 500, 204};
  static const char* kTypes[] = {"text/html; charset=utf-8", "text/html", "image/png", "application/xhtml+xml", ""};
  Response r{kStatuses[below(rng, std::size(kStatuses))], kTypes[below(rng, std::size(kTypes))], payload, ""};
  const char* eol = rng() % 3 == 0 ? "\n" : "\r\n";
  const bool is_chunked = rng() % 2;
  const bool is_gzip = rng() % 3 == 0;
  std::vector<std::string> headers = {"Server: sinmun-test", "X-No-Colon-Line", "Date: Fri, 05 Dec 2025 01:00:00 GMT"};
  if (!r.content_type.empty()) headers.push_back(random_case(rng, "content-type") + ":  " + r.content_type + " ");
  if (is_chunked) headers.push_back(random_case(rng, "transfer-encoding") + ": " + random_case(rng, "chunked"));
  if (is_gzip) headers.push_back(random_case(rng, "content-encoding") + ":" + random_case(rng, "gzip"));
  std::shuffle(headers.begin(), headers.end(), rng);
  r.bytes = "HTTP/1." + std::to_string(rng() % 2) + " " + std::to_string(r.status) + " Reason" + eol;
  for (const std::string& header : headers) r.bytes += header + eol;
  r.bytes += eol;
  const std::string body = is_gzip ? gzip_member(payload) : payload;
  r.bytes += is_chunked ? chunked(rng, body, eol) : body;
  return r;
}

void check_parsed(const std::string& bytes, const HttpResponse& response) {
  ASSERT_GE(response.status, 0);
  ASSERT_LE(response.status, 999);
  ASSERT_EQ(response.body.data() + response.body.size(), bytes.data() + bytes.size()) << "body is the rest";
  ASSERT_GE(response.body.data(), bytes.data());
  ASSERT_EQ(response.content_type, trim(response.content_type));
  ASSERT_EQ(response.transfer_encoding, lowercase_ascii(response.transfer_encoding));
  ASSERT_EQ(response.content_encoding, lowercase_ascii(response.content_encoding));
}

TEST(HttpResponseRandomTest, BuiltResponsesParseAndDecodeToTheirPayload) {
  std::mt19937 rng(4);
  for (int i = 0; i < 2000; ++i) {
    const Response r = random_response(rng, random_payload(rng));
    HttpResponse response;
    ASSERT_EQ(parse_http_response(r.bytes, response), "") << r.bytes.substr(0, 300);
    check_parsed(r.bytes, response);
    ASSERT_EQ(response.status, r.status);
    ASSERT_EQ(response.content_type, r.content_type);
    std::string payload;
    ASSERT_EQ(decode_http_body(response, payload), "") << r.bytes.substr(0, 300);
    ASSERT_EQ(payload, r.payload);
  }
}

TEST(HttpResponseRandomTest, DamagedResponsesAreErrorsNeverCrashes) {
  const std::vector<std::string> pieces = {"\r\n",
                                           "\n",
                                           "\r\n\r\n",
                                           "HTTP/1.1 ",
                                           "Transfer-Encoding: chunked\r\n",
                                           "Content-Encoding: gzip\r\n",
                                           "ffffffffffffffff\r\n",
                                           "0\r\n\r\n",
                                           ":"};
  std::mt19937 rng(5);
  for (int i = 0; i < 5000; ++i) {
    const std::string bytes = mutate(rng, random_response(rng, random_mix(rng, below(rng, 300))).bytes, pieces, 6);
    HttpResponse response;
    const std::string error = parse_http_response(bytes, response);
    if (!error.empty()) {
      ASSERT_TRUE(error == "not an HTTP response" || error == "HTTP headers not terminated" ||
                  error == "bad HTTP status line")
          << error;
      continue;
    }
    check_parsed(bytes, response);
    std::string payload;
    const std::string decode_error = decode_http_body(response, payload);
    if (response.content_encoding.empty() || response.content_encoding == "identity") {
      ASSERT_LE(payload.size(), response.body.size()) << "de-chunking only removes bytes";
    }
    if (!decode_error.empty()) {
      ASSERT_TRUE(decode_error.starts_with("chunk") || decode_error.starts_with("bad chunk size at byte ") ||
                  decode_error.starts_with("Content-Encoding gzip: ") ||
                  decode_error.starts_with("unsupported Content-Encoding: "))
          << decode_error;
    }
  }
}

// --- WARC -----------------------------------------------------------------------------------

struct Warc {
  std::string bytes;
  std::vector<std::size_t> starts, block_ends;  // of each record
  std::vector<std::string> articles;            // ids of the records that are articles, in order
  std::vector<std::size_t> article_records;     // their record index
};

std::string warc_record(const std::string& type, const std::string& uri, const std::string& content_type,
                        const std::string& block, const char* eol) {
  std::string header = std::string("WARC/1.1") + eol + "WARC-Type: " + type + eol;
  if (!uri.empty()) header += "WARC-Target-URI: " + uri + eol;
  header += "WARC-Record-ID: <urn:uuid:x>" + std::string(eol) + "Content-Type: " + content_type + eol;
  return header + "Content-Length: " + std::to_string(block.size()) + eol + eol + block;
}

// Records of every kind; the good HTML pages (status 200, HTML, with text) are the articles.
Warc random_warc(std::mt19937& rng, const std::string& relative) {
  Warc warc;
  for (std::size_t i = 0, n = below(rng, 6); i < n; ++i) {
    const char* eol = rng() % 4 == 0 ? "\n" : "\r\n";
    const std::string uri = rng() % 5 == 0 ? "" : "https://news.example.com/a/" + std::to_string(i);
    std::string record;
    bool article = false;
    switch (below(rng, 5)) {
      case 0:
        record = warc_record("warcinfo", "", "application/warc-fields", "software: sinmun-tests\r\n", eol);
        break;
      case 1:
        record = warc_record("request", uri, "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n", eol);
        break;
      default: {
        const std::string title = "무작위 기사 " + std::to_string(i) + " " + random_mix(rng, 5);
        const std::string page = "<html><head><title>" + title + "</title></head><body><p>본문 " + random_mix(rng, 40) +
                                 " 문장이다.</p></body></html>";
        const Response r = random_response(rng, page);
        article = r.status == 200 && r.content_type != "image/png";
        record = warc_record("response", rng() % 4 == 0 ? "<" + uri + ">" : uri, "application/http; msgtype=response",
                             r.bytes, eol);
        break;
      }
    }
    warc.starts.push_back(warc.bytes.size());
    warc.bytes += record;
    warc.block_ends.push_back(warc.bytes.size());
    warc.bytes += "\r\n\r\n";
    if (article) {
      warc.articles.push_back(uri.empty() ? relative + "#" + std::to_string(i + 1) : uri);
      warc.article_records.push_back(i);
    }
  }
  return warc;
}

std::vector<std::string> ids_of(const Collected& c) {
  std::vector<std::string> ids;
  for (const Article& a : c.articles) ids.push_back(a.id);
  return ids;
}

TEST(WarcRandomTest, BuiltFilesGiveTheirArticlesAndACutOnlyLosesTheLastRecord) {
  std::mt19937 rng(6);
  for (int i = 0; i < 600; ++i) {
    const Warc warc = random_warc(rng, "r.warc");
    Collected whole;
    read_warc(warc.bytes, "r.warc", whole.sink(), whole.report());
    if (warc.starts.empty()) {
      ASSERT_EQ(whole.problem_text(), "r.warc: empty file\n");
      continue;
    }
    ASSERT_EQ(whole.problem_text(), "") << warc.bytes.substr(0, 400);
    ASSERT_EQ(ids_of(whole), warc.articles);
    for (const Article& a : whole.articles) {
      ASSERT_TRUE(a.title.starts_with("무작위 기사 ")) << a.title;
      ASSERT_EQ(a.file, "r.warc");
    }

    // Cut inside record k (from its first byte to the end of its block): one problem, for that
    // record, and the articles of the records before it.
    const std::size_t k = below(rng, warc.starts.size());
    const std::size_t cut = warc.starts[k] + 1 + below(rng, warc.block_ends[k] - warc.starts[k] - 1);
    Collected part;
    read_warc(std::string_view(warc.bytes).substr(0, cut), "r.warc", part.sink(), part.report());
    ASSERT_EQ(part.problems.size(), 1u) << part.problem_text();
    ASSERT_EQ(part.problems[0].location,
              "record " + std::to_string(k + 1) + " at byte " + std::to_string(warc.starts[k]));
    const auto before = static_cast<std::size_t>(
        std::lower_bound(warc.article_records.begin(), warc.article_records.end(), k) - warc.article_records.begin());
    ASSERT_EQ(ids_of(part), std::vector<std::string>(warc.articles.begin(), warc.articles.begin() + before));
  }
}

// Whatever the damage: articles are well formed, problems name the file and a record at a
// byte inside it, in order, and there are never more of either than records.
TEST(WarcRandomTest, DamagedFilesKeepTheReportsInvariants) {
  const std::vector<std::string> seeds = {testing::fixture("warc/crawl.warc"),
                                          gunzip(testing::fixture("warc/pages.warc.gz")).data};
  const std::vector<std::string> pieces = {"WARC/1.0\r\n",
                                           "\r\n\r\n",
                                           "\n\n",
                                           "Content-Length: 99999\r\n",
                                           "Content-Length: 0\r\n",
                                           "Content-Length: -1\r\n",
                                           "WARC-Type: response\r\n",
                                           "HTTP/1.1 200 OK\r\n",
                                           "\nWARC/"};
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    const std::string& seed = i % 3 == 0 ? seeds[below(rng, seeds.size())] : random_warc(rng, "m.warc").bytes;
    const std::string bytes = mutate(rng, seed, pieces, 6);
    Collected c;
    read_warc(bytes, "m.warc", c.sink(), c.report());
    std::size_t records = 1;
    for (std::size_t at = bytes.find("WARC/"); at != std::string::npos; at = bytes.find("WARC/", at + 1)) ++records;
    ASSERT_LE(c.articles.size(), records);
    ASSERT_LE(c.problems.size(), 2 * records);
    for (const Article& a : c.articles) {
      ASSERT_FALSE(a.id.empty());
      ASSERT_EQ(a.file, "m.warc");
      ASSERT_FALSE(a.title.empty() && a.body.empty());
      ASSERT_TRUE(valid_utf8(a.title) && valid_utf8(a.body));
    }
    std::size_t last_byte = 0;
    for (const Problem& p : c.problems) {
      ASSERT_EQ(p.file, "m.warc");
      ASSERT_FALSE(p.reason.empty());
      if (p.location.empty()) continue;  // the whole file ("empty file")
      const std::size_t at = p.location.find(" at byte ");
      ASSERT_TRUE(p.location.starts_with("record ") && at != std::string::npos) << p.location;
      const std::size_t byte = std::stoul(p.location.substr(at + 9));
      ASSERT_LT(byte, bytes.size());
      ASSERT_GE(byte, last_byte) << c.problem_text();
      last_byte = byte;
    }
  }
}

// --- streamed files -------------------------------------------------------------------------

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// `bytes` as a file: plain, one gzip member, or gzip members cut at `cuts` (or at random).
CrawlFile write_maybe_gzipped(std::mt19937& rng, const testing::TempDir& dir, const std::string& name,
                              const std::string& bytes, std::vector<std::size_t> cuts = {}) {
  std::string written = bytes;
  std::string file = name;
  if (const std::size_t how = below(rng, 3); how > 0) {
    if (how == 1 || cuts.empty()) {
      cuts.clear();
      for (std::size_t n = below(rng, 4); n > 0 && !bytes.empty(); --n) cuts.push_back(below(rng, bytes.size()));
    }
    cuts.push_back(0);
    cuts.push_back(bytes.size());
    std::sort(cuts.begin(), cuts.end());
    written.clear();
    for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
      if (cuts[c + 1] > cuts[c]) written += gzip_member(std::string_view(bytes).substr(cuts[c], cuts[c + 1] - cuts[c]));
    }
    if (written.empty()) written = gzip_member("");
    file += ".gz";
  }
  const auto path = dir.write(file, written);
  return {path, file, format_of(path), written.size()};
}

void read_in_chunks(const CrawlFile& file, std::size_t chunk_bytes, const ReadLimits& limits, Collected& c) {
  RecordStream stream(file, limits);
  RecordChunk chunk;
  while (stream.next(chunk_bytes, chunk)) read_record_chunk(file, chunk, c.sink(), c.report());
}

// Records with and without ids, broken lines, blank lines, NULs and lines over the record
// limit, plain or in gzip members cut anywhere, read in chunks of any size: each line gives
// what it gives alone, and a line over the limit is one skip naming it.
TEST(StreamRandomTest, JsonLinesInChunksGiveWhatEachLineGivesAlone) {
  std::mt19937 rng(11);
  testing::TempDir dir;
  for (int i = 0; i < 400; ++i) {
    const std::size_t limit = 40 + below(rng, 300);
    std::vector<std::string> lines = {R"({"id": "first", "title": "첫 기사"})"};
    for (std::size_t n = below(rng, 25); n > 0; --n) {
      const std::string title = json_string(random_mix(rng, 1 + below(rng, 15)));
      switch (below(rng, 7)) {
        case 0:
          lines.push_back(rng() % 2 ? "" : "  ");
          break;
        case 1:
          lines.push_back("{\"id\": " + title.substr(0, below(rng, title.size())));
          break;
        case 2:
          lines.push_back(std::string("{\"title\": \"a\0b\"}", 16));
          break;
        case 3:
          lines.push_back("{\"title\": " + title + ", \"body\": " + json_string(std::string(limit + 1, 'x')) + "}");
          break;
        default:
          lines.push_back(std::string("{") + (rng() % 3 ? "\"id\": \"r" + std::to_string(n) + "\", " : "") +
                          "\"title\": " + title + ", \"body\": " + json_string(random_mix(rng, below(rng, 40))) + "}");
      }
    }
    std::string content;
    Collected expected;
    for (std::size_t l = 0; l < lines.size(); ++l) {
      content += lines[l];
      if (l + 1 < lines.size() || rng() % 2) content += '\n';
      if (lines[l].find_first_not_of(" ") == std::string::npos) continue;
      if (lines[l].size() > limit) {
        expected.problems.push_back({Problem::Severity::kSkipped, "", "line " + std::to_string(l + 1),
                                     "record of " + std::to_string(lines[l].size()) +
                                         " bytes is larger than the limit of " + std::to_string(limit) +
                                         " (--max-record-bytes); skipped"});
        continue;
      }
      read_json_lines(lines[l], "", expected.sink(), expected.report(), l + 1);
    }
    const CrawlFile file = write_maybe_gzipped(rng, dir, "s" + std::to_string(i) + ".jsonl", content);
    Collected streamed;
    read_in_chunks(file, 1 + below(rng, 200), {.max_record_bytes = limit}, streamed);
    ASSERT_EQ(streamed.articles.size(), expected.articles.size()) << streamed.problem_text();
    for (std::size_t a = 0; a < expected.articles.size(); ++a) {
      const std::string id = expected.articles[a].id;
      ASSERT_EQ(streamed.articles[a].id, id.starts_with("#") ? file.relative + id : id);
      ASSERT_EQ(streamed.articles[a].title, expected.articles[a].title);
    }
    ASSERT_EQ(streamed.problems.size(), expected.problems.size()) << streamed.problem_text();
    for (std::size_t p = 0; p < expected.problems.size(); ++p) {
      ASSERT_EQ(streamed.problems[p].location, expected.problems[p].location) << streamed.problem_text();
      ASSERT_EQ(streamed.problems[p].reason, expected.problems[p].reason);
      ASSERT_EQ(streamed.problems[p].file, file.relative);
    }
  }
}

// A WARC read in chunks, plain, gzip per record or gzip in random members, gives what the
// whole file gives.
TEST(StreamRandomTest, WarcInChunksGivesWhatTheWholeFileGives) {
  std::mt19937 rng(12);
  testing::TempDir dir;
  for (int i = 0; i < 300; ++i) {
    const std::string name = "w" + std::to_string(i) + ".warc";
    const Warc warc = random_warc(rng, name);
    const CrawlFile file = write_maybe_gzipped(rng, dir, name, warc.bytes, warc.starts);
    Collected whole;
    read_warc(warc.bytes, file.relative, whole.sink(), whole.report());
    Collected streamed;
    read_in_chunks(file, 1 + below(rng, 2000), {}, streamed);
    ASSERT_EQ(ids_of(streamed), ids_of(whole));
    ASSERT_EQ(streamed.problem_text(), whole.problem_text());
  }
}

// A record whose Content-Length is changed to a lie (shorter, longer, not a number) is
// reported, and every other record with an article still gives it. (A length that ends
// where a record could, before white space and a header, is not detectable as a lie and
// not made here.)
TEST(StreamRandomTest, ALyingWarcContentLengthLosesNoOtherRecord) {
  std::mt19937 rng(13);
  std::size_t checked = 0;
  for (int i = 0; i < 1500; ++i) {
    const Warc warc = random_warc(rng, "l.warc");
    if (warc.starts.size() < 2) continue;
    const std::size_t k = below(rng, warc.starts.size());
    const std::size_t at = warc.bytes.find("Content-Length: ", warc.starts[k]) + 16;
    const std::size_t end = warc.bytes.find_first_of("\r\n", at);
    const std::size_t length = std::stoul(warc.bytes.substr(at, end - at));
    std::string lie;
    switch (below(rng, 3)) {
      case 0:
        if (length == 0) continue;
        lie = std::to_string(below(rng, length));
        break;
      case 1:
        lie = std::to_string(length + 1 + below(rng, 600));
        break;
      default:
        lie = rng() % 2 ? "abc" : "-" + std::to_string(length);
    }
    const std::string bytes = warc.bytes.substr(0, at) + lie + warc.bytes.substr(end);
    if (std::isdigit(static_cast<unsigned char>(lie[0]))) {
      const std::size_t crlf = bytes.find("\r\n\r\n", at);
      const std::size_t lf = bytes.find("\n\n", at);
      const std::size_t after = std::min(crlf, lf) + (crlf < lf ? 4 : 2) + std::stoul(lie);
      const std::size_t next = bytes.find_first_not_of(" \t\r\n", std::min(after, bytes.size()));
      if (after <= bytes.size() && (next == std::string::npos || bytes.compare(next, 5, "WARC/") == 0)) continue;
    }
    Collected c;
    read_warc(bytes, "l.warc", c.sink(), c.report());
    std::vector<std::string> expected;
    std::string id_of_k;
    for (std::size_t a = 0; a < warc.articles.size(); ++a) {
      if (warc.article_records[a] == k) {
        id_of_k = warc.articles[a];
      } else if (!warc.articles[a].starts_with("l.warc#")) {
        expected.push_back(warc.articles[a]);
      }
    }
    std::vector<std::string> got;
    for (const std::string& id : ids_of(c)) {
      if (!id.starts_with("l.warc#") && id != id_of_k) got.push_back(id);
    }
    ASSERT_EQ(got, expected) << "record " << k + 1 << " claims " << lie << " of " << length << "\n" << c.problem_text();
    ASSERT_FALSE(c.problems.empty()) << "record " << k + 1 << " claims " << lie << " of " << length;
    ++checked;
  }
  EXPECT_GT(checked, 600u);
}

// --- HTML -----------------------------------------------------------------------------------

// Tag soup: up to `pieces` random elements (with the attributes the extractor reads), text,
// comments and stray end tags, nested up to `depth`.
std::string random_page(std::mt19937& rng, std::size_t pieces, std::size_t depth) {
  static const std::vector<std::string> kTags = {
      "div",      "p",        "span",       "a",        "b",         "font", "table",  "tr",
      "td",       "ul",       "li",         "h1",       "h2",        "nav",  "footer", "article",
      "section",  "script",   "style",      "title",    "meta",      "img",  "br",     "time",
      "em",       "figure",   "figcaption", "header",   "aside",     "form", "select", "option",
      "noscript", "template", "svg",        "path",     "iframe",    "dl",   "dd",     "blockquote",
      "object",   "frameset", "math",       "textarea", "plaintext", "head", "body"};
  static const std::vector<std::string> kAttributes = {"",
                                                       " class=\"article\"",
                                                       " class=body",
                                                       " id=main",
                                                       " hidden",
                                                       " style=\"display: none\"",
                                                       " property=\"og:title\" content=\"오픈그래프 제목 - 한빛일보\"",
                                                       " name=\"author\" content=\"홍길동\"",
                                                       " datetime=\"2025-12-05T10:31:00+09:00\"",
                                                       " rel=canonical href=\"https://example.com/a\"",
                                                       " href='/x>y'",
                                                       " property=\"og:site_name\" content=\"한빛일보\"",
                                                       " property=article:published_time content=2025-12-04",
                                                       "/",
                                                       " a=\"unclosed"};
  std::string html;
  std::size_t open = 0;
  for (std::size_t i = 0, n = below(rng, pieces); i < n; ++i) {
    const std::string& tag = kTags[below(rng, kTags.size())];
    switch (below(rng, 8)) {
      case 0:
      case 1:
      case 2:
        if (open < depth) {
          html += "<" + tag + kAttributes[below(rng, kAttributes.size())] + ">";
          ++open;
        }
        break;
      case 3:
      case 4:
        html += "</" + tag + ">";
        if (open > 0) --open;
        break;
      case 5:
        html += rng() % 2 ? "<!-- " + random_mix(rng, 10) + " -->" : "&nbsp;&amp;&#xAC00;&bogus;";
        break;
      default:
        html += rng() % 2 ? random_mix(rng, below(rng, 60)) : " 홍길동 기자 = 본문을 작성했다. 입력 2025.12.05 10:31 ";
        break;
    }
  }
  return html;
}

void check_article(const std::string& html, const Article& a) {
  ASSERT_TRUE(a.id.empty() && a.file.empty() && a.category.empty()) << "the caller names the record";
  ASSERT_EQ(a.title.find('\n'), std::string::npos) << a.title;
  ASSERT_EQ(a.title, trim(a.title));
  for (const std::string* field : {&a.title, &a.body, &a.date, &a.source, &a.author, &a.url}) {
    ASSERT_TRUE(valid_utf8(*field)) << *field;
    ASSERT_LE(field->size(), 2 * html.size() + 16) << "more text than the page holds";
  }
  if (!a.date.empty()) {
    ASSERT_EQ(a.date.size(), 10u) << a.date;
    for (std::size_t i = 0; i < a.date.size(); ++i) {
      const bool digit = std::isdigit(static_cast<unsigned char>(a.date[i]));
      ASSERT_TRUE((i == 4 || i == 7) ? a.date[i] == '-' : digit) << a.date;
    }
  }
}

bool same(const Article& a, const Article& b) {
  return a.title == b.title && a.body == b.body && a.date == b.date && a.source == b.source && a.url == b.url &&
         a.author == b.author;
}

TEST(HtmlRandomTest, TagSoupGivesWellFormedArticles) {
  std::mt19937 rng(8);
  for (int i = 0; i < 1500; ++i) {
    // One in ten nests past kMaxHtmlNesting.
    const std::string html = i % 10 == 0 ? random_page(rng, 6000, 3000) : random_page(rng, 300, 60);
    const Article a = extract_html_article(html);
    check_article(html, a);
    if (i % 5 == 0) {
      ASSERT_TRUE(same(a, extract_html_article(html))) << "the same page, another article";
    }
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << html.substr(0, 2000);
      return;
    }
  }
}

TEST(HtmlRandomTest, MutatedFixturesGiveWellFormedArticles) {
  std::vector<std::string> seeds = fixtures_in("html");
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(std::filesystem::path(SINMUN_SOURCE_DIR) / "corpus/sample")) {
    if (entry.path().extension() == ".html") seeds.push_back(testing::read_bytes(entry.path()));
  }
  const std::vector<std::string> pieces = {"<div>",   "</div>",
                                           "<p>",     "<a href=x>",
                                           "</a>",    "<script>",
                                           "<!--",    "<nav>",
                                           "<svg>",   "<path/>",
                                           "<title>", "<table><tr><td>",
                                           "\xFF",    "<meta property=\"og:title\" content=\"",
                                           "\"",      "&#0;"};
  std::mt19937 rng(9);
  for (int i = 0; i < 2000; ++i) {
    const std::string html = mutate(rng, seeds[below(rng, seeds.size())], pieces, 8);
    check_article(html, extract_html_article(html));
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << html.substr(0, 2000);
      return;
    }
  }
}

}  // namespace
}  // namespace sinmun
