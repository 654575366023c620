// Splits text into morphemes: MeCab's lattice and Viterbi search over mecab-ko-dic.
#ifndef SINMUN_ANALYZERS_MORPH_SEGMENTER_H_
#define SINMUN_ANALYZERS_MORPH_SEGMENTER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "analyzers/morph/dictionary.h"
#include "analyzers/morph/morpheme.h"

namespace sinmun::morph {

// Finds the cheapest segmentation of a text exactly as mecab-ko does: dictionary words from
// a common-prefix search at every position where a word can start, unknown-word candidates
// from char.bin categories and unk.dic templates (MeCab's invoke/group/length rules),
// whitespace (SPACE category) skipped before each word, and the dicrc space penalty added
// to a word that follows whitespace.
//
// Cheap to construct. Not thread-safe: it keeps scratch buffers between calls, so use one
// Segmenter per thread; they may all share one Dictionary.
class Segmenter {
 public:
  struct Options {
    // Add dicrc's left-space-penalty-factor (mecab-ko). Default true; false reproduces
    // stock MeCab, which is what Debian's libmecab does with the same dictionary.
    bool space_penalty = true;
    // Memory bound: once the lattice holds this many nodes, the part of the best path that
    // no later text can change is emitted and its nodes are freed (about 40 bytes each).
    // Results never depend on it; only long texts without such a point grow past it.
    std::size_t max_lattice_nodes = std::size_t{1} << 20;
  };

  explicit Segmenter(std::shared_ptr<const Dictionary> dictionary);
  Segmenter(std::shared_ptr<const Dictionary> dictionary, Options options);

  // The best path for `utf8_text`, in text order. Accepts any bytes: a malformed byte is a
  // one-byte DEFAULT-category character. Offsets are within the text and never decrease.
  // Runs in time linear in the text length (times the dictionary's longest word).
  // Throws std::length_error for texts of 4 GiB or more.
  std::vector<Morpheme> segment(std::string_view utf8_text);

 private:
  enum class Source : std::uint8_t { kBos, kSystem, kUnknown, kUser };
  struct Node {
    std::int64_t cost;       // cheapest path cost from BOS through this node
    std::uint32_t prev;      // index of the previous node on that path
    std::uint32_t enext;     // next node ending at the same position (MeCab's list order)
    std::uint32_t begin;     // surface start (after skipped whitespace)
    std::uint32_t end;       // surface end
    std::uint32_t entry;     // token index in its source
    std::int32_t word_cost;  // token cost plus any space penalty
    std::uint16_t left_id;
    std::uint16_t right_id;
    std::uint16_t pos_id;
    Source source;
  };

  void scan_characters(std::string_view text);
  void add_candidates(std::string_view text, std::uint32_t pos);
  void add_unknowns(std::uint32_t pos, std::uint32_t begin, std::uint32_t end, CharInfo info);
  void add_node(std::uint32_t pos, std::uint32_t begin, std::uint32_t end, Source source, std::uint32_t entry,
                std::uint16_t left_id, std::uint16_t right_id, std::uint16_t pos_id, int cost);
  void connect(std::uint32_t pos, std::size_t first_new_node);
  void compact(std::uint32_t pos, std::vector<Morpheme>& out);
  void append_path(std::uint32_t last, std::vector<Morpheme>& out) const;
  Morpheme to_morpheme(const Node& node) const;
  void finish(std::string_view text, std::vector<Morpheme>& out) const;

  std::shared_ptr<const Dictionary> dictionary_;
  Options options_;
  // Scratch, indexed by byte position of the current text (valid at character starts).
  std::vector<std::uint8_t> char_length_;
  std::vector<std::uint32_t> char_info_;  // raw CharInfo
  std::vector<std::uint32_t> run_end_;    // end of the run of same-kind neighbours from here
  std::vector<std::uint32_t> end_head_;   // first node ending at a position, or kNone
  std::vector<Node> nodes_;               // nodes_[0] is BOS, or the last emitted node
  // connect()'s scratch: the nodes ending at the position it connects, and the best of them
  // for each left id, valid for the connect() call numbered in its `at`.
  struct Predecessor {
    std::int64_t cost;
    std::uint32_t node;
    std::uint16_t right_id;
  };
  struct BestPredecessor {
    std::int64_t cost;
    std::uint32_t node;
    std::uint32_t at;  // connect() call it was found in; 0: never
  };
  std::vector<Predecessor> predecessors_;
  std::vector<BestPredecessor> best_for_left_id_;
  std::uint32_t connect_calls_ = 0;
  std::uint32_t max_end_ = 0;   // furthest node end so far
  std::size_t compact_at_ = 0;  // node count that triggers compact()
};

}  // namespace sinmun::morph

#endif  // SINMUN_ANALYZERS_MORPH_SEGMENTER_H_
