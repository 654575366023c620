#ifndef SINMUN_ANALYZERS_TOKEN_H_
#define SINMUN_ANALYZERS_TOKEN_H_

#include <cstddef>
#include <cstdint>
#include <string>

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

// One term of analysed text.
//
// `start` and `end` are UTF-8 byte offsets into the *original* text handed to the analyzer,
// [start, end), whatever normalisation happened in between; over a token stream starts never
// go backwards. `position` counts from the first token of the stream; tokens of different
// kinds that come from the same stretch of text share positions, so a phrase is matched
// within one kind. `position_length` is how many positions the token spans (a compound
// spans its parts).
struct Token {
  std::string term;
  std::size_t start = 0;
  std::size_t end = 0;
  std::uint32_t position = 0;
  std::uint32_t position_length = 1;
  TokenKind kind = TokenKind::kWord;
  std::string tags;  // part-of-speech tags of the underlying morphemes, for --verbose

  bool operator==(const Token&) const = default;
};

}  // namespace sinmun

#endif  // SINMUN_ANALYZERS_TOKEN_H_
