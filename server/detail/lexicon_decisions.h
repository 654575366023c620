#ifndef SINMUN_SERVER_DETAIL_LEXICON_DECISIONS_H_
#define SINMUN_SERVER_DETAIL_LEXICON_DECISIONS_H_

#include <filesystem>
#include <string>

#include "server/request.h"

// The web page's side of `sinmun-lexicon review`: the files of a database's lexicon
// directory (lexicon/review.h), read raw for the page and appended to one decision at a time.
// The server never interprets candidates; sinmun-lexicon apply validates what was decided.
namespace sinmun::http {

// {"review": TEXT, "decisions": TEXT} of `dir`/review.tsv and decisions.tsv ("" for a missing
// file). Throws EnvironmentError when one exists but cannot be read.
std::string lexicon_state_json(const std::filesystem::path& dir);

// Appends "decision<TAB>kind<TAB>key<TAB>value<TAB><TAB>web page" to `dir`/decisions.tsv from
// the parameters decision (accept|reject), kind (word|alias), key and value (each 1-200 bytes
// of valid UTF-8 without tabs or line breaks; value may be empty for a word). Throws
// BadRequest for a bad parameter, EnvironmentError when the file cannot be written. Not
// thread-safe: the caller serialises calls.
void append_lexicon_decision(const std::filesystem::path& dir, const Params& params);

}  // namespace sinmun::http

#endif  // SINMUN_SERVER_DETAIL_LEXICON_DECISIONS_H_
