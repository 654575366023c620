#include "searcher/article_view.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <set>

#include "searcher/detail/snippet.h"

namespace sinmun {
namespace {

// The marked HTML back to text, the marks as `style` draws them.
std::string unmarked_text(const std::string& html, MarkStyle style) {
  static const std::pair<std::string_view, std::string_view> kReplacements[] = {
      {"<mark>", ""}, {"</mark>", ""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  const std::string_view open = style == MarkStyle::kAnsi ? "\033[7m" : "**";
  const std::string_view close = style == MarkStyle::kAnsi ? "\033[0m" : "**";
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    bool replaced = false;
    for (const auto& [from, to] : kReplacements) {
      if (html.compare(i, from.size(), from) != 0) continue;
      out += from == "<mark>" ? open : from == "</mark>" ? close : to;
      i += from.size();
      replaced = true;
      break;
    }
    if (!replaced) out += html[i++];
  }
  return out;
}

}  // namespace

ArticleView view_article(Searcher& searcher, const std::string& id, const std::string& query) {
  std::set<std::string> terms;
  if (query.find_first_not_of(" \t\r\n") != std::string::npos) {
    SearchRequest request;
    request.query = query;
    searcher.matching_query(request, &terms);
  }
  std::optional<StoredArticle> article = searcher.find(id);
  if (!article) throw NotFound("no article with id '" + id + "' (ids are listed by --json searches)");
  ArticleView view;
  view.article = std::move(*article);
  constexpr std::size_t kWhole = std::numeric_limits<std::size_t>::max();
  view.title_html = make_snippet(view.article.title, terms, searcher.analyzer(), kWhole, &searcher.analysis_context());
  view.body_html = make_snippet(view.article.body, terms, searcher.analyzer(), kWhole, &searcher.analysis_context());
  return view;
}

std::string article_view_to_json(const ArticleView& view) {
  nlohmann::ordered_json article;
  for (const schema::StoredField& field : schema::kStoredFields) {
    article[std::string(field.name)] = view.article.*field.member;
  }
  article["title_html"] = view.title_html;
  article["body_html"] = view.body_html;
  return article.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void print_article(std::ostream& out, const ArticleView& view, MarkStyle style) {
  const StoredArticle& a = view.article;
  const char* bold = style == MarkStyle::kAnsi ? "\033[1m" : "";
  const char* reset = style == MarkStyle::kAnsi ? "\033[0m" : "";
  out << bold << (a.title.empty() ? "(no title)" : unmarked_text(view.title_html, style)) << reset << '\n';
  out << (a.date.empty() ? "(no date)" : a.date) << " · " << (a.source.empty() ? "(no source)" : a.source);
  if (!a.author.empty()) out << " · " << a.author;
  if (!a.category.empty()) out << " · " << a.category;
  out << '\n' << "id: " << a.id << '\n';
  if (!a.url.empty()) out << "url: " << a.url << '\n';
  out << '\n' << unmarked_text(view.body_html, style) << '\n';
}

}  // namespace sinmun
