// The analysis chain on arbitrary bytes (invalid UTF-8 included), with the dictionary when
// one is installed: tokens must come out ordered, inside the text, without a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "analyzers/analyzer.h"
#include "analyzers/dictionary_location.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const sinmun::Analyzer analyzer = sinmun::make_analyzer({}, [](const std::string&) {});
  static sinmun::AnalysisContext context(std::size_t{1} << 20);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t last_start = 0;
  for (const sinmun::Token& token : analyzer.analyze(text, context)) {
    if (token.start < last_start || token.end > size || token.start > token.end) std::abort();
    last_start = token.start;
  }
  return 0;
}
