#include "corpus/charset.h"
#include "corpus/readers.h"
#include "corpus/text_utils.h"

namespace sinmun {

void read_text(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report) {
  const DecodedText decoded = decode_to_utf8(content);
  if (decoded.invalid > 0) report({Problem::Severity::kWarning, relative, "", describe_invalid(decoded)});
  const std::string tidy = tidy_whitespace(decoded.text);
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
