#include "corpus/http_response.h"

#include <gtest/gtest.h>

namespace sinmun {
namespace {

TEST(HttpResponseTest, TheStatusIsThreeDigits) {
  HttpResponse response;
  ASSERT_EQ(parse_http_response("HTTP/1.0 404 Not Found\n\n", response), "");
  EXPECT_EQ(response.status, 404);
  // Found by the random-input test: from_chars took a sign, and "-20" was a status.
  for (const char* line : {"HTTP/1.1 -20 OK", "HTTP/1.1 -04 OK", "HTTP/1.1 2x0 OK", "HTTP/1.1 20", "HTTP/1.1"}) {
    HttpResponse bad;
    EXPECT_EQ(parse_http_response(std::string(line) + "\r\n\r\n", bad), "bad HTTP status line") << line;
  }
}

}  // namespace
}  // namespace sinmun
