#include "corpus/text_utils.h"

#include <gtest/gtest.h>

namespace sinmun {
namespace {

TEST(NormalizeDateTest, CommonForms) {
  EXPECT_EQ(normalize_date("2025-12-05"), "2025-12-05");
  EXPECT_EQ(normalize_date("2025.12.05"), "2025-12-05");
  EXPECT_EQ(normalize_date("2025/1/5"), "2025-01-05");
  EXPECT_EQ(normalize_date("20251205"), "2025-12-05");
  EXPECT_EQ(normalize_date("2025-12-05 10:31"), "2025-12-05");
  EXPECT_EQ(normalize_date("2025-12-05T10:31:00+09:00"), "2025-12-05");
}

TEST(NormalizeDateTest, TimesWithAZoneAreDatedInKoreanTime) {
  EXPECT_EQ(normalize_date("2025-12-04T20:00:00Z"), "2025-12-05");
  EXPECT_EQ(normalize_date("2025-12-04T14:59:59Z"), "2025-12-04");
  EXPECT_EQ(normalize_date("2025-12-31T23:30:00-05:00"), "2026-01-01");
  EXPECT_EQ(normalize_date("2026-01-01T00:30:00+14:00"), "2025-12-31");
}

TEST(NormalizeDateTest, RejectsWhatIsNotADate) {
  EXPECT_EQ(normalize_date(""), "");
  EXPECT_EQ(normalize_date("yesterday"), "");
  EXPECT_EQ(normalize_date("2025-13-01"), "");
  EXPECT_EQ(normalize_date("2025-02-30"), "");
}

TEST(NormalizeDateTest, KoreanFormsWeekdaysAndTimes) {
  EXPECT_EQ(normalize_date("2025년 12월 3일"), "2025-12-03");
  EXPECT_EQ(normalize_date("2025년12월3일"), "2025-12-03");
  EXPECT_EQ(normalize_date("2025. 12. 3."), "2025-12-03");
  EXPECT_EQ(normalize_date("2025. 12. 3. 오후 3:10"), "2025-12-03");
  EXPECT_EQ(normalize_date("2025.12.03(수) 15:10"), "2025-12-03");
  EXPECT_EQ(normalize_date("2025년 12월 3일 (수요일) 오후 3시 10분"), "2025-12-03");
  EXPECT_EQ(normalize_date("2025-12-03 3:10 PM"), "2025-12-03");
}

TEST(NormalizeDateTest, InputLabelsAreReadPast) {
  EXPECT_EQ(normalize_date("입력 2025-12-03 오후 3:10"), "2025-12-03");
  EXPECT_EQ(normalize_date("기사입력: 2025.12.03. 오전 9:01"), "2025-12-03");
  EXPECT_EQ(normalize_date("등록일 2025/12/3"), "2025-12-03");
  EXPECT_EQ(normalize_date("입력 2025.12.03 10:31 수정 2025.12.04 09:00"), "2025-12-03");
  EXPECT_EQ(normalize_date("수정 2025-12-03"), "") << "an update is not the publication";
}

// Page stamps are Korean time already: a late-evening time never moves the day. Only a time
// with an explicit zone is moved to Seoul.
TEST(NormalizeDateTest, LateEveningWithoutAZoneKeepsItsDay) {
  EXPECT_EQ(normalize_date("입력 2025-12-03 오후 11:50"), "2025-12-03");
  EXPECT_EQ(normalize_date("2025-12-03 23:59:59"), "2025-12-03");
  EXPECT_EQ(normalize_date("2025-12-03 오후 11:50 KST"), "2025-12-03");
  EXPECT_EQ(normalize_date("2025-12-02T20:00:00Z"), "2025-12-03");
  EXPECT_EQ(normalize_date("2025-12-02T14:59:59.999Z"), "2025-12-02");
  EXPECT_EQ(normalize_date("2025-12-03 오후 3:10 UTC"), "2025-12-04");
  EXPECT_EQ(normalize_date("2025-12-03T11:00:00-0500"), "2025-12-04");
  EXPECT_EQ(normalize_date("20251202T200000Z"), "2025-12-03");
}

TEST(NormalizeDateTest, UnixTimestampsInSecondsAndMillisecondsAreKoreanDays) {
  EXPECT_EQ(normalize_date("1764689400"), "2025-12-03") << "2025-12-02 15:30 UTC is 00:30 in Seoul";
  EXPECT_EQ(normalize_date("1764687599"), "2025-12-02") << "23:59:59 in Seoul";
  EXPECT_EQ(normalize_date("1764687600"), "2025-12-03") << "midnight in Seoul";
  EXPECT_EQ(normalize_date("1764689400000"), "2025-12-03");
  EXPECT_EQ(normalize_date("1764687599999"), "2025-12-02");
  EXPECT_EQ(normalize_date("1764689400.25"), "2025-12-03");
  EXPECT_EQ(normalize_date(" 1764689400 "), "2025-12-03");
  EXPECT_EQ(normalize_date("2025120315"), "2025-12-03") << "YYYYMMDDHH, not a time in 2034";
  EXPECT_EQ(normalize_date("202512031510"), "2025-12-03");
  EXPECT_EQ(normalize_date("1764689400abc"), "");
}

TEST(NormalizeDateTest, Rfc2822AsRssWritesIt) {
  EXPECT_EQ(normalize_date("Wed, 03 Dec 2025 15:10:00 +0900"), "2025-12-03");
  EXPECT_EQ(normalize_date("Tue, 2 Dec 2025 20:00:00 GMT"), "2025-12-03");
  EXPECT_EQ(normalize_date("03 December 2025"), "2025-12-03");
}

TEST(NormalizeDateTest, PartialDatesAreNotDates) {
  EXPECT_EQ(normalize_date("2025-12"), "") << "not 2025-01-02";
  EXPECT_EQ(normalize_date("202512"), "");
  EXPECT_EQ(normalize_date("12월 3일"), "");
  EXPECT_EQ(normalize_date("3시간 전"), "");
  EXPECT_EQ(normalize_date("12/03/2025"), "");
  EXPECT_EQ(normalize_date("1764-07-02"), "") << "before 1800";
}

// std::regex recursed once per character: a field of 50,000 spaces crashed the indexer.
TEST(NormalizeDateTest, RunawayInputsNeitherCrashNorStall) {
  const std::string spaces(50000, ' ');
  EXPECT_EQ(normalize_date(spaces), "");
  EXPECT_EQ(normalize_date(spaces + "2025-12-05"), "2025-12-05");
  EXPECT_EQ(normalize_date("2025-12-05" + spaces), "2025-12-05");
  EXPECT_EQ(normalize_date("2025-12-05T10:31:00." + std::string(50000, '9') + "Z"), "2025-12-05");
  EXPECT_EQ(normalize_date(std::string(50000, '7')), "");
  std::string repeated;
  for (int i = 0; i < 20000; ++i) repeated += "2025-";
  EXPECT_EQ(normalize_date(repeated), "");
  std::string labels;
  for (int i = 0; i < 20000; ++i) labels += "입력 ";
  EXPECT_EQ(normalize_date(labels), "");
  EXPECT_EQ(normalize_date(std::string(100000, '(')), "");
  EXPECT_EQ(normalize_date("2025-12-05 (" + std::string(50000, 'x')), "2025-12-05");
  std::string afternoon;
  for (int i = 0; i < 20000; ++i) afternoon += "오후 ";
  EXPECT_EQ(normalize_date("2025-12-05 " + afternoon), "2025-12-05");
  EXPECT_EQ(date_line(spaces + "2025-12-05"), "");
  EXPECT_EQ(find_date_in_text(spaces, true), "");
  std::string stamps;
  for (int i = 0; i < 10000; ++i) stamps += "입력 2025.13.45 10:31 " + std::string(i % 7, ' ') + "\n";
  EXPECT_EQ(find_date_in_text(stamps, true), "");
  EXPECT_EQ(find_date_in_text(stamps, false), "");
}

TEST(DateLineTest, OnlyALineThatIsNothingButADate) {
  EXPECT_EQ(date_line("2025년 12월 3일"), "2025-12-03");
  EXPECT_EQ(date_line(" 2025. 12. 3. "), "2025-12-03");
  EXPECT_EQ(date_line("입력 2025-12-03 오후 3:10"), "2025-12-03");
  EXPECT_EQ(date_line("2025-12-05T10:31:00+09:00"), "2025-12-05");
  EXPECT_EQ(date_line("수출은 2025년 12월 5일 발표됐다."), "");
  EXPECT_EQ(date_line("2025-12-05 발표"), "");
  EXPECT_EQ(date_line(""), "");
}

TEST(RepairUtf8Test, ReplacesEachBadByteAndKeepsGoodText) {
  std::string text = "수\xFF출\xC3";
  EXPECT_EQ(repair_utf8(text), 2u);
  EXPECT_EQ(text, "수\xEF\xBF\xBD출\xEF\xBF\xBD");
  std::string good = "좋은 글";
  EXPECT_EQ(repair_utf8(good), 0u);
  EXPECT_EQ(good, "좋은 글");
}

TEST(TidyWhitespaceTest, CollapsesSpacesAndBlankLines) {
  EXPECT_EQ(tidy_whitespace("  첫 \t 줄  \n\n\n  둘째 줄\u3000\n"), "첫 줄\n둘째 줄");
  EXPECT_EQ(trim("\u00a0 가 \u3000"), "가");
}

}  // namespace
}  // namespace sinmun

namespace sinmun {
namespace {

TEST(FindDateInTextTest, LabelledStamps) {
  EXPECT_EQ(find_date_in_text("메뉴\n입력 2025.12.05 10:31\n본문", true), "2025-12-05");
  EXPECT_EQ(find_date_in_text("기사입력 2025.12.05. 오전 9:01", true), "2025-12-05");
  EXPECT_EQ(find_date_in_text("등록 2025-12-05", true), "2025-12-05");
  EXPECT_EQ(find_date_in_text("수정 2025.12.06 11:00 | 입력 2025.12.05 10:31", true), "2025-12-05");
  EXPECT_EQ(find_date_in_text("수정 2025.12.06 11:00", true), "");
  EXPECT_EQ(find_date_in_text("입력 2025.13.45 10:31", true), "") << "not a date";
}

TEST(FindDateInTextTest, UnlabelledStampsNeedATime) {
  EXPECT_EQ(find_date_in_text("2025-12-05 오후 3:04", false), "2025-12-05");
  EXPECT_EQ(find_date_in_text("2025.12.05(금) 10:31", false), "2025-12-05");
  EXPECT_EQ(find_date_in_text("울릉도 여객선 증편 2025.11.30", false), "");
}

TEST(FindDateInTextTest, KoreanLabelledStampsAndTheirLines) {
  EXPECT_EQ(find_date_in_text("입력 2025년 12월 3일 오후 3:10", true), "2025-12-03");
  EXPECT_EQ(find_date_in_text("입력 2025. 12. 3. 오후 11:50", true), "2025-12-03");
  EXPECT_EQ(find_date_in_text("최초입력 : 2025-12-03 15:10", true), "2025-12-03");
  const TextDate found = locate_date_in_text("제목\n\n입력 2025-12-03 오후 3:10\n본문", true);
  EXPECT_EQ(found.date, "2025-12-03");
  EXPECT_EQ(found.line, 3u);
  EXPECT_EQ(found.unreadable_line, 0u);
}

TEST(FindDateInTextTest, AnUnreadableLabelledStampIsLocated) {
  const TextDate found = locate_date_in_text("제목\n본문 첫 줄이다.\n입력 2025.13.45 10:31\n등록 3건", true);
  EXPECT_EQ(found.date, "");
  EXPECT_EQ(found.unreadable_line, 3u);
  EXPECT_EQ(found.unreadable, "입력 2025.13.45 10:31");
  EXPECT_EQ(unreadable_date_reason(found.unreadable),
            "unreadable date \"입력 2025.13.45 10:31\"; indexed without a date");
  EXPECT_EQ(unreadable_date_reason(std::string(30, ' ') + std::string(40, 'x') + "가나다라마바"),
            "unreadable date \"" + std::string(40, 'x') + "가나다라마바\"; indexed without a date");
  EXPECT_EQ(unreadable_date_reason(std::string(58, 'x') + "가나"),
            "unreadable date \"" + std::string(58, 'x') + "…\"; indexed without a date")
      << "cut on a character boundary";
}

}  // namespace
}  // namespace sinmun
