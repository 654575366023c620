#include "corpus/boilerplate.h"

#include <gtest/gtest.h>

namespace sinmun {
namespace {

struct Case {
  const char* line;
  const char* rule;  // "" = article text, must be kept
};

// One row per rule (and per pattern within a rule), then prose that must survive.
const Case kCases[] = {
    {"ⓒ 한빛일보 무단 전재 및 재배포 금지", "copyright"},
    {"<저작권자 © 한빛일보, 무단전재 및 재배포 금지>", "copyright"},
    {"무단 복제·배포 금지", "copyright"},
    {"ⓒ 동해신문", "copyright"},
    {"Copyright 2025 Hanbit Ilbo. All rights reserved.", "copyright"},
    {"AI 학습 및 활용 금지", "ai-training-ban"},
    {"기사문의 및 제보 : tip@example.com", "tip-off"},
    {"제보는 카카오톡 okjebo", "tip-off"},
    {"좋아요 0", "reactions"},
    {"추천 3 | 비추천 1", "reactions"},
    {"ADVERTISEMENT", "advertisement"},
    {"광고", "advertisement"},
    {"공유하기", "share-toolbar"},
    {"구독신청", "share-toolbar"},
    {"공유하기 카카오톡 URL 복사", "share-toolbar"},
    {"페이스북 트위터 카카오톡 링크복사 인쇄 글자크기", "share-toolbar"},
    {"관련기사", "navigation"},
    {"이전기사 다음기사 목록", "navigation"},
    {"입력 2025.12.05 10:31", "date-stamp"},
    {"입력 2025.12.05 10:31 수정 2025.12.05 11:02", "date-stamp"},
    {"기사입력 2025.12.05. 오전 9:01", "date-stamp"},
    {"2025-12-05 오후 3:04", "date-stamp"},
    {"사진=한빛일보 DB", "photo-credit"},
    {"[사진 제공=다온로보틱스]", "photo-credit"},
    {"(사진=연합뉴스)", "photo-credit"},
    {"그래픽=홍길동 기자", "photo-credit"},
    {"회의를 주재하는 총재 2025.12.5 /연합뉴스", "photo-credit"},
    {"장보는 시민들 /온누리통신", "photo-credit"},
    {"눈 덮인 광장을 걷는 시민들 2025.12.5/누리통신", "photo-credit"},
    {"▶ 네이버에서 한빛일보를 구독하세요", "promotion"},
    {"☞ 제보하기", "tip-off"},
    // The page-dump lines of issue 16, wherever they appear.
    {"좋아요 0 응원해요 0 후속 원해요 0", "reactions"},
    {"추천해요 2 감동이에요 0 궁금해요 1", "reactions"},
    {"당신이 담은 순간이 뉴스입니다!", "tip-off"},
    {"여러분의 제보가 뉴스가 됩니다", "tip-off"},
    {"jebo23", "tip-off"},
    {"카카오톡 hanbitjebo", "tip-off"},
    {"ⓒ 누리방송 무단 전재-재배포, AI 학습 및 활용 금지", "copyright"},
    {"2025년 12월 3일", "date-stamp"},
    {"2025. 12. 3.", "date-stamp"},
    {"2025-12-03T15:10:00+09:00", "date-stamp"},
    // Article text that mentions the same words.
    {"저작권 단체는 무단 전재 사례가 늘었다고 밝혔다.", ""},
    {"좋아요 버튼을 누른 이용자가 100만 명을 넘었다.", ""},
    {"광고 시장은 올해 5% 성장했다.", ""},
    {"카카오톡 이용자는 4천만 명을 넘는다.", ""},
    {"환율은 1,470원 안팎에서 움직였다.", ""},
    {"사진작가 김모씨는 전시회를 열었다.", ""},
    {"수출은 2025년 12월 5일 발표됐다.", ""},
    {"매출 비중은 30%/40%로 나뉜다.", ""},
    {"자세한 내용은 https://news.example.com/a 에서 볼 수 있다.", ""},
    {"1", ""},
    // Slashes that are not credits: units, pairs, markup, formulas, cast lists.
    {"최고 속도 50 ~ 60km/h", ""},
    {"성우:벤 버트/홍길동", ""},
    {"교양/다큐멘터리/종교", ""},
    {"</poem>", ""},
    {"E=E°-(RT/nF)lnQ", ""},
    {"후속 대책은 다음 주에 나온다.", ""},
    {"시민들은 선수들을 응원해요라고 적힌 현수막을 들었다.", ""},
    {"그는 2025년 12월 3일 귀국했다.", ""},
    {"[단독] 한빛전자, 새 공장 짓는다", ""},
};

TEST(BoilerplateTest, EachRuleMatchesItsLinesAndProseIsKept) {
  for (const Case& c : kCases) EXPECT_EQ(boilerplate_rule(c.line), c.rule) << c.line;
}

TEST(BoilerplateTest, LongLinesAreProseWhateverTheyContain) {
  std::string sentence = "ⓒ 표시가 들어간 문장이라도";
  while (sentence.size() < 400) sentence += " 아주 긴 본문 문장은 기사 내용으로 남는다";
  EXPECT_EQ(boilerplate_rule(sentence), "");
}

TEST(BoilerplateTest, PhotoCreditsAreCutOutOfSentences) {
  EXPECT_EQ(strip_photo_credits("장애물을 스스로 피한다(사진=한빛일보 DB). 충전이 필요하면"),
            "장애물을 스스로 피한다. 충전이 필요하면");
  EXPECT_EQ(strip_photo_credits("로봇을 시험하고 있다. [사진 제공=다온로보틱스]"), "로봇을 시험하고 있다.");
  EXPECT_EQ(strip_photo_credits("회의 모습 [연합뉴스 자료사진]"), "회의 모습");
  EXPECT_EQ(strip_photo_credits("정부(기획재정부)는 [단독] 발표했다"), "정부(기획재정부)는 [단독] 발표했다");
}

TEST(BoilerplateTest, AWholeArticlePrintedTwiceIsCollapsed) {
  EXPECT_EQ(collapse_repeated_text("가 문단.\n나 문단.\n가 문단.\n나 문단."), "가 문단.\n나 문단.");
  const std::string story = "첫 문단은 사건의 개요를 전한다.\n둘째 문단은 관계자의 말을 전한다.";
  EXPECT_EQ(collapse_repeated_text(story + "\n" + story + "\n홍길동 기자"), story + "\n홍길동 기자");
  // A repeated short line inside a longer text is the author's choice, not a page defect.
  EXPECT_EQ(collapse_repeated_text("만세!\n만세!\n긴 본문이 이어지고 또 이어지며 기사 대부분을 차지한다."),
            "만세!\n만세!\n긴 본문이 이어지고 또 이어지며 기사 대부분을 차지한다.");
  EXPECT_EQ(collapse_repeated_text("한 줄"), "한 줄");
  EXPECT_EQ(collapse_repeated_text(""), "");
}

TEST(BoilerplateTest, APassagePrintedTwiceIsFoundInLinearTime) {
  // 100,000 equal lines, one other, 100,000 equal lines: comparing the passages of every
  // length one by one took time quadratic in the lines. Nothing here is most of the text twice.
  std::string half;
  for (int i = 0; i < 100000; ++i) half += "ㅋ\n";
  const std::string text = half + "끝\n" + half;
  EXPECT_TRUE(collapse_repeated_text(text) == text);  // (not EXPECT_EQ: no diff of 200,000 lines)
  std::string twice;
  for (int i = 0; i < 50000; ++i) twice += "문단 " + std::to_string(i % 3) + "\n";
  EXPECT_TRUE(collapse_repeated_text(twice + twice) + "\n" == twice);
}

TEST(BoilerplateTest, BracketedTagsAreNeverTitles) {
  for (const char* tag :
       {"[앵커]", "[기자]", "[리포트]", " [ 앵커 멘트 ] ", "<앵커>", "【인터뷰】", "[한빛일보 홍길동 기자]"}) {
    EXPECT_TRUE(is_bracket_tag(tag)) << tag;
  }
  for (const char* line : {"[단독] 한빛전자, 새 공장 짓는다", "[앵커] [기자]", "[]", "앵커", "[",
                           "<저작권자 © 한빛일보, 무단전재 및 재배포 금지> 그리고 "
                           "이어지는 아주 긴 문장이 여기에 있다"}) {
    EXPECT_FALSE(is_bracket_tag(line)) << line;
  }
  EXPECT_EQ(clean_title("[앵커]"), "");
  EXPECT_EQ(clean_title("[앵커]\n한파에 스키장 붐벼"), "한파에 스키장 붐벼");
  EXPECT_EQ(clean_title(" [단독] 한빛전자, 새 공장 짓는다 "), "[단독] 한빛전자, 새 공장 짓는다");
}

TEST(BoilerplateTest, CleanArticleTextDropsBoilerplateAndKeepsOrder) {
  EXPECT_EQ(
      clean_article_text("입력 2025.12.05 10:31\n공유하기 카카오톡\n첫 문장이다.\n\n  둘째   문장이다. \n좋아요 0\n"
                         "ⓒ 한빛일보 무단 전재 및 재배포 금지"),
      "첫 문장이다.\n둘째 문장이다.");
}

}  // namespace
}  // namespace sinmun
