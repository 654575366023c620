#ifndef SINMUN_SCHEMA_STORED_ARTICLE_H_
#define SINMUN_SCHEMA_STORED_ARTICLE_H_

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace sinmun {

// A direct quotation of the body, as corpus/quotes.h found it at index time.
struct StoredQuote {
  std::string text;
  std::string speaker;    // "" when unknown
  std::size_t start = 0;  // byte offsets of the quotation in the body, [start, end)
  std::size_t end = 0;

  bool operator==(const StoredQuote&) const = default;
};

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
  std::vector<StoredQuote> quotes;  // none for databases indexed before quotations were
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

// The document data: a JSON object of kStoredFields, then "quotes": [{"text", "speaker",
// "start", "end"}] when there are any (absent: no quotations, as in older databases). Bytes that are not valid UTF-8 (a
// file name from an EUC-KR crawl) become U+FFFD rather than failing.
std::string encode_stored_article(const StoredArticle& article);

// Parses document data (with simdjson: bodies of Wikipedia-sized articles took ~1.5 ms each
// with nlohmann's parser, most of a ten-result page's time). False, with `out` untouched,
// when the data is not a JSON object (damaged JSON included); fields missing or not strings stay as
// they were; a "quotes" entry that is not a list of such objects is skipped. Thread-safe (one
// parser per thread).
bool decode_stored_article(std::string_view data, StoredArticle& out);

// The document data as written: the JSON above, or, once the database records a dictionary
// (kArticleDictionaryKey), a zstd frame of it over that dictionary. Data that is JSON (a
// database from before, or the articles written before the dictionary was trained) is read
// as it is. Copies share one dictionary; const members are thread-safe.
class ArticleCodec {
 public:
  ArticleCodec() = default;  // no dictionary: pack() leaves JSON as it is
  // Throws DataError when `dictionary` is not a zstd dictionary.
  explicit ArticleCodec(const std::string& dictionary);
  // The codec of the dictionary `db` records (none when it records none). Throws DataError
  // for a damaged one.
  static ArticleCodec of(const Xapian::Database& db);

  // A dictionary trained on `samples` (document data as encode_stored_article writes it), or
  // "" when they are too few or too small to train one. A database's dictionary is trained
  // on its first kTrainingSamples articles, kTrainingSampleBytes of each: 1,000 train one as
  // good as 2,000 do (0.433 of the JSON against 0.432, 100k synthetic articles), and 16 KiB
  // is enough of an article to learn its phrasing while holding at most 16 MB of samples
  // when the first articles are Wikipedia-sized.
  static std::string train(const std::vector<std::string>& samples);
  static constexpr std::size_t kTrainingSamples = 1000;
  static constexpr std::size_t kTrainingSampleBytes = 16 * 1024;
  // Appends to `samples`, up to kTrainingSamples in all, the stored data of `db`'s articles
  // in docid order, kTrainingSampleBytes of each: what a database that has no dictionary yet
  // trains one on, with the articles it already holds.
  static void add_samples(const Xapian::Database& db, std::vector<std::string>& samples);

  bool has_dictionary() const { return dictionaries_ != nullptr; }
  const std::string& dictionary() const;  // "" without one
  // Takes up the dictionary `db` records when it is not this codec's (one recorded since).
  void follow(const Xapian::Database& db);

  // `data` compressed over the dictionary; unchanged without one, or when it is not JSON
  // (already packed).
  std::string pack(std::string data) const;
  // encode_stored_article() of `article`, packed.
  std::string encode(const StoredArticle& article) const { return pack(encode_stored_article(article)); }
  // decode_stored_article() of `data`, unpacked first when it is a frame over this codec's
  // dictionary. False for a frame over another dictionary (or none) or a damaged one.
  bool decode(std::string_view data, StoredArticle& out) const;

 private:
  struct Dictionaries;
  std::shared_ptr<const Dictionaries> dictionaries_;
};

}  // namespace schema
}  // namespace sinmun

#endif  // SINMUN_SCHEMA_STORED_ARTICLE_H_
