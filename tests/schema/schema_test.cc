#include "schema/schema.h"

#include <gtest/gtest.h>

namespace sinmun {
namespace {

TEST(SchemaTest, IdTermsFitXapiansLimitAndStayUnique) {
  EXPECT_EQ(schema::id_term("sample-0001"), "Qsample-0001");
  const std::string long_a(300, 'a');
  const std::string long_b = std::string(299, 'a') + "b";
  EXPECT_LE(schema::id_term(long_a).size(), schema::kMaxTermBytes);
  EXPECT_NE(schema::id_term(long_a), schema::id_term(long_b));
  std::string hangul;
  for (int i = 0; i < 100; ++i) hangul += "가";
  const std::string term = schema::id_term(hangul);
  EXPECT_LE(term.size(), schema::kMaxTermBytes);
  EXPECT_EQ(term.substr(1, 3), "가");
}

TEST(SchemaTest, FieldTermsLowerCaseAscii) {
  EXPECT_EQ(schema::field_term(schema::kSource, "Yonhap 연합"), "XSRCyonhap 연합");
}

}  // namespace
}  // namespace sinmun
