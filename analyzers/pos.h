#ifndef SINMUN_ANALYZERS_POS_H_
#define SINMUN_ANALYZERS_POS_H_

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace sinmun {

// The part-of-speech tags of mecab-ko-dic (its pos-id.def), typed, so that analysis policy
// is a set membership test rather than string compares.
// clang-format off
enum class PosTag : std::uint8_t {
  kNone,  // not from the dictionary (a Latin/number word, an n-gram)
  kEC, kEF, kEP, kETM, kETN,                                 // endings
  kIC,                                                       // interjection
  kJC, kJKB, kJKC, kJKG, kJKO, kJKQ, kJKS, kJKV, kJX,        // particles
  kMAG, kMAJ, kMM,                                           // adverbs, determiner
  kNNG, kNNP, kNNB, kNNBC, kNP, kNR,                         // nouns, pronoun, numeral
  kSF, kSH, kSL, kSN, kSP, kSSC, kSSO, kSC, kSY, kSE,        // symbols, foreign, numbers
  kVA, kVCN, kVCP, kVV, kVX,                                 // predicates
  kXPN, kXR, kXSA, kXSN, kXSV,                               // affixes and roots
  kUnknown,                                                  // an unknown-word template
};
// clang-format on

// In PosTag's order.
// clang-format off
inline constexpr std::array<std::string_view, 46> kPosTagNames = {
    "",    "EC",  "EF",  "EP",  "ETM", "ETN", "IC",  "JC",   "JKB", "JKC", "JKG", "JKO",
    "JKQ", "JKS", "JKV", "JX",  "MAG", "MAJ", "MM",  "NNG",  "NNP", "NNB", "NNBC", "NP",
    "NR",  "SF",  "SH",  "SL",  "SN",  "SP",  "SSC", "SSO",  "SC",  "SY",  "SE",  "VA",
    "VCN", "VCP", "VV",  "VX",  "XPN", "XR",  "XSA", "XSN",  "XSV", "UNKNOWN"};
// clang-format on

// "NNG" for PosTag::kNNG; "" for kNone.
constexpr std::string_view pos_tag_name(PosTag tag) { return kPosTagNames[static_cast<std::size_t>(tag)]; }

// The tag of a feature's POS field: its first tag ("VV+EP" → kVV, "UNKNOWN" → kUnknown);
// kNone for a name that is not a mecab-ko-dic tag.
constexpr PosTag parse_pos_tag(std::string_view pos) {
  const std::string_view first = pos.substr(0, pos.find('+'));
  for (std::size_t i = 1; i <= static_cast<std::size_t>(PosTag::kUnknown); ++i) {
    if (kPosTagNames[i] == first) return static_cast<PosTag>(i);
  }
  return PosTag::kNone;
}

// A set of tags (Lucene's EnumSet of stop tags, as a bit mask).
class PosTagSet {
 public:
  constexpr PosTagSet(std::initializer_list<PosTag> tags) {
    for (PosTag tag : tags) bits_ |= bit(tag);
  }
  constexpr bool contains(PosTag tag) const { return (bits_ & bit(tag)) != 0; }

 private:
  static constexpr std::uint64_t bit(PosTag tag) { return std::uint64_t{1} << static_cast<unsigned>(tag); }
  std::uint64_t bits_ = 0;
};

}  // namespace sinmun

#endif  // SINMUN_ANALYZERS_POS_H_
