// The HTML reader (charset detection, then extract_html_article) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "corpus/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sinmun::read_html(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.html", [](sinmun::Article&&) {},
      [](const sinmun::Problem&) {});
  return 0;
}
