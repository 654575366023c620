#ifndef SINMUN_CORPUS_TEXT_UTILS_H_
#define SINMUN_CORPUS_TEXT_UTILS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/text.h"  // repair_utf8, lowercase_ascii: the readers use them too

namespace sinmun {

// True for content that is not text: a NUL byte, or more than 1 in 10 control characters,
// in the first 8 KiB.
bool looks_binary(std::string_view content);

// Without leading and trailing ASCII/Unicode white space.
std::string trim(std::string_view text);

// Collapses runs of spaces and tabs to one space and runs of blank lines to one newline,
// trimming every line.
std::string tidy_whitespace(std::string_view text);

// A date in any common form ("2025-12-05", "2025.12.05", "2025/12/5", "20251205",
// "2025-12-05T10:31:00+09:00", "2025-12-04T20:00:00Z", "2025-12-05 10:31") as YYYY-MM-DD in
// Korean time (UTC+9) when the text has a time zone; empty if it is not a date.
std::string normalize_date(std::string_view text);

// The publication date printed in page text, as YYYY-MM-DD (such stamps are Korean time
// already), or empty. Looks only at lines of at most 500 bytes. With `labelled`, only a date
// after an input label counts ("입력 2025.12.05 10:31", "기사입력 2025.12.05. 오전 9:01",
// "등록 2025-12-05", "승인 2025.12.05"), never one after "수정" (updated); otherwise a date
// followed by a time also counts ("2025-12-05 오후 3:04", "2025.12.05(금) 10:31").
std::string find_date_in_text(std::string_view text, bool labelled);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_TEXT_UTILS_H_
