#ifndef SINMUN_CORPUS_BOILERPLATE_H_
#define SINMUN_CORPUS_BOILERPLATE_H_

#include <string>
#include <string_view>

namespace sinmun {

// Page furniture that Korean news sites print inside or around the article text: copyright
// notices, tip-off lines, reaction counters, ad labels, share/subscribe toolbars, photo
// credits, date stamps. All rules live in one table in boilerplate.cc. Every reader cleans its
// bodies with clean_article_text, whatever the format.

// The name of the first rule that marks the whole `line` as boilerplate ("copyright",
// "share-toolbar", …), or empty when the line is article text. Long lines (prose) never match.
std::string_view boilerplate_rule(std::string_view line);

// `line` without inline photo credits: "[사진 제공=다온로보틱스]", "(사진=한빛일보 DB)",
// "[연합뉴스 자료사진]"; trimmed.
std::string strip_photo_credits(std::string_view line);

// When the text is one passage printed twice in a row (a page that repeats the whole
// article), the passage once; otherwise `text` unchanged. Lines are compared whole.
std::string collapse_repeated_text(std::string_view text);

// True for a line that is only a short bracketed tag: the speaker marks of a broadcast
// script ("[앵커]", "[기자]", "[리포트]", "<앵커 멘트>", "【인터뷰】") or a bracketed byline
// ("[한빛일보 홍길동 기자]"). Such a line is never a title.
bool is_bracket_tag(std::string_view line);

// `title` trimmed; when some of its lines are bracketed tags (is_bracket_tag), without them,
// the rest on one line. Empty when nothing but tags is left.
std::string clean_title(std::string_view title);

// The first line of `text` that is not a bracketed tag, trimmed; empty when there is none
// (a title for a record whose own title was only a tag).
std::string first_real_line(std::string_view text);

// The article text of `text` (lines separated by '\n'): photo credits stripped, boilerplate
// lines dropped, a repeated passage collapsed, whitespace tidied.
std::string clean_article_text(std::string_view text);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_BOILERPLATE_H_
