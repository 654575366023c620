#include "searcher/export.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <limits>

#include "base/errors.h"
#include "schema/stored_article.h"

namespace sinmun {
namespace {

struct FieldInfo {
  ExportField field;
  std::string_view name;
  std::string StoredArticle::*member;
};

constexpr std::array<FieldInfo, 8> kFields = {{
    {ExportField::kId, "id", &StoredArticle::id},
    {ExportField::kDate, "date", &StoredArticle::date},
    {ExportField::kSource, "source", &StoredArticle::source},
    {ExportField::kAuthor, "author", &StoredArticle::author},
    {ExportField::kCategory, "category", &StoredArticle::category},
    {ExportField::kTitle, "title", &StoredArticle::title},
    {ExportField::kUrl, "url", &StoredArticle::url},
    {ExportField::kBody, "body", &StoredArticle::body},
}};

const FieldInfo& info(ExportField field) { return kFields[static_cast<std::size_t>(field)]; }

void append_csv(std::string_view value, std::string& out) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += value;
    return;
  }
  out += '"';
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_tsv(std::string_view value, std::string& out) {
  for (const char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace

ExportFormat parse_export_format(std::string_view name) {
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "tsv") return ExportFormat::kTsv;
  if (name == "jsonl") return ExportFormat::kJsonl;
  throw UsageError("the export format must be csv, tsv or jsonl, not '" + std::string(name) + "'");
}

std::string_view export_format_name(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv:
      return "csv";
    case ExportFormat::kTsv:
      return "tsv";
    case ExportFormat::kJsonl:
      return "jsonl";
  }
  return "";  // not reached: every enumerator is handled above (-Wswitch checks it)
}

std::string_view export_content_type(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv:
      return "text/csv; charset=utf-8";
    case ExportFormat::kTsv:
      return "text/tab-separated-values; charset=utf-8";
    case ExportFormat::kJsonl:
      return "application/x-ndjson; charset=utf-8";
  }
  return "";  // not reached
}

std::vector<ExportField> parse_export_fields(std::string_view list) {
  std::vector<ExportField> fields;
  if (list.find_first_not_of(" ,") == std::string_view::npos) {
    for (const FieldInfo& field : kFields) fields.push_back(field.field);
    return fields;
  }
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.empty()) continue;
    const auto found = std::find_if(kFields.begin(), kFields.end(), [&](const FieldInfo& f) { return f.name == name; });
    if (found == kFields.end()) {
      throw UsageError("no field '" + std::string(name) +
                       "' to export: the fields are id, date, source, author, category, title, url, body");
    }
    if (std::find(fields.begin(), fields.end(), found->field) != fields.end()) {
      throw UsageError("the field '" + std::string(name) + "' is asked for twice");
    }
    fields.push_back(found->field);
  }
  return fields;
}

Exporter::Exporter(Searcher& searcher, const SearchRequest& request, ExportFormat format,
                   std::vector<ExportField> fields, bool all)
    : enquire_(searcher.ranked_enquire(request)),
      window_(searcher.proximity_window(request)),
      codec_(searcher.article_codec()),
      format_(format),
      fields_(std::move(fields)),
      next_offset_(request.offset),
      left_(all ? std::numeric_limits<Xapian::doccount>::max() : request.limit) {
  enquire_.set_query(searcher.matching_query(request));
  // An export reads every match it writes: a time limit would cut it short without a word.
  enquire_.set_time_limit(0);
}

void Exporter::write_row(const StoredArticle& article, std::string& out) const {
  if (format_ == ExportFormat::kJsonl) {
    nlohmann::ordered_json object;
    for (const ExportField field : fields_) object[std::string(info(field).name)] = article.*info(field).member;
    out += object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
    return;
  }
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    const std::string& value = article.*info(fields_[i]).member;
    if (format_ == ExportFormat::kCsv) {
      if (i > 0) out += ',';
      append_csv(value, out);
    } else {
      if (i > 0) out += '\t';
      append_tsv(value, out);
    }
  }
  out += format_ == ExportFormat::kCsv ? "\r\n" : "\n";
}

std::string Exporter::next() {
  std::string out;
  if (!header_written_) {
    header_written_ = true;
    if (format_ == ExportFormat::kJsonl) return next();
    if (format_ == ExportFormat::kCsv) out += "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      if (i > 0) out += format_ == ExportFormat::kCsv ? ',' : '\t';
      out += info(fields_[i]).name;
    }
    out += format_ == ExportFormat::kCsv ? "\r\n" : "\n";
    return out;
  }
  if (left_ == 0) return out;
  const Xapian::doccount wanted = std::min(left_, kPageSize);
  // The first ranks as search() lists them (a short query's bonus reorders its best), then
  // the ranked pass's from the end of that window on.
  const bool in_window = next_offset_ < window_.size();
  const Xapian::MSet page = in_window ? window_ : enquire_.get_mset(next_offset_, wanted);
  const Xapian::doccount first = in_window ? next_offset_ : 0;
  const Xapian::doccount read = std::min<Xapian::doccount>(page.size() - first, wanted);
  for (Xapian::doccount i = first; i < first + read; ++i) {
    StoredArticle article;
    if (!codec_.decode(page[i].get_document().get_data(), article)) {
      ++damaged_;
      continue;
    }
    write_row(article, out);
    ++rows_;
  }
  next_offset_ += read;
  // A window shorter than kProximityWindow held every match; a short page was the last.
  left_ = read < wanted && !(in_window && window_.size() == Searcher::kProximityWindow) ? 0 : left_ - read;
  if (out.empty() && left_ > 0) return next();  // a page of damaged articles only: go on
  return out;
}

}  // namespace sinmun
