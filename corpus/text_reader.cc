#include "corpus/readers.h"
#include "corpus/text_utils.h"

namespace sinmun {

void read_text(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report) {
  std::string text(content);
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  if (const std::size_t bad = repair_utf8(text); bad > 0) {
    report({Problem::Severity::kWarning, relative, "",
            "invalid UTF-8: " + std::to_string(bad) + " byte(s) replaced by U+FFFD"});
  }
  const std::string tidy = tidy_whitespace(text);
  if (tidy.empty()) {
    report({Problem::Severity::kSkipped, relative, "", "empty file"});
    return;
  }
  Article article;
  article.id = relative;
  article.file = relative;
  const std::size_t newline = tidy.find('\n');
  article.title = tidy.substr(0, newline);
  if (newline != std::string::npos) article.body = tidy.substr(newline + 1);
  sink(std::move(article));
}

}  // namespace sinmun
