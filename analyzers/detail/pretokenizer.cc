#include "analyzers/detail/pretokenizer.h"

#include "analyzers/detail/unicode_class.h"

namespace sinmun {
namespace {

bool is_letter(char32_t c) { return is_alnum(c) && !is_digit(c); }

// Length of an alphanumeric piece starting at `begin`.
std::size_t scan_alnum(const std::vector<NormalizedChar>& text, std::size_t begin) {
  const auto at = [&](std::size_t k) { return k < text.size() ? text[k].code_point : U'\0'; };
  std::size_t k = begin;
  while (k < text.size()) {
    const char32_t c = text[k].code_point;
    if (is_alnum(c)) {
      ++k;
      continue;
    }
    const char32_t prev = at(k - 1);
    const char32_t next = at(k + 1);
    if ((c == '-' || c == '.') && is_alnum(next)) {
      ++k;
      continue;
    }
    if (c == ',' && is_digit(prev) && is_digit(at(k + 1)) && is_digit(at(k + 2)) && is_digit(at(k + 3)) &&
        !is_digit(at(k + 4))) {
      k += 4;
      continue;
    }
    if ((c == '+' || c == '#') && (is_letter(prev) || prev == '+') && !is_alnum(next)) {
      ++k;
      continue;
    }
    break;
  }
  return k - begin;
}

// Korean numeral units that belong to a number written in digits: 300만, 3500억, 2조.
bool is_numeral_unit(char32_t c) {
  return c == U'십' || c == U'백' || c == U'천' || c == U'만' || c == U'억' || c == U'조' || c == U'경';
}

bool is_number(const std::vector<NormalizedChar>& text, std::size_t begin, std::size_t end) {
  for (std::size_t k = begin; k < end; ++k) {
    const char32_t c = text[k].code_point;
    if (!is_digit(c) && c != '.' && c != ',') return false;
  }
  return true;
}

PieceKind kind_of(char32_t c) { return is_hangul(c) ? PieceKind::kHangul : PieceKind::kCjk; }

}  // namespace

std::vector<Piece> pretokenize(const std::vector<NormalizedChar>& text) {
  std::vector<Piece> pieces;
  bool after_space = true;
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t c = text[i].code_point;
    Piece piece;
    piece.begin = i;
    piece.after_space = after_space;
    if (is_alnum(c)) {
      piece.kind = PieceKind::kAlnum;
      piece.end = i + scan_alnum(text, i);
      if (is_number(text, piece.begin, piece.end)) {
        while (piece.end < text.size() && is_numeral_unit(text[piece.end].code_point)) ++piece.end;
      }
      for (std::size_t k = piece.begin; k < piece.end; ++k) {
        if (text[k].code_point != ',') append_utf8(piece.text, text[k].code_point);
      }
    } else if (is_hangul(c) || is_cjk(c)) {
      piece.kind = kind_of(c);
      std::size_t k = i;
      while (k < text.size() && (is_hangul(text[k].code_point) || is_cjk(text[k].code_point)) &&
             kind_of(text[k].code_point) == piece.kind) {
        append_utf8(piece.text, text[k].code_point);
        ++k;
      }
      piece.end = k;
    } else {
      after_space = is_whitespace(c);
      ++i;
      continue;
    }
    pieces.push_back(std::move(piece));
    after_space = false;
    i = pieces.back().end;
  }
  return pieces;
}

}  // namespace sinmun
