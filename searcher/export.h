#ifndef SINMUN_SEARCHER_EXPORT_H_
#define SINMUN_SEARCHER_EXPORT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "searcher/searcher.h"

// The articles a query finds as CSV, TSV or JSON Lines, a page of matches at a time, so that
// exporting 100,000 articles takes the memory of one page: `sinmun-search --format` and
// /api/export, one code path.
namespace sinmun {

enum class ExportFormat {
  kCsv,    // RFC 4180: a UTF-8 BOM (Excel then reads UTF-8), a header row, fields quoted when
           // they hold , " CR or LF (quotes doubled), CRLF line ends
  kTsv,    // a header row, LF line ends; inside fields \ TAB CR LF are written \\ \t \r \n
  kJsonl,  // one JSON object per line, keys in the order of the fields asked for
};

// "csv", "tsv", "jsonl"; anything else is a UsageError.
ExportFormat parse_export_format(std::string_view name);
std::string_view export_format_name(ExportFormat format);   // "csv"; also the file extension
std::string_view export_content_type(ExportFormat format);  // "text/csv; charset=utf-8" …

enum class ExportField { kId, kDate, kSource, kAuthor, kCategory, kTitle, kUrl, kBody };

// "id,date,source,author,category,title,url,body" (any of them, in any order, once each);
// "" means all of them in that order. Throws UsageError naming an unknown or repeated field.
std::vector<ExportField> parse_export_fields(std::string_view list);

// Writes the matches of one request. The rows are search()'s results in its order (--sort)
// with its filters and collapse (a folded story is one row, its best-ranked copy), for the
// query in its strict form (every word: never loosened); from request.offset on, at most
// request.limit rows unless `all`. Shares `searcher`'s database, so the searcher serves
// nobody else while the Exporter is used. Not thread-safe.
class Exporter {
 public:
  // Matches are read this many at a time.
  static constexpr Xapian::doccount kPageSize = 1000;

  // Throws what Searcher::search() throws for a bad request.
  Exporter(Searcher& searcher, const SearchRequest& request, ExportFormat format, std::vector<ExportField> fields,
           bool all);

  // The next piece of the output: the header first, then one page of rows at a time; ""
  // once everything is written. Throws Xapian::DatabaseModifiedError when the database
  // changed under a long export (the output so far is then incomplete).
  std::string next();

  Xapian::doccount rows() const { return rows_; }
  // Articles whose stored data could not be read (skipped, not written).
  Xapian::doccount damaged() const { return damaged_; }

 private:
  void write_row(const StoredArticle& article, std::string& out) const;

  Xapian::Enquire enquire_;
  const Xapian::MSet window_;         // Searcher::proximity_window(): the first ranks, when reordered
  const schema::ArticleCodec codec_;  // the searcher's
  const ExportFormat format_;
  const std::vector<ExportField> fields_;
  Xapian::doccount next_offset_;
  Xapian::doccount left_;  // rows still wanted (all: as many as there can be)
  bool header_written_ = false;
  Xapian::doccount rows_ = 0;
  Xapian::doccount damaged_ = 0;
};

}  // namespace sinmun

#endif  // SINMUN_SEARCHER_EXPORT_H_
