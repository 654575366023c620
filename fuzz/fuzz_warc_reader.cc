// The WARC reader (records, their HTTP responses and pages) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "corpus/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sinmun::read_warc(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.warc", [](sinmun::Article&&) {},
      [](const sinmun::Problem&) {});
  return 0;
}
