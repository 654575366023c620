#ifndef SINMUN_SCHEMA_HASH_H_
#define SINMUN_SCHEMA_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace sinmun {

// FNV-1a 64: stable across compilers, runs and machines (unlike std::hash), which is what
// terms and metadata keys stored in a database need.
inline constexpr std::uint64_t kFnvSeed = 14695981039346656037ull;

// Feeding a text in pieces, each with the previous result as seed, gives the hash of the
// whole.
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed = kFnvSeed);

// 16 lower-case hex digits.
std::string to_hex(std::uint64_t value);

// fnv1a64 as 16 lower-case hex digits.
std::string fnv1a_hex(std::string_view bytes);

}  // namespace sinmun

#endif  // SINMUN_SCHEMA_HASH_H_
