#ifndef SINMUN_ANALYZERS_DETAIL_MORPH_TERMS_H_
#define SINMUN_ANALYZERS_DETAIL_MORPH_TERMS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/morph/morpheme.h"
#include "analyzers/token.h"

namespace sinmun {

// A term of one Hangul/CJK piece, found by morphological analysis.
struct PieceTerm {
  std::string term;
  std::size_t begin = 0;  // byte offsets into the piece's (normalised) text
  std::size_t end = 0;
  std::uint32_t position = 0;            // relative to the piece's first term
  std::uint32_t position_length = 1;     // a compound spans its parts
  TokenRole role = TokenRole::kWhole;    // kWhole, kCompound, kAffixed or kPart
  std::uint32_t compound = kNoCompound;  // a kPart's compound: its index in the piece's terms
  PosTag pos = PosTag::kNone;            // the first tag of the first morpheme
  std::string tags;                      // POS of the underlying morphemes, e.g. "NNG+NNG"

  bool operator==(const PieceTerm&) const = default;
};

// Turns the morphemes of one piece into index terms:
// - content morphemes are kept: nouns (NNG NNP NNB NNBC NR NP), Latin/number/Hanja
//   (SL SN SH), roots (XR), unknown words whole, and verb/adjective stems (VV VA) in their
//   dictionary form (밝혔 → 밝히);
// - particles, endings, copulas, suffixes (J* E* VCP VCN XS*), auxiliaries (VX), determiners,
//   adverbs, interjections and symbols are dropped — they change no meaning a search needs;
// - adjacent nouns (and a prefix before them: 비+급여) make a compound: the whole term first,
//   spanning its parts, then the parts at consecutive positions from the compound's start
//   (Nori's "mixed" mode), the whole kCompound and the parts kPart. A prefix is part of the
//   whole (then kAffixed) but never a term alone, so 비급여 is found by 비급여 and by 급여,
//   while 급여 alone never matches a query for 비급여;
// - a dictionary compound (반도체공급망/Compound) is split into its expression parts only when
//   every part has two syllables or more, so that 반도체 does not also index 반 and 도체;
// - a user-dictionary word standing alone in its compound is kCompound with its own POS as
//   tags (one morpheme: no '+'), its parts (kPart) the terms the system dictionary alone gives
//   its surface, compounds left out (노란봉투법: 노랗, 봉투, 법; 마스가: 마스), each one
//   position. A word sys.dic reads as that one noun has no parts (kWhole); glued to other
//   nouns it is one part of their compound.
std::vector<PieceTerm> content_terms(std::string_view piece_text, const std::vector<morph::Morpheme>& morphemes);

}  // namespace sinmun

#endif  // SINMUN_ANALYZERS_DETAIL_MORPH_TERMS_H_
