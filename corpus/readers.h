#ifndef SINMUN_CORPUS_READERS_H_
#define SINMUN_CORPUS_READERS_H_

#include <string>
#include <string_view>

#include "corpus/article.h"
#include "corpus/record_stream.h"
#include "corpus/walker.h"

namespace sinmun {

// Each reader turns the bytes of one file into articles. `relative` is the file's path
// relative to the crawl root: it names the file in problems and is the id base for records
// without an id. Bad records are reported and skipped; every good record of the file is
// still delivered. Invalid UTF-8 is repaired (U+FFFD) and reported as a warning.
// A record with neither title nor body is skipped. Every body is cleaned of page furniture
// (clean_article_text in boilerplate.h: copyright lines, reaction buttons, tip lines, a story
// printed twice), and a title is never a bracketed speaker tag ("[앵커]"). Dates are read by
// normalize_date (text_utils.h); a date that is there but cannot be read is a warning (with
// the record's location) and the record is kept without a date.

// One JSON object per line; blank lines are ignored; a record without `id` is
// `relative#LINE`. The date is the first of `date`, `published`, `published_at`, `datetime`,
// `pubDate`, `pub_date`, `publish_date`, `date_published`, `datePublished`, `timestamp`
// that reads as a date (a string, or a number such as a Unix timestamp). `content` may be a run of whole lines from the
// middle of a big file (read in parallel chunks): `first_line_number` is then the file's line number of its first line,
// and a chunk without records is not reported as an empty file.
void read_json_lines(std::string_view content, const std::string& relative, const ArticleSink& sink,
                     const ProblemSink& report, std::size_t first_line_number = 1);

// One object, an array of objects, or an object holding such an array under `articles`,
// `items` or `data`. The id of a record without `id` is `relative` for a lone object and
// `relative#N` for the N-th (1-based) element of an array.
void read_json(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report);

// A text file or page dump. Title: the first line that is neither page furniture
// (boilerplate_rule) nor a bracketed tag; when a tag came before it ("[앵커]" then the first
// sentence) it stays in the body, otherwise the body is the lines after it without repeats
// of it. Date: a labelled stamp ("입력 2025-12-03 오후 3:10") anywhere, else the first line
// that is only a date ("2025. 12. 3."); an unreadable labelled stamp is a warning with its
// line. Charset: BOM, else UTF-8, else detected. Id: `relative`.
void read_text(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report);

// A saved web page in any charset (BOM, <meta> declaration, else detected; see charset.h),
// read by extract_html_article (html_extractor.h); a declared date that cannot be read is a
// warning at the line of its element. Id: `relative`.
void read_html(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report);

// A WARC 1.0/1.1 file (uncompressed; read_crawl_file inflates `.warc.gz`). Each `response`
// record holding an HTTP 200 HTML page becomes an article: id and url are the record's
// WARC-Target-URI (`relative#N` for the N-th record when it has none); the charset comes from
// the HTTP Content-Type, then the page (checked against the bytes: see decode_to_utf8). Other
// record types, other statuses and non-HTML payloads are skipped silently. Damaged records
// are reported as "record N at byte B" and the reader goes on at the next line that starts a
// record header ("WARC/1."): a record whose Content-Length lies (too short, too long, not a
// number) is one damaged record, and the records after it are still read; a truncated last
// record is reported and the records before it kept.
void read_warc(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report);

// Reads `file` from disk and dispatches on its format, with memory bounded by `limits`, not by
// the file: JSON Lines and WARC files (plain or gzip) are read record by record (RecordStream
// in record_stream.h); the other formats are one record each, read whole, and skipped when
// bigger than limits.max_record_bytes. Content starting with the gzip magic number is inflated
// on the way (`a.jsonl.gz`, `page.html.gz`, per-record `.warc.gz`); a damaged gzip member is
// reported and what came before it is still read; a file inflating beyond
// limits.max_inflate_ratio times its size is reported as a decompression bomb. Text formats
// with binary content are skipped. I/O errors are reported, not thrown.
void read_crawl_file(const CrawlFile& file, const ArticleSink& sink, const ProblemSink& report,
                     const ReadLimits& limits = {});

}  // namespace sinmun

#endif  // SINMUN_CORPUS_READERS_H_
