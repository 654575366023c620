#include "schema/values.h"

#include <algorithm>
#include <cstdio>

#include "schema/hash.h"
#include "schema/schema.h"

namespace sinmun::schema {
namespace {

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string date_value(std::string_view iso_date) {
  if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return "";
  std::string value = std::string(iso_date.substr(0, 4)).append(iso_date.substr(5, 2)).append(iso_date.substr(8, 2));
  return all_digits(value) ? value : "";
}

std::string date_value(int year, unsigned month, unsigned day) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d%02u%02u", year, month, day);
  return buffer;
}

std::string iso_date(std::string_view value) {
  if (value.size() != 8 || !all_digits(value)) return "";
  return std::string(value.substr(0, 4)).append("-").append(value.substr(4, 2)).append("-").append(value.substr(6, 2));
}

std::vector<std::string> date_terms(std::string_view iso_date) {
  const std::string day = date_value(iso_date);
  if (day.empty()) return {};
  return {std::string(kDay).append(day), std::string(kMonth).append(day.substr(0, 6)),
          std::string(kYear).append(day.substr(0, 4))};
}

std::string facet_value(std::string_view iso_date, std::string_view source) {
  return date_value(iso_date).substr(0, 6).append("\t").append(source);
}

std::optional<FacetValue> parse_facet_value(std::string_view value) {
  const std::size_t tab = value.find('\t');
  if (tab != 0 && (tab != 6 || !all_digits(value.substr(0, 6)))) return std::nullopt;
  FacetValue facet;
  if (tab == 6) facet.month = std::string(value.substr(0, 4)).append("-").append(value.substr(4, 2));
  facet.source = value.substr(tab + 1);
  return facet;
}

std::string order_value(std::string_view iso_date, std::string_view id) {
  return date_value(iso_date).append("\t").append(id);
}

std::string_view id_of_order_value(std::string_view value) {
  const std::size_t tab = value.find('\t');
  return tab == std::string_view::npos ? value : value.substr(tab + 1);
}

std::string simhash_value(std::uint64_t signature) { return to_hex(signature); }

std::optional<std::uint64_t> parse_simhash_value(std::string_view value) {
  if (value.size() != 16) return std::nullopt;
  std::uint64_t signature = 0;
  for (char c : value) {
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return std::nullopt;
    signature = signature << 4 | static_cast<std::uint64_t>(digit);
  }
  return signature;
}

}  // namespace sinmun::schema
