#ifndef SINMUN_TESTS_ANALYZERS_GOLDEN_H_
#define SINMUN_TESTS_ANALYZERS_GOLDEN_H_

#include <string>
#include <vector>

#include "analyzers/token.h"

namespace sinmun::testing {

// Compact golden encoding of a token stream: "term@position[start-end]kind" joined by
// spaces, kind being w (word), m (morpheme) or n (n-gram); "/len" follows the position when
// the token spans more than one.
inline std::string encode(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.term + "@" + std::to_string(t.position);
    if (t.position_length != 1) out += "/" + std::to_string(t.position_length);
    out += "[" + std::to_string(t.start) + "-" + std::to_string(t.end) + "]";
    out += t.kind == TokenKind::kWord ? "w" : t.kind == TokenKind::kMorpheme ? "m" : "n";
  }
  return out;
}

// The structure of a token stream: "term#piece:role" joined by spaces, with "<compound"
// (the compound's term) after a part and "/POS" after a morpheme.
inline std::string encode_structure(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.term + "#" + std::to_string(t.piece) + ":" + token_role_name(t.role);
    if (t.compound != kNoCompound) out += "<" + tokens.at(t.compound).term;
    if (t.pos != PosTag::kNone) out += "/" + std::string(pos_tag_name(t.pos));
  }
  return out;
}

}  // namespace sinmun::testing

#endif  // SINMUN_TESTS_ANALYZERS_GOLDEN_H_
