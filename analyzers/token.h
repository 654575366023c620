#ifndef SINMUN_ANALYZERS_TOKEN_H_
#define SINMUN_ANALYZERS_TOKEN_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "analyzers/pos.h"

namespace sinmun {

// What produced a token; the indexer stores each kind in its own term space.
enum class TokenKind {
  kWord,      // Latin letters and/or digits kept whole: "h200", "gpt-5", "1438.2".
  kMorpheme,  // a content morpheme or compound found by the dictionary analyzer.
  kNgram,     // a Hangul/Han bigram (or a lone syllable): the recall net.
};

// "word", "morph", "ngram"
constexpr const char* token_kind_name(TokenKind kind) {
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

// How a token relates to the tokens around it.
enum class TokenRole : std::uint8_t {
  kWhole,     // stands alone for its stretch of text: a word, a simple morpheme, a bigram
  kCompound,  // a morpheme compound spelled out by its parts (반도체공급망 = 반도체+공급+망)
  kAffixed,   // a word whose prefix or suffix is never a term alone (비급여: its one part is
              // 급여; 가동률: 가동)
  kPart,      // a part of the compound or affixed word at index `compound`
  kSyllable,  // the n-gram of a one-syllable piece: a syllable alone, not a bigram
};

constexpr const char* token_role_name(TokenRole role);

inline constexpr std::uint32_t kNoCompound = UINT32_MAX;

// One term of analysed text.
//
// `start` and `end` are UTF-8 byte offsets into the *original* text handed to the analyzer,
// [start, end), whatever normalisation happened in between; over a token stream starts never
// go backwards. `position` counts from the first token of the stream; tokens of different
// kinds that come from the same stretch of text share positions, so a phrase is matched
// within one kind. `position_length` is how many positions the token spans (a compound
// spans its parts).
//
// Structure: `piece` numbers the pre-tokenized pieces of the text (runs of one script
// between spaces and punctuation: 엔비디아의, H200, 을) from 0 in text order, and every
// token of a piece — its word, its morphemes, its n-grams — carries that piece's number. A
// kPart token's `compound` is the index, in the same stream, of the kCompound or kAffixed
// token that spans it (always an earlier index); every other token has kNoCompound.
struct Token {
  std::string term;
  std::size_t start = 0;
  std::size_t end = 0;
  std::uint32_t position = 0;
  std::uint32_t position_length = 1;
  TokenKind kind = TokenKind::kWord;
  TokenRole role = TokenRole::kWhole;
  std::uint32_t piece = 0;
  std::uint32_t compound = kNoCompound;
  PosTag pos = PosTag::kNone;  // the first tag of a morpheme (NNG for 반도체공급망)
  std::string tags;            // part-of-speech tags of the underlying morphemes, for --verbose

  bool operator==(const Token&) const = default;
};

constexpr const char* token_role_name(TokenRole role) {
  switch (role) {
    case TokenRole::kWhole:
      return "whole";
    case TokenRole::kCompound:
      return "compound";
    case TokenRole::kAffixed:
      return "affixed";
    case TokenRole::kPart:
      return "part";
    case TokenRole::kSyllable:
      return "syllable";
  }
  return "?";
}

}  // namespace sinmun

#endif  // SINMUN_ANALYZERS_TOKEN_H_
