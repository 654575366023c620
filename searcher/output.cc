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

// "1 result", "245 results", "at least 11 results", with the articles counted when copies
// were folded: "3 results (5 articles with copies)".
std::string count_line(const SearchResponse& response) {
  const auto plural = [](Xapian::doccount n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string line = response.total == 0 && response.partial_matches > 0
                         ? "no result with every word"
                         : (response.total_is_exact ? "" : "at least ") + plural(response.total, "result", "results");
  if (response.total_articles != response.total) {
    line += " (" + plural(response.total_articles, "article", "articles") + " with copies)";
  }
  if (response.partial_matches > 0) {
    line += std::string(response.total == 0 ? "; " : ", then ") +
            (response.partial_matches_is_exact ? "" : "at least ") +
            plural(response.partial_matches, "with some of the words", "with some of the words");
  }
  return line;
}

// Lines of at most `width` columns (a Hangul syllable or Han character takes two), broken
// at spaces, every line after the first indented by `indent`.
std::string wrap(const std::string& text, std::size_t width, const std::string& indent) {
  if (width == 0) return text;
  std::string out;
  std::size_t column = indent.size();
  std::size_t line_start = 0;
  std::size_t last_space = std::string::npos;
  std::size_t column_at_space = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (text[i] == '\033') {  // an ANSI escape takes no column
      const std::size_t end = text.find('m', i);
      i = end == std::string::npos ? text.size() : end + 1;
      continue;
    }
    if (text[i] == ' ') {
      last_space = i;
      column_at_space = column;
    }
    column += length >= 3 ? 2 : 1;
    if (column > width && last_space != std::string::npos && last_space > line_start) {
      out.append(text, line_start, last_space - line_start).append("\n").append(indent);
      line_start = last_space + 1;
      column = indent.size() + (column - column_at_space - 1);
      last_space = std::string::npos;
    }
    i += length;
  }
  return out.append(text, line_start, std::string::npos);
}

// "matched: 수출을 → 수출 (word) · H200 → h200 (word) · 허가 → none".
std::string explain_line(const std::vector<ConceptMatch>& concepts) {
  std::string line = "matched:";
  for (std::size_t i = 0; i < concepts.size(); ++i) {
    const ConceptMatch& c = concepts[i];
    line += (i == 0 ? " " : " · ") + c.text + " → ";
    line += c.matched ? c.term + " (" + match_form_name(c.form) + ")" : "none";
  }
  return line;
}

// [{"speaker", "text"}] of a quote:/speaker: result.
nlohmann::json quotes_json(const std::vector<StoredQuote>& quotes) {
  nlohmann::json out = nlohmann::json::array();
  for (const StoredQuote& quote : quotes) out.push_back({{"speaker", quote.speaker}, {"text", quote.text}});
  return out;
}

}  // namespace

std::string to_json(const SearchResponse& response) {
  nlohmann::json results = nlohmann::json::array();
  for (const SearchHit& hit : response.hits) {
    nlohmann::json result = {{"rank", hit.rank},
                             {"id", hit.id},
                             {"title", hit.title},
                             {"date", hit.date},
                             {"source", hit.source},
                             {"url", hit.url},
                             {"score", hit.score},
                             {"snippet", hit.snippet},
                             {"title_html", hit.title_html},
                             {"similar", hit.similar},
                             {"match", hit.partial ? "partial" : "full"}};
    if (!hit.explain.empty()) {
      nlohmann::json words = nlohmann::json::array();
      for (const ConceptMatch& c : hit.explain) {
        words.push_back(
            {{"word", c.text}, {"matched", c.matched ? match_form_name(c.form) : "none"}, {"term", c.term}});
      }
      result["explain"] = std::move(words);
    }
    if (!hit.quotes.empty()) result["quotes"] = quotes_json(hit.quotes);
    results.push_back(std::move(result));
  }
  nlohmann::json object = {
      {"query", response.query},
      {"total", response.total},
      {"total_articles", response.total_articles},
      {"total_is_exact", response.total_is_exact},
      {"relaxed", response.relaxed},
      {"facets_sample", response.facets_sample},
      {"partial_matches", response.partial_matches},
      {"partial_matches_is_exact", response.partial_matches_is_exact},
      {"took_ms", response.took_ms},
      {"results", std::move(results)},
      {"facets", {{"source", facet_list(response.source_facets)}, {"month", facet_list(response.month_facets)}}}};
  if (response.partial) {  // only then: a complete answer reads as it always did
    object["partial"] = true;
    object["missing_shards"] = response.missing_shards;
  }
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void print_human(std::ostream& out, const SearchResponse& response, bool color, std::size_t width) {
  if (response.hits.empty()) {
    out << "no results for: " << response.query << '\n';
    return;
  }
  const char* bold = color ? "\033[1m" : "";
  const char* dim = color ? "\033[2m" : "";
  const char* reset = color ? "\033[0m" : "";
  if (response.partial) {
    out << "(partial: from the shards that answered; missing:";
    for (const std::string& shard : response.missing_shards) out << ' ' << shard;
    out << ")\n";
  }
  if (response.relaxed) {
    out << "(no article has every word: these have most of them, best first; --strict for all words only)\n";
  }
  bool partial_said = response.relaxed;
  for (const SearchHit& hit : response.hits) {
    if (hit.partial && !partial_said) {  // a short query's full matches end here
      out << (response.total == 0 ? "(no article has every word: these have some of them, best first; "
                                  : "(the articles with every word end here: these have some of them, best first; ")
          << "--strict for all words only)\n";
      partial_said = true;
    }
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", hit.score);
    const std::string title = hit.title_html.empty() ? hit.title : snippet_for_terminal(hit.title_html, color);
    out << bold << hit.rank << ". " << title << reset << '\n';
    out << "   " << dim << (hit.date.empty() ? "(no date)" : hit.date) << " · "
        << (hit.source.empty() ? "(no source)" : hit.source) << " · " << hit.id << " · score " << score;
    if (hit.similar > 0) out << " · +" << hit.similar << " similar";
    out << reset << '\n';
    if (!hit.url.empty()) out << "   " << dim << hit.url << reset << '\n';
    if (hit.partial) out << "   " << dim << "(partial: not every word)" << reset << '\n';
    if (!hit.explain.empty()) out << "   " << dim << explain_line(hit.explain) << reset << '\n';
    for (const StoredQuote& quote : hit.quotes) {
      out << "   “" << quote.text << "”" << (quote.speaker.empty() ? "" : " — " + quote.speaker) << '\n';
    }
    if (!hit.snippet.empty()) out << "   " << wrap(snippet_for_terminal(hit.snippet, color), width, "   ") << '\n';
  }
  char took[32];
  std::snprintf(took, sizeof took, "%.3f", response.took_ms);
  out << count_line(response) << " (" << took << " ms)\n";
}

void print_facets(std::ostream& out, const SearchResponse& response) {
  const auto print = [&out](const char* name, const std::vector<FacetCount>& facets, const char* none) {
    out << name << ':';
    for (const FacetCount& facet : facets) {
      out << "  " << (facet.value.empty() ? none : facet.value) << " (" << facet.count << ')';
    }
    out << '\n';
  };
  if (response.facets_sample > 0) out << "(counted over the best " << response.facets_sample << " matches)\n";
  print("sources", response.source_facets, "(no source)");
  print("months", response.month_facets, "(no date)");
}

}  // namespace sinmun
