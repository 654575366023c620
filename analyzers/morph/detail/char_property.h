// Character categories from char.bin (MeCab's char_property) and the UTF-8 decoding they use.
#ifndef SINMUN_ANALYZERS_MORPH_DETAIL_CHAR_PROPERTY_H_
#define SINMUN_ANALYZERS_MORPH_DETAIL_CHAR_PROPERTY_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/morph/detail/mapped_file.h"

namespace sinmun::morph {

// The packed per-character record of char.bin: a category bit set and the unknown-word
// rules of the character's default category.
class CharInfo {
 public:
  constexpr CharInfo() = default;
  constexpr explicit CharInfo(std::uint32_t raw) : raw_(raw) {}
  std::uint32_t raw() const { return raw_; }
  std::uint32_t categories() const { return raw_ & 0x3ffffu; }  // bit i: category i
  std::uint32_t default_category() const { return (raw_ >> 18) & 0xffu; }
  std::uint32_t length() const { return (raw_ >> 26) & 0xfu; }  // max unknown length
  bool group() const { return ((raw_ >> 30) & 1u) != 0; }       // group same-kind run
  bool invoke() const { return ((raw_ >> 31) & 1u) != 0; }      // unknowns even if known
  bool is_kind_of(CharInfo other) const { return (categories() & other.categories()) != 0; }

 private:
  std::uint32_t raw_ = 0;
};

// One decoded character: its code point (0 for a malformed byte) and its byte length (>= 1).
struct DecodedChar {
  char32_t code;
  std::size_t length;
};

// Decodes the character at text[0] (text must be non-empty). A malformed or truncated
// sequence yields {0, 1}, so every byte string decodes into characters without failing.
DecodedChar decode_utf8(std::string_view text);

// Immutable char.bin contents; safe to share across threads.
class CharProperty {
 public:
  // Maps and validates `path`; throws std::runtime_error naming the file if missing/truncated.
  explicit CharProperty(const std::filesystem::path& path);

  // MeCab covers U+0000..U+FFFE; other code points (and malformed bytes, decoded as 0) get
  // the record of U+0000, which is DEFAULT in mecab-ko-dic.
  CharInfo info(char32_t code) const { return CharInfo(code < table_size_ ? table_[code] : table_[0]); }
  std::size_t category_count() const { return names_.size(); }
  const std::string& category_name(std::size_t index) const { return names_[index]; }

 private:
  MappedFile file_;
  const std::uint32_t* table_ = nullptr;
  std::size_t table_size_ = 0;
  std::vector<std::string> names_;
};

}  // namespace sinmun::morph

#endif  // SINMUN_ANALYZERS_MORPH_DETAIL_CHAR_PROPERTY_H_
