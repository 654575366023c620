#ifndef SINMUN_CORPUS_BYLINE_H_
#define SINMUN_CORPUS_BYLINE_H_

#include <string>
#include <string_view>

namespace sinmun {

// The reporter named in a Korean byline within `text` (lines separated by '\n'), or empty.
// Recognises "홍길동 기자", "홍길동기자", "홍길동 특파원 name@example.com", "[한빛일보 홍길동 기자]",
// "(서울=온누리통신) 홍길동 기자 = …" and "홍길동·김철수 기자" (returned as "홍길동·김철수"),
// with titles 기자, 특파원, 논설위원, 선임기자, 전문기자, 객원기자, 인턴기자, 수습기자, 편집위원. A name
// is 2–4 Hangul syllables. Lines longer than 200 bytes count only for the dateline form at their
// start, so prose such as "김 기자는 말했다" is not a byline. The last lines are tried first.
std::string byline_author(std::string_view text);

// The first e-mail address in a line of at most 200 bytes, preceded by its owner's name when a
// 2–4 syllable Hangul word comes right before it ("홍길동 hong@example.com" → "홍길동"); otherwise
// the address itself. Empty when there is none.
std::string email_byline(std::string_view text);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_BYLINE_H_
