#ifndef SINMUN_SCHEMA_VALUES_H_
#define SINMUN_SCHEMA_VALUES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Encodings of the value slots of schema/schema.h and of the date terms, each with its
// inverse: the only code that knows how a date, a facet, a sort key or a SimHash is stored.
// Dates come in as corpus's article dates, "YYYY-MM-DD" (KST).
namespace sinmun::schema {

// "2025-12-05" → "20251205" (the date slot, sortable as a string); "" unless `iso_date` is
// exactly YYYY-MM-DD with digits (the day itself is not checked: corpus did).
std::string date_value(std::string_view iso_date);

// The date value of a calendar day (year 0-9999): 2025, 3, 1 → "20250301".
std::string date_value(int year, unsigned month, unsigned day);

// "20251205" → "2025-12-05"; "" when `value` is not 8 digits.
std::string iso_date(std::string_view value);

// The boolean terms of a day: D20251205, M202512, Y2025; none for a date that
// date_value() refuses.
std::vector<std::string> date_terms(std::string_view iso_date);

// The facet slot: "YYYYMM<TAB>source" (month empty for an undated article).
std::string facet_value(std::string_view iso_date, std::string_view source);

struct FacetValue {
  std::string month;   // "YYYY-MM", or "" when the article has no date
  std::string source;  // "" when the article has no source
};

// The inverse of facet_value(); nullopt for a value that is not of its form.
std::optional<FacetValue> parse_facet_value(std::string_view value);

// The order slot: "YYYYMMDD<TAB>id" (date empty for an undated article), so that one value
// read orders by date and breaks ties by id.
std::string order_value(std::string_view iso_date, std::string_view id);

// The id of an order value (what follows its tab; the whole value if it has none).
std::string_view id_of_order_value(std::string_view value);

// The SimHash slot: 16 lower-case hex digits.
std::string simhash_value(std::uint64_t signature);

// The inverse of simhash_value(); nullopt for anything else (a damaged value).
std::optional<std::uint64_t> parse_simhash_value(std::string_view value);

}  // namespace sinmun::schema

#endif  // SINMUN_SCHEMA_VALUES_H_
