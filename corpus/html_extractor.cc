#include "corpus/html_extractor.h"

#include <gumbo.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "corpus/boilerplate.h"
#include "corpus/byline.h"
#include "corpus/text_utils.h"

namespace sinmun {
namespace {

using Node = const GumboNode*;

std::string attribute(Node node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : "";
}

const GumboVector& children_of(Node node) { return node->v.element.children; }

Node child(Node node, unsigned i) { return static_cast<Node>(children_of(node).data[i]); }

bool is_text(Node node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA;
}

bool is_element(Node node) { return node->type == GUMBO_NODE_ELEMENT; }

// Never article text, wherever it appears.
bool is_code_tag(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
         tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_IFRAME;
}

// Page furniture: never part of an article body, though it may hold its date or byline.
bool is_furniture_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_FIGCAPTION:  // a photo caption, not the story
      return true;
    default:
      return false;
  }
}

bool is_heading(GumboTag tag) { return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3; }

bool is_invisible(Node node) {
  if (gumbo_get_attribute(&node->v.element.attributes, "hidden")) return true;
  std::string style = attribute(node, "style");
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos;
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
    case GUMBO_TAG_S:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_RUBY:
      return true;
    default:
      return false;
  }
}

// Hangul (and Han) text is what we are after; other letters and digits count a quarter so
// a page without Hangul still finds its text.
double text_weight(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  double weight = 0;
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if ((c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x4E00 && c <= 0x9FFF)) {
      weight += 1;
    } else if (c > 0 && u_isalnum(c)) {
      weight += 0.25;
    }
  }
  return weight;
}

struct Counts {
  double text = 0;   // weight of the text outside links
  double links = 0;  // weight of the text inside <a>
  bool has_block = false;
  bool has_image = false;
};

constexpr int kBodyAttempts = 3;

class Page {
 public:
  explicit Page(Node root) : root_(root) { scan(root); }

  // The element holding the article text, plus sibling parts of the same kind; elements in
  // `excluded` (and inside them) are passed over.
  std::vector<Node> article_nodes(const std::unordered_set<Node>& excluded) {
    Node best = nullptr;
    double best_score = 0;
    find_best(root_, excluded, best, best_score);
    if (!best) return {fallback_article_ ? fallback_article_ : body_};
    std::vector<Node> nodes;
    const std::string cls = attribute(best, "class");
    if (best->parent && is_element(best->parent) && !cls.empty()) {
      for (unsigned i = 0; i < children_of(best->parent).length; ++i) {
        Node sibling = child(best->parent, i);
        if (sibling == best || (is_element(sibling) && sibling->v.element.tag == best->v.element.tag &&
                                attribute(sibling, "class") == cls && score(sibling) > 0)) {
          nodes.push_back(sibling);
        }
      }
    } else {
      nodes.push_back(best);
    }
    return nodes;
  }

  // Visible text of `node`; `article` mode also leaves out page furniture and link lists.
  void append_text(Node node, bool article, std::string& out) {
    if (is_text(node)) {
      // Line breaks in the source are layout, not paragraphs.
      std::string text = node->v.text.text;
      std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
      out += text;
      return;
    }
    if (!is_element(node)) return;
    const GumboTag tag = node->v.element.tag;
    if (is_code_tag(tag) || is_invisible(node)) return;
    if (article && is_furniture_tag(tag)) return;
    // A photo wrapper (<span><img><em>caption</em></span>) is set apart from the paragraph
    // around it, so its caption becomes a line of its own.
    const bool inline_tag = is_inline_tag(tag) && !counts(node).has_image;
    if (!inline_tag) out += '\n';
    if (article && !inline_tag) {
      const Counts& c = counts(node);
      if (c.links > 0 && c.links >= c.text) return;  // related-article lists, tag clouds
    }
    for (unsigned i = 0; i < children_of(node).length; ++i) append_text(child(node, i), article, out);
    if (!inline_tag) out += '\n';
  }

  Node body() const { return body_; }

 private:
  // Computes the counts of every element once, bottom-up.
  Counts scan(Node node) {
    Counts c;
    if (is_text(node)) {
      c.text = text_weight(node->v.text.text);
      return c;
    }
    if (!is_element(node)) return c;
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_BODY) body_ = node;
    if (tag == GUMBO_TAG_ARTICLE && !fallback_article_) fallback_article_ = node;
    const bool hidden = is_code_tag(tag) || is_invisible(node);
    for (unsigned i = 0; i < children_of(node).length; ++i) {
      Node kid = child(node, i);
      const Counts k = scan(kid);
      if (hidden) continue;
      c.text += k.text;
      c.links += k.links;
      const bool kid_is_block = is_element(kid) && !is_inline_tag(kid->v.element.tag) &&
                                !is_code_tag(kid->v.element.tag);
      c.has_block = c.has_block || k.has_block || kid_is_block;
      c.has_image = c.has_image || k.has_image;
    }
    if (tag == GUMBO_TAG_IMG) c.has_image = true;
    if (tag == GUMBO_TAG_A) {
      c.links += c.text;
      c.text = 0;
    }
    counts_[node] = c;
    return c;
  }

  const Counts& counts(Node node) { return counts_[node]; }

  // Text held directly: text nodes, inline children and blocks without nested blocks (<p>,
  // a <div> used as a paragraph); link text counts against it.
  double score(Node node) {
    if (is_code_tag(node->v.element.tag) || is_furniture_tag(node->v.element.tag) || is_invisible(node)) return 0;
    double total = 0;
    for (unsigned i = 0; i < children_of(node).length; ++i) {
      Node kid = child(node, i);
      if (is_text(kid)) {
        total += text_weight(kid->v.text.text);
      } else if (is_element(kid) && !is_code_tag(kid->v.element.tag) && !is_furniture_tag(kid->v.element.tag) &&
                 !is_heading(kid->v.element.tag)) {
        const Counts& k = counts(kid);
        if (!k.has_block) total += k.text - 2 * k.links;
      }
    }
    return total;
  }

  void find_best(Node node, const std::unordered_set<Node>& excluded, Node& best, double& best_score) {
    if (!is_element(node) || excluded.count(node)) return;
    const GumboTag tag = node->v.element.tag;
    // Text inside a link is a headline pointing elsewhere, and a heading is the headline:
    // never the story, even when the story is one short line.
    if (is_code_tag(tag) || is_furniture_tag(tag) || is_invisible(node) || tag == GUMBO_TAG_A || is_heading(tag)) {
      return;
    }
    if (const double s = score(node); s > best_score) {
      best = node;
      best_score = s;
    }
    for (unsigned i = 0; i < children_of(node).length; ++i) find_best(child(node, i), excluded, best, best_score);
  }

  Node root_;
  Node body_ = nullptr;
  Node fallback_article_ = nullptr;
  std::unordered_map<Node, Counts> counts_;
};

struct PageMeta {
  std::string og_title, title, h1, site_name, published, time_datetime, time_text, author, canonical, og_url;
  unsigned published_line = 0, time_datetime_line = 0, time_text_line = 0;  // where they are in the page
};

// The text inside `node`, up to about `limit` bytes, gathered with a stack of its own (a date
// in a <time> element, however deeply the page nests it).
std::string short_text(Node node, std::size_t limit) {
  std::string out;
  std::vector<Node> pending{node};
  while (!pending.empty() && out.size() < limit) {
    Node n = pending.back();
    pending.pop_back();
    if (is_text(n)) {
      out += n->v.text.text;
      out += ' ';
    } else if (is_element(n)) {
      for (unsigned i = children_of(n).length; i-- > 0;) pending.push_back(child(n, i));
    }
  }
  return trim(out);
}

void collect_meta(Node node, PageMeta& meta, bool in_link) {
  if (!is_element(node)) return;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_META) {
    std::string key = attribute(node, "property");
    if (key.empty()) key = attribute(node, "name");
    if (key.empty()) key = attribute(node, "itemprop");
    const std::string content = trim(attribute(node, "content"));
    if (key == "og:title" && meta.og_title.empty()) meta.og_title = content;
    if (key == "og:site_name") meta.site_name = content;
    if (key == "og:url") meta.og_url = content;
    for (const char* name : {"article:published_time", "og:article:published_time", "datePublished",
                             "pubdate", "publishdate", "publish-date", "og:regDate", "dable:published_time",
                             "article.published", "dc.date", "date"}) {
      if (key == name && meta.published.empty()) {
        meta.published = content;
        meta.published_line = node->v.element.start_pos.line;
      }
    }
    // article:author is often a profile URL rather than a name.
    if ((key == "author" || key == "article:author" || key == "dable:author") && meta.author.empty() &&
        !content.starts_with("http")) {
      meta.author = content;
    }
  } else if (tag == GUMBO_TAG_LINK && attribute(node, "rel") == "canonical") {
    meta.canonical = trim(attribute(node, "href"));
  } else if (tag == GUMBO_TAG_TITLE && meta.title.empty() && children_of(node).length > 0 &&
             is_text(child(node, 0))) {
    meta.title = child(node, 0)->v.text.text;
  } else if (tag == GUMBO_TAG_TIME && !in_link) {
    const std::string datetime = trim(attribute(node, "datetime"));
    if (meta.time_datetime.empty() && !datetime.empty()) {
      meta.time_datetime = datetime;
      meta.time_datetime_line = node->v.element.start_pos.line;
    } else if (meta.time_text.empty() && datetime.empty()) {
      meta.time_text = short_text(node, 200);
      meta.time_text_line = node->v.element.start_pos.line;
    }
  }
  if (is_code_tag(tag) && tag != GUMBO_TAG_HEAD) return;
  for (unsigned i = 0; i < children_of(node).length; ++i) {
    collect_meta(child(node, i), meta, in_link || tag == GUMBO_TAG_A);
  }
}

Node first_h1(Node node) {
  if (!is_element(node) || is_code_tag(node->v.element.tag)) return nullptr;
  if (node->v.element.tag == GUMBO_TAG_H1) return node;
  for (unsigned i = 0; i < children_of(node).length; ++i) {
    if (Node found = first_h1(child(node, i))) return found;
  }
  return nullptr;
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return trim(tidy_whitespace(text));
}

bool looks_like_site_name(std::string_view text) {
  if (text.empty() || text.size() > 40) return false;
  if (std::count(text.begin(), text.end(), ' ') > 2) return false;
  static constexpr std::array<std::string_view, 27> kMarks = {
      "뉴스", "일보", "신문", "통신", "타임스", "방송", "저널", "경제", "미디어", "데일리", "투데이", "헤럴드", "매거진", "TV",
      "News", "NEWS", "news", "Times", "Daily", "Herald", "Journal", "Post", "Press", ".com", ".co.kr", ".kr", ".net"};
  return std::any_of(kMarks.begin(), kMarks.end(), [&](std::string_view m) { return text.find(m) != std::string_view::npos; });
}

// "제목 - 연합뉴스" → "제목", "제목 < 경제 < 기사본문 - 한빛일보" → "제목". `site` receives the
// removed site name, if one was removed.
std::string without_site_suffix(std::string title, const std::string& og_site, const std::string& h1,
                                std::string& site) {
  static constexpr std::array<std::string_view, 7> kSeparators = {" - ", " | ", " :: ", " : ", " – ", " — ", " < "};
  while (true) {
    std::size_t at = std::string::npos;
    std::string_view separator;
    for (std::string_view s : kSeparators) {
      const std::size_t found = title.rfind(s);
      if (found != std::string::npos && (at == std::string::npos || found > at)) {
        at = found;
        separator = s;
      }
    }
    if (at == std::string::npos || at == 0) return title;
    const std::string suffix = trim(title.substr(at + separator.size()));
    const std::string prefix = trim(title.substr(0, at));
    const bool named = !og_site.empty() && suffix.find(og_site) != std::string::npos;
    const bool site_like = looks_like_site_name(suffix);
    const bool section = separator == " < " && suffix.size() <= 24;  // "< 경제 < 기사본문"
    if (!(named || site_like || section || (!h1.empty() && prefix == h1))) return title;
    if ((named || site_like) && site.empty() && !section) site = suffix;
    title = prefix;
  }
}

std::string strip_title_echo(const std::string& body, const std::string& title, const std::string& h1) {
  std::string_view rest = body;
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    const std::string_view line = rest.substr(0, newline);
    if (line != title && line != h1) break;
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
  }
  return std::string(rest);
}

std::string replace_nbsp(std::string text) {
  std::size_t at = 0;
  while ((at = text.find("\xC2\xA0", at)) != std::string::npos) text.replace(at, 2, " ");
  return text;
}

}  // namespace

Article extract_html_article(std::string_view utf8_html, UnreadableDate* unreadable_date) {
  const std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, utf8_html.data(), utf8_html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  PageMeta meta;
  collect_meta(output->root, meta, false);
  Page page(output->root);

  Article article;
  std::string h1;
  if (Node node = first_h1(output->root)) {
    page.append_text(node, false, h1);
    h1 = one_line(replace_nbsp(h1));
  }
  std::string site_from_title;
  const std::string og_site = one_line(meta.site_name);
  const std::string title = without_site_suffix(one_line(meta.title), og_site, h1, site_from_title);
  const std::string og_title = without_site_suffix(one_line(meta.og_title), og_site, h1, site_from_title);
  bool only_tags = false;  // a title that is a speaker tag ("[앵커]") is no title
  const std::string* const candidates[] = {&og_title, &title, &h1};
  for (const std::string* candidate : candidates) {
    article.title = clean_title(*candidate);
    if (!article.title.empty()) break;
    only_tags = only_tags || !candidate->empty();
  }
  article.source = og_site.empty() ? site_from_title : og_site;

  // A one-line story can lose the text contest to its own byline or headline, which the
  // cleaning then removes; the next best element is tried before giving up on a body.
  std::string raw_body;
  std::unordered_set<Node> tried;
  for (int attempt = 0; attempt < kBodyAttempts && article.body.empty(); ++attempt) {
    raw_body.clear();
    for (Node node : page.article_nodes(tried)) {
      if (!node) continue;
      page.append_text(node, true, raw_body);
      tried.insert(node);
    }
    article.body = strip_title_echo(clean_article_text(replace_nbsp(raw_body)), article.title, h1);
  }
  if (article.title.empty() && only_tags) article.title = first_real_line(article.body);

  std::string page_text;
  if (page.body()) page.append_text(page.body(), false, page_text);
  page_text = tidy_whitespace(replace_nbsp(page_text));

  article.date = normalize_date(meta.published);
  if (article.date.empty()) article.date = normalize_date(meta.time_datetime);
  if (article.date.empty()) article.date = find_date_in_text(page_text, true);
  if (article.date.empty()) article.date = normalize_date(meta.time_text);
  if (article.date.empty()) article.date = find_date_in_text(tidy_whitespace(raw_body), false);
  if (article.date.empty()) article.date = find_date_in_text(page_text, false);
  if (article.date.empty() && unreadable_date) {
    // The page declared a date we could not read: the first declaration is the one to show.
    const std::pair<const std::string*, unsigned> declared[] = {{&meta.published, meta.published_line},
                                                                {&meta.time_datetime, meta.time_datetime_line},
                                                                {&meta.time_text, meta.time_text_line}};
    for (const auto& [value, line] : declared) {
      if (value->empty()) continue;
      *unreadable_date = {*value, line};
      break;
    }
  }

  article.author = byline_author(article.body);
  if (article.author.empty()) article.author = byline_author(page_text);
  if (article.author.empty()) article.author = one_line(meta.author);
  if (article.author.empty()) article.author = email_byline(article.body);

  article.url = meta.canonical.empty() ? meta.og_url : meta.canonical;
  return article;
}

}  // namespace sinmun
