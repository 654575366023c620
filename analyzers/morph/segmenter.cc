#include "analyzers/morph/segmenter.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

namespace sinmun::morph {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
// MeCab looks at most this many bytes ahead of a lookup position.
constexpr std::uint32_t kMaxLookahead = 65535;
// MeCab's default max-grouping-size: a same-kind run is one unknown word only up to this
// many characters after its first one.
constexpr std::size_t kMaxGroupingSize = 24;

}  // namespace

Segmenter::Segmenter(std::shared_ptr<const Dictionary> dictionary) : Segmenter(std::move(dictionary), Options{}) {}

Segmenter::Segmenter(std::shared_ptr<const Dictionary> dictionary, Options options)
    : dictionary_(std::move(dictionary)), options_(options) {
  if (!dictionary_) throw std::invalid_argument("Segmenter: null dictionary");
}

void Segmenter::scan_characters(std::string_view text) {
  const std::size_t size = text.size();
  char_length_.assign(size + 1, 0);
  char_info_.resize(size + 1);
  run_end_.resize(size + 1);
  const CharProperty& chars = dictionary_->chars();
  for (std::size_t pos = 0; pos < size;) {
    const DecodedChar c = decode_utf8(text.substr(pos));
    char_length_[pos] = static_cast<std::uint8_t>(c.length);
    char_info_[pos] = chars.info(c.code).raw();
    pos += c.length;
  }
  // Walking backwards makes every run end O(1) to look up, which keeps long runs of one
  // kind (ㄱㄱㄱ…, spaces) linear where MeCab rescans them from every position.
  auto next = static_cast<std::uint32_t>(size);
  for (std::size_t pos = size; pos-- > 0;) {
    if (char_length_[pos] == 0) continue;
    const bool joins = next < size && CharInfo(char_info_[pos]).is_kind_of(CharInfo(char_info_[next]));
    run_end_[pos] = joins ? run_end_[next] : next;
    next = static_cast<std::uint32_t>(pos);
  }
}

void Segmenter::add_node(std::uint32_t pos, std::uint32_t begin, std::uint32_t end, Source source, std::uint32_t entry,
                         std::uint16_t left_id, std::uint16_t right_id, std::uint16_t pos_id, int cost) {
  // mecab-ko's penalty: the word's surface starts after skipped whitespace (rlength != length).
  if (options_.space_penalty && begin != pos) cost += dictionary_->space_penalty(pos_id);
  nodes_.push_back(Node{0, kNone, kNone, begin, end, entry, cost, left_id, right_id, pos_id, source});
}

void Segmenter::add_unknowns(std::uint32_t pos, std::uint32_t begin, std::uint32_t end, CharInfo info) {
  const auto templates = dictionary_->unknown_templates(info.default_category());
  const DictionaryToken* first = dictionary_->unknown().tokens().data();
  for (const DictionaryToken& t : templates) {
    add_node(pos, begin, end, Source::kUnknown, static_cast<std::uint32_t>(&t - first), t.left_id, t.right_id, t.pos_id,
             t.cost);
  }
}

// MeCab's Tokenizer::lookup, node for node and in the same order (the order breaks ties).
void Segmenter::add_candidates(std::string_view text, std::uint32_t pos) {
  const auto size = static_cast<std::uint32_t>(text.size());
  const CharProperty& chars = dictionary_->chars();
  std::uint32_t begin = pos;
  if (CharInfo(char_info_[pos]).is_kind_of(chars.info(U' '))) begin = run_end_[pos];
  if (begin == size) return;  // only whitespace is left: nothing starts here
  // MeCab caps the look-ahead at 65535 bytes from the lookup position, whitespace included;
  // past that its 16-bit node lengths wrap and words vanish. We count the cap from the word
  // start instead, which is identical for whitespace runs MeCab handles correctly.
  std::uint32_t limit = size - begin > kMaxLookahead ? begin + kMaxLookahead : size;
  while (char_length_[limit] == 0 && limit < size) --limit;

  const std::size_t first_node = nodes_.size();
  const std::string_view rest = text.substr(begin, limit - begin);
  const DictionaryToken* system_first = dictionary_->system().tokens().data();
  dictionary_->system().common_prefix_search(rest, [&](std::span<const DictionaryToken> tokens, std::size_t length) {
    for (const DictionaryToken& t : tokens) {
      add_node(pos, begin, begin + static_cast<std::uint32_t>(length), Source::kSystem,
               static_cast<std::uint32_t>(&t - system_first), t.left_id, t.right_id, t.pos_id, t.cost);
    }
  });
  const UserDictionary& user = dictionary_->user();
  user.common_prefix_search(rest, [&](const UserEntry& e, std::size_t length) {
    add_node(pos, begin, begin + static_cast<std::uint32_t>(length), Source::kUser,
             static_cast<std::uint32_t>(&e - user.entries().data()), e.left_id, e.right_id, e.pos_id, e.cost);
  });

  const CharInfo info(char_info_[begin]);
  if (nodes_.size() > first_node && !info.invoke()) return;

  const std::uint32_t second = begin + char_length_[begin];
  std::uint32_t group_end = kNone;
  if (info.group()) {
    group_end = std::min(run_end_[begin], limit);
    std::size_t count = 0;
    for (std::uint32_t p = second; p < group_end && count <= kMaxGroupingSize; p += char_length_[p]) ++count;
    if (count <= kMaxGroupingSize) add_unknowns(pos, begin, group_end, info);
  }
  std::uint32_t end = second;
  for (std::uint32_t i = 1; i <= info.length(); ++i) {
    if (end == group_end) break;  // the group already covers this length and all longer ones
    add_unknowns(pos, begin, end, info);
    if (end >= limit || !info.is_kind_of(CharInfo(char_info_[end]))) break;
    end += char_length_[end];
  }
  if (nodes_.size() == first_node) add_unknowns(pos, begin, second, info);
}

// MeCab's connect(): every new node picks its best predecessor among the nodes ending at
// `pos`, visiting candidates in MeCab's list order with a strict '<' so ties resolve alike.
// The choice depends only on the new node's left id, and the candidates at one position
// share few left ids (a syllable's dictionary words are a handful of parts of speech), so
// each left id's best is found once per position, over a copy of the candidates laid out
// contiguously instead of chased through the lattice.
void Segmenter::connect(std::uint32_t pos, std::size_t first_new_node) {
  const ConnectionMatrix& matrix = dictionary_->matrix();
  predecessors_.clear();
  for (std::uint32_t l = end_head_[pos]; l != kNone; l = nodes_[l].enext) {
    predecessors_.push_back({nodes_[l].cost, l, nodes_[l].right_id});
  }
  if (best_for_left_id_.empty()) best_for_left_id_.assign(matrix.right_size(), {0, kNone, 0});
  if (++connect_calls_ == 0) {  // wrapped: forget every stamp
    for (BestPredecessor& b : best_for_left_id_) b.at = 0;
    connect_calls_ = 1;
  }
  for (std::size_t i = nodes_.size(); i-- > first_new_node;) {
    Node& right = nodes_[i];
    BestPredecessor& best = best_for_left_id_[right.left_id];
    if (best.at != connect_calls_) {
      best = {std::numeric_limits<std::int64_t>::max(), kNone, connect_calls_};
      for (const Predecessor& left : predecessors_) {
        const std::int64_t cost = left.cost + matrix.cost(left.right_id, right.left_id);
        if (cost < best.cost) {
          best.cost = cost;
          best.node = left.node;
        }
      }
    }
    right.prev = best.node;
    right.cost = best.cost + right.word_cost;
    right.enext = end_head_[right.end];
    end_head_[right.end] = static_cast<std::uint32_t>(i);
    max_end_ = std::max(max_end_, right.end);
  }
}

Morpheme Segmenter::to_morpheme(const Node& node) const {
  Morpheme m;
  m.begin = node.begin;
  m.end = node.end;
  m.pos_id = node.pos_id;
  switch (node.source) {
    case Source::kSystem:
      m.feature = dictionary_->system().feature(dictionary_->system().tokens()[node.entry]);
      break;
    case Source::kUnknown:
      m.feature = dictionary_->unknown().feature(dictionary_->unknown().tokens()[node.entry]);
      m.unknown = true;
      break;
    case Source::kUser: {
      const UserEntry& entry = dictionary_->user().entries()[node.entry];
      m.feature = entry.feature;
      m.system_reading = entry.system_reading;
      m.user = true;
      break;
    }
    case Source::kBos:
      break;
  }
  m.pos = feature_field(m.feature, 0);
  // pos-id.def gives classes, not tags (every ending is 100, every compound 1), so the tag is
  // read from the feature, once, here.
  m.tag = parse_pos_tag(m.pos);
  return m;
}

// Appends the path from the root (nodes_[0], excluded) to `last` in text order.
void Segmenter::append_path(std::uint32_t last, std::vector<Morpheme>& out) const {
  const std::size_t first = out.size();
  for (std::uint32_t n = last; n != 0 && n != kNone; n = nodes_[n].prev) out.push_back(to_morpheme(nodes_[n]));
  std::reverse(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
}

// MeCab connects EOS (left id 0) at the last position where some node ends.
void Segmenter::finish(std::string_view text, std::vector<Morpheme>& out) const {
  const ConnectionMatrix& matrix = dictionary_->matrix();
  std::size_t last = text.size();
  while (end_head_[last] == kNone) --last;  // the root ends at or before every live node
  std::int64_t best_cost = std::numeric_limits<std::int64_t>::max();
  std::uint32_t best = kNone;
  for (std::uint32_t l = end_head_[last]; l != kNone; l = nodes_[l].enext) {
    const std::int64_t cost = nodes_[l].cost + matrix.cost(nodes_[l].right_id, 0);
    if (cost < best_cost) {
      best_cost = cost;
      best = l;
    }
  }
  append_path(best, out);
}

// Every path to EOS runs through a live node (one ending at `pos` or later), and their best
// predecessors are final. Where all those back-pointer chains meet, the path up to the meeting
// node is settled: emit it, make that node the root, and keep only the nodes still reachable.
void Segmenter::compact(std::uint32_t pos, std::vector<Morpheme>& out) {
  const std::size_t count = nodes_.size();
  std::vector<std::uint32_t> children(count, 0);
  std::vector<std::uint32_t> only_child(count, kNone);
  std::vector<bool> keep(count, false);
  for (std::uint32_t p = pos; p <= max_end_; ++p) {
    for (std::uint32_t l = end_head_[p]; l != kNone; l = nodes_[l].enext) {
      for (std::uint32_t n = l; n != 0 && !keep[n]; n = nodes_[n].prev) {
        keep[n] = true;
        ++children[nodes_[n].prev];
        only_child[nodes_[n].prev] = n;
      }
    }
  }
  std::uint32_t root = 0;
  while (children[root] == 1 && nodes_[only_child[root]].end < pos) root = only_child[root];
  append_path(root, out);
  for (std::uint32_t n = root; n != 0; n = nodes_[n].prev) keep[n] = false;

  std::vector<std::uint32_t> index(count, kNone);
  std::vector<Node> kept;
  kept.push_back(nodes_[root]);
  index[root] = 0;
  for (std::uint32_t n = 0; n < count; ++n) {
    if (!keep[n]) continue;
    index[n] = static_cast<std::uint32_t>(kept.size());
    kept.push_back(nodes_[n]);
  }
  const auto remap = [&](std::uint32_t n) { return n == kNone ? kNone : index[n]; };
  for (Node& node : kept) {
    node.prev = remap(node.prev);
    node.enext = remap(node.enext);
  }
  kept[0].prev = kNone;
  kept[0].enext = kNone;
  for (std::uint32_t p = pos; p <= max_end_; ++p) end_head_[p] = remap(end_head_[p]);
  nodes_ = std::move(kept);
  // If little was freed there is no meeting point yet; wait for the lattice to double.
  compact_at_ = std::max(options_.max_lattice_nodes, 2 * nodes_.size());
}

std::vector<Morpheme> Segmenter::segment(std::string_view utf8_text) {
  if (utf8_text.size() >= kNone) throw std::length_error("Segmenter::segment: text of 4 GiB or more");
  std::vector<Morpheme> result;
  if (utf8_text.empty()) return result;
  const auto size = static_cast<std::uint32_t>(utf8_text.size());
  scan_characters(utf8_text);
  end_head_.assign(size + 1, kNone);
  nodes_.clear();
  nodes_.push_back(Node{0, kNone, kNone, 0, 0, 0, 0, 0, 0, 0, Source::kBos});
  end_head_[0] = 0;
  max_end_ = 0;
  compact_at_ = std::max<std::size_t>(options_.max_lattice_nodes, 1);
  for (std::uint32_t pos = 0; pos < size; ++pos) {
    if (end_head_[pos] == kNone) continue;
    if (nodes_.size() >= compact_at_) compact(pos, result);
    const std::size_t first_new_node = nodes_.size();
    add_candidates(utf8_text, pos);
    connect(pos, first_new_node);
  }
  finish(utf8_text, result);
  return result;
}

}  // namespace sinmun::morph
