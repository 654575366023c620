#include "corpus/charset.h"

#include <gtest/gtest.h>

#include "tests/corpus/fixtures.h"

namespace sinmun {
namespace {

// "똠얌꿍 햏" in CP949 (iconv -t CP949): 똠 (8C 63) and 햏 (C1 64) are outside EUC-KR.
const std::string kCp949 = "\x8c\x63\xbe\xe4\xb2\xe1 \xc1\x64";

TEST(CharsetTest, KoreanLabelsAllUseWindows949) {
  for (const char* label : {"EUC-KR", "euc-kr", "ks_c_5601-1987", "KS_C_5601-1987", "cp949", "CP949", "x-windows-949",
                            "windows-949", "ms949", "uhc"}) {
    EXPECT_EQ(converter_for_label(label), "windows-949") << label;
  }
  EXPECT_EQ(converter_for_label("UTF-8"), "UTF-8");
  EXPECT_EQ(converter_for_label("utf8"), "UTF-8");
  EXPECT_EQ(converter_for_label("no-such-charset"), "");
  EXPECT_EQ(converter_for_label(""), "");
}

TEST(CharsetTest, LabelsFromHeadersAndMeta) {
  EXPECT_EQ(charset_from_content_type("text/html; charset=EUC-KR"), "EUC-KR");
  EXPECT_EQ(charset_from_content_type("text/html;charset=\"utf-8\""), "utf-8");
  EXPECT_EQ(charset_from_content_type("text/html"), "");
  EXPECT_EQ(charset_from_html_meta("<head><META CHARSET=euc-kr></head>"), "euc-kr");
  EXPECT_EQ(charset_from_html_meta("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ks_c_5601-1987\">"),
            "ks_c_5601-1987");
  EXPECT_EQ(charset_from_html_meta("<meta name=\"viewport\" content=\"width=device-width\">"), "");
}

TEST(CharsetTest, Cp949ExtensionsSurviveAnEucKrLabel) {
  const DecodedText d = decode_to_utf8(kCp949, "euc-kr");
  EXPECT_EQ(d.charset, "windows-949");
  EXPECT_EQ(d.invalid, 0u);
  EXPECT_EQ(d.text, "똠얌꿍 햏");
}

TEST(CharsetTest, PrecedenceIsBomThenDeclaredThenMetaThenDetection) {
  EXPECT_EQ(decode_to_utf8("\xEF\xBB\xBF가", "euc-kr").text, "가");
  EXPECT_EQ(decode_to_utf8(std::string_view("\xFF\xFE\x00\xAC", 4), "").text, "가");
  EXPECT_EQ(decode_to_utf8(std::string_view("\xFE\xFF\xAC\x00", 4), "").charset, "UTF-16BE");
  const std::string meta_page = "<meta charset=\"euc-kr\"><p>" + kCp949 + "</p>";
  EXPECT_EQ(decode_to_utf8(meta_page, "", true).text, "<meta charset=\"euc-kr\"><p>똠얌꿍 햏</p>");
  EXPECT_EQ(decode_to_utf8(meta_page, "", false).charset, "windows-949") << "ucsdet calls this short page windows-1252";
  EXPECT_NE(decode_to_utf8("caf\xE9 cr\xE8me").charset, "windows-949") << "Latin-1 is not mistaken for Korean";
}

TEST(CharsetTest, DetectsUndeclaredEucKr) {
  const DecodedText d = decode_to_utf8(testing::fixture("html/euc_kr.html"));
  EXPECT_EQ(d.charset, "windows-949");
  EXPECT_EQ(d.invalid, 0u);
  EXPECT_NE(d.text.find("겨울 바다 축제"), std::string::npos);
}

TEST(CharsetTest, InvalidBytesBecomeReplacementCharactersAndAreCounted) {
  // B0 is a lead byte; a space cannot follow it.
  const DecodedText d = decode_to_utf8("\xB0\xA1\xB0 \xB0\xA1", "euc-kr");
  EXPECT_EQ(d.text, "가\xEF\xBF\xBD 가");
  EXPECT_EQ(d.invalid, 1u);
  EXPECT_EQ(describe_invalid(d), "invalid windows-949: 1 byte(s) replaced by U+FFFD");
  const DecodedText u = decode_to_utf8("한국어 본문 텍스트가 길게 이어진다 \xFF 끝");
  EXPECT_EQ(u.charset, "UTF-8") << "one stray byte does not make UTF-8 something else";
  EXPECT_EQ(u.invalid, 1u);
}

TEST(CharsetTest, AUtf8PageDeclaringEucKrIsReadAsUtf8WithANote) {
  const std::string page = "<meta charset=\"euc-kr\"><title>한국 경제 뉴스</title><p>반도체 수출이 늘었다.</p>";
  for (const bool in_header : {false, true}) {
    const DecodedText d = in_header ? decode_to_utf8(page, "EUC-KR", true) : decode_to_utf8(page, "", true);
    EXPECT_EQ(d.charset, "UTF-8");
    EXPECT_EQ(d.text, page);
    EXPECT_EQ(d.invalid, 0u);
    EXPECT_EQ(d.note, std::string("declared charset ") + (in_header ? "EUC-KR" : "euc-kr") +
                          " does not match the bytes, which are UTF-8: read as such");
  }
  EXPECT_EQ(decode_to_utf8("가격 인상", "iso-8859-1").text, "가격 인상") << "Latin-1 decodes anything: bytes win";
}

TEST(CharsetTest, EucKrBytesDeclaredUtf8AreReadAsEucKrWithANote) {
  const std::string euc_kr = testing::fixture("html/euc_kr.html");
  const DecodedText d = decode_to_utf8(euc_kr, "utf-8");
  EXPECT_EQ(d.charset, "windows-949");
  EXPECT_EQ(d.invalid, 0u);
  EXPECT_NE(d.text.find("겨울 바다 축제"), std::string::npos);
  EXPECT_EQ(d.note, "declared charset utf-8 does not match the bytes, which are EUC-KR/CP949: read as such");
}

TEST(CharsetTest, ADeclarationTheBytesBearOutHasNoNote) {
  EXPECT_EQ(decode_to_utf8(testing::fixture("html/euc_kr.html"), "euc-kr").note, "");
  EXPECT_EQ(decode_to_utf8(kCp949, "euc-kr").note, "");
  EXPECT_EQ(decode_to_utf8("한국 경제", "utf-8").note, "");
  EXPECT_EQ(decode_to_utf8("plain ASCII", "euc-kr").note, "") << "ASCII is valid in either";
  const DecodedText broken = decode_to_utf8("\xB0\xA1\xB0 \xB0\xA1", "euc-kr");
  EXPECT_EQ(broken.note, "") << "not UTF-8 either: the label stands, with its invalid byte";
  EXPECT_EQ(broken.invalid, 1u);
}

TEST(CharsetTest, RandomBytesNeverCrash) {
  std::string bytes;
  std::uint32_t state = 12345;
  for (int round = 0; round < 200; ++round) {
    bytes.clear();
    for (int i = 0; i < 300; ++i) {
      state = state * 1664525u + 1013904223u;
      bytes += static_cast<char>(state >> 24);
    }
    for (const char* label : {"", "euc-kr", "utf-8", "utf-16le", "iso-2022-kr"}) {
      const DecodedText d = decode_to_utf8(bytes, label, true);
      EXPECT_FALSE(d.charset.empty());
    }
  }
}

}  // namespace
}  // namespace sinmun
