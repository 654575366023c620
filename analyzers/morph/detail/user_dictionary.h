// Words added by the operator on top of sys.dic, read from a small TSV file.
#ifndef SINMUN_ANALYZERS_MORPH_DETAIL_USER_DICTIONARY_H_
#define SINMUN_ANALYZERS_MORPH_DETAIL_USER_DICTIONARY_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/morph/detail/binary_dictionary.h"
#include "analyzers/morph/morpheme.h"

namespace sinmun::morph {

// One user word, with context ids and cost chosen at load time.
struct UserEntry {
  std::string surface;
  std::string feature;  // "POS,*,T|F|*,surface,*,*,*,*" like a plain sys.dic entry
  std::uint16_t left_id = 0;
  std::uint16_t right_id = 0;
  std::uint16_t pos_id = 0;
  std::int16_t cost = 0;
  // sys.dic's reading of the surface (see Morpheme::system_reading); empty when it is one
  // morpheme over all of it.
  std::vector<Morpheme> system_reading;
};

// Immutable after load(); safe to share across threads.
//
// File format: one `surface<TAB>POS[<TAB>cost]` per line, UTF-8; blank lines and lines
// starting with '#' are ignored. The order of lines never changes the result.
//
// Context ids: NNP gets left id 1786 and right id 3546 when the surface ends in a Hangul
// syllable with a final consonant, 3545 otherwise (mecab-ko-dic's plain proper nouns).
// Any other POS copies the most common ids of the plain (type `*`) sys.dic entries of that
// POS with the same final-consonant flag; a POS with no such entry is rejected.
// Default cost: the lowest cost of a sys.dic entry with the same context ids, minus 1000,
// so a user word beats the split a 2018 dictionary would otherwise produce.
//
// Each entry also keeps how the system dictionary alone reads its surface, so that the
// analysis can still match the word by the pieces it was found by before it was added.
class UserDictionary {
 public:
  using Reporter = std::function<void(const std::string&)>;
  // The segmentation of a surface by the system dictionary alone.
  using SystemReader = std::function<std::vector<Morpheme>(std::string_view surface)>;

  UserDictionary() = default;  // no entries

  // Reads `path`. Throws std::runtime_error if the file cannot be read. A bad line is
  // reported as "<path>:<line>: <reason>" through `report` (if set) and skipped.
  // `read_system` (if set) gives each entry's system_reading; the morphemes it returns must
  // outlive the dictionary's use (they point into the system dictionary).
  static UserDictionary load(const std::filesystem::path& path, const BinaryDictionary& system, const Reporter& report,
                             const SystemReader& read_system = {});

  // Calls on_match(entry, byte_length) for every entry whose surface is a prefix of `text`,
  // shortest first; entries of one surface in a fixed order independent of the file.
  template <typename OnMatch>
  void common_prefix_search(std::string_view text, OnMatch&& on_match) const;

  std::span<const UserEntry> entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }

 private:
  struct TrieNode {
    std::vector<std::pair<unsigned char, std::uint32_t>> children;  // sorted by byte
    std::uint32_t first_entry = 0;                                  // entries_[first, last)
    std::uint32_t last_entry = 0;
  };
  void build_trie();

  std::vector<UserEntry> entries_;  // sorted by surface, then feature and cost
  std::vector<TrieNode> nodes_;     // nodes_[0] is the root
};

template <typename OnMatch>
void UserDictionary::common_prefix_search(std::string_view text, OnMatch&& on_match) const {
  if (nodes_.empty()) return;
  std::uint32_t node = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto& children = nodes_[node].children;
    const auto byte = static_cast<unsigned char>(text[i]);
    std::uint32_t next = 0;
    for (const auto& [label, child] : children) {
      if (label == byte) next = child;
    }
    if (next == 0) return;
    node = next;
    for (std::uint32_t e = nodes_[node].first_entry; e < nodes_[node].last_entry; ++e) {
      on_match(entries_[e], i + 1);
    }
  }
}

}  // namespace sinmun::morph

#endif  // SINMUN_ANALYZERS_MORPH_DETAIL_USER_DICTIONARY_H_
