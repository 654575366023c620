// The JSON and JSON Lines readers on the same arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "corpus/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  const auto ignore_article = [](sinmun::Article&&) {};
  const auto ignore_problem = [](const sinmun::Problem&) {};
  sinmun::read_json(content, "fuzz.json", ignore_article, ignore_problem);
  sinmun::read_json_lines(content, "fuzz.jsonl", ignore_article, ignore_problem);
  return 0;
}
