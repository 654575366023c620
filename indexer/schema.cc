#include "indexer/schema.h"

#include "indexer/hash.h"

namespace sinmun::schema {
namespace {

// Cuts at most `limit` bytes without splitting a UTF-8 character.
std::string_view utf8_prefix(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

}  // namespace

std::string id_term(std::string_view id) {
  std::string term(kId);
  if (term.size() + id.size() <= kMaxTermBytes) return term.append(id);
  return term.append(utf8_prefix(id, kMaxTermBytes - term.size() - 17)).append("#" + fnv1a_hex(id));
}

std::string field_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  for (char c : utf8_prefix(value, kMaxTermBytes - prefix.size())) {
    term += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return term;
}

}  // namespace sinmun::schema
