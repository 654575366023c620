#include "corpus/html_extractor.h"

#include <gumbo.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "corpus/boilerplate.h"
#include "corpus/byline.h"
#include "corpus/markup_guard.h"
#include "corpus/text_utils.h"

namespace sinmun {
namespace {

using Node = const GumboNode*;

// Visits `root` and the nodes under it in document order. `enter(node)` says whether to go
// into its children; `leave(node)` runs after them, for the elements entered. A loop with its
// own stack, not recursion: a page can nest deeper than the call stack allows.
template <typename Enter, typename Leave>
void walk(Node root, Enter&& enter, Leave&& leave) {
  struct Frame {
    Node node;
    unsigned next_child;
  };
  std::vector<Frame> stack;
  const auto visit = [&](Node node) {
    if (enter(node) && node->type == GUMBO_NODE_ELEMENT) stack.push_back({node, 0});
  };
  visit(root);
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector& children = top.node->v.element.children;
    if (top.next_child < children.length) {
      visit(static_cast<Node>(children.data[top.next_child++]));  // may reallocate `stack`
    } else {
      const Node done = top.node;
      stack.pop_back();
      leave(done);
    }
  }
}

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
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_TEMPLATE ||
         tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_IFRAME;
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
  explicit Page(Node root) : root_(root) {
    const auto enter = [this](Node node) {
      if (!is_element(node)) return false;
      const GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_BODY) body_ = node;
      if (tag == GUMBO_TAG_ARTICLE && !fallback_article_) fallback_article_ = node;  // the outermost
      return true;
    };
    walk(root, enter, [this](Node node) { count(node); });
  }

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
    // A photo wrapper (<span><img><em>caption</em></span>) is set apart from the paragraph
    // around it, so its caption becomes a line of its own.
    const auto is_inline = [this](Node element) {
      return is_inline_tag(element->v.element.tag) && !counts(element).has_image;
    };
    const auto enter = [&](Node n) {
      if (is_text(n)) {
        // Line breaks in the source are layout, not paragraphs.
        std::string text = n->v.text.text;
        std::replace_if(
            text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
        out += text;
        return false;
      }
      if (!is_element(n)) return false;
      const GumboTag tag = n->v.element.tag;
      if (is_code_tag(tag) || is_invisible(n)) return false;
      if (article && is_furniture_tag(tag)) return false;
      const bool inline_tag = is_inline(n);
      if (!inline_tag) out += '\n';
      if (article && !inline_tag) {
        const Counts& c = counts(n);
        if (c.links > 0 && c.links >= c.text) return false;  // related-article lists, tag clouds
      }
      return true;
    };
    walk(node, enter, [&](Node n) {
      if (!is_inline(n)) out += '\n';
    });
  }

  Node body() const { return body_; }

 private:
  // The counts of an element from those of its children, which are counted first.
  void count(Node node) {
    const GumboTag tag = node->v.element.tag;
    Counts c;
    if (!is_code_tag(tag) && !is_invisible(node)) {
      for (unsigned i = 0; i < children_of(node).length; ++i) {
        Node kid = child(node, i);
        if (is_text(kid)) {
          c.text += text_weight(kid->v.text.text);
        } else if (is_element(kid)) {
          const Counts& k = counts(kid);
          c.text += k.text;
          c.links += k.links;
          const bool kid_is_block = !is_inline_tag(kid->v.element.tag) && !is_code_tag(kid->v.element.tag);
          c.has_block = c.has_block || k.has_block || kid_is_block;
          c.has_image = c.has_image || k.has_image;
        }
      }
    }
    if (tag == GUMBO_TAG_IMG) c.has_image = true;
    if (tag == GUMBO_TAG_A) {
      c.links += c.text;
      c.text = 0;
    }
    counts_[node] = c;
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

  void find_best(Node root, const std::unordered_set<Node>& excluded, Node& best, double& best_score) {
    const auto enter = [&](Node node) {
      if (!is_element(node) || excluded.count(node)) return false;
      const GumboTag tag = node->v.element.tag;
      // Text inside a link is a headline pointing elsewhere, and a heading is the headline:
      // never the story, even when the story is one short line.
      if (is_code_tag(tag) || is_furniture_tag(tag) || is_invisible(node) || tag == GUMBO_TAG_A || is_heading(tag)) {
        return false;
      }
      if (const double s = score(node); s > best_score) {
        best = node;
        best_score = s;
      }
      return true;
    };
    walk(root, enter, [](Node) {});
  }

  Node root_;
  Node body_ = nullptr;
  Node fallback_article_ = nullptr;
  std::unordered_map<Node, Counts> counts_;
};

// Gumbo's memory for one page, freed at once with it: gumbo_destroy_output frees the tree by
// recursion, which overflows the stack some hundred thousand levels deep. Gumbo's own frees
// wait until then (a parse peaks at about 1.5 times the memory).
class GumboMemory {
 public:
  GumboMemory() = default;
  GumboMemory(const GumboMemory&) = delete;
  GumboMemory& operator=(const GumboMemory&) = delete;
  ~GumboMemory() {
    for (void* block : blocks_) std::free(block);
  }

  GumboOptions options() {
    GumboOptions o = kGumboDefaultOptions;
    // Gumbo copies its whole stack of open elements into every parse error it records
    // (20,000 nested <div> took 3 GB); we never read them.
    o.max_errors = 0;
    o.allocator = [](void* self, std::size_t size) {
      void* block = std::malloc(size);
      static_cast<GumboMemory*>(self)->blocks_.push_back(block);
      return block;
    };
    o.deallocator = [](void*, void*) {};
    o.userdata = this;
    return o;
  }

 private:
  std::vector<void*> blocks_;
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

// What one element says about the page (`in_link`: it is inside an <a>).
void read_meta(Node node, PageMeta& meta, bool in_link) {
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_META) {
    std::string key = attribute(node, "property");
    if (key.empty()) key = attribute(node, "name");
    if (key.empty()) key = attribute(node, "itemprop");
    const std::string content = trim(attribute(node, "content"));
    if (key == "og:title" && meta.og_title.empty()) meta.og_title = content;
    if (key == "og:site_name") meta.site_name = content;
    if (key == "og:url") meta.og_url = content;
    for (const char* name :
         {"article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate",
          "publish-date", "og:regDate", "dable:published_time", "article.published", "dc.date", "date"}) {
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
  } else if (tag == GUMBO_TAG_TITLE && meta.title.empty() && children_of(node).length > 0 && is_text(child(node, 0))) {
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
}

void collect_meta(Node root, PageMeta& meta) {
  std::size_t open_links = 0;  // <a> around the node
  const auto enter = [&](Node node) {
    if (!is_element(node)) return false;
    const GumboTag tag = node->v.element.tag;
    read_meta(node, meta, open_links > 0);
    if (tag == GUMBO_TAG_A) ++open_links;
    return !is_code_tag(tag) || tag == GUMBO_TAG_HEAD;
  };
  walk(root, enter, [&](Node node) {
    if (node->v.element.tag == GUMBO_TAG_A) --open_links;
  });
}

Node first_h1(Node root) {
  Node found = nullptr;
  walk(
      root,
      [&](Node node) {
        if (found || !is_element(node) || is_code_tag(node->v.element.tag)) return false;
        if (node->v.element.tag == GUMBO_TAG_H1) found = node;
        return !found;
      },
      [](Node) {});
  return found;
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return trim(tidy_whitespace(text));
}

bool looks_like_site_name(std::string_view text) {
  if (text.empty() || text.size() > 40) return false;
  if (std::count(text.begin(), text.end(), ' ') > 2) return false;
  static constexpr std::array<std::string_view, 27> kMarks = {
      "뉴스",   "일보",   "신문",    "통신",   "타임스", "방송", "저널",   "경제", "미디어",
      "데일리", "투데이", "헤럴드",  "매거진", "TV",     "News", "NEWS",   "news", "Times",
      "Daily",  "Herald", "Journal", "Post",   "Press",  ".com", ".co.kr", ".kr",  ".net"};
  return std::any_of(kMarks.begin(), kMarks.end(),
                     [&](std::string_view m) { return text.find(m) != std::string_view::npos; });
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
  std::string guarded;
  const std::string_view html = guard_markup(utf8_html, kMaxHtmlNesting, guarded);
  GumboMemory memory;
  const GumboOptions options = memory.options();
  const GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  PageMeta meta;
  collect_meta(output->root, meta);
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
