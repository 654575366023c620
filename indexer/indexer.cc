#include "indexer/indexer.h"

#include <stdexcept>
#include <system_error>

#include "indexer/document_builder.h"
#include "indexer/schema.h"

namespace sinmun {
namespace {

namespace fs = std::filesystem;

Xapian::WritableDatabase open_database(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (fs::is_regular_file(status)) {
    throw std::runtime_error(path.string() + " is a file, not a database directory; "
                             "give --db a new or existing database directory");
  }
  if (fs::is_directory(status) && !fs::is_empty(path, ec) && !fs::exists(path / "iamglass") &&
      !fs::exists(path / "iamchert")) {
    throw std::runtime_error(path.string() + " is a non-empty directory that is not a Xapian "
                             "database; refusing to write into it");
  }
  return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
}

}  // namespace

Indexer::Indexer(const fs::path& db_path, const Analyzer& analyzer, Options options)
    : db_(open_database(db_path)), analyzer_(analyzer), options_(options) {}

void Indexer::add(const Article& article, const ProblemSink& report) {
  const auto [it, inserted] = first_file_of_id_.try_emplace(article.id, article.file);
  if (!inserted) {
    report({Problem::Severity::kWarning, article.file, "",
            "id '" + article.id + "' also used in " + it->second + "; the later record replaces it"});
  }
  db_.replace_document(schema::id_term(article.id), build_document(article, analyzer_));
  ++added_;
  if (++pending_ >= options_.batch_size) commit();
}

void Indexer::commit() {
  db_.commit();
  pending_ = 0;
}

}  // namespace sinmun
