#include <nlohmann/json.hpp>

#include <initializer_list>

#include "corpus/boilerplate.h"
#include "corpus/readers.h"
#include "corpus/text_utils.h"

namespace sinmun {
namespace {

using nlohmann::json;

// The first alias present with a usable value: strings as they are, numbers as text,
// arrays of strings joined by newlines (sentence-split bodies).
std::string field(const json& object, std::initializer_list<const char*> aliases) {
  for (const char* name : aliases) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) continue;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    if (it->is_array()) {
      std::string joined;
      for (const json& part : *it) {
        if (!part.is_string()) continue;
        if (!joined.empty()) joined += '\n';
        joined += part.get<std::string>();
      }
      return joined;
    }
  }
  return "";
}

// The publication date: the first alias whose value reads as a date (strings, numbers such
// as Unix timestamps). `unreadable` receives the first value present that does not, when
// none does.
std::string date_field(const json& object, std::string& unreadable) {
  for (const char* name : {"date", "published", "published_at", "datetime", "pubDate", "pub_date", "publish_date",
                           "date_published", "datePublished", "timestamp"}) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) continue;
    const std::string text =
        it->is_string() ? it->get<std::string>() : it->dump(-1, ' ', false, json::error_handler_t::replace);
    if (std::string date = normalize_date(text); !date.empty()) {
      unreadable.clear();
      return date;
    }
    if (unreadable.empty() && !trim(text).empty()) unreadable = text;
  }
  return "";
}

void emit_record(const json& object, const std::string& relative, const std::string& fallback_id,
                 const std::string& location, const ArticleSink& sink, const ProblemSink& report) {
  if (!object.is_object()) {
    report({Problem::Severity::kSkipped, relative, location, "not a JSON object"});
    return;
  }
  Article article;
  article.id = trim(field(object, {"id", "doc_id", "docid", "article_id"}));
  if (article.id.empty()) article.id = fallback_id;
  const std::string title = field(object, {"title", "headline"});
  article.title = clean_title(title);
  const std::string body = field(object, {"body", "content", "text", "article"});
  article.body = clean_article_text(body);
  // A body made only of words that look like furniture ("본문") is still what the record says.
  if (article.body.empty()) article.body = tidy_whitespace(body);
  // A title that was only a speaker tag ("[앵커]") gives way to the story's first line.
  if (article.title.empty() && !trim(title).empty()) article.title = first_real_line(article.body);
  std::string unreadable_date;
  article.date = date_field(object, unreadable_date);
  article.source = trim(field(object, {"source", "press", "publisher"}));
  article.url = trim(field(object, {"url", "link"}));
  article.author = trim(field(object, {"author", "reporter", "byline"}));
  article.category = trim(field(object, {"category", "section"}));
  article.file = relative;
  if (article.title.empty() && article.body.empty()) {
    report({Problem::Severity::kSkipped, relative, location, "record has neither title nor body"});
    return;
  }
  if (!unreadable_date.empty()) {
    report({Problem::Severity::kWarning, relative, location, unreadable_date_reason(unreadable_date)});
  }
  sink(std::move(article));
}

// Parses one JSON text, repairing invalid UTF-8 first so that a stray byte costs a character,
// not the record.
bool parse(std::string text, const std::string& relative, const std::string& location, const ProblemSink& report,
           json& out) {
  if (const std::size_t bad = repair_utf8(text); bad > 0) {
    report({Problem::Severity::kWarning, relative, location,
            "invalid UTF-8: " + std::to_string(bad) + " byte(s) replaced by U+FFFD"});
  }
  try {
    out = json::parse(text);
    return true;
  } catch (const json::parse_error& e) {
    std::string reason = e.what();
    if (const auto colon = reason.find(": "); colon != std::string::npos) reason = reason.substr(colon + 2);
    report({Problem::Severity::kSkipped, relative, location, "invalid JSON: " + reason});
    return false;
  }
}

}  // namespace

void read_json_lines(std::string_view content, const std::string& relative, const ArticleSink& sink,
                     const ProblemSink& report, std::size_t first_line_number) {
  std::size_t line_number = first_line_number - 1;
  std::size_t start = 0;
  bool any_content = false;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    ++line_number;
    const std::string_view line = content.substr(start, end - start);
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    any_content = true;
    const std::string location = "line " + std::to_string(line_number);
    json record;
    if (!parse(std::string(line), relative, location, report, record)) continue;
    emit_record(record, relative, relative + "#" + std::to_string(line_number), location, sink, report);
  }
  if (!any_content && first_line_number == 1) report({Problem::Severity::kSkipped, relative, "", "empty file"});
}

void read_json(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report) {
  if (content.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    report({Problem::Severity::kSkipped, relative, "", "empty file"});
    return;
  }
  json document;
  if (!parse(std::string(content), relative, "", report, document)) return;
  const json* records = &document;
  if (document.is_object()) {
    for (const char* key : {"articles", "items", "data"}) {
      const auto it = document.find(key);
      if (it != document.end() && it->is_array()) {
        records = &*it;
        break;
      }
    }
  }
  if (!records->is_array()) {
    emit_record(*records, relative, relative, "", sink, report);
    return;
  }
  std::size_t n = 0;
  for (const json& record : *records) {
    ++n;
    emit_record(record, relative, relative + "#" + std::to_string(n), "record " + std::to_string(n), sink, report);
  }
}

}  // namespace sinmun
