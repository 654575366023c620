#include "corpus/text_utils.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <chrono>
#include <cstdio>
#include <regex>

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

std::string normalize_date(std::string_view text) {
  static const std::regex pattern(
      R"(^\s*(\d{4})[-./]?\s*(\d{1,2})[-./]?\s*(\d{1,2})\.?(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?)");
  std::cmatch m;
  if (!std::regex_search(text.data(), text.data() + text.size(), m, pattern)) return "";
  const int year = std::stoi(m[1].str());
  const unsigned month = static_cast<unsigned>(std::stoi(m[2].str()));
  const unsigned day = static_cast<unsigned>(std::stoi(m[3].str()));
  std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                  std::chrono::day{day}};
  if (!ymd.ok() || year < 1800 || year > 2200) return "";
  if (m[4].matched && m[7].matched) {
    // A time with a zone: the article's day is the day in Seoul (UTC+9).
    int offset_minutes = 0;
    const std::string zone = m[7].str();
    if (zone != "Z") {
      const std::string digits = zone.substr(1);
      const int hours = std::stoi(digits.substr(0, 2));
      const int minutes = std::stoi(digits.substr(digits.size() - 2));
      offset_minutes = (zone[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
    }
    const int minute_of_day = std::stoi(m[4].str()) * 60 + std::stoi(m[5].str());
    const int kst_minutes = minute_of_day - offset_minutes + 9 * 60;
    const int day_shift = kst_minutes >= 0 ? kst_minutes / (24 * 60) : -1 + (kst_minutes + 1) / (24 * 60);
    ymd = std::chrono::year_month_day{std::chrono::sys_days{ymd} + std::chrono::days{day_shift}};
  }
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

std::string find_date_in_text(std::string_view text, bool labelled) {
  // std::regex matches UTF-8 bytes, so Hangul appears only as literal alternatives.
  static const std::regex kLabelled(
      R"((?:기사입력|최초입력|입력|등록|기사승인|승인|게재|발행|송고)\s*(?:일시|일)?\s*[:：]?\s*(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2}))");
  static const std::regex kWithTime(
      R"((\d{4})[-./]\s*(\d{1,2})[-./]\s*(\d{1,2})\.?\s*(?:\((?:월|화|수|목|금|토|일)\)\s*)?(?:오전|오후|AM|PM)?\s*\d{1,2}:\d{2})");
  const std::regex& pattern = labelled ? kLabelled : kWithTime;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.size() > 500 || line.size() < 8) continue;
    std::cmatch m;
    if (!std::regex_search(line.data(), line.data() + line.size(), m, pattern)) continue;
    const std::string date = normalize_date(m[1].str() + "-" + m[2].str() + "-" + m[3].str());
    if (!date.empty()) return date;
  }
  return "";
}

}  // namespace sinmun
