#ifndef SINMUN_CORPUS_HTML_EXTRACTOR_H_
#define SINMUN_CORPUS_HTML_EXTRACTOR_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "corpus/article.h"

namespace sinmun {

// Extracts a news article from a UTF-8 web page (parsed with Gumbo). Sets title, body, date,
// source, author and url; leaves id, file and category empty (the caller names the record).
//  - title: og:title, else <title>, else the first <h1>; a trailing site name
//    (" - 연합뉴스", " | 한빛일보", " < 기사본문 - 한빛일보") is removed when it equals
//    og:site_name or looks like a site name. A bracketed speaker tag ("[앵커]") is never the
//    title (clean_title): the next candidate is taken, else the first real line of the body.
//  - body: the visible text of the element whose direct paragraphs (text, <p>, and blocks with
//    no nested blocks) hold the most Hangul text minus twice their link text; sibling parts of
//    the same tag and class are appended. Link-dense blocks, script/style/nav/aside/footer/
//    header/forms inside it are left out; then boilerplate is cleaned (boilerplate.h) and a
//    leading line equal to the title dropped. Without any Hangul/letters, <article> or <body>.
//  - date: article:published_time (and similar meta), <time datetime>, a labelled date in the
//    text ("입력 2025.12.05 10:31"), the text of a <time> without datetime ("2025년 12월 3일"),
//    a date with a time in the article, then in the page (see normalize_date).
//  - source: og:site_name, else the site name removed from the title.
//  - author: a byline in the article or page text ("홍길동 기자", "[한빛일보 홍길동 기자]",
//    "(서울=온누리통신) 홍길동 기자 =", "홍길동 기자 name@example.com"), else the name before an
//    e-mail address, else meta author / dable:author, else a lone e-mail address.
//  - url: <link rel="canonical">, else og:url.
// Never throws on bad markup; a page without text gives an Article with empty title and body.
// Time and memory are linear in the size of the page however it nests: like browsers, which
// stop nesting at 512 levels, markup is flattened past kMaxHtmlNesting open elements (a start
// tag that would open one more is left out, so its text joins the element at the limit; see
// corpus/markup_guard.h). Pages within the limit are parsed as they are, except that once a
// page has had SVG or MathML its <select>s are read as <aside>s (some selects in SVG abort
// Gumbo 0.10.1).
inline constexpr std::size_t kMaxHtmlNesting = 512;
// When the page declares a date (meta, <time>) but none can be read and `unreadable_date` is
// given, it receives the first declared value and its line in the page.
struct UnreadableDate {
  std::string value;
  unsigned line = 0;  // 1-based line of the element in `utf8_html`
};
Article extract_html_article(std::string_view utf8_html, UnreadableDate* unreadable_date = nullptr);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_HTML_EXTRACTOR_H_
