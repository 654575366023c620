#include "analyzers/morph/detail/binary_dictionary.h"

#include <cstring>
#include <stdexcept>
#include <string>

namespace sinmun::morph {
namespace {

constexpr std::uint32_t kMagicXor = 0xef718f77u;  // MeCab stores magic = file size ^ this
constexpr std::uint32_t kVersion = 102;
constexpr std::size_t kHeaderSize = 72;  // ten u32 fields and a 32-byte charset name

std::uint32_t read_u32(const char* p) {
  std::uint32_t value;
  std::memcpy(&value, p, sizeof value);
  return value;
}

}  // namespace

BinaryDictionary::BinaryDictionary(const std::filesystem::path& path) : file_(path) {
  const auto bad = [&](const std::string& what) { return std::runtime_error(path.string() + ": " + what); };
  const char* data = file_.data();
  const std::size_t size = file_.size();
  if (size < kHeaderSize) throw bad("truncated (no 72-byte header)");
  if ((read_u32(data) ^ kMagicXor) != size) {
    throw bad("bad magic (not a MeCab dictionary, or truncated)");
  }
  if (read_u32(data + 4) != kVersion) {
    throw bad("unsupported dictionary version " + std::to_string(read_u32(data + 4)));
  }
  left_size_ = read_u32(data + 16);
  right_size_ = read_u32(data + 20);
  const std::size_t dsize = read_u32(data + 24);
  const std::size_t tsize = read_u32(data + 28);
  const std::size_t fsize = read_u32(data + 32);
  if (dsize % sizeof(Unit) != 0 || tsize % sizeof(DictionaryToken) != 0) {
    throw bad("corrupt header (trie or token size not a multiple of its record)");
  }
  if (kHeaderSize + dsize + tsize + fsize > size) throw bad("truncated (sections past end of file)");
  // Sections start at multiples of 8 in a page-aligned mapping, so these casts are aligned.
  units_ = reinterpret_cast<const Unit*>(data + kHeaderSize);
  unit_count_ = dsize / sizeof(Unit);
  tokens_ = reinterpret_cast<const DictionaryToken*>(data + kHeaderSize + dsize);
  token_count_ = tsize / sizeof(DictionaryToken);
  features_ = data + kHeaderSize + dsize + tsize;
  feature_size_ = fsize;
}

std::span<const DictionaryToken> BinaryDictionary::tokens_for(std::int32_t value) const {
  const auto first = static_cast<std::size_t>(static_cast<std::uint32_t>(value) >> 8);
  const auto count = static_cast<std::size_t>(value & 0xff);
  if (value < 0 || first + count > token_count_) return {};
  return {tokens_ + first, count};
}

std::span<const DictionaryToken> BinaryDictionary::exact_match(std::string_view key) const {
  std::span<const DictionaryToken> result;
  common_prefix_search(key, [&](std::span<const DictionaryToken> tokens, std::size_t length) {
    if (length == key.size()) result = tokens;
  });
  return result;
}

std::string_view BinaryDictionary::feature(const DictionaryToken& token) const {
  if (token.feature >= feature_size_) return {};
  const char* begin = features_ + token.feature;
  const std::size_t room = feature_size_ - token.feature;
  const void* nul = std::memchr(begin, '\0', room);
  return {begin, nul == nullptr ? room : static_cast<std::size_t>(static_cast<const char*>(nul) - begin)};
}

}  // namespace sinmun::morph
