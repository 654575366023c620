#include "corpus/text_utils.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <optional>

namespace sinmun {
namespace {

bool is_space(UChar32 c) { return c == ' ' || c == '\t' || c == '\r' || u_isUWhiteSpace(c); }

}  // namespace

bool looks_binary(std::string_view content) {
  const std::string_view head = content.substr(0, 8192);
  std::size_t controls = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
  }
  return controls * 10 > head.size();
}

std::string trim(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t begin = 0;
  while (begin < length) {
    int32_t next = begin;
    UChar32 c;
    U8_NEXT(s, next, length, c);
    if (!is_space(c) && c != '\n') break;
    begin = next;
  }
  int32_t end = length;
  while (end > begin) {
    int32_t previous = end;
    UChar32 c;
    U8_PREV(s, 0, previous, c);
    if (!is_space(c) && c != '\n') break;
    end = previous;
  }
  return std::string(text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin)));
}

bool cut_text(std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return false;
  std::size_t cut = max_bytes;  // text[cut] exists: the cut goes before it
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  const std::size_t floor = cut - cut / 4;
  if (const std::size_t line = text.rfind('\n', cut); line != std::string::npos && line >= floor && line > 0) {
    cut = line;
  } else if (const std::size_t space = text.rfind(' ', cut);
             space != std::string::npos && space >= floor && space > 0) {
    cut = space;
  }
  text.resize(cut);
  return true;
}

std::string tidy_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string line = trim(text.substr(line_start, line_end - line_start));
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      bool in_space = false;
      for (char c : line) {
        if (c == ' ' || c == '\t' || c == '\r') {
          in_space = true;
          continue;
        }
        if (in_space) out += ' ';
        in_space = false;
        out += c;
      }
    }
    line_start = line_end + 1;
  }
  return out;
}

namespace {

// Dates are short: this many bytes of a field are looked at, whatever follows.
constexpr std::size_t kMaxDateBytes = 256;

constexpr int kKoreaOffsetMinutes = 9 * 60;

// A date read from text, before it is checked and moved to Korean time.
struct Stamp {
  int year = 0;
  int month = 0;
  int day = 0;
  int minute_of_day = -1;             // -1: no time given
  std::optional<int> offset_minutes;  // the zone of the time, when one is given
};

// What a calendar date may look like where it is read.
struct DateSyntax {
  bool compact;                 // separators may be left out: "20251205", "2025 12 05"
  bool hangul;                  // "2025년 12월 5일"
  bool space_before_separator;  // "2025 . 12 . 5"
};

constexpr DateSyntax kFieldSyntax{true, true, true};      // a date field: any form
constexpr DateSyntax kLabelledSyntax{false, true, true};  // after "입력" in page text
constexpr DateSyntax kTimedSyntax{false, false, false};   // unlabelled in page text

// A cursor over a short text. Every take_* consumes only what it matched, so each construct
// is tried once from one place: parsing is a single forward pass, linear in the bytes.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  std::size_t position() const { return at_; }
  void rewind(std::size_t position) { at_ = position; }
  std::string_view rest() const { return text_.substr(at_); }
  bool at_end() const { return at_ >= text_.size(); }

  // ASCII white space, no-break and ideographic spaces.
  void skip_spaces() {
    while (true) {
      const std::string_view r = rest();
      if (!r.empty() && (r[0] == ' ' || r[0] == '\t' || r[0] == '\r' || r[0] == '\n')) {
        at_ += 1;
      } else if (r.starts_with("\xC2\xA0")) {
        at_ += 2;
      } else if (r.starts_with("\xE3\x80\x80")) {
        at_ += 3;
      } else {
        return;
      }
    }
  }

  bool take(std::string_view word) {
    if (!rest().starts_with(word)) return false;
    at_ += word.size();
    return true;
  }

  template <std::size_t N>
  bool take_any(const std::string_view (&words)[N]) {
    for (std::string_view word : words) {
      if (take(word)) return true;
    }
    return false;
  }

  bool next_is_digit() const { return !at_end() && is_digit(text_[at_]); }

  // A number of `min_digits` to `max_digits` digits, as many as there are.
  bool take_number(int min_digits, int max_digits, int& value) {
    int count = 0;
    int number = 0;
    while (count < max_digits && at_ + static_cast<std::size_t>(count) < text_.size() &&
           is_digit(text_[at_ + static_cast<std::size_t>(count)])) {
      number = number * 10 + (text_[at_ + static_cast<std::size_t>(count)] - '0');
      ++count;
    }
    if (count < min_digits) return false;
    at_ += static_cast<std::size_t>(count);
    value = number;
    return true;
  }

  void skip_digits() {
    while (next_is_digit()) ++at_;
  }

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

// "-", ".", "/" or the Hangul unit, with the spaces the syntax allows around it.
bool take_separator(Cursor& c, const DateSyntax& syntax, std::string_view unit) {
  const std::size_t start = c.position();
  if (syntax.space_before_separator) c.skip_spaces();
  if (c.take("-") || c.take(".") || c.take("/") || (syntax.hangul && c.take(unit))) {
    c.skip_spaces();
    return true;
  }
  c.rewind(start);
  if (!syntax.compact) return false;
  c.skip_spaces();
  return true;
}

// Year, month and day, starting at the cursor.
bool take_calendar_date(Cursor& c, const DateSyntax& syntax, Stamp& stamp) {
  const std::size_t start = c.position();
  if (!c.take_number(4, 4, stamp.year) || !take_separator(c, syntax, "년") || !c.take_number(1, 2, stamp.month) ||
      !take_separator(c, syntax, "월") || !c.take_number(1, 2, stamp.day)) {
    c.rewind(start);
    return false;
  }
  const std::size_t after_day = c.position();
  if (syntax.space_before_separator) c.skip_spaces();
  if (!c.take(".") && !(syntax.hangul && c.take("일"))) c.rewind(after_day);
  return true;
}

constexpr std::string_view kMonthNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "Wed, 03 Dec 2025" (RFC 2822, as RSS feeds write pubDate).
bool take_rfc2822_date(Cursor& c, Stamp& stamp) {
  const std::size_t start = c.position();
  std::string_view r = c.rest();
  std::size_t letters = 0;
  while (letters < r.size() && letters < 10 && is_ascii_letter(r[letters])) ++letters;
  if (letters >= 3 && letters < r.size() && r[letters] == ',') {
    c.rewind(start + letters + 1);
    c.skip_spaces();
  }
  if (!c.take_number(1, 2, stamp.day)) {
    c.rewind(start);
    return false;
  }
  c.skip_spaces();
  r = c.rest();
  letters = 0;
  while (letters < r.size() && letters < 10 && is_ascii_letter(r[letters])) ++letters;
  const std::string month = letters >= 3 ? lowercase_ascii(r.substr(0, 3)) : "";
  const auto* found = std::find(std::begin(kMonthNames), std::end(kMonthNames), month);
  if (found == std::end(kMonthNames)) {
    c.rewind(start);
    return false;
  }
  stamp.month = static_cast<int>(found - std::begin(kMonthNames)) + 1;
  c.rewind(c.position() + letters);
  c.skip_spaces();
  if (!c.take_number(4, 4, stamp.year)) {
    c.rewind(start);
    return false;
  }
  return true;
}

constexpr std::string_view kMorning[] = {"오전", "AM", "am", "a.m.", "A.M."};
constexpr std::string_view kAfternoon[] = {"오후", "PM", "pm", "p.m.", "P.M."};

// "오전"/"AM" → 0, "오후"/"PM" → 12, none → -1.
int take_meridiem(Cursor& c) {
  if (c.take_any(kMorning)) return 0;
  if (c.take_any(kAfternoon)) return 12;
  return -1;
}

// "(금)", "(Fri)", "(월요일)" after a date.
void skip_weekday(Cursor& c) {
  const std::size_t start = c.position();
  if (!c.take("(")) return;
  const std::string_view r = c.rest();
  const std::size_t close = r.substr(0, 12).find(')');
  if (close == std::string_view::npos || r.substr(0, close).find_first_of("0123456789") != std::string_view::npos) {
    c.rewind(start);
    return;
  }
  c.rewind(c.position() + close + 1);
}

// "Z", "UTC", "GMT", "KST", "+09:00", "+0900", "-05", "UTC+9": minutes east of UTC.
std::optional<int> take_zone(Cursor& c) {
  const std::size_t start = c.position();
  c.skip_spaces();
  if (c.take("KST")) return kKoreaOffsetMinutes;
  const bool named = c.take("Z") || c.take("UTC") || c.take("GMT") || c.take("UT");
  const std::size_t after_name = c.position();
  int sign = 0;
  if (c.take("+")) {
    sign = 1;
  } else if (c.take("-") || c.take("\xE2\x88\x92")) {  // U+2212 minus sign
    sign = -1;
  }
  int hours = 0;
  if (sign != 0 && c.take_number(1, 2, hours)) {
    int minutes = 0;
    const std::size_t after_hours = c.position();
    if (!(c.take(":") && c.take_number(2, 2, minutes))) {
      c.rewind(after_hours);
      if (!c.take_number(2, 2, minutes)) minutes = 0;
    }
    if (hours <= 14 && minutes <= 59) return sign * (hours * 60 + minutes);
  }
  c.rewind(after_name);
  if (named) return 0;
  c.rewind(start);
  return std::nullopt;
}

// The time after a date: "T10:31:00.5+09:00", " 10:31", " (금) 오후 3:04", " 15시 10분",
// " 3:10 PM KST". Nothing is consumed when no time follows.
bool take_time(Cursor& c, Stamp& stamp) {
  const std::size_t start = c.position();
  c.skip_spaces();
  skip_weekday(c);
  c.skip_spaces();
  const bool iso = c.take("T");
  c.skip_spaces();
  int meridiem = take_meridiem(c);
  c.skip_spaces();
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
  const std::size_t hour_at = c.position();
  bool ok = c.take_number(1, 2, hours);
  if (ok && c.take(":")) {
    ok = c.take_number(2, 2, minutes);
    if (ok && c.take(":")) ok = c.take_number(2, 2, seconds);
  } else if (ok && c.take("시")) {
    c.skip_spaces();
    const std::size_t minute_at = c.position();
    if (!(c.take_number(1, 2, minutes) && (c.skip_spaces(), c.take("분")))) {
      c.rewind(minute_at);
      minutes = 0;
    }
  } else if (ok && iso && c.position() == hour_at + 2 && c.take_number(2, 2, minutes)) {
    c.take_number(2, 2, seconds);  // basic format: "T103100"
  } else {
    ok = false;
  }
  if (ok && (c.take(".") || c.take(","))) c.skip_digits();  // fractions of a second
  if (ok && meridiem < 0) {
    const std::size_t before = c.position();
    c.skip_spaces();
    meridiem = take_meridiem(c);
    if (meridiem < 0) c.rewind(before);
  }
  if (ok && meridiem >= 0 && hours <= 12) hours = hours % 12 + meridiem;
  if (!ok || hours > 23 || minutes > 59 || seconds > 60) {
    c.rewind(start);
    return false;
  }
  stamp.minute_of_day = hours * 60 + minutes;
  stamp.offset_minutes = take_zone(c);
  return true;
}

// Input labels of page stamps ("입력", "기사입력", "최초입력" end in one of these), and what
// may follow them before the date.
constexpr std::string_view kInputLabels[] = {"입력", "등록", "승인", "게재", "발행", "송고", "작성"};
constexpr std::string_view kLabelPrefixes[] = {"기사", "최초"};
constexpr std::string_view kLabelSuffixes[] = {"일시", "시간", "일"};

// After a label: " 일시 : ", ": ", " ".
void skip_label_tail(Cursor& c) {
  c.skip_spaces();
  c.take_any(kLabelSuffixes);
  c.skip_spaces();
  if (c.take(":") || c.take("\xEF\xBC\x9A")) c.skip_spaces();  // ':' or U+FF1A
}

// "입력 ", "기사입력: ", "등록일 " at the cursor, consumed with what follows it.
bool take_label(Cursor& c) {
  const std::size_t start = c.position();
  c.take_any(kLabelPrefixes);
  if (!c.take_any(kInputLabels)) {
    c.rewind(start);
    return false;
  }
  skip_label_tail(c);
  return true;
}

// 10 or 13 digits (with an optional fraction) and nothing else: seconds or milliseconds since
// 1970 in UTC.
std::optional<std::int64_t> unix_seconds(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && Cursor::is_digit(text[digits])) ++digits;
  if (digits != 10 && digits != 13) return std::nullopt;
  std::string_view rest = text.substr(digits);
  if (rest.starts_with('.')) {
    rest.remove_prefix(1);
    while (!rest.empty() && Cursor::is_digit(rest.front())) rest.remove_prefix(1);
  }
  if (!trim(rest).empty()) return std::nullopt;
  std::int64_t value = 0;
  for (std::size_t i = 0; i < digits; ++i) value = value * 10 + (text[i] - '0');
  if (digits == 13) return value / 1000;
  // YYYYMMDDHH (a compact date with the hour) is read as such, not as a time in 2030-2036.
  const auto number = [&](std::size_t from, std::size_t length) {
    int n = 0;
    for (std::size_t i = from; i < from + length; ++i) n = n * 10 + (text[i] - '0');
    return n;
  };
  const std::chrono::year_month_day ymd{std::chrono::year{number(0, 4)},
                                        std::chrono::month{static_cast<unsigned>(number(4, 2))},
                                        std::chrono::day{static_cast<unsigned>(number(6, 2))}};
  if ((text.starts_with("19") || text.starts_with("20")) && ymd.ok() && number(8, 2) <= 23) return std::nullopt;
  return value;
}

std::string format_date(std::chrono::year_month_day ymd) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

// The stamp as YYYY-MM-DD in Korean time, or empty when it is not a real date.
std::string kst_date(const Stamp& stamp) {
  if (stamp.year < 1800 || stamp.year > 2200 || stamp.month < 1 || stamp.day < 1) return "";
  std::chrono::year_month_day ymd{std::chrono::year{stamp.year}, std::chrono::month{static_cast<unsigned>(stamp.month)},
                                  std::chrono::day{static_cast<unsigned>(stamp.day)}};
  if (!ymd.ok()) return "";
  if (stamp.minute_of_day >= 0 && stamp.offset_minutes) {
    // A time with a zone: the article's day is the day in Seoul.
    const int kst_minutes = stamp.minute_of_day - *stamp.offset_minutes + kKoreaOffsetMinutes;
    const int day_shift = kst_minutes >= 0 ? kst_minutes / (24 * 60) : -1 + (kst_minutes + 1) / (24 * 60);
    ymd = std::chrono::year_month_day{std::chrono::sys_days{ymd} + std::chrono::days{day_shift}};
  }
  return format_date(ymd);
}

// The date at the start of `text` (see normalize_date); `end` receives where it ended.
std::string parse_date_field(std::string_view text, std::size_t* end) {
  std::size_t begin = 0;
  {
    Cursor c(text);
    c.skip_spaces();
    begin = c.position();
  }
  const std::string_view head = text.substr(begin, kMaxDateBytes);
  if (const auto seconds = unix_seconds(head)) {
    if (end) *end = text.size();
    const auto days = std::chrono::floor<std::chrono::days>(
        std::chrono::sys_seconds{std::chrono::seconds{*seconds + kKoreaOffsetMinutes * 60}});
    const std::chrono::year_month_day ymd{days};
    if (static_cast<int>(ymd.year()) < 1800 || static_cast<int>(ymd.year()) > 2200) return "";
    return format_date(ymd);
  }
  Cursor c(head);
  take_label(c);
  Stamp stamp;
  if (!take_calendar_date(c, kFieldSyntax, stamp) && !take_rfc2822_date(c, stamp)) return "";
  take_time(c, stamp);
  if (end) *end = begin + c.position();
  return kst_date(stamp);
}

}  // namespace

std::string normalize_date(std::string_view text) { return parse_date_field(text, nullptr); }

std::string date_line(std::string_view line) {
  if (line.size() > kMaxDateBytes) return "";
  std::size_t end = 0;
  std::string date = parse_date_field(line, &end);
  if (date.empty() || !trim(line.substr(end)).empty()) return "";
  return date;
}

TextDate locate_date_in_text(std::string_view text, bool labelled) {
  TextDate found;
  std::size_t start = 0;
  std::size_t line_number = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.size() > 500 || line.size() < 8) continue;
    // Dates are tried where a label ends or a digit run starts: a handful of places per line,
    // each read once, so the search stays linear in the line.
    for (std::size_t at = 0; at < line.size(); ++at) {
      Cursor c(line);
      c.rewind(at);
      Stamp stamp;
      std::string date;
      if (labelled) {
        if (!c.take_any(kInputLabels)) continue;
        skip_label_tail(c);
        const std::size_t date_at = c.position();
        if (take_calendar_date(c, kLabelledSyntax, stamp)) date = kst_date(stamp);
        c.rewind(date_at);
        int year = 0;
        if (date.empty() && found.unreadable_line == 0 && line.size() <= 200 && c.take_number(4, 4, year)) {
          found.unreadable_line = line_number;
          found.unreadable = trim(line.substr(at));
        }
      } else {
        if (!Cursor::is_digit(line[at]) || (at > 0 && Cursor::is_digit(line[at - 1]))) continue;
        if (!take_calendar_date(c, kTimedSyntax, stamp) || !take_time(c, stamp)) continue;
        stamp.offset_minutes.reset();  // printed stamps are Korean time
        date = kst_date(stamp);
      }
      if (!date.empty()) {
        found.date = std::move(date);
        found.line = line_number;
        return found;
      }
    }
  }
  return found;
}

std::string find_date_in_text(std::string_view text, bool labelled) { return locate_date_in_text(text, labelled).date; }

std::string unreadable_date_reason(std::string_view value) {
  std::string shown = trim(value);
  for (char& c : shown) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  constexpr std::size_t kShown = 60;
  if (shown.size() > kShown) {
    std::size_t cut = kShown;
    // Back up to the start of a UTF-8 character.
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
    shown = shown.substr(0, cut) + "…";
  }
  return "unreadable date \"" + shown + "\"; indexed without a date";
}
}  // namespace sinmun
