#include "corpus/simhash.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <vector>

namespace sinmun {
namespace {

// FNV-1a over the code points, then the splitmix64 finaliser: FNV alone leaves the high bits
// poorly mixed for short keys, and SimHash needs every bit to be a fair coin.
std::uint64_t hash_shingle(const UChar32* begin, const UChar32* end) {
  std::uint64_t h = 14695981039346656037ull;
  for (const UChar32* c = begin; c != end; ++c) {
    h ^= static_cast<std::uint32_t>(*c);
    h *= 1099511628211ull;
  }
  h += 0x9E3779B97F4A7C15ull;
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
  return h ^ (h >> 31);
}

std::vector<UChar32> normalised(std::string_view text) {
  std::vector<UChar32> out;
  out.reserve(text.size() / 2);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    // Hangul syllables, most of a Korean text, are letters without case: no property lookup.
    if (c >= 0xAC00 && c <= 0xD7A3) {
      out.push_back(c);
    } else if (c >= 0 && u_isalnum(c)) {
      out.push_back(u_tolower(c));
    }
  }
  return out;
}

}  // namespace

std::uint64_t simhash(std::string_view utf8_text) {
  const std::vector<UChar32> chars = normalised(utf8_text);
  if (chars.empty()) return 0;
  std::vector<std::uint64_t> hashes;
  if (chars.size() < static_cast<std::size_t>(kSimhashShingle)) {
    hashes.push_back(hash_shingle(chars.data(), chars.data() + chars.size()));
  } else {
    for (std::size_t i = 0; i + kSimhashShingle <= chars.size(); ++i) {
      hashes.push_back(hash_shingle(&chars[i], &chars[i] + kSimhashShingle));
    }
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  // A bit is set when more shingles have it set than not, its ones counted in a loop the
  // compiler vectorises (with a +1/-1 vote per bit and a property lookup per character,
  // SimHash took a twentieth of indexing's CPU; now a hundredth).
  std::array<std::uint32_t, 64> ones{};
  for (const std::uint64_t h : hashes) {
    for (int bit = 0; bit < 64; ++bit) ones[bit] += static_cast<std::uint32_t>((h >> bit) & 1u);
  }
  std::uint64_t signature = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (2 * static_cast<std::uint64_t>(ones[bit]) > hashes.size()) signature |= std::uint64_t{1} << bit;
  }
  return signature;
}

int hamming(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

}  // namespace sinmun
