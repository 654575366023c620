// The output record of the segmenter and helpers to read mecab-ko-dic feature strings.
#ifndef SINMUN_ANALYZERS_MORPH_MORPHEME_H_
#define SINMUN_ANALYZERS_MORPH_MORPHEME_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/pos.h"

namespace sinmun::morph {

// One node of the best path. The string views point into the Dictionary that produced it
// and stay valid while that Dictionary lives.
struct Morpheme {
  std::size_t begin = 0;       // UTF-8 byte offsets into the text given to segment(), [begin, end);
  std::size_t end = 0;         //   whitespace before a morpheme is not included
  std::string_view pos;        // first feature field, e.g. "NNG", "VV+EP"
  PosTag tag = PosTag::kNone;  // the first tag of `pos`, typed (VV for "VV+EP")
  std::string_view feature;    // the whole feature string
  std::uint16_t pos_id = 0;    // posid from the token (pos-id.def)
  bool unknown = false;        // came from an unknown-word template (unk.dic)
  bool user = false;           // came from the user dictionary
  // For a user word: how sys.dic alone reads its surface (offsets relative to `begin`), when
  // that is not one morpheme over all of it (노란봉투법: 노란/VA+ETM 봉투/NNG 법/NNG); empty
  // otherwise. Points into the Dictionary, like `feature`.
  std::span<const Morpheme> system_reading;
};

// One part of a Compound/Inflect/Preanalysis expression such as "밝히/VV/*+었/EP/*".
struct ExpressionPart {
  std::string surface;
  std::string pos;
};

// The parts of the expression (field 7) of a mecab-ko-dic feature string; empty when the
// expression is "*" or missing.
std::vector<ExpressionPart> expression_parts(std::string_view feature);

// CSV field `index` (0-based; "type" is index 4) of a feature string, without surrounding
// quotes; "" if the feature has fewer fields.
std::string_view feature_field(std::string_view feature, int index);

}  // namespace sinmun::morph

#endif  // SINMUN_ANALYZERS_MORPH_MORPHEME_H_
