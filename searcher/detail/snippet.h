#ifndef SINMUN_SEARCHER_DETAIL_SNIPPET_H_
#define SINMUN_SEARCHER_DETAIL_SNIPPET_H_

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

#include "analyzers/analyzer.h"

namespace sinmun {

// The passage of about `length` characters of `text` that holds the most distinct query
// terms, HTML-escaped, with each matched stretch wrapped in <mark>…</mark> and "…" where the
// text was cut. Cuts fall on character boundaries. Without any match: the start of the text.
// `terms` are index terms as in BuiltQuery::terms; `context` is the calling thread's
// analysis context, to reuse (null: a fresh one).
std::string make_snippet(std::string_view text, const std::set<std::string>& terms, const Analyzer& analyzer,
                         std::size_t length = 160, AnalysisContext* context = nullptr);

// Escapes & < > " ' for HTML.
std::string html_escape(std::string_view text);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_DETAIL_SNIPPET_H_
