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

}  // namespace
}  // namespace sinmun
