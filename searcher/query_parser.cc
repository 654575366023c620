#include "searcher/query_parser.h"

#include "base/text.h"

#include <algorithm>
#include <array>

namespace sinmun {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

constexpr std::array<std::string_view, 7> kFields = {"title", "source", "author", "category",
                                                     "date",  "quote",  "speaker"};
constexpr std::size_t kLongestField = 8;  // "category"

struct Token {
  enum class Type { kWord, kQuoted, kOpen, kClose };
  Type type;
  std::string text;
  bool negated = false;  // written with a leading '-'
  std::string field;     // "title" for title:…, the value in text
};

QueryNode empty_node(QueryNode::Kind kind) {
  QueryNode node;
  node.kind = kind;
  return node;
}

// Splits into words, quoted runs and parentheses. A '-' glued to the start of a word, a
// quote or a parenthesis negates it; "field:" glued to a word or a quote names a field.
std::vector<Token> tokenize(std::string_view q) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < q.size()) {
    if (is_space(q[i])) {
      ++i;
      continue;
    }
    Token token{Token::Type::kWord, "", false, ""};
    if (q[i] == '-' && i + 1 < q.size() && !is_space(q[i + 1]) && q[i + 1] != '-') {
      token.negated = true;
      ++i;
    }
    if (q[i] == '(' || q[i] == ')') {
      token.type = q[i] == '(' ? Token::Type::kOpen : Token::Type::kClose;
      tokens.push_back(token);
      ++i;
      continue;
    }
    // field:value or field:"value". Only a colon within a field name's length of here can
    // end one: looking further would make a long query without colons quadratic.
    const std::size_t colon = q.substr(i, kLongestField + 1).find(':');
    if (colon != std::string_view::npos && colon > 0) {
      const std::string name = lowercase_ascii(q.substr(i, colon));
      if (std::find(kFields.begin(), kFields.end(), name) != kFields.end() && i + colon + 1 < q.size() &&
          !is_space(q[i + colon + 1])) {
        token.field = name;
        i += colon + 1;
      }
    }
    if (q[i] == '"') {
      const std::size_t close = q.find('"', i + 1);
      const std::size_t end = close == std::string_view::npos ? q.size() : close;
      token.type = Token::Type::kQuoted;
      token.text = std::string(q.substr(i + 1, end - i - 1));
      i = close == std::string_view::npos ? q.size() : close + 1;
    } else {
      std::size_t end = i;
      // A field value runs to the next space; a word also stops at a quote or a parenthesis.
      while (end < q.size() && !is_space(q[end]) &&
             (!token.field.empty() || (q[end] != '"' && q[end] != '(' && q[end] != ')'))) {
        ++end;
      }
      token.text = std::string(q.substr(i, end - i));
      i = end;
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  QueryNode parse() {
    QueryNode root = empty_node(QueryNode::Kind::kAnd);
    while (pos_ < tokens_.size()) {
      if (tokens_[pos_].type == Token::Type::kClose) {  // a stray ')' closes nothing
        ++pos_;
        continue;
      }
      append(root, parse_and());
    }
    return flatten(std::move(root));
  }

 private:
  bool at_end() const { return pos_ >= tokens_.size(); }
  // A ')' that closes a group: not while a '(' taken as plain text is open.
  bool at_close() const { return !at_end() && tokens_[pos_].type == Token::Type::kClose && plain_opens_ == 0; }
  bool too_deep() const { return depth_ >= kMaxQueryNesting; }
  bool at_operator(const char* op) const {
    return !at_end() && tokens_[pos_].type == Token::Type::kWord && !tokens_[pos_].negated &&
           tokens_[pos_].field.empty() && tokens_[pos_].text == op;
  }

  // Words in a row, up to a ')' or the end.
  QueryNode parse_and() {
    QueryNode all = empty_node(QueryNode::Kind::kAnd);
    while (!at_end() && !at_close()) {
      if (at_operator("AND") && !all.children.empty() && has_operand_after()) {
        ++pos_;
        continue;
      }
      append(all, parse_or());
    }
    return flatten(std::move(all));
  }

  // OR binds tighter than the implicit AND, as in web search: 삼성 OR 애플 반도체 is
  // (삼성 OR 애플) AND 반도체.
  QueryNode parse_or() {
    QueryNode left = parse_unary();
    if (!at_operator("OR")) return left;
    QueryNode any = empty_node(QueryNode::Kind::kOr);
    append(any, std::move(left));
    while (at_operator("OR") && has_operand_after()) {
      ++pos_;
      append(any, parse_unary());
    }
    return flatten(std::move(any));
  }

  // An operator with nothing to work on is a word after all (a query of just "AND").
  bool has_operand_after() const {
    return pos_ + 1 < tokens_.size() && (tokens_[pos_ + 1].type != Token::Type::kClose || plain_opens_ > 0);
  }

  QueryNode parse_unary() {
    // Past the nesting limit a NOT is ignored; skipped in a loop, so that a run of thousands
    // costs no stack.
    while (too_deep() && at_operator("NOT") && has_operand_after()) ++pos_;
    const bool not_operator = at_operator("NOT") && has_operand_after();
    if (not_operator) ++pos_;
    if (!not_operator && (!tokens_[pos_].negated || too_deep())) return parse_primary();
    ++depth_;
    QueryNode node = not_operator ? parse_unary() : parse_primary();
    --depth_;
    return negate(std::move(node));
  }

  QueryNode parse_primary() {
    Token& token = tokens_[pos_++];
    switch (token.type) {
      case Token::Type::kOpen: {
        if (too_deep()) {
          ++plain_opens_;
          return {QueryNode::Kind::kWord, "(", "", false, {}};
        }
        ++depth_;
        QueryNode group = parse_and();
        --depth_;
        if (!at_end()) ++pos_;  // the ')'; a missing one is forgiven
        return group;
      }
      case Token::Type::kQuoted:
        if (!token.field.empty()) return {QueryNode::Kind::kField, token.text, token.field, true, {}};
        return {QueryNode::Kind::kPhrase, token.text, "", false, {}};
      case Token::Type::kWord:
        if (!token.field.empty()) return {QueryNode::Kind::kField, token.text, token.field, false, {}};
        return {QueryNode::Kind::kWord, token.text, "", false, {}};
      case Token::Type::kClose:  // only reached while a plain-text '(' is open
        --plain_opens_;
        return {QueryNode::Kind::kWord, ")", "", false, {}};
    }
    return empty_node(QueryNode::Kind::kAnd);
  }

  static QueryNode negate(QueryNode node) {
    if (is_empty(node)) return node;
    QueryNode no = empty_node(QueryNode::Kind::kNot);
    no.children.push_back(std::move(node));
    return no;
  }

  static bool is_empty(const QueryNode& node) {
    return (node.kind == QueryNode::Kind::kAnd || node.kind == QueryNode::Kind::kOr) && node.children.empty();
  }

  static void append(QueryNode& parent, QueryNode child) {
    if (is_empty(child)) return;
    // AND inside AND (a group of plain words) merges; OR keeps its own node.
    if (child.kind == parent.kind && parent.kind == QueryNode::Kind::kAnd) {
      for (QueryNode& grandchild : child.children) parent.children.push_back(std::move(grandchild));
      return;
    }
    parent.children.push_back(std::move(child));
  }

  // An AND or OR of one child is that child.
  static QueryNode flatten(QueryNode node) {
    if ((node.kind == QueryNode::Kind::kAnd || node.kind == QueryNode::Kind::kOr) && node.children.size() == 1) {
      return std::move(node.children[0]);
    }
    return node;
  }

  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;        // groups and negations open around pos_ (kMaxQueryNesting)
  std::size_t plain_opens_ = 0;  // '(' taken as plain text and not yet matched by a ')'
};

}  // namespace

QueryNode parse_query(std::string_view query) {
  QueryNode root = Parser(tokenize(query)).parse();
  if (root.kind == QueryNode::Kind::kAnd) return root;
  QueryNode all = empty_node(QueryNode::Kind::kAnd);
  all.children.push_back(std::move(root));
  return all;
}

std::string describe(const QueryNode& node) {
  const auto list = [&](const char* name) {
    std::string out = std::string(name) + "(";
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      if (i > 0) out += ' ';
      out += describe(node.children[i]);
    }
    return out + ")";
  };
  switch (node.kind) {
    case QueryNode::Kind::kWord:
      return "w:" + node.text;
    case QueryNode::Kind::kPhrase:
      return "p:\"" + node.text + "\"";
    case QueryNode::Kind::kAnd:
      return list("AND");
    case QueryNode::Kind::kOr:
      return list("OR");
    case QueryNode::Kind::kNot:
      return list("NOT");
    case QueryNode::Kind::kField:
      return node.field + ":" + (node.quoted ? "\"" + node.text + "\"" : node.text);
  }
  return "?";
}

}  // namespace sinmun
