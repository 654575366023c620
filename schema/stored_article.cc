#include "schema/stored_article.h"

#include <simdjson.h>
#include <nlohmann/json.hpp>

namespace sinmun::schema {

std::string encode_stored_article(const StoredArticle& article) {
  nlohmann::ordered_json data = nlohmann::ordered_json::object();
  for (const StoredField& field : kStoredFields) data[std::string(field.name)] = article.*field.member;
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
  return true;
}

}  // namespace sinmun::schema
