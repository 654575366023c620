#include "corpus/markup_guard.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <unordered_set>
#include <utility>
#include <vector>

#include "corpus/text_utils.h"

// The model follows the tree-construction rules of the HTML standard, which Gumbo implements,
// only as far as safety needs: where it is unsure it keeps open an element that HTML might
// close, never the other way round, and it reopens formatting elements no later than HTML
// does. Its depth is then never below Gumbo's by more than the elements it leaves off its
// stack on purpose (those that close themselves, like <p> or <tr>, which build no depth on
// their own). tests/corpus/markup_guard_test.cc holds it to that against Gumbo itself.
namespace sinmun {
namespace {

using Names = std::unordered_set<std::string_view>;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

const Names kVoid = {"area", "base",  "basefont", "bgsound", "br",   "col",  "embed", "frame",  "hr",    "image",
                     "img",  "input", "isindex",  "keygen",  "link", "meta", "param", "source", "track", "wbr"};
// Their content is text up to their end tag.
const Names kRawText = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"};
// Kept off the stack: a parser closes them when the next one opens, or they cannot nest in
// themselves, so runs of them build no depth (a <p> closes the open <p>, a <tr> the open row).
const Names kSelfClosing = {"p", "tr", "tbody", "thead", "tfoot", "colgroup", "button", "html", "head", "body"};
// Closed by HTML's "generate implied end tags" (<p> is never on the stack here).
const Names kImpliedEnd = {"dd", "dt", "li", "option", "optgroup", "rb", "rp", "rt", "rtc"};
// Reopened by HTML after an element closes them implicitly (<div><b>x</div>y: y is bold).
const Names kFormatting = {"a",    "b", "big",   "code",   "em",     "font", "i",
                           "nobr", "s", "small", "strike", "strong", "tt",   "u"};
// Their start tag puts a marker in the list of formatting elements.
const Names kMarkerOwners = {"td", "th", "caption", "applet", "marquee", "object", "template"};
const Names kSpecial = {"address",    "applet",   "area",    "article", "aside",   "base",      "basefont", "bgsound",
                        "blockquote", "body",     "br",      "button",  "caption", "center",    "col",      "colgroup",
                        "dd",         "details",  "dir",     "div",     "dl",      "dt",        "embed",    "fieldset",
                        "figcaption", "figure",   "footer",  "form",    "frame",   "frameset",  "h1",       "h2",
                        "h3",         "h4",       "h5",      "h6",      "head",    "header",    "hgroup",   "hr",
                        "html",       "iframe",   "img",     "input",   "isindex", "keygen",    "li",       "link",
                        "listing",    "main",     "marquee", "menu",    "meta",    "nav",       "noembed",  "noframes",
                        "noscript",   "object",   "ol",      "p",       "param",   "plaintext", "pre",      "script",
                        "section",    "select",   "source",  "style",   "summary", "table",     "tbody",    "td",
                        "template",   "textarea", "tfoot",   "th",      "thead",   "title",     "tr",       "track",
                        "ul",         "wbr",      "xmp"};
// End tags that close their element and whatever is open inside it, within scope.
// (Not <dialog>: Gumbo 0.10.1 does not know it.)
const Names kClosesThrough = {
    "address",    "article", "aside",   "blockquote", "center", "details", "dir",    "div",      "dl",   "fieldset",
    "figcaption", "figure",  "footer",  "header",     "hgroup", "listing", "main",   "menu",     "nav",  "ol",
    "pre",        "section", "summary", "ul",         "applet", "marquee", "object", "template", "table"};
const Names kScopeBarriers = {"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"};
const Names kHeadings = {"h1", "h2", "h3", "h4", "h5", "h6"};
// Start tags that end SVG or MathML content (and <font> with color, face or size).
const Names kBreakouts = {"b",      "big",  "blockquote", "body",  "br",   "center", "code",    "dd",   "div",
                          "dl",     "dt",   "em",         "embed", "h1",   "h2",     "h3",      "h4",   "h5",
                          "h6",     "head", "hr",         "i",     "img",  "li",     "listing", "menu", "meta",
                          "nobr",   "ol",   "p",          "pre",   "ruby", "s",      "small",   "span", "strong",
                          "strike", "sub",  "sup",        "table", "tt",   "u",      "ul",      "var"};
// Table tags that close the open cell (or caption) and what is open above their table.
const Names kTableParts = {"td", "th", "tr", "tbody", "thead", "tfoot", "caption", "colgroup"};

struct Tag {
  bool end = false;
  bool self_closing = false;
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // read for <font> and <annotation-xml> only
  std::size_t begin = 0, end_offset = 0;                        // of the whole tag in the page
};

struct Element {
  std::string name;
  bool foreign = false;             // SVG or MathML
  bool svg = false;                 // of the foreign ones: SVG, else MathML
  bool integration = false;         // a foreign element whose content is HTML (<foreignObject>, <mi>, …)
  std::uint64_t formatting_id = 0;  // its entry in the list of formatting elements, 0 for none
};

// Gumbo 0.10.1 tells elements apart by tag number, and all the tags it does not know share
// one: </x-custom> closes the innermost unknown element, whatever its name.
bool known_to_gumbo(const std::string& name) { return gumbo_tag_enum(name.c_str()) != GUMBO_TAG_UNKNOWN; }

struct Formatting {
  std::uint64_t id = 0;  // 0: a marker
  std::string name;
  std::string key;   // the tag as written: at most 3 alike are kept after a marker, as in HTML
  bool open = true;  // on the stack
};

class Guard {
 public:
  Guard(std::string_view html, std::size_t max_depth) : html_(html), max_depth_(max_depth) {}

  std::string_view run(std::string& storage) {
    std::size_t at = 0;
    std::size_t text_from = 0;  // where the text since the last tag starts
    while ((at = html_.find('<', at)) != std::string_view::npos) {
      if (at > text_from && !foreign_on_top()) reopen_formatting();
      Tag tag;
      const std::size_t next = read_tag(at, tag);
      if (tag.name.empty()) {
        at = next;
        continue;
      }
      if (seen_foreign_ && tag.name == "select") rename(tag, "aside");
      at = tag.end ? end_tag(tag) : start_tag(tag);
      text_from = at;
    }
    if (edits_.empty()) return html_;
    storage.clear();
    std::size_t from = 0;
    for (const Edit& edit : edits_) {
      storage.append(html_.substr(from, edit.begin - from));
      storage.append(edit.replacement);
      from = edit.end;
    }
    storage.append(html_.substr(from));
    return storage;
  }

 private:
  struct Edit {
    std::size_t begin, end;
    std::string replacement;
  };
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  // --- tokenizer ------------------------------------------------------------------------------

  // Reads the markup at `at` (a '<'): a tag fills `tag`; a comment, a doctype or a '<' that is
  // text leave its name empty. Returns where the text after it starts.
  std::size_t read_tag(std::size_t at, Tag& tag) const {
    const std::string_view rest = html_.substr(at);
    if (rest.starts_with("<!--")) {
      for (const std::string_view empty : {"<!-->", "<!--->"}) {
        if (rest.starts_with(empty)) return at + empty.size();
      }
      const std::size_t dashes = html_.find("-->", at + 4);
      const std::size_t bang = html_.find("--!>", at + 4);
      if (dashes == std::string_view::npos && bang == std::string_view::npos) return html_.size();
      return dashes < bang ? dashes + 3 : bang + 4;
    }
    tag.end = rest.starts_with("</");
    const std::size_t name_at = at + (tag.end ? 2 : 1);
    if (name_at >= html_.size() || !std::isalpha(static_cast<unsigned char>(html_[name_at]))) {
      // <!DOCTYPE …>, <?…>, </ …>: to the next '>'; any other '<' is text.
      if (!rest.starts_with("<!") && !rest.starts_with("<?") && !tag.end) return at + 1;
      const std::size_t close = html_.find('>', at);
      return close == std::string_view::npos ? html_.size() : close + 1;
    }
    std::size_t i = name_at;
    while (i < html_.size() && !is_space(html_[i]) && html_[i] != '/' && html_[i] != '>') ++i;
    tag.name = lowercase_ascii(html_.substr(name_at, i - name_at));
    tag.begin = at;
    tag.end_offset = read_attributes(i, tag, tag.name == "font" || tag.name == "annotation-xml");
    if (tag.end_offset == kNone) {  // cut off by the end of the page: no tag at all
      tag.name.clear();
      return html_.size();
    }
    return tag.end_offset;
  }

  // The attribute states of the HTML tokenizer, from just after the tag name; returns one past
  // the '>', or kNone when the page ends first.
  std::size_t read_attributes(std::size_t i, Tag& tag, bool keep) const {
    enum { kBefore, kName, kAfterName, kBeforeValue, kUnquoted, kAfterQuoted, kSlash } state = kBefore;
    const auto start_attribute = [&](char c) {
      if (keep) tag.attributes.emplace_back(std::string(1, static_cast<char>(std::tolower(c))), "");
      state = kName;
    };
    for (; i < html_.size(); ++i) {
      const char c = html_[i];
      switch (state) {
        case kBefore:
        case kAfterQuoted:
        case kSlash:
          if (c == '>') {
            tag.self_closing = state == kSlash;
            return i + 1;
          }
          if (is_space(c)) {
            state = kBefore;
          } else if (c == '/') {
            state = kSlash;
          } else {
            start_attribute(c);
          }
          break;
        case kName:
        case kAfterName:
          if (c == '>') return i + 1;
          if (is_space(c)) {
            state = kAfterName;
          } else if (c == '/') {
            state = kSlash;
          } else if (c == '=') {
            state = kBeforeValue;
          } else if (state == kAfterName) {
            start_attribute(c);
          } else if (keep) {
            tag.attributes.back().first += static_cast<char>(std::tolower(c));
          }
          break;
        case kBeforeValue:
          if (c == '>') return i + 1;
          if (c == '"' || c == '\'') {
            const std::size_t close = html_.find(c, i + 1);
            if (close == std::string_view::npos) return kNone;
            if (keep) tag.attributes.back().second = lowercase_ascii(html_.substr(i + 1, close - i - 1));
            i = close;
            state = kAfterQuoted;
          } else if (!is_space(c)) {
            if (keep) tag.attributes.back().second = static_cast<char>(std::tolower(c));
            state = kUnquoted;
          }
          break;
        case kUnquoted:
          if (c == '>') return i + 1;
          if (is_space(c)) {
            state = kBefore;
          } else if (keep) {
            tag.attributes.back().second += static_cast<char>(std::tolower(c));
          }
          break;
      }
    }
    return kNone;
  }

  static bool has_attribute(const Tag& tag, std::string_view name) {
    return std::any_of(tag.attributes.begin(), tag.attributes.end(), [&](const auto& a) { return a.first == name; });
  }

  // --- tree construction ----------------------------------------------------------------------

  bool foreign_on_top() const { return !stack_.empty() && stack_.back().foreign && !stack_.back().integration; }

  // Whether this start tag is read by the rules for SVG and MathML content.
  bool foreign_rules_for(const Tag& tag) const {
    if (stack_.empty() || !stack_.back().foreign) return false;
    const Element& top = stack_.back();
    if (!top.integration) return true;
    return !top.svg && top.name != "annotation-xml" && (tag.name == "mglyph" || tag.name == "malignmark");
  }

  std::size_t depth() const { return stack_.size() + closed_formatting_ + framesets_; }

  std::size_t start_tag(const Tag& tag) {
    const std::string& name = tag.name;
    // HTML takes a frameset only before the page has content, and then nothing but framesets
    // and frames: counted apart, whether it takes this one or not.
    if (name == "frameset") {
      if (depth() >= max_depth_) {
        drop(tag);
        return tag.end_offset;
      }
      ++framesets_;
      if (!foreign_rules_for(tag)) return tag.end_offset;
    }
    if (foreign_rules_for(tag)) {
      const bool breakout =
          kBreakouts.count(name) ||
          (name == "font" && (has_attribute(tag, "color") || has_attribute(tag, "face") || has_attribute(tag, "size")));
      if (!breakout) {
        if (!tag.self_closing) push(tag, foreign_element(tag, stack_.back().svg));
        return tag.end_offset;
      }
      while (foreign_on_top()) pop_to(stack_.size() - 1);  // then read as HTML
    }
    if (const std::size_t select = open_select(); select != kNone && !select_takes(tag, select)) {
      return tag.end_offset;
    }
    if (name == "svg" || name == "math") {
      seen_foreign_ = true;
      if (!tag.self_closing) push(tag, foreign_element(tag, name == "svg"));
      return tag.end_offset;
    }
    // Text to the end of the page, or to the end tag; not in a frameset, which takes no such
    // elements (their tags stay markup there).
    const bool raw_text_allowed = framesets_ == 0;
    if (name == "plaintext" && raw_text_allowed) return html_.size();
    if (kRawText.count(name) && raw_text_allowed) {
      reopen_formatting();
      const std::size_t close = find_end_tag(tag.end_offset, name);
      return close == std::string_view::npos ? html_.size() : close;
    }
    if (kVoid.count(name)) {
      reopen_formatting();
      return tag.end_offset;
    }
    if (kTableParts.count(name)) {
      table_part(tag);
      return tag.end_offset;
    }
    if (name == "table") {  // directly in a table, a table ends the open one
      if (const std::size_t table = table_context(); table != kNone && stack_[table].name == "table") pop_to(table);
    }
    if (kSelfClosing.count(name)) {
      reopen_formatting();
      return tag.end_offset;
    }
    if (name == "li" || name == "dd" || name == "dt") close_list_item(name == "li");
    if (kHeadings.count(name) && !stack_.empty() && kHeadings.count(stack_.back().name)) {
      pop_to(stack_.size() - 1);  // a heading ends the heading it is directly in
    }
    if ((name == "option" || name == "optgroup") && !stack_.empty() && stack_.back().name == "option") {
      pop_to(stack_.size() - 1);  // and an option the option
    }
    if ((name == "rb" || name == "rp" || name == "rt" || name == "rtc") && in_scope("ruby")) {
      while (!stack_.empty() && !stack_.back().foreign && kImpliedEnd.count(stack_.back().name)) {
        pop_to(stack_.size() - 1);
      }
    }
    // HTML ignores a form in a form (unless in a template, where forms nest).
    if (name == "form" && open("form") && !open("template")) return tag.end_offset;
    if (name == "select") {  // a select in a select ends it
      if (const std::size_t select = open_select(); select != kNone) {
        pop_to(select);
        return tag.end_offset;
      }
    }
    // A new <a> (or <nobr>) first ends the one still open.
    if ((name == "a" || name == "nobr") && last_formatting(name) != kNone) end_formatting(name);
    if (kFormatting.count(name)) {
      Element element{name};
      element.formatting_id = ++last_id_;
      if (push(tag, std::move(element))) add_formatting(name, tag);
      return tag.end_offset;
    }
    if (push(tag, {name}) && kMarkerOwners.count(name)) formatting_.push_back({});
    return tag.end_offset;
  }

  Element foreign_element(const Tag& tag, bool svg) const {
    const std::string& name = tag.name;
    Element element{name, true, svg};
    if (name == "svg" || name == "math") element.svg = name == "svg";
    if (element.svg) {
      element.integration = name == "foreignobject" || name == "desc" || name == "title";
    } else if (name == "annotation-xml") {
      for (const auto& [attribute, value] : tag.attributes) {
        if (attribute == "encoding") element.integration = value == "text/html" || value == "application/xhtml+xml";
      }
    } else {
      element.integration = name == "mi" || name == "mo" || name == "mn" || name == "ms" || name == "mtext";
    }
    return element;
  }

  std::size_t end_tag(const Tag& tag) {
    const std::string& name = tag.name;
    if (name == "frameset" && framesets_ > 0) --framesets_;
    if (const std::size_t select = open_select(); select != kNone && !stack_.back().foreign) {
      // In a select only its own end tags count, and a table's, which end it first.
      if (name == "optgroup" && stack_.back().name == "optgroup") pop_to(stack_.size() - 1);
      if (name == "select" || ((kTableParts.count(name) || name == "table") && below_is_table(select))) {
        pop_to(select);
      }
      if (name != "template" && !kTableParts.count(name) && name != "table") return tag.end_offset;
    }
    if (!stack_.empty() && stack_.back().foreign) {  // (Gumbo 0.10.1: </br> and </p> too)
      for (std::size_t i = stack_.size(); i-- > 0 && stack_[i].foreign;) {
        if (stack_[i].name == name) {
          pop_to(i);
          return tag.end_offset;
        }
      }
    }
    if (name == "td" || name == "th" || name == "caption") {
      if (close_in_scope([&](const Element& e) { return e.name == name; }, true)) clear_formatting_to_marker();
    } else if (name == "tr" || name == "table") {
      // The open cell first (a cell is always in a row); then </table> closes its table.
      const std::size_t cell = table_context();
      if (cell != kNone && stack_[cell].name != "table" && stack_[cell].name != "template" && below_is_table(cell)) {
        pop_to(cell);
        clear_formatting_to_marker();
      }
      if (name == "table") close_in_scope([](const Element& e) { return e.name == "table"; }, true);
    } else if (name == "select") {
      if (const std::size_t select = open_select(); select != kNone) pop_to(select);
    } else if (name == "li" || name == "dd" || name == "dt") {
      const auto barrier = [&](const Element& e) {
        return is_barrier(e, false) || (name == "li" && (e.name == "ol" || e.name == "ul"));
      };
      for (std::size_t i = stack_.size(); i-- > 0;) {
        if (!stack_[i].foreign && stack_[i].name == name) {
          pop_to(i);
          break;
        }
        if (barrier(stack_[i])) break;
      }
    } else if (name == "form") {  // outside a template it closes the form alone
      for (std::size_t i = stack_.size(); i-- > 0;) {
        if (!stack_[i].foreign && stack_[i].name == "form") {
          if (open("template")) {
            pop_to(i);
          } else {
            stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(i));
          }
          break;
        }
        if (is_barrier(stack_[i], false)) break;
      }
    } else if (kHeadings.count(name)) {
      close_in_scope([](const Element& e) { return kHeadings.count(e.name) > 0; }, false);
    } else if (kClosesThrough.count(name)) {
      if (close_in_scope([&](const Element& e) { return e.name == name; }, false) && kMarkerOwners.count(name)) {
        clear_formatting_to_marker();
      }
    } else if (kFormatting.count(name)) {
      end_formatting(name);
    } else if (!kSelfClosing.count(name)) {
      close_any_other(name);
    }
    return tag.end_offset;
  }

  // Pushes the element, or leaves its start tag out of the page past the depth limit.
  bool push(const Tag& tag, Element element) {
    if (!element.foreign || element.name == "svg" || element.name == "math") reopen_formatting();
    if (depth() >= max_depth_) {
      drop(tag);
      return false;
    }
    stack_.push_back(std::move(element));
    return true;
  }

  void drop(const Tag& tag) {
    while (!edits_.empty() && edits_.back().begin >= tag.begin) edits_.pop_back();  // a rename in it
    edits_.push_back({tag.begin, tag.end_offset, ""});
  }

  void pop_to(std::size_t index) {
    while (stack_.size() > index) {
      if (const std::uint64_t id = stack_.back().formatting_id; id != 0) {
        for (Formatting& f : formatting_) {
          if (f.id == id && f.open) {
            f.open = false;
            ++closed_formatting_;
          }
        }
      }
      stack_.pop_back();
    }
  }

  std::size_t find_open(const std::string& name) const {
    for (std::size_t i = stack_.size(); i-- > 0;) {
      if (!stack_[i].foreign && stack_[i].name == name) return i;
    }
    return kNone;
  }
  bool open(const std::string& name) const { return find_open(name) != kNone; }

  // What a select does with a start tag inside it: an option or option group is taken (one
  // ends the one before), an input, a textarea or, in a table, a table tag ends the select and
  // is read after it, a script or template is read as usual; anything else is ignored.
  bool select_takes(const Tag& tag, std::size_t select) {
    const std::string& name = tag.name;
    if (name == "option" || name == "optgroup") {
      if (name == "optgroup" && stack_.back().name == "optgroup") pop_to(stack_.size() - 1);
      return true;
    }
    if (name == "input" || name == "keygen" || name == "textarea" ||
        ((kTableParts.count(name) || name == "table") && below_is_table(select))) {
      pop_to(select);
      return true;
    }
    return name == "select" || name == "script" || name == "template";
  }

  // The select the page is in: only options and option groups may be open inside it.
  std::size_t open_select() const {
    for (std::size_t i = stack_.size(); i-- > 0;) {
      const Element& e = stack_[i];
      if (!e.foreign && e.name == "select") return i;
      if (e.foreign || (e.name != "option" && e.name != "optgroup")) return kNone;
    }
    return kNone;
  }

  static bool is_html_special(const Element& e) { return e.foreign ? e.integration : kSpecial.count(e.name) > 0; }

  static bool is_barrier(const Element& e, bool table_scope) {
    if (e.foreign) return e.integration && !table_scope;
    if (table_scope) return e.name == "table" || e.name == "template" || e.name == "html";
    return kScopeBarriers.count(e.name) > 0;
  }

  // Closes the innermost HTML element that `matches` and everything inside it, unless a scope
  // barrier (a table, an object, …) comes first. Returns whether it closed one.
  template <typename Match>
  bool close_in_scope(Match matches, bool table_scope) {
    for (std::size_t i = stack_.size(); i-- > 0;) {
      const Element& e = stack_[i];
      if (!e.foreign && matches(e)) {
        pop_to(i);
        return true;
      }
      if (is_barrier(e, table_scope)) return false;
    }
    return false;
  }

  bool in_scope(const std::string& name) const {
    for (std::size_t i = stack_.size(); i-- > 0;) {
      if (!stack_[i].foreign && stack_[i].name == name) return true;
      if (is_barrier(stack_[i], false)) return false;
    }
    return false;
  }

  // Any other end tag closes the innermost element of its name if nothing special is open
  // inside it.
  void close_any_other(const std::string& name) {
    const bool known = known_to_gumbo(name);
    for (std::size_t i = stack_.size(); i-- > 0;) {
      if (!stack_[i].foreign && (known ? stack_[i].name == name : !known_to_gumbo(stack_[i].name))) {
        pop_to(i);
        return;
      }
      if (is_html_special(stack_[i])) return;
    }
  }

  // A new <li> ends the open one (a <dd> or <dt> the open dd or dt) unless a block other than
  // <address>, <div> or <p> is open inside it.
  void close_list_item(bool li) {
    for (std::size_t i = stack_.size(); i-- > 0;) {
      const Element& e = stack_[i];
      if (!e.foreign && (li ? e.name == "li" : (e.name == "dd" || e.name == "dt"))) {
        pop_to(i);
        return;
      }
      if (is_html_special(e) && e.name != "address" && e.name != "div" && e.name != "p") return;
    }
  }

  // The innermost table, cell, caption or template: where table tags take effect.
  std::size_t table_context() const {
    for (std::size_t i = stack_.size(); i-- > 0;) {
      const Element& e = stack_[i];
      if (!e.foreign && (e.name == "table" || e.name == "td" || e.name == "th" || e.name == "caption" ||
                         e.name == "template" || e.name == "html")) {
        return e.name == "html" ? kNone : i;
      }
    }
    return kNone;
  }

  bool below_is_table(std::size_t index) const {
    for (std::size_t i = index; i-- > 0;) {
      const Element& e = stack_[i];
      if (!e.foreign && (e.name == "table" || e.name == "template")) return e.name == "table";
    }
    return false;
  }

  // <td>, <tr>, <caption>, …: outside a table HTML ignores them; in one they close the open
  // cell or caption and everything open above the table, then a cell or a caption opens.
  void table_part(const Tag& tag) {
    const bool opens = tag.name == "td" || tag.name == "th" || tag.name == "caption";
    std::size_t context = table_context();
    if (context == kNone) return;
    if (stack_[context].name == "template") {  // rows of a template's own
      if (opens && push(tag, {tag.name})) formatting_.push_back({});
      return;
    }
    if (stack_[context].name != "table") {
      pop_to(context);
      clear_formatting_to_marker();
      context = table_context();
      if (context == kNone || stack_[context].name != "table") return;
    }
    pop_to(context + 1);
    if (opens && push(tag, {tag.name})) formatting_.push_back({});
  }

  // --- the list of active formatting elements --------------------------------------------------

  // HTML reopens the formatting elements closed implicitly, before text and most start tags.
  // Reopening them here earlier than HTML would is harmless: they count towards the depth
  // either way, and closing them again returns them to the list; reopening later is not.
  void reopen_formatting() {
    if (closed_formatting_ == 0) return;
    std::size_t from = formatting_.size();
    while (from > 0 && formatting_[from - 1].id != 0) --from;  // after the last marker
    for (std::size_t i = from; i < formatting_.size(); ++i) {
      Formatting& f = formatting_[i];
      if (f.open) continue;
      f.open = true;
      --closed_formatting_;
      Element clone{f.name};
      clone.formatting_id = f.id;
      stack_.push_back(std::move(clone));
    }
  }

  std::size_t last_formatting(const std::string& name) const {
    for (std::size_t i = formatting_.size(); i-- > 0;) {
      if (formatting_[i].id == 0) return kNone;  // a marker
      if (formatting_[i].name == name) return i;
    }
    return kNone;
  }

  void remove_formatting(std::size_t index) {
    if (formatting_[index].id != 0 && !formatting_[index].open) --closed_formatting_;
    formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(index));
  }

  void add_formatting(const std::string& name, const Tag& tag) {
    std::string key = lowercase_ascii(html_.substr(tag.begin, tag.end_offset - tag.begin));
    std::size_t same = 0, earliest = kNone;
    for (std::size_t i = formatting_.size(); i-- > 0 && formatting_[i].id != 0;) {
      if (formatting_[i].key == key) {
        ++same;
        earliest = i;
      }
    }
    if (same >= 3) remove_formatting(earliest);
    formatting_.push_back({last_id_, name, std::move(key), true});
  }

  void clear_formatting_to_marker() {
    while (!formatting_.empty()) {
      const bool marker = formatting_.back().id == 0;
      remove_formatting(formatting_.size() - 1);
      if (marker) return;
    }
  }

  // The end of a formatting element: closed with what is open inside it when that is only
  // phrasing; with a block inside, HTML moves elements around and reopens it (kept open here).
  void end_formatting(const std::string& name) {
    const std::size_t entry = last_formatting(name);
    if (entry == kNone) {
      close_any_other(name);
      return;
    }
    if (!formatting_[entry].open) {
      remove_formatting(entry);
      return;
    }
    for (std::size_t i = stack_.size(); i-- > 0;) {
      if (stack_[i].formatting_id == formatting_[entry].id) {
        remove_formatting(entry);
        pop_to(i);
        return;
      }
      if (is_html_special(stack_[i])) return;
    }
  }

  // --- the page -------------------------------------------------------------------------------

  // The next "</name" from `at`, in any letter case.
  std::size_t find_end_tag(std::size_t at, const std::string& name) const {
    while ((at = html_.find("</", at)) != std::string_view::npos) {
      if (lowercase_ascii(html_.substr(at + 2, name.size())) == name) return at;
      at += 2;
    }
    return std::string_view::npos;
  }

  void rename(Tag& tag, const std::string& name) {
    const std::size_t name_at = tag.begin + (tag.end ? 2 : 1);
    edits_.push_back({name_at, name_at + tag.name.size(), name});
    tag.name = name;
  }

  std::string_view html_;
  std::size_t max_depth_;
  std::vector<Element> stack_;
  std::vector<Formatting> formatting_;  // HTML's list of active formatting elements
  std::size_t closed_formatting_ = 0;   // entries of it not on the stack: HTML may reopen them
  std::size_t framesets_ = 0;           // open <frameset>s
  std::uint64_t last_id_ = 0;
  bool seen_foreign_ = false;
  std::vector<Edit> edits_;  // in page order
};

}  // namespace

std::string_view guard_markup(std::string_view html, std::size_t max_depth, std::string& storage) {
  return Guard(html, max_depth).run(storage);
}

}  // namespace sinmun
