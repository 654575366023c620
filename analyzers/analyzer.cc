#include "analyzers/analyzer.h"

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <unordered_map>

#include "analyzers/morph/segmenter.h"
#include "analyzers/morph_terms.h"
#include "analyzers/ngram.h"
#include "analyzers/normalizer.h"
#include "analyzers/pretokenizer.h"

namespace sinmun {
namespace {

std::atomic<std::uint64_t> next_analyzer_id{1};

// Text segmented around a piece: one character before it, and for a piece glued to Latin
// or digits a following word too, because mecab-ko's choice for a lone syllable at the end
// of a text is biased by the end of sentence (H200의 → 의/NNG, but 의/JKG before a word).
struct PieceContext {
  std::string before;
  std::string after;
};

PieceContext piece_context(const Piece& piece, const Piece* previous) {
  // After white space a space, so that mecab-ko's space penalty keeps an eojeol from
  // starting with a particle or an ending.
  if (piece.after_space) return {" ", ""};
  if (previous && previous->end == piece.begin && previous->kind == PieceKind::kAlnum) {
    const bool number = std::all_of(previous->text.begin(), previous->text.end(),
                                    [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
    return {number ? "0" : "a", " 것"};
  }
  return {"", ""};
}

// Pieces repeat a lot in news (수출을, 밝혔다), so each thread remembers the terms of the
// pieces it has analysed; analysing a piece on its own also makes one word analyse the
// same way everywhere, in every document and in queries.
class PieceCache {
 public:
  const std::vector<PieceTerm>& terms(std::uint64_t analyzer_id,
                                      const std::shared_ptr<const morph::Dictionary>& dictionary,
                                      const Piece& piece, const Piece* previous) {
    if (analyzer_id != analyzer_id_) {
      analyzer_id_ = analyzer_id;
      segmenter_ = std::make_unique<morph::Segmenter>(dictionary);
      cache_.clear();
    }
    const PieceContext context = piece_context(piece, previous);
    std::string key = context.before + piece.text + context.after;
    if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
    if (cache_.size() >= kMaxEntries) cache_.clear();
    std::vector<morph::Morpheme> morphemes;
    const std::size_t offset = context.before.size();
    for (morph::Morpheme& m : segmenter_->segment(key)) {
      if (m.begin < offset || m.end > offset + piece.text.size()) continue;
      m.begin -= offset;
      m.end -= offset;
      morphemes.push_back(m);
    }
    std::vector<PieceTerm> terms = content_terms(piece.text, morphemes);
    return cache_.emplace(std::move(key), std::move(terms)).first->second;
  }

 private:
  static constexpr std::size_t kMaxEntries = 200000;
  std::uint64_t analyzer_id_ = 0;
  std::unique_ptr<morph::Segmenter> segmenter_;
  std::unordered_map<std::string, std::vector<PieceTerm>> cache_;
};

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

Token word_token(const std::vector<NormalizedChar>& text, const Piece& piece, std::uint32_t position) {
  Token token;
  token.term = piece.text;
  token.start = text[piece.begin].start;
  token.end = text[piece.end - 1].end;
  token.position = position;
  token.kind = TokenKind::kWord;
  return token;
}

}  // namespace

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
  throw std::invalid_argument("analysis mode must be ngram, morph or morph+ngram, not '" + name + "'");
}

Analyzer::Analyzer() : mode_(AnalysisMode::kNgram), id_(next_analyzer_id++) {}

Analyzer::Analyzer(std::shared_ptr<const morph::Dictionary> dictionary, AnalysisMode mode)
    : dictionary_(std::move(dictionary)), mode_(mode), id_(next_analyzer_id++) {
  if (mode_ == AnalysisMode::kNgram) dictionary_.reset();
  if (mode_ != AnalysisMode::kNgram && !dictionary_) {
    throw std::invalid_argument("analysis mode '" + analysis_mode_name(mode_) + "' needs a dictionary");
  }
}

std::vector<Token> Analyzer::analyze(std::string_view text) const {
  const std::vector<NormalizedChar> normalized = normalize(text);
  const std::vector<Piece> pieces = pretokenize(normalized);
  std::vector<Token> tokens;

  if (!dictionary_) {
    std::uint32_t position = 0;
    for (const Piece& piece : pieces) {
      if (piece.kind == PieceKind::kAlnum) {
        tokens.push_back(word_token(normalized, piece, position++));
      } else {
        position += append_ngrams(normalized, piece, position, tokens);
      }
    }
    return tokens;
  }

  thread_local PieceCache cache;
  std::uint32_t position = 0;        // words and morphemes
  std::uint32_t ngram_position = 0;  // n-grams
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const Piece& piece = pieces[i];
    const std::size_t first_token = tokens.size();
    if (piece.kind == PieceKind::kAlnum) {
      tokens.push_back(word_token(normalized, piece, position++));
      continue;
    }
    const std::vector<PieceTerm>& terms = cache.terms(id_, dictionary_, piece, i > 0 ? &pieces[i - 1] : nullptr);
    const PieceOffsets offsets(normalized, piece);
    std::uint32_t used = 0;
    for (const PieceTerm& term : terms) {
      Token token;
      token.term = term.term;
      token.start = offsets.start(term.begin);
      token.end = offsets.end(term.end);
      token.position = position + term.position;
      token.position_length = term.position_length;
      token.kind = TokenKind::kMorpheme;
      token.tags = term.tags;
      used = std::max(used, term.position + term.position_length);
      tokens.push_back(std::move(token));
    }
    position += used == 0 && piece.after_space ? 1 : used;
    if (has_ngrams()) ngram_position += append_ngrams(normalized, piece, ngram_position, tokens) + 1;
    std::stable_sort(tokens.begin() + static_cast<std::ptrdiff_t>(first_token), tokens.end(),
                     [](const Token& a, const Token& b) { return a.start < b.start; });
  }
  return tokens;
}

}  // namespace sinmun
