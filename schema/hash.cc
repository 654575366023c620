#include "schema/hash.h"

#include <cstdio>

namespace sinmun {

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t hash = seed;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string to_hex(std::uint64_t value) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(value));
  return hex;
}

std::string fnv1a_hex(std::string_view bytes) { return to_hex(fnv1a64(bytes)); }

}  // namespace sinmun
