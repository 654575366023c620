#ifndef SINMUN_SCHEMA_STORED_ARTICLE_H_
#define SINMUN_SCHEMA_STORED_ARTICLE_H_

#include <array>
#include <string>
#include <string_view>

namespace sinmun {

// What a document's data holds of its article: what result lists, snippets and the stored
// copy (/api/doc) show. Missing fields are empty.
struct StoredArticle {
  std::string id;
  std::string title;
  std::string date;  // YYYY-MM-DD
  std::string source;
  std::string url;
  std::string author;
  std::string category;
  std::string file;  // the input file, relative to its crawl root
  std::string body;
};

namespace schema {

// The one list of document-data fields, in stored order: the encoder writes these names and
// the decoder reads them.
struct StoredField {
  std::string_view name;
  std::string StoredArticle::*member;
};
inline constexpr std::array<StoredField, 9> kStoredFields = {{
    {"id", &StoredArticle::id},
    {"title", &StoredArticle::title},
    {"date", &StoredArticle::date},
    {"source", &StoredArticle::source},
    {"url", &StoredArticle::url},
    {"author", &StoredArticle::author},
    {"category", &StoredArticle::category},
    {"file", &StoredArticle::file},
    {"body", &StoredArticle::body},
}};

// The document data: a JSON object of kStoredFields. Bytes that are not valid UTF-8 (a
// file name from an EUC-KR crawl) become U+FFFD rather than failing.
std::string encode_stored_article(const StoredArticle& article);

// Parses document data (with simdjson: bodies of Wikipedia-sized articles took ~1.5 ms each
// with a DOM parser, most of a ten-result page's time). False, with `out` untouched or
// partly filled, when the data is not a JSON object; fields missing or not strings stay as
// they were. Thread-safe (one parser per thread).
bool decode_stored_article(std::string_view data, StoredArticle& out);

}  // namespace schema
}  // namespace sinmun

#endif  // SINMUN_SCHEMA_STORED_ARTICLE_H_
