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
// `relative#LINE`.
void read_json_lines(std::string_view content, const std::string& relative,
                     const ArticleSink& sink, const ProblemSink& report);

// One object, an array of objects, or an object holding such an array under `articles`,
// `items` or `data`. The id of a record without `id` is `relative` for a lone object and
// `relative#N` for the N-th (1-based) element of an array.
void read_json(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report);

// First non-empty line: the title; the rest: the body. Id: `relative`.
void read_text(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report);

// A saved web page: title (og:title, else <title> without a " - Site" suffix, else <h1>),
// body (visible text of <article>, else of <body>, without script, style, nav, header, footer,
// aside and forms), date (article:published_time, <time datetime>), source (og:site_name),
// author (meta author), url (canonical link, else og:url). Id: `relative`.
void read_html(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report);

// Reads `file` from disk and dispatches on its format. I/O errors are reported, not thrown.
void read_crawl_file(const CrawlFile& file, const ArticleSink& sink, const ProblemSink& report);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_READERS_H_
