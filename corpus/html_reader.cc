#include "corpus/charset.h"
#include "corpus/html_extractor.h"
#include "corpus/readers.h"
#include "corpus/text_utils.h"

namespace sinmun {

void read_html(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report) {
  const DecodedText decoded = decode_to_utf8(content, {}, true);
  if (!decoded.note.empty()) report({Problem::Severity::kWarning, relative, "", decoded.note});
  if (decoded.invalid > 0) report({Problem::Severity::kWarning, relative, "", describe_invalid(decoded)});
  UnreadableDate unreadable;
  Article article = extract_html_article(decoded.text, &unreadable);
  if (article.title.empty() && article.body.empty()) {
    report({Problem::Severity::kSkipped, relative, "", "no title or visible text in the page"});
    return;
  }
  if (!unreadable.value.empty()) {
    report({Problem::Severity::kWarning, relative, "line " + std::to_string(unreadable.line),
            unreadable_date_reason(unreadable.value)});
  }
  article.id = relative;
  article.file = relative;
  sink(std::move(article));
}

}  // namespace sinmun
