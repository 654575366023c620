#include "analyzers/detail/ngram.h"

#include "analyzers/detail/unicode_class.h"

namespace sinmun {

std::uint32_t append_ngrams(const std::vector<NormalizedChar>& text, const Piece& piece, std::uint32_t first_position,
                            std::vector<Token>& out) {
  const std::size_t length = piece.end - piece.begin;
  const std::size_t width = length == 1 ? 1 : 2;
  std::uint32_t position = first_position;
  for (std::size_t k = piece.begin; k + width <= piece.end; ++k, ++position) {
    Token token;
    for (std::size_t m = k; m < k + width; ++m) append_utf8(token.term, text[m].code_point);
    token.start = text[k].start;
    token.end = text[k + width - 1].end;
    token.position = position;
    token.kind = TokenKind::kNgram;
    out.push_back(std::move(token));
  }
  return position - first_position;
}

}  // namespace sinmun
