#include <algorithm>
#include <vector>

#include "corpus/boilerplate.h"
#include "corpus/charset.h"
#include "corpus/readers.h"
#include "corpus/text_utils.h"

namespace sinmun {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// The date of a page dump: a labelled stamp anywhere ("입력 2025-12-03 오후 3:10"), else the
// first line that is nothing but a date. An unreadable labelled stamp is reported when the
// text has no date at all.
std::string text_date(std::string_view text, const std::string& relative, const ProblemSink& report) {
  const TextDate stamp = locate_date_in_text(text, true);
  if (!stamp.date.empty()) return stamp.date;
  for (std::string_view line : lines_of(text)) {
    if (std::string date = date_line(line); !date.empty()) return date;
  }
  if (stamp.unreadable_line > 0) {
    report({Problem::Severity::kWarning, relative, "line " + std::to_string(stamp.unreadable_line),
            unreadable_date_reason(stamp.unreadable)});
  }
  return "";
}

}  // namespace

void read_text(std::string_view content, const std::string& relative, const ArticleSink& sink,
               const ProblemSink& report) {
  const DecodedText decoded = decode_to_utf8(content);
  if (decoded.invalid > 0) report({Problem::Severity::kWarning, relative, "", describe_invalid(decoded)});
  const std::string tidy = tidy_whitespace(decoded.text);
  if (tidy.empty()) {
    report({Problem::Severity::kSkipped, relative, "", "empty file"});
    return;
  }
  // A text file is often a page dump (html2text, copy-paste, a scraper): menus, stamps and
  // buttons above the story, a speaker tag ("[앵커]") where the headline should be. The title
  // is the first line that is none of these; in a file of nothing but such lines ("가\n본문"),
  // the first line that is not a tag.
  const std::vector<std::string_view> lines = lines_of(tidy);
  const auto first_line = [&](auto&& accept) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!is_bracket_tag(lines[i]) && accept(lines[i])) return i;
    }
    return lines.size();
  };
  std::size_t title_at =
      first_line([](std::string_view line) { return boilerplate_rule(strip_photo_credits(line)).empty(); });
  if (title_at == lines.size()) title_at = first_line([](std::string_view) { return true; });
  const bool after_tag =
      std::any_of(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(std::min(title_at, lines.size())),
                  [](std::string_view line) { return is_bracket_tag(line); });
  Article article;
  article.id = relative;
  article.file = relative;
  if (title_at < lines.size()) article.title = std::string(lines[title_at]);
  // A title found after a speaker tag is the story's first sentence, so it stays in the body.
  // A headline does not; a dump that prints the story twice often prints it twice too.
  std::string rest;
  for (std::size_t i = after_tag ? 0 : title_at + 1; i < lines.size(); ++i) {
    if (!after_tag && lines[i] == article.title) continue;
    rest += lines[i];
    rest += '\n';
  }
  article.body = clean_article_text(rest);
  // A body made only of words that look like furniture ("본문") is still what the file says.
  if (article.body.empty()) article.body = tidy_whitespace(rest);
  if (article.title.empty() && article.body.empty()) {
    report({Problem::Severity::kSkipped, relative, "", "no article text, only page furniture"});
    return;
  }
  article.date = text_date(decoded.text, relative, report);
  sink(std::move(article));
}

}  // namespace sinmun
