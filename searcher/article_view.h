#ifndef SINMUN_SEARCHER_ARTICLE_VIEW_H_
#define SINMUN_SEARCHER_ARTICLE_VIEW_H_

#include <ostream>
#include <string>

#include "schema/stored_article.h"
#include "searcher/searcher.h"

// One article as stored, with a query's words marked: `sinmun-search --show ID [QUERY]`.
namespace sinmun {

struct ArticleView {
  StoredArticle article;
  // HTML-escaped, the query's matches in <mark>…</mark> (as the snippets); the whole text.
  std::string title_html;
  std::string body_html;
};

// The article stored under `id` with the words of `query` marked (none when `query` is
// blank). Throws NotFound when there is no such article, UsageError for a query search()
// refuses, DataError when its stored data is damaged.
ArticleView view_article(Searcher& searcher, const std::string& id, const std::string& query);

// The stored data's object (as /api/doc: "id", "title", "date", "source", "url", "author",
// "category", "file", "body") with "title_html" and "body_html" added, on one line.
std::string article_view_to_json(const ArticleView& view);

// How print_article() shows a match: ANSI reverse video (for a terminal), or `**word**`
// (for a pipe or a file, where escape codes would be noise).
enum class MarkStyle { kAnsi, kAsterisks };

// The title, then "date · source · author · category", the id, the URL when there is one,
// a blank line and the body as stored (its paragraphs kept), matches marked in `style`.
void print_article(std::ostream& out, const ArticleView& view, MarkStyle style);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_ARTICLE_VIEW_H_
