#ifndef SINMUN_INDEXER_SCHEMA_H_
#define SINMUN_INDEXER_SCHEMA_H_

#include <string>
#include <string_view>

#include <xapian.h>

// The database schema (contract): term prefixes (Xapian/Omega conventions) and value slots.
// docs/schema.md is the table for users; change both together.
namespace sinmun::schema {

// Free-text terms. Word and morpheme terms are unprefixed (body and title together, title
// occurrences weighted by kTitleWdf); n-gram terms live in their own space.
inline constexpr std::string_view kNgram = "XN";       // body+title bigrams
inline constexpr std::string_view kTitle = "S";        // title words and morphemes
inline constexpr std::string_view kTitleNgram = "XSN"; // title bigrams

// Boolean terms.
inline constexpr std::string_view kId = "Q";
inline constexpr std::string_view kAuthor = "A";
inline constexpr std::string_view kSource = "XSRC";
inline constexpr std::string_view kCategory = "XCAT";
inline constexpr std::string_view kUrl = "U";
inline constexpr std::string_view kDay = "D";    // D20251205
inline constexpr std::string_view kMonth = "M";  // M202512
inline constexpr std::string_view kYear = "Y";   // Y2025

// Value slots.
inline constexpr Xapian::valueno kDateSlot = 0;      // "YYYYMMDD", sorts as a string
inline constexpr Xapian::valueno kSourceSlot = 1;    // the source as shown
inline constexpr Xapian::valueno kCollapseSlot = 2;  // near-duplicate group key (16 hex)
inline constexpr Xapian::valueno kIdSlot = 3;        // the article id (near-duplicate groups
                                                     // are reloaded by it)
inline constexpr Xapian::valueno kSimhashSlot = 4;   // SimHash of the body, 16 hex digits
inline constexpr Xapian::valueno kFacetSlot = 5;     // "YYYYMM<TAB>source": both facets from
                                                     // one value read per matching document
inline constexpr Xapian::valueno kOrderSlot = 6;     // "YYYYMMDD<TAB>id": newest first and
                                                     // ties by id in one value read

// User metadata: the analysis mode (Analyzer::mode()) the documents were indexed with.
inline constexpr std::string_view kAnalyzerModeKey = "sinmun:analyzer";

// A title occurrence of a term counts this many times in the unprefixed space: BM25's
// title boost.
inline constexpr Xapian::termcount kTitleWdf = 3;

// Positions of body terms start here (or 100 past the title's last), so that no phrase
// spans title and body.
inline constexpr Xapian::termpos kBodyFirstPosition = 1000;

// Xapian refuses terms over 245 bytes; longer ones are not indexed as text.
inline constexpr std::size_t kMaxTermBytes = 240;

// `Q` + id; an id too long for a term is shortened and made unique with a hash of the whole.
std::string id_term(std::string_view id);

// Boolean term for a field value: the prefix and the value lower-cased (ASCII), trimmed
// to the term length limit.
std::string field_term(std::string_view prefix, std::string_view value);

}  // namespace sinmun::schema

#endif  // SINMUN_INDEXER_SCHEMA_H_
