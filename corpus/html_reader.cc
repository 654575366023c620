#include "corpus/charset.h"
#include "corpus/html_extractor.h"
#include "corpus/readers.h"

namespace sinmun {

void read_html(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report) {
  const DecodedText decoded = decode_to_utf8(content, {}, true);
  if (decoded.invalid > 0) report({Problem::Severity::kWarning, relative, "", describe_invalid(decoded)});
  Article article = extract_html_article(decoded.text);
  if (article.title.empty() && article.body.empty()) {
    report({Problem::Severity::kSkipped, relative, "", "no title or visible text in the page"});
    return;
  }
  article.id = relative;
  article.file = relative;
  sink(std::move(article));
}

}  // namespace sinmun
