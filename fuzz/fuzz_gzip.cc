// gunzip on arbitrary bytes, with a small output cap (a bomb must stop at it).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "corpus/gzip.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::size_t kCap = std::size_t{1} << 20;
  const sinmun::Gunzipped out = sinmun::gunzip(std::string_view(reinterpret_cast<const char*>(data), size), kCap);
  if (out.data.size() > kCap) std::abort();
  return 0;
}
