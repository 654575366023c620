#include "analyzers/morph/detail/char_property.h"

#include <cstring>
#include <stdexcept>

namespace sinmun::morph {
namespace {

constexpr std::size_t kNameSize = 32;
constexpr std::size_t kTableSize = 0xffff;  // MeCab stores U+0000..U+FFFE

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xc0u) == 0x80u; }

}  // namespace

DecodedChar decode_utf8(std::string_view text) {
  const auto b0 = static_cast<unsigned char>(text[0]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t length = 0;
  char32_t code = 0;
  if ((b0 & 0xe0u) == 0xc0u) {
    length = 2;
    code = b0 & 0x1fu;
  } else if ((b0 & 0xf0u) == 0xe0u) {
    length = 3;
    code = b0 & 0x0fu;
  } else if ((b0 & 0xf8u) == 0xf0u) {
    length = 4;
    code = b0 & 0x07u;
  } else {
    return {0, 1};
  }
  if (text.size() < length) return {0, 1};
  for (std::size_t i = 1; i < length; ++i) {
    if (!is_continuation(text[i])) return {0, 1};
    code = (code << 6) | (static_cast<unsigned char>(text[i]) & 0x3fu);
  }
  return {code, length};
}

CharProperty::CharProperty(const std::filesystem::path& path) : file_(path) {
  const char* data = file_.data();
  const std::size_t size = file_.size();
  if (size < 4) throw std::runtime_error(path.string() + ": truncated (no category count)");
  std::uint32_t count;
  std::memcpy(&count, data, sizeof count);
  const std::size_t table_offset = 4 + std::size_t{count} * kNameSize;
  if (count == 0 || size < table_offset + kTableSize * sizeof(std::uint32_t)) {
    throw std::runtime_error(path.string() + ": truncated or corrupt (expected " + std::to_string(count) +
                             " categories and a 65535-entry table)");
  }
  for (std::size_t i = 0; i < count; ++i) {
    const char* name = data + 4 + i * kNameSize;
    names_.emplace_back(name, strnlen(name, kNameSize));
  }
  // table_offset is 4 + 32k, so the u32 table is 4-byte aligned in the mapping.
  table_ = reinterpret_cast<const std::uint32_t*>(data + table_offset);
  table_size_ = kTableSize;
  // The segmenter indexes unknown-word templates by default category; check them once here.
  for (std::size_t code = 0; code < table_size_; ++code) {
    if (CharInfo(table_[code]).default_category() >= count) {
      throw std::runtime_error(path.string() + ": corrupt (character " + std::to_string(code) +
                               " has an undefined category)");
    }
  }
}

}  // namespace sinmun::morph
