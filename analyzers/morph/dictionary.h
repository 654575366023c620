// The whole mecab-ko-dic as the segmenter needs it, loaded once and shared read-only.
#ifndef SINMUN_ANALYZERS_MORPH_DICTIONARY_H_
#define SINMUN_ANALYZERS_MORPH_DICTIONARY_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "analyzers/morph/detail/binary_dictionary.h"
#include "analyzers/morph/detail/char_property.h"
#include "analyzers/morph/detail/connection_matrix.h"
#include "analyzers/morph/detail/user_dictionary.h"

namespace sinmun::morph {

// A compiled mecab-ko-dic directory (sys.dic, unk.dic, matrix.bin, char.bin, dicrc) plus an
// optional user dictionary. Immutable after open(): any number of Segmenters on any number
// of threads may share one instance. The files stay memory-mapped while it lives, and every
// string_view handed out (Morpheme::pos, Morpheme::feature) points into it.
class Dictionary {
 public:
  struct Options {
    // TSV user dictionary (see user_dictionary.h); empty: none.
    std::filesystem::path user_dictionary;
  };
  using Reporter = std::function<void(const std::string&)>;

  // Loads `dir`. Throws std::runtime_error with a message naming the file and what is wrong
  // (missing, bad magic, truncated, ids outside matrix.bin, unreadable user dictionary).
  // Bad user-dictionary lines are passed to `report` (if set) and skipped.
  static std::shared_ptr<const Dictionary> open(const std::filesystem::path& dir, const Options& options = {},
                                                const Reporter& report = {});

  const BinaryDictionary& system() const { return system_; }
  const BinaryDictionary& unknown() const { return unknown_; }
  const CharProperty& chars() const { return chars_; }
  const ConnectionMatrix& matrix() const { return matrix_; }
  const UserDictionary& user() const { return user_; }

  // Unknown-word templates (unk.dic) for a character category index
  // (CharInfo::default_category(), always valid for infos from chars()).
  std::span<const DictionaryToken> unknown_templates(std::uint32_t category) const {
    return unknown_templates_[category];
  }
  // dicrc `left-space-penalty-factor`: extra cost of a morpheme with this posid that starts
  // right after whitespace; 0 for posids not listed.
  int space_penalty(std::uint16_t pos_id) const {
    return pos_id < space_penalties_.size() ? space_penalties_[pos_id] : 0;
  }

 private:
  explicit Dictionary(const std::filesystem::path& dir);  // without a user dictionary
  void check_context_ids() const;
  void check_user_context_ids() const;

  BinaryDictionary system_;
  BinaryDictionary unknown_;
  CharProperty chars_;
  ConnectionMatrix matrix_;
  UserDictionary user_;
  std::vector<std::span<const DictionaryToken>> unknown_templates_;
  std::vector<int> space_penalties_;  // indexed by posid
};

}  // namespace sinmun::morph

#endif  // SINMUN_ANALYZERS_MORPH_DICTIONARY_H_
