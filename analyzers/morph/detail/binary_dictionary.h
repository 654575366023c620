// A compiled MeCab dictionary file (sys.dic, unk.dic): double-array trie, tokens, features.
#ifndef SINMUN_ANALYZERS_MORPH_DETAIL_BINARY_DICTIONARY_H_
#define SINMUN_ANALYZERS_MORPH_DETAIL_BINARY_DICTIONARY_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

#include "analyzers/morph/detail/mapped_file.h"

namespace sinmun::morph {

// One dictionary entry exactly as stored in the file (MeCab dictionary version 102).
struct DictionaryToken {
  std::uint16_t left_id;   // left context id (lcAttr): row selector for the preceding node
  std::uint16_t right_id;  // right context id (rcAttr): column selector for the next node
  std::uint16_t pos_id;    // pos-id.def id
  std::int16_t cost;       // word cost
  std::uint32_t feature;   // byte offset of the NUL-terminated feature string
  std::uint32_t compound;  // unused by mecab-ko-dic
};
static_assert(sizeof(DictionaryToken) == 16, "token layout must match the file");

// Immutable view of one mapped .dic file; safe to share across threads.
class BinaryDictionary {
 public:
  // Maps and validates `path`. Throws std::runtime_error naming the file when it is missing,
  // has a bad magic or version, or is truncated.
  explicit BinaryDictionary(const std::filesystem::path& path);

  // Calls on_match(tokens, byte_length) for every key that is a prefix of `text`, shortest
  // first (MeCab's order). `tokens` are the homographs of that key in file order.
  template <typename OnMatch>
  void common_prefix_search(std::string_view text, OnMatch&& on_match) const;

  // Tokens stored under exactly `key`; empty if there are none.
  std::span<const DictionaryToken> exact_match(std::string_view key) const;

  std::span<const DictionaryToken> tokens() const { return {tokens_, token_count_}; }
  // The feature string of a token of this dictionary; "" if its offset is out of range.
  std::string_view feature(const DictionaryToken& token) const;
  // Context id ranges the tokens were compiled against (must match matrix.bin).
  std::uint32_t left_size() const { return left_size_; }
  std::uint32_t right_size() const { return right_size_; }
  const std::filesystem::path& path() const { return file_.path(); }

 private:
  struct Unit {
    std::int32_t base;
    std::uint32_t check;
  };
  // Tokens for a trie value, or empty if the value points outside the token table.
  std::span<const DictionaryToken> tokens_for(std::int32_t value) const;

  MappedFile file_;
  const Unit* units_ = nullptr;
  std::size_t unit_count_ = 0;
  const DictionaryToken* tokens_ = nullptr;
  std::size_t token_count_ = 0;
  const char* features_ = nullptr;
  std::size_t feature_size_ = 0;
  std::uint32_t left_size_ = 0;
  std::uint32_t right_size_ = 0;
};

template <typename OnMatch>
void BinaryDictionary::common_prefix_search(std::string_view text, OnMatch&& on_match) const {
  if (unit_count_ == 0) return;
  // Darts layout: a node's terminal (value) slot is base+0; the child for byte c is base+c+1.
  std::uint32_t base = static_cast<std::uint32_t>(units_[0].base);
  for (std::size_t i = 0;; ++i) {
    if (base < unit_count_) {
      const Unit& terminal = units_[base];
      if (terminal.check == base && terminal.base < 0) {
        const auto found = tokens_for(-terminal.base - 1);
        if (!found.empty()) on_match(found, i);
      }
    }
    if (i == text.size()) return;
    const std::size_t next = std::size_t{base} + static_cast<unsigned char>(text[i]) + 1;
    if (next >= unit_count_ || units_[next].check != base) return;
    base = static_cast<std::uint32_t>(units_[next].base);
  }
}

}  // namespace sinmun::morph

#endif  // SINMUN_ANALYZERS_MORPH_DETAIL_BINARY_DICTIONARY_H_
