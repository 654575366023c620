#include "searcher/document_data.h"

#include <simdjson.h>

namespace sinmun {
namespace {

void read_field(simdjson::ondemand::object& object, std::string_view name, std::string& out) {
  std::string_view value;
  if (object.find_field_unordered(name).get_string().get(value) == simdjson::SUCCESS) out = value;
}

}  // namespace

bool parse_document_data(std::string_view json, StoredArticle& out) {
  // One parser per thread: it keeps its buffers between documents.
  thread_local simdjson::ondemand::parser parser;
  const simdjson::padded_string padded(json);
  simdjson::ondemand::document document;
  if (parser.iterate(padded).get(document) != simdjson::SUCCESS) return false;
  simdjson::ondemand::object object;
  if (document.get_object().get(object) != simdjson::SUCCESS) return false;
  read_field(object, "id", out.id);
  read_field(object, "title", out.title);
  read_field(object, "date", out.date);
  read_field(object, "source", out.source);
  read_field(object, "url", out.url);
  read_field(object, "body", out.body);
  return true;
}

}  // namespace sinmun
