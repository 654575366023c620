#include "analyzers/analyzer.h"

#include "analyzers/ngram.h"
#include "analyzers/normalizer.h"
#include "analyzers/pretokenizer.h"

namespace sinmun {

const char* token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord:
      return "word";
    case TokenKind::kMorpheme:
      return "morph";
    case TokenKind::kNgram:
      return "ngram";
  }
  return "?";
}

std::vector<Token> Analyzer::analyze(std::string_view text) const {
  const std::vector<NormalizedChar> normalized = normalize(text);
  std::vector<Token> tokens;
  std::uint32_t position = 0;
  for (const Piece& piece : pretokenize(normalized)) {
    if (piece.kind == PieceKind::kAlnum) {
      Token token;
      token.term = piece.text;
      token.start = normalized[piece.begin].start;
      token.end = normalized[piece.end - 1].end;
      token.position = position++;
      token.kind = TokenKind::kWord;
      tokens.push_back(std::move(token));
    } else {
      position += append_ngrams(normalized, piece, position, tokens);
    }
  }
  return tokens;
}

}  // namespace sinmun
