#include "schema/stored_article.h"

#include <simdjson.h>
#include <nlohmann/json.hpp>

namespace sinmun::schema {

std::string encode_stored_article(const StoredArticle& article) {
  nlohmann::ordered_json data = nlohmann::ordered_json::object();
  for (const StoredField& field : kStoredFields) data[std::string(field.name)] = article.*field.member;
  if (!article.quotes.empty()) {
    nlohmann::ordered_json quotes = nlohmann::ordered_json::array();
    for (const StoredQuote& quote : article.quotes) {
      quotes.push_back({{"text", quote.text}, {"speaker", quote.speaker}, {"start", quote.start}, {"end", quote.end}});
    }
    data["quotes"] = std::move(quotes);
  }
  return data.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

bool decode_stored_article(std::string_view data, StoredArticle& out) {
  // One parser per thread: it keeps its buffers between documents.
  thread_local simdjson::ondemand::parser parser;
  const simdjson::padded_string padded(data);
  simdjson::ondemand::document document;
  if (parser.iterate(padded).get(document) != simdjson::SUCCESS) return false;
  simdjson::ondemand::object object;
  if (document.get_object().get(object) != simdjson::SUCCESS) return false;
  for (const StoredField& field : kStoredFields) {
    std::string_view value;
    if (object.find_field_unordered(field.name).get_string().get(value) == simdjson::SUCCESS) {
      out.*field.member = value;
    }
  }
  simdjson::ondemand::array quotes;
  if (object.find_field_unordered("quotes").get_array().get(quotes) != simdjson::SUCCESS) return true;
  out.quotes.clear();
  for (auto item : quotes) {
    simdjson::ondemand::object quote;
    if (item.get_object().get(quote) != simdjson::SUCCESS) continue;
    StoredQuote stored;
    std::string_view text, speaker;
    std::uint64_t start = 0, end = 0;
    if (quote.find_field_unordered("text").get_string().get(text) != simdjson::SUCCESS) continue;
    if (quote.find_field_unordered("speaker").get_string().get(speaker) == simdjson::SUCCESS) stored.speaker = speaker;
    if (quote.find_field_unordered("start").get_uint64().get(start) == simdjson::SUCCESS) stored.start = start;
    if (quote.find_field_unordered("end").get_uint64().get(end) == simdjson::SUCCESS) stored.end = end;
    stored.text = text;
    out.quotes.push_back(std::move(stored));
  }
  return true;
}

}  // namespace sinmun::schema
