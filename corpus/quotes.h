#ifndef SINMUN_CORPUS_QUOTES_H_
#define SINMUN_CORPUS_QUOTES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sinmun {

// One direct quotation of an article body.
struct Quote {
  std::string text;       // what was said, between the marks, trimmed
  std::string speaker;    // who said it: "김하늘 산업부 장관", "한빛전자 관계자"; "" when unknown
  std::size_t start = 0;  // byte offsets of `text` in the body, [start, end)
  std::size_t end = 0;

  bool operator==(const Quote&) const = default;
};

// The direct quotations of a Korean news body, in text order, with their speakers where the
// text says who spoke. A quotation is text between “ and ” (or plain " and ", either mark
// closing the other's quotation), within one paragraph (a line), of 2 to kMaxQuoteBytes
// bytes; single quotes ‘…’ mark terms and titles in Korean news and are not quotations. A
// “ opened again before any close is an unbalanced mark: the quotation starts at the later
// one. Kept are the quotations that are reported speech — followed by a quotative ending
// (“…”라고/고/이라고/며/라며/면서/라면서 …, “…”라는 입장을 …) — and those of at least two words;
// a short term in quotes (“턴베리 체제”로) is not a quotation.
//
// The speaker, for reported speech only (never guessed otherwise):
//   - `<홍길동 / 한빛대 교수> "…"` (a broadcast transcript) → "홍길동 한빛대 교수";
//   - the topic of the sentence before the quotation: the first word marked 은/는 that is a
//     noun phrase (not an adnominal verb such as 있는, 많은, not 이날은, 회의에서는), with up
//     to four bare nouns before it (김하늘 산업부 장관은 → "김하늘 산업부 장관"); failing
//     that, the first subject marked 이/가 (관계자가 “…”);
//   - a pronoun (그는, 그녀는) or no subject at all (이어 “…”고 말했다): the speaker of the
//     article's last quotation that had one, if any — but none when the sentence cites a
//     source instead ("법률 제5조에 따르면 “…”").
// Linear in the length of the body (each paragraph's words are looked at a bounded number of
// times per quotation, and the look-back is bounded); never throws; bytes that are not UTF-8
// are passed over. Thread-safe (no state).
std::vector<Quote> extract_quotes(std::string_view body);

// Quotations longer than this are taken for an unbalanced mark.
inline constexpr std::size_t kMaxQuoteBytes = 2000;

}  // namespace sinmun

#endif  // SINMUN_CORPUS_QUOTES_H_
