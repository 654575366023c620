#include "analyzers/analyzer.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "analyzers/detail/hanja_abbreviation.h"
#include "analyzers/detail/morph_terms.h"
#include "analyzers/detail/ngram.h"
#include "analyzers/detail/normalizer.h"
#include "analyzers/detail/pretokenizer.h"
#include "analyzers/detail/unicode_class.h"
#include "analyzers/morph/segmenter.h"
#include "base/errors.h"

namespace sinmun {
namespace {

std::atomic<std::uint64_t> next_analyzer_id{1};

// Text segmented around a piece: one character before it, and a word after a piece that
// ends like a particle, because mecab-ko's choice at the end of a text is biased by the end
// of a sentence: alone, 한국의 is 한/국의, 이를 이르/VV and H200의 ends in 의/NNG, while before
// another word they are 한국/의, 이/를 and 의/JKG, as in running text. A fixed word keeps each
// piece analysed the same way everywhere (and cacheable). A plain noun (정부) follows any
// particle naturally; 것 would not (이를 것 reads as 이르 + ㄹ 것), and after other endings any
// word skews more than it helps (한국산 정부, 글로벌 것): measured on the context-agreement
// and key sets of ../shared/data (dev), 95.8% → 98.7% and 95.1% → 95.3%. A piece glued to
// Latin or digits (H200을, 12단) always gets the word: there a lone syllable is the rule.
struct PieceContext {
  std::string before;
  std::string after;
};

constexpr const char* kWordAfter = " 정부";

bool is_number(const std::string& text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

// The last syllables of the common particles (의 에 은 는 이 가 을 를 로 와 과 도 만, and
// 에서 부터 까지 에게 께 랑 나 며 through their last syllable).
bool ends_like_a_particle(const std::string& text) {
  static constexpr std::string_view kLast[] = {"의", "에", "은", "는", "이", "가", "을", "를", "로", "와", "과",
                                               "도", "만", "서", "터", "지", "게", "께", "랑", "나", "며"};
  for (std::string_view last : kLast) {
    if (text.size() > last.size() && text.ends_with(last)) return true;
  }
  return false;
}

PieceContext piece_context(const Piece& piece, const Piece* previous) {
  const std::string after = ends_like_a_particle(piece.text) ? kWordAfter : "";
  // After white space a space, so that mecab-ko's space penalty keeps an eojeol from
  // starting with a particle or an ending.
  if (piece.after_space) return {" ", after};
  if (previous && previous->end == piece.begin && previous->kind == PieceKind::kAlnum) {
    return {is_number(previous->text) ? "0" : "a", kWordAfter};
  }
  return {"", after};
}

// Original byte offset of a byte offset into a piece's normalised text.
class PieceOffsets {
 public:
  PieceOffsets(const std::vector<NormalizedChar>& text, const Piece& piece) : text_(text), piece_(piece) {
    std::size_t byte = 0;
    for (std::size_t k = piece.begin; k < piece.end; ++k) {
      char_start_.push_back(byte);
      byte += utf8_length(text[k].code_point);
    }
    char_start_.push_back(byte);
  }

  std::size_t start(std::size_t byte) const { return text_[char_at(byte)].start; }
  std::size_t end(std::size_t byte) const { return text_[char_at(byte - 1)].end; }

 private:
  static std::size_t utf8_length(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }
  std::size_t char_at(std::size_t byte) const {
    const auto it = std::upper_bound(char_start_.begin(), char_start_.end(), byte);
    return piece_.begin + static_cast<std::size_t>(it - char_start_.begin()) - 1;
  }

  const std::vector<NormalizedChar>& text_;
  const Piece& piece_;
  std::vector<std::size_t> char_start_;
};

Token word_token(const std::vector<NormalizedChar>& text, const Piece& piece, std::uint32_t position,
                 std::uint32_t piece_number) {
  Token token;
  token.term = piece.text;
  token.start = text[piece.begin].start;
  token.end = text[piece.end - 1].end;
  token.position = position;
  token.kind = TokenKind::kWord;
  token.piece = piece_number;
  return token;
}

// The word of an alphanumeric piece, and over it, as a whole with the word as its part:
// - a number followed by a percent sign, "2.50%" (kAffixed: a search for 2.50% wants that
//   figure, one for 2.50 still finds it);
// - a number written with digit-group commas as written, "1,438.2" over 1438.2 (kCompound:
//   the parts spell it out, so a search for 3,500억 finds 3500억 and the reverse).
void append_word(const std::vector<NormalizedChar>& text, const Piece& piece, std::uint32_t position,
                 std::uint32_t piece_number, std::vector<Token>& out) {
  Token word = word_token(text, piece, position, piece_number);
  Token whole = word;
  if (piece.end < text.size() && text[piece.end].code_point == U'%' && is_number(piece.text)) {
    whole.term += '%';
    whole.end = text[piece.end].end;
    whole.role = TokenRole::kAffixed;
  } else {
    std::string written;
    for (std::size_t k = piece.begin; k < piece.end; ++k) append_utf8(written, text[k].code_point);
    if (written == piece.text) {
      out.push_back(std::move(word));
      return;
    }
    whole.term = std::move(written);
    whole.role = TokenRole::kCompound;
  }
  word.role = TokenRole::kPart;
  word.compound = static_cast<std::uint32_t>(out.size());
  out.push_back(std::move(whole));
  out.push_back(std::move(word));
}

// The n-grams of a piece, numbered as the piece; a lone syllable is marked as one.
std::uint32_t append_piece_ngrams(const std::vector<NormalizedChar>& text, const Piece& piece,
                                  std::uint32_t piece_number, std::uint32_t position, std::vector<Token>& out) {
  const std::size_t first = out.size();
  const std::uint32_t used = append_ngrams(text, piece, position, out);
  for (std::size_t i = first; i < out.size(); ++i) {
    out[i].piece = piece_number;
    if (piece.end - piece.begin == 1) out[i].role = TokenRole::kSyllable;
  }
  return used;
}

// Rough heap bytes of one cache entry: the key, the terms and their strings, and the hash
// node around them.
std::size_t entry_bytes(const std::string& key, const std::vector<PieceTerm>& terms) {
  std::size_t bytes = 64 + key.capacity() + terms.capacity() * sizeof(PieceTerm);
  for (const PieceTerm& term : terms) bytes += term.term.capacity() + term.tags.capacity();
  return bytes;
}

}  // namespace

struct AnalysisContext::Internal {
  explicit Internal(std::size_t limit) : cache_limit(limit) {}

  // The content terms of `piece` (with `context` around it in the segmented text).
  const std::vector<PieceTerm>& terms(std::uint64_t id, const std::shared_ptr<const morph::Dictionary>& dictionary,
                                      const Piece& piece, const PieceContext& context) {
    if (id != analyzer_id) {
      analyzer_id = id;
      segmenter = std::make_unique<morph::Segmenter>(dictionary);
      cache.clear();
      cache_bytes = 0;
    }
    std::string key = context.before + piece.text + context.after;
    if (const auto it = cache.find(key); it != cache.end()) return it->second;
    std::vector<morph::Morpheme> morphemes;
    const std::size_t offset = context.before.size();
    for (morph::Morpheme& m : segmenter->segment(key)) {
      if (m.begin < offset || m.end > offset + piece.text.size()) continue;
      m.begin -= offset;
      m.end -= offset;
      morphemes.push_back(m);
    }
    std::vector<PieceTerm> found = content_terms(piece.text, morphemes);
    const std::size_t bytes = entry_bytes(key, found);
    if (cache_bytes + bytes > cache_limit) {
      cache.clear();
      cache_bytes = 0;
    }
    if (bytes > cache_limit) {  // never kept: answered from scratch space
      uncached = std::move(found);
      return uncached;
    }
    cache_bytes += bytes;
    return cache.emplace(std::move(key), std::move(found)).first->second;
  }

  const std::size_t cache_limit;
  std::uint64_t analyzer_id = 0;
  std::unique_ptr<morph::Segmenter> segmenter;
  std::unordered_map<std::string, std::vector<PieceTerm>> cache;
  std::size_t cache_bytes = 0;
  std::vector<PieceTerm> uncached;
};

AnalysisContext::AnalysisContext(std::size_t cache_bytes) : internal_(std::make_unique<Internal>(cache_bytes)) {}
AnalysisContext::~AnalysisContext() = default;
std::size_t AnalysisContext::cache_bytes_used() const { return internal_->cache_bytes; }

std::string analysis_mode_name(AnalysisMode mode) {
  switch (mode) {
    case AnalysisMode::kNgram:
      return "ngram";
    case AnalysisMode::kMorpheme:
      return "morph";
    case AnalysisMode::kMorphemeNgram:
      return "morph+ngram";
  }
  return "?";
}

AnalysisMode parse_analysis_mode(const std::string& name) {
  for (AnalysisMode mode : {AnalysisMode::kNgram, AnalysisMode::kMorpheme, AnalysisMode::kMorphemeNgram}) {
    if (name == analysis_mode_name(mode)) return mode;
  }
  throw UsageError("analysis mode must be ngram, morph or morph+ngram, not '" + name + "'");
}

Analyzer::Analyzer() : mode_(AnalysisMode::kNgram), id_(next_analyzer_id++) {}

Analyzer::Analyzer(std::shared_ptr<const morph::Dictionary> dictionary, AnalysisMode mode)
    : dictionary_(std::move(dictionary)), mode_(mode), id_(next_analyzer_id++) {
  if (mode_ == AnalysisMode::kNgram) dictionary_.reset();
  if (mode_ != AnalysisMode::kNgram && !dictionary_) {
    throw UsageError("analysis mode '" + analysis_mode_name(mode_) + "' needs a dictionary");
  }
}

std::vector<Token> Analyzer::analyze(std::string_view text) const {
  AnalysisContext context(0);
  return analyze(text, context);
}

std::vector<Token> Analyzer::analyze(std::string_view text, AnalysisContext& context) const {
  std::vector<NormalizedChar> normalized = normalize(text);
  expand_hanja_abbreviations(normalized);
  const std::vector<Piece> pieces = pretokenize(normalized);
  std::vector<Token> tokens;

  if (!dictionary_) {
    std::uint32_t position = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      const auto number = static_cast<std::uint32_t>(i);
      if (pieces[i].kind == PieceKind::kAlnum) {
        append_word(normalized, pieces[i], position++, number, tokens);
      } else {
        position += append_piece_ngrams(normalized, pieces[i], number, position, tokens);
      }
    }
    return tokens;
  }

  std::uint32_t position = 0;        // words and morphemes
  std::uint32_t ngram_position = 0;  // n-grams
  std::vector<Token> piece_tokens;
  std::vector<std::size_t> order;
  std::vector<std::uint32_t> index_in_stream;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const Piece& piece = pieces[i];
    const auto number = static_cast<std::uint32_t>(i);
    if (piece.kind == PieceKind::kAlnum) {
      append_word(normalized, piece, position++, number, tokens);
      continue;
    }
    const std::vector<PieceTerm>& terms =
        context.internal_->terms(id_, dictionary_, piece, piece_context(piece, i > 0 ? &pieces[i - 1] : nullptr));
    const PieceOffsets offsets(normalized, piece);
    piece_tokens.clear();
    std::uint32_t used = 0;
    for (const PieceTerm& term : terms) {
      Token token;
      token.term = term.term;
      token.start = offsets.start(term.begin);
      token.end = offsets.end(term.end);
      token.position = position + term.position;
      token.position_length = term.position_length;
      token.kind = TokenKind::kMorpheme;
      token.role = term.role;
      token.piece = number;
      token.compound = term.compound;  // an index into `terms` for now
      token.pos = term.pos;
      token.tags = term.tags;
      used = std::max(used, term.position + term.position_length);
      piece_tokens.push_back(std::move(token));
    }
    const std::size_t morphemes = piece_tokens.size();
    position += used == 0 && piece.after_space ? 1 : used;
    if (has_ngrams()) {
      ngram_position += append_piece_ngrams(normalized, piece, number, ngram_position, piece_tokens) + 1;
    }
    // Morphemes and n-grams of the piece merge by start offset (a compound before its first
    // part, morphemes before n-grams at one offset); a part's compound index then follows
    // its compound to the compound's place in the stream.
    order.resize(piece_tokens.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return piece_tokens[a].start < piece_tokens[b].start; });
    index_in_stream.assign(morphemes, kNoCompound);
    for (std::size_t k = 0; k < order.size(); ++k) {
      if (order[k] < morphemes) index_in_stream[order[k]] = static_cast<std::uint32_t>(tokens.size() + k);
    }
    for (const std::size_t k : order) {
      Token& token = piece_tokens[k];
      if (token.compound != kNoCompound) token.compound = index_in_stream[token.compound];
      tokens.push_back(std::move(token));
    }
  }
  return tokens;
}

}  // namespace sinmun
