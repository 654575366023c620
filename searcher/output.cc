#include "searcher/output.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace sinmun {
namespace {

// The snippet is HTML; a terminal gets its text back.
std::string snippet_for_terminal(const std::string& html, bool color) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    if (html.compare(i, 6, "<mark>") == 0) {
      if (color) out += "\033[1;33m";
      i += 6;
      continue;
    }
    if (html.compare(i, 7, "</mark>") == 0) {
      if (color) out += "\033[0m";
      i += 7;
      continue;
    }
    bool replaced = false;
    for (const auto& [entity, text] : kEntities) {
      const std::size_t length = std::char_traits<char>::length(entity);
      if (html.compare(i, length, entity) == 0) {
        out += text;
        i += length;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += html[i++];
  }
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

nlohmann::json facet_list(const std::vector<FacetCount>& facets) {
  nlohmann::json out = nlohmann::json::array();
  for (const FacetCount& facet : facets) out.push_back({{"value", facet.value}, {"count", facet.count}});
  return out;
}

}  // namespace

std::string to_json(const SearchResponse& response) {
  nlohmann::json results = nlohmann::json::array();
  for (const SearchHit& hit : response.hits) {
    results.push_back({{"rank", hit.rank}, {"id", hit.id}, {"title", hit.title},
                       {"date", hit.date}, {"source", hit.source}, {"url", hit.url},
                       {"score", hit.score}, {"snippet", hit.snippet}, {"title_html", hit.title_html},
                       {"similar", hit.similar}});
  }
  const nlohmann::json object = {{"query", response.query},
                                 {"total", response.total},
                                 {"total_is_exact", response.total_is_exact},
                                 {"relaxed", response.relaxed},
                                 {"took_ms", response.took_ms},
                                 {"results", std::move(results)},
                                 {"facets",
                                  {{"source", facet_list(response.source_facets)},
                                   {"month", facet_list(response.month_facets)}}}};
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void print_human(std::ostream& out, const SearchResponse& response, bool color) {
  if (response.hits.empty()) {
    out << "no results for: " << response.query << '\n';
    return;
  }
  const char* bold = color ? "\033[1m" : "";
  const char* dim = color ? "\033[2m" : "";
  const char* reset = color ? "\033[0m" : "";
  for (const SearchHit& hit : response.hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", hit.score);
    const std::string title = hit.title_html.empty() ? hit.title : snippet_for_terminal(hit.title_html, color);
    out << bold << hit.rank << ". " << title << reset << '\n';
    out << "   " << dim << (hit.date.empty() ? "(no date)" : hit.date) << " · "
        << (hit.source.empty() ? "(no source)" : hit.source) << " · " << hit.id << " · score "
        << score;
    if (hit.similar > 0) out << " · +" << hit.similar << " similar";
    out << reset << '\n';
    if (!hit.snippet.empty()) out << "   " << snippet_for_terminal(hit.snippet, color) << '\n';
  }
  if (response.relaxed) out << "(few articles have every word: also showing those with most of them)\n";
  out << (response.total_is_exact ? "" : "about ") << response.total << " results ("
      << static_cast<long>(response.took_ms * 1000) / 1000.0 << " ms)\n";
}

void print_facets(std::ostream& out, const SearchResponse& response) {
  const auto print = [&out](const char* name, const std::vector<FacetCount>& facets) {
    out << name << ':';
    for (const FacetCount& facet : facets) out << "  " << facet.value << " (" << facet.count << ')';
    out << '\n';
  };
  print("sources", response.source_facets);
  print("months", response.month_facets);
}

}  // namespace sinmun
