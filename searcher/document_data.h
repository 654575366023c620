#ifndef SINMUN_SEARCHER_DOCUMENT_DATA_H_
#define SINMUN_SEARCHER_DOCUMENT_DATA_H_

#include <string>
#include <string_view>

namespace sinmun {

// The fields of a document's data (the JSON object the indexer stores) that a result list
// shows; missing fields are empty.
struct StoredArticle {
  std::string id;
  std::string title;
  std::string date;
  std::string source;
  std::string url;
  std::string body;
};

// Parses document data with simdjson: bodies of Wikipedia-sized articles took ~1.5 ms each
// to parse with a DOM parser, most of a ten-result page's time. False (and `out` untouched
// or partly filled) when the data is not a JSON object.
bool parse_document_data(std::string_view json, StoredArticle& out);

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_DOCUMENT_DATA_H_
