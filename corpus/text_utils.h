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

// Cuts UTF-8 `text` to at most `max_bytes`: at the last line break in the final quarter of
// that, else at the last space there, else after the last whole character. False (and `text`
// unchanged) when it is no longer than that.
bool cut_text(std::string& text, std::size_t max_bytes);

// Collapses runs of spaces and tabs to one space and runs of blank lines to one newline,
// trimming every line.
std::string tidy_whitespace(std::string_view text);

// A date in any common form as YYYY-MM-DD in Korean time (KST, UTC+9, no daylight saving),
// or empty if the text does not start with a date:
//  - "2025-12-05", "2025.12.05", "2025/12/5", "20251205", "2025. 12. 5.", "2025년 12월 5일",
//    each optionally followed by a weekday "(금)" and a time ("10:31", "오후 3:10", "15시 10분");
//  - after an input label: "입력 2025-12-03 오후 3:10", "기사입력: 2025.12.03";
//  - RFC 2822 as RSS writes it: "Wed, 03 Dec 2025 15:10:00 +0900";
//  - a Unix timestamp of 10 digits (seconds) or 13 digits (milliseconds), optionally with a
//    fraction ("1764745800", "1764745800000"); ten digits that read as YYYYMMDDHH are that.
// A time with a zone ("2025-12-02T20:00:00Z", "+09:00", "-0500", "UTC", "GMT", "KST") is
// moved to Seoul, which may change the day; a time without one is taken as Korean time
// already, so "오후 11:50" never moves the date. Text after the date is ignored. Looks at no
// more than 256 bytes after leading white space; linear time, no recursion, never throws.
std::string normalize_date(std::string_view text);

// The date of a line that is nothing but a date stamp ("2025년 12월 3일", "2025. 12. 3.",
// "입력 2025-12-03 오후 3:10", "2025-12-05T10:31:00+09:00"), as normalize_date; empty when
// the line holds anything else.
std::string date_line(std::string_view line);

// The publication date printed in page text, as YYYY-MM-DD (such stamps are Korean time
// already), or empty. Looks only at lines of 8 to 500 bytes. With `labelled`, only a date
// after an input label counts ("입력 2025.12.05 10:31", "기사입력 2025.12.05. 오전 9:01",
// "등록 2025-12-05", "승인 2025.12.05", "입력 2025년 12월 3일"), never one after "수정"
// (updated); otherwise a date followed by a time also counts ("2025-12-05 오후 3:04",
// "2025.12.05(금) 10:31").
std::string find_date_in_text(std::string_view text, bool labelled);

// find_date_in_text with where it was found.
struct TextDate {
  std::string date;      // YYYY-MM-DD, or empty
  std::size_t line = 0;  // 1-based line of `text` holding the date; 0 when none
  // With `labelled`, the first stamp of a line of at most 200 bytes whose label is followed
  // by a year but no valid date ("입력 2025.13.45"): its line, and the text from the label on.
  std::size_t unreadable_line = 0;
  std::string unreadable;
};
TextDate locate_date_in_text(std::string_view text, bool labelled);

// The reason given for a date that was there but could not be read: `unreadable date "…";
// indexed without a date`, quoting at most 60 bytes of `value` (cut on a character boundary).
std::string unreadable_date_reason(std::string_view value);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_TEXT_UTILS_H_
