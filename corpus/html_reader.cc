#include <gumbo.h>

#include <memory>

#include "corpus/readers.h"
#include "corpus/text_utils.h"

namespace sinmun {
namespace {

struct PageMeta {
  std::string og_title;
  std::string title;
  std::string h1;
  std::string site_name;
  std::string published;
  std::string time_datetime;
  std::string author;
  std::string canonical;
  std::string og_url;
  const GumboNode* article = nullptr;
  const GumboNode* body = nullptr;
};

std::string attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : "";
}

bool is_hidden_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
      return true;
    default:
      return false;
  }
}

bool is_inline_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_B:
    case GUMBO_TAG_I:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_U:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_TIME:
      return true;
    default:
      return false;
  }
}

// Visible text; block elements end a line so paragraphs stay apart.
void append_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = node->v.element.tag;
  if (is_hidden_tag(tag)) return;
  if (tag == GUMBO_TAG_BR) {
    out += '\n';
    return;
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    append_text(static_cast<const GumboNode*>(children.data[i]), out);
  }
  if (!is_inline_tag(tag)) out += '\n';
}

void collect(const GumboNode* node, PageMeta& meta) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_META) {
    const std::string key = attribute(node, "property") + attribute(node, "name");
    const std::string content = attribute(node, "content");
    if (key == "og:title") meta.og_title = content;
    if (key == "og:site_name") meta.site_name = content;
    if (key == "og:url") meta.og_url = content;
    if (key == "article:published_time") meta.published = content;
    if (key == "author" || key == "article:author") meta.author = content;
  } else if (tag == GUMBO_TAG_LINK && attribute(node, "rel") == "canonical") {
    meta.canonical = attribute(node, "href");
  } else if (tag == GUMBO_TAG_TITLE && meta.title.empty()) {
    append_text(node, meta.title);
  } else if (tag == GUMBO_TAG_H1 && meta.h1.empty()) {
    append_text(node, meta.h1);
  } else if (tag == GUMBO_TAG_TIME && meta.time_datetime.empty()) {
    meta.time_datetime = attribute(node, "datetime");
  } else if (tag == GUMBO_TAG_ARTICLE && !meta.article) {
    meta.article = node;
  } else if (tag == GUMBO_TAG_BODY) {
    meta.body = node;
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    collect(static_cast<const GumboNode*>(children.data[i]), meta);
  }
}

// "제목 - 한빛일보" → "제목" when the suffix names the site.
std::string without_site_suffix(std::string title, const std::string& site) {
  if (site.empty()) return title;
  for (const char* separator : {" - ", " | ", " :: ", " : "}) {
    const std::string suffix = separator + site;
    if (title.size() > suffix.size() && title.ends_with(suffix)) {
      return trim(title.substr(0, title.size() - suffix.size()));
    }
  }
  return title;
}

}  // namespace

void read_html(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report) {
  std::string html(content);
  if (html.starts_with("\xEF\xBB\xBF")) html.erase(0, 3);
  if (const std::size_t bad = repair_utf8(html); bad > 0) {
    report({Problem::Severity::kWarning, relative, "",
            "invalid UTF-8: " + std::to_string(bad) + " byte(s) replaced by U+FFFD"});
  }
  const std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  PageMeta meta;
  collect(output->root, meta);

  Article article;
  article.id = relative;
  article.file = relative;
  article.source = trim(meta.site_name);
  article.title = trim(meta.og_title);
  if (article.title.empty()) article.title = without_site_suffix(trim(meta.title), article.source);
  if (article.title.empty()) article.title = trim(meta.h1);
  std::string body;
  if (const GumboNode* root = meta.article ? meta.article : meta.body) append_text(root, body);
  article.body = tidy_whitespace(body);
  article.date = normalize_date(meta.published.empty() ? meta.time_datetime : meta.published);
  article.author = trim(meta.author);
  article.url = trim(meta.canonical.empty() ? meta.og_url : meta.canonical);
  if (article.title.empty() && article.body.empty()) {
    report({Problem::Severity::kSkipped, relative, "", "no title or visible text in the page"});
    return;
  }
  sink(std::move(article));
}

}  // namespace sinmun
