#ifndef SINMUN_SCHEMA_SCHEMA_H_
#define SINMUN_SCHEMA_SCHEMA_H_

#include <cstddef>
#include <string>
#include <string_view>

#include <xapian.h>

#include "analyzers/token.h"

// The database schema (contract): every term prefix (Xapian/Omega conventions), value slot
// and metadata key Sinmun writes, and how analysed text becomes terms. docs/schema.md is
// the table for users; tests/schema/schema_doc_test.cc checks that it lists exactly the
// prefixes, slots and keys defined here. The value encodings are in schema/values.h, the
// document data in schema/stored_article.h, the file ledger in schema/ledger_entry.h.
namespace sinmun::schema {

// Free-text terms. Word and morpheme terms are unprefixed (body and title together, title
// occurrences weighted by kTitleWdf); n-gram terms live in their own space.
inline constexpr std::string_view kNgram = "XN";        // body+title bigrams
inline constexpr std::string_view kTitle = "S";         // title words and morphemes
inline constexpr std::string_view kTitleNgram = "XSN";  // title bigrams
// Direct quotations (corpus/quotes.h) and their speakers, at the quotation's body positions
// (speakers: from 0 per quotation, each 100 past the last).
inline constexpr std::string_view kQuote = "XQ";           // quotation words and morphemes
inline constexpr std::string_view kQuoteNgram = "XQN";     // quotation bigrams
inline constexpr std::string_view kSpeaker = "XSP";        // speaker words and morphemes
inline constexpr std::string_view kSpeakerNgram = "XSPN";  // speaker bigrams

// The bigrams left out because a morpheme covers them (covering_term), as one term whose wdf
// is what they would have had: a document keeps the length BM25 normalises by.
inline constexpr std::string_view kLeftOutNgrams = "XNCOVERED";

// Boolean terms.
inline constexpr std::string_view kId = "Q";
inline constexpr std::string_view kAuthor = "A";
inline constexpr std::string_view kSource = "XSRC";
inline constexpr std::string_view kCategory = "XCAT";
inline constexpr std::string_view kUrl = "U";
inline constexpr std::string_view kDay = "D";     // D20251205
inline constexpr std::string_view kMonth = "M";   // M202512
inline constexpr std::string_view kYear = "Y";    // Y2025
inline constexpr std::string_view kFile = "XF";   // XF + FNV-1a of the input file's path
inline constexpr std::string_view kGroup = "XG";  // XG + the near-duplicate group key (slot 2)

// Value slots (their encodings: schema/values.h).
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

// User metadata.
// The analysis mode (Analyzer::mode()) the documents were indexed with.
inline constexpr std::string_view kAnalyzerModeKey = "sinmun:analyzer";
// The analysis revision (kAnalysisRevision, analyzers/analyzer.h) of the oldest documents,
// decimal; absent: revision 1, from before it was recorded.
inline constexpr std::string_view kAnalysisRevisionKey = "sinmun:analysis-revision";
// The user dictionary the documents were last analysed with, and the synonym file that goes
// with them: schema/lexicon_files.h (written by sinmun-lexicon apply).
inline constexpr std::string_view kUserDictionaryKey = "sinmun:user-dictionary";
inline constexpr std::string_view kSynonymsKey = "sinmun:synonyms";
// Ledger entries of input files: this + FNV-1a of the path (schema/ledger_entry.h).
inline constexpr std::string_view kLedgerKeyPrefix = "sinmun:file:";
// Learned boilerplate of one source: this + the source as its XSRC term spells it ("" for
// articles without a source); JSON, indexer/detail/template_lines.h.
inline constexpr std::string_view kBoilerplateKeyPrefix = "sinmun:boilerplate:";
// The zstd dictionary the document data is compressed over (schema/stored_article.h), trained
// by the indexer on the first articles of a database and never changed: binary, in every
// shard.
inline constexpr std::string_view kArticleDictionaryKey = "sinmun:article-dictionary";
// In shard 0 of a sharded database (schema/shards.h): the number of shards, decimal.
inline constexpr std::string_view kShardCountKey = "sinmun:shards";

// A title occurrence of a term counts this many times in the unprefixed space: BM25's
// title boost.
inline constexpr Xapian::termcount kTitleWdf = 3;

// Positions of body terms start here (or 100 past the title's last), so that no phrase
// spans title and body.
inline constexpr Xapian::termpos kBodyFirstPosition = 1000;

// Xapian refuses terms over 245 bytes; longer ones are not indexed as text.
inline constexpr std::size_t kMaxTermBytes = 240;

// Where a text term is looked for: the title and body together, or the title alone.
enum class TextSpace {
  kAnywhere,     // unprefixed words and morphemes, XN n-grams
  kTitleOnly,    // S words and morphemes, XSN n-grams
  kQuoteText,    // XQ words and morphemes of quotations, XQN n-grams
  kSpeakerName,  // XSP words and morphemes of speakers, XSPN n-grams
};

// The index term of an analysed token in `space`: the one mapping from tokens to terms for
// the indexer, the query builder and snippets.
std::string text_term(const Token& token, TextSpace space = TextSpace::kAnywhere);

// With morphemes, a bigram is not indexed where a word or morpheme of the same text covers
// the same bytes (수출 of 수출을 is the morpheme 수출): the term that stands in for the bigram
// `bigram` in `space` then ("XN수출" → "수출", "XSN수출" → "S수출"), which whatever looks
// for the bigram looks for too.
std::string covering_term(const Token& bigram, TextSpace space = TextSpace::kAnywhere);
// Whether `word` covers the n-gram `ngram` so: a word or morpheme (not an n-gram) of the
// same text over the same bytes. The indexer leaves such an n-gram out; a query looks for it
// as covering_term.
bool covers(const Token& word, const Token& ngram);

// The text a kAnywhere text term stands for ("h200" → "h200", "XN수출" → "수출"), or "" for
// a term of any other space. Text terms are normalised (lower case), so an unprefixed term
// never starts with an upper-case ASCII letter and every prefixed term does.
std::string_view text_of_term(std::string_view term);

// True for an unprefixed (word or morpheme) term.
bool is_word_or_morpheme_term(std::string_view term);

// `Q` + id; an id too long for a term is shortened and made unique with a hash of the whole.
std::string id_term(std::string_view id);

// Boolean term for a field value: the prefix and the value lower-cased (ASCII), trimmed
// to the term length limit.
std::string field_term(std::string_view prefix, std::string_view value);

// The boolean term of the near-duplicate group with collapse key `key` (every copy of one
// wire story carries it, so that the copies of a folded result can be listed).
std::string group_term(std::string_view key);

// The boolean term every document read from the file at `path` carries, so that the
// documents of one file can be found, replaced or removed together: "XF" + 16 hex digits.
std::string file_term(std::string_view path);

// The analysis revision `db` records (kAnalysisRevisionKey): 1 when it records none or
// something that is not a positive number.
int recorded_analysis_revision(const Xapian::Database& db);

}  // namespace sinmun::schema

#endif  // SINMUN_SCHEMA_SCHEMA_H_
