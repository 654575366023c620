#ifndef SINMUN_ANALYZERS_DETAIL_PRETOKENIZER_H_
#define SINMUN_ANALYZERS_DETAIL_PRETOKENIZER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "analyzers/detail/normalizer.h"

namespace sinmun {

enum class PieceKind {
  kAlnum,   // letters of alphabetic scripts and digits, kept whole: h200, gpt-5, v3.2, 1,438.2
  kHangul,  // a run of Hangul syllables or jamo
  kCjk,     // a run of Han ideographs or kana
};

// A maximal run of one kind in normalised text. Whitespace, punctuation, symbols and the
// middle dot separate pieces; a change of kind also ends a piece (`트레이니엄3를` is three
// pieces), so particles glued to Latin or digits come apart from them.
struct Piece {
  PieceKind kind = PieceKind::kAlnum;
  std::size_t begin = 0;    // index of the first NormalizedChar
  std::size_t end = 0;      // one past the last
  bool after_space = true;  // the character before is whitespace, or there is none
  std::string text;         // the normalised UTF-8 text; for kAlnum the search term, with digit
                            // group commas removed (1,438.2 → 1438.2)
};

// Splits normalised text into pieces. Inside an alphanumeric piece `-` and `.` join letters
// and digits (gpt-5, v3.2, u.s), `,` joins a digit to a following group of exactly three
// digits (1,438 but not 15,7), `+`/`#` directly after a letter stay with it (c++, c#), and a
// number takes the Korean numeral units glued to it (300만, 3,500억 → 3500억, 3천억), so that
// 3500억달러 and 3,500억 달러 share the term 3500억.
std::vector<Piece> pretokenize(const std::vector<NormalizedChar>& text);

}  // namespace sinmun

#endif  // SINMUN_ANALYZERS_DETAIL_PRETOKENIZER_H_
