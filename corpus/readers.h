#ifndef SINMUN_CORPUS_READERS_H_
#define SINMUN_CORPUS_READERS_H_

#include <string>
#include <string_view>

#include "corpus/article.h"
#include "corpus/walker.h"

namespace sinmun {

// Each reader turns the bytes of one file into articles. `relative` is the file's path
// relative to the crawl root: it names the file in problems and is the id base for records
// without an id. Bad records are reported and skipped; every good record of the file is
// still delivered. Invalid UTF-8 is repaired (U+FFFD) and reported as a warning.
// A record with neither title nor body is skipped.

// One JSON object per line; blank lines are ignored; a record without `id` is
// `relative#LINE`. `content` may be a run of whole lines from the middle of a big file
// (read in parallel chunks): `first_line_number` is then the file's line number of its
// first line, and a chunk without records is not reported as an empty file.
void read_json_lines(std::string_view content, const std::string& relative,
                     const ArticleSink& sink, const ProblemSink& report, std::size_t first_line_number = 1);

// One object, an array of objects, or an object holding such an array under `articles`,
// `items` or `data`. The id of a record without `id` is `relative` for a lone object and
// `relative#N` for the N-th (1-based) element of an array.
void read_json(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report);

// First non-empty line: the title; the rest: the body. Charset: BOM, else UTF-8, else
// detected. Id: `relative`.
void read_text(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report);

// A saved web page in any charset (BOM, <meta> declaration, else detected; see charset.h),
// read by extract_html_article (html_extractor.h). Id: `relative`.
void read_html(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report);

// A WARC 1.0/1.1 file (uncompressed; read_crawl_file inflates `.warc.gz`). Each `response`
// record holding an HTTP 200 HTML page becomes an article: id and url are the record's
// WARC-Target-URI (`relative#N` for the N-th record when it has none); the charset comes from
// the HTTP Content-Type, then the page. Other record types, other statuses and non-HTML
// payloads are skipped silently; damaged records are reported as "record N at byte B" and the
// reader moves on to the next record; a truncated last record is reported and the records
// before it kept.
void read_warc(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report);

// Reads `file` from disk and dispatches on its format. Content starting with the gzip magic
// number is inflated first (`a.jsonl.gz`, `page.html.gz`, per-record `.warc.gz`); a damaged
// gzip member is reported and the members before it are still read. Text formats with binary
// content are skipped. I/O errors are reported, not thrown.
void read_crawl_file(const CrawlFile& file, const ArticleSink& sink, const ProblemSink& report);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_READERS_H_
