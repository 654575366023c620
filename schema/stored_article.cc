#include "schema/stored_article.h"

#include <zdict.h>
#include <zstd.h>

#include <algorithm>
#include <mutex>

#include <simdjson.h>
#include <nlohmann/json.hpp>

#include "base/errors.h"
#include "schema/schema.h"

namespace sinmun::schema {
namespace {

// zstd's level 3 over a dictionary of 110 KiB trained on 1,000 articles: 0.42 of the JSON
// on 100k synthetic articles, where Xapian's zlib leaves 0.64 (level 5: 0.43, level 9: 0.40
// at a third of level 3's speed).
constexpr int kCompressionLevel = 3;
constexpr std::size_t kDictionaryBytes = 110 * 1024;
// zstd's advice is samples of about ten times the dictionary and more.
constexpr std::size_t kSampleBytesPerDictionaryByte = 8;
// Smaller dictionaries hold too little to be worth a frame's header over JSON.
constexpr std::size_t kMinDictionaryBytes = 1024;
// Larger than any article the corpus readers let through: a frame saying more is damaged.
constexpr unsigned long long kMaxArticleBytes = 1ULL << 30;

bool is_frame(std::string_view data) {
  static constexpr unsigned char kMagic[4] = {0x28, 0xB5, 0x2F, 0xFD};  // ZSTD_MAGICNUMBER, little-endian
  return data.size() >= 4 && std::equal(kMagic, kMagic + 4, reinterpret_cast<const unsigned char*>(data.data()));
}

struct CompressionContext {
  ZSTD_CCtx* context = ZSTD_createCCtx();
  ~CompressionContext() { ZSTD_freeCCtx(context); }
};
struct DecompressionContext {
  ZSTD_DCtx* context = ZSTD_createDCtx();
  ~DecompressionContext() { ZSTD_freeDCtx(context); }
};

}  // namespace

// The compression side is made at the first pack(): searches never pack.
struct ArticleCodec::Dictionaries {
  std::string bytes;
  unsigned id = 0;
  ZSTD_DDict* decompression = nullptr;
  mutable std::once_flag compression_made;
  mutable ZSTD_CDict* compression = nullptr;

  ~Dictionaries() {
    ZSTD_freeDDict(decompression);
    ZSTD_freeCDict(compression);
  }
};

ArticleCodec::ArticleCodec(const std::string& dictionary) {
  auto dictionaries = std::make_shared<Dictionaries>();
  dictionaries->bytes = dictionary;
  dictionaries->id = ZDICT_getDictID(dictionary.data(), dictionary.size());
  if (dictionaries->id != 0) dictionaries->decompression = ZSTD_createDDict(dictionary.data(), dictionary.size());
  if (dictionaries->decompression == nullptr) {
    throw DataError("the database's article dictionary (" + std::string(kArticleDictionaryKey) +
                    ") is not a zstd dictionary");
  }
  dictionaries_ = std::move(dictionaries);
}

ArticleCodec ArticleCodec::of(const Xapian::Database& db) {
  const std::string dictionary = db.get_metadata(std::string(kArticleDictionaryKey));
  return dictionary.empty() ? ArticleCodec() : ArticleCodec(dictionary);
}

void ArticleCodec::add_samples(const Xapian::Database& db, std::vector<std::string>& samples) {
  for (auto it = db.postlist_begin(""); it != db.postlist_end("") && samples.size() < kTrainingSamples; ++it) {
    samples.push_back(db.get_document(*it).get_data().substr(0, kTrainingSampleBytes));
  }
}

std::string ArticleCodec::train(const std::vector<std::string>& samples) {
  std::string joined;
  std::vector<std::size_t> sizes;
  for (const std::string& sample : samples) {
    if (sample.empty() || is_frame(sample)) continue;
    joined += sample;
    sizes.push_back(sample.size());
  }
  const std::size_t capacity = std::min(kDictionaryBytes, joined.size() / kSampleBytesPerDictionaryByte);
  if (capacity < kMinDictionaryBytes) return "";
  std::string dictionary(capacity, '\0');
  const std::size_t size = ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), joined.data(), sizes.data(),
                                                 static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(size)) return "";
  dictionary.resize(size);
  return dictionary;
}

const std::string& ArticleCodec::dictionary() const {
  static const std::string kNone;
  return dictionaries_ ? dictionaries_->bytes : kNone;
}

void ArticleCodec::follow(const Xapian::Database& db) {
  const std::string recorded = db.get_metadata(std::string(kArticleDictionaryKey));
  if (recorded != dictionary()) *this = recorded.empty() ? ArticleCodec() : ArticleCodec(recorded);
}

std::string ArticleCodec::pack(std::string data) const {
  if (!dictionaries_ || data.empty() || data.front() != '{') return data;
  const Dictionaries& d = *dictionaries_;
  std::call_once(d.compression_made,
                 [&d] { d.compression = ZSTD_createCDict(d.bytes.data(), d.bytes.size(), kCompressionLevel); });
  thread_local CompressionContext context;
  if (d.compression == nullptr || context.context == nullptr) return data;  // out of memory: JSON is still readable
  // A checksum (4 bytes) in every frame: damage found, not read as another article's text.
  ZSTD_CCtx_reset(context.context, ZSTD_reset_session_and_parameters);
  if (ZSTD_isError(ZSTD_CCtx_refCDict(context.context, d.compression)) ||
      ZSTD_isError(ZSTD_CCtx_setParameter(context.context, ZSTD_c_checksumFlag, 1))) {
    return data;
  }
  std::string packed(ZSTD_compressBound(data.size()), '\0');
  const std::size_t size = ZSTD_compress2(context.context, packed.data(), packed.size(), data.data(), data.size());
  if (ZSTD_isError(size)) return data;
  packed.resize(size);
  return packed;
}

bool ArticleCodec::decode(std::string_view data, StoredArticle& out) const {
  if (!is_frame(data)) return decode_stored_article(data, out);
  if (!dictionaries_ || ZSTD_getDictID_fromFrame(data.data(), data.size()) != dictionaries_->id) return false;
  const unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
  if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR || size > kMaxArticleBytes) return false;
  thread_local DecompressionContext context;
  if (context.context == nullptr) return false;
  std::string json(size, '\0');
  const std::size_t written = ZSTD_decompress_usingDDict(context.context, json.data(), json.size(), data.data(),
                                                         data.size(), dictionaries_->decompression);
  return !ZSTD_isError(written) && written == size && decode_stored_article(json, out);
}

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
  // One parser per thread: it keeps its buffers between documents. The DOM parser checks the
  // whole text before anything is read; the on-demand one read on past damage and crashed.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object object;
  if (parser.parse(data.data(), data.size()).get_object().get(object) != simdjson::SUCCESS) return false;
  for (const StoredField& field : kStoredFields) {
    std::string_view value;
    if (object[field.name].get_string().get(value) == simdjson::SUCCESS) out.*field.member = value;
  }
  simdjson::dom::array quotes;
  if (object["quotes"].get_array().get(quotes) != simdjson::SUCCESS) return true;
  out.quotes.clear();
  for (const simdjson::dom::element item : quotes) {
    simdjson::dom::object quote;
    std::string_view text;
    if (item.get_object().get(quote) != simdjson::SUCCESS ||
        quote["text"].get_string().get(text) != simdjson::SUCCESS) {
      continue;
    }
    StoredQuote stored;
    stored.text = text;
    std::string_view speaker;
    if (quote["speaker"].get_string().get(speaker) == simdjson::SUCCESS) stored.speaker = speaker;
    std::uint64_t offset = 0;
    if (quote["start"].get_uint64().get(offset) == simdjson::SUCCESS) stored.start = offset;
    if (quote["end"].get_uint64().get(offset) == simdjson::SUCCESS) stored.end = offset;
    out.quotes.push_back(std::move(stored));
  }
  return true;
}

}  // namespace sinmun::schema
