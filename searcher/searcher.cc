#include "searcher/searcher.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <stdexcept>

#include "searcher/query_builder.h"
#include "searcher/query_parser.h"
#include "searcher/snippet.h"

namespace sinmun {
namespace {

Xapian::Database open_database(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    throw std::runtime_error(path + ": no such database (create it with sinmun-index --db " + path +
                             " CRAWL_DIR)");
  }
  return Xapian::Database(path);
}

std::string text_field(const nlohmann::json& data, const char* name) {
  const auto it = data.find(name);
  return it != data.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

Searcher::Searcher(const std::string& db_path, const Analyzer& analyzer)
    : db_(open_database(db_path)), analyzer_(analyzer) {}

SearchResponse Searcher::search(const SearchRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  SearchResponse response;
  response.query = request.query;
  const BuiltQuery built = build_query(parse_query(request.query), analyzer_);

  Xapian::Enquire enquire(db_);
  enquire.set_query(built.query);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit);
  response.total = mset.get_matches_estimated();
  response.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();

  Xapian::doccount rank = request.offset;
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    const nlohmann::json data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
    SearchHit hit;
    hit.rank = ++rank;
    hit.score = it.get_weight();
    if (data.is_object()) {
      hit.id = text_field(data, "id");
      hit.title = text_field(data, "title");
      hit.date = text_field(data, "date");
      hit.source = text_field(data, "source");
      hit.url = text_field(data, "url");
      if (request.with_snippets) {
        hit.snippet = make_snippet(text_field(data, "body"), built.terms, analyzer_);
      }
    }
    response.hits.push_back(std::move(hit));
  }
  response.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return response;
}

}  // namespace sinmun
