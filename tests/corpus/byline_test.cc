#include "corpus/byline.h"

#include <gtest/gtest.h>

namespace sinmun {
namespace {

TEST(BylineTest, FindsReportersInTheCommonForms) {
  EXPECT_EQ(byline_author("본문이다.\n홍길동 기자"), "홍길동");
  EXPECT_EQ(byline_author("본문이다.\n홍길동기자 hong@example.com"), "홍길동");
  EXPECT_EQ(byline_author("본문이다.\n유다인 특파원 dain@example.com"), "유다인");
  EXPECT_EQ(byline_author("본문이다.\n윤소라 논설위원"), "윤소라");
  EXPECT_EQ(byline_author("[한빛일보 김하늘 기자] 본문이 이어진다."), "김하늘");
  EXPECT_EQ(byline_author("홍길동·김철수 기자"), "홍길동·김철수");
  EXPECT_EQ(byline_author("동해신문 최민재 기자 | 2025-12-05 오후 3:04"), "최민재");
}

TEST(BylineTest, TheAgencyDatelineOpensALongParagraph) {
  std::string line = "(서울=온누리통신) 박서연 기자 = 전통시장 환급 행사가 연장된다.";
  while (line.size() < 400) line += " 본문이 길게 이어진다.";
  EXPECT_EQ(byline_author(line), "박서연");
}

TEST(BylineTest, ProseAboutReportersIsNotAByline) {
  std::string long_line = "대변인은 기자 질문에 답하지 않았고";
  while (long_line.size() < 400) long_line += " 홍길동 기자가 쓴 기사도 언급했다.";
  EXPECT_EQ(byline_author(long_line), "");
  EXPECT_EQ(byline_author("취재 기자"), "");
  EXPECT_EQ(byline_author("기자회견이 열렸다."), "");
  EXPECT_EQ(byline_author(""), "");
}

TEST(BylineTest, EmailBylines) {
  EXPECT_EQ(email_byline("본문이다.\n홍길동 hong@example.com"), "홍길동");
  EXPECT_EQ(email_byline("홍길동 기자 hong@example.com"), "홍길동");
  EXPECT_EQ(email_byline("본문이다.\nseoyeon@example.com"), "seoyeon@example.com");
  EXPECT_EQ(email_byline("주소는 @example 이다"), "");
}

}  // namespace
}  // namespace sinmun
