#include "corpus/gzip.h"
#include "corpus/readers.h"
#include "corpus/text_utils.h"

namespace sinmun {

void read_crawl_file(const CrawlFile& file, const ArticleSink& sink, const ProblemSink& report,
                     const ReadLimits& limits) {
  if (file.format == FileFormat::kJsonLines || file.format == FileFormat::kWarc) {
    RecordStream stream(file, limits);
    RecordChunk chunk;
    while (stream.next(std::size_t{1} << 20, chunk)) read_record_chunk(file, chunk, sink, report);
    return;
  }
  if (file.format == FileFormat::kUnsupported) {
    report({Problem::Severity::kSkipped, file.relative, "", "not a supported format"});
    return;
  }
  // The other formats are one record a file, read whole: no bigger than a record may be.
  FileBytes bytes(file, limits);
  std::string content;
  while (bytes.read(content, limits.max_record_bytes + 1 - content.size()) > 0) {
    if (content.size() > limits.max_record_bytes) {
      report({Problem::Severity::kSkipped, file.relative, "",
              "larger than the limit of " + std::to_string(limits.max_record_bytes) +
                  " bytes for one record (--max-record-bytes); skipped"});
      return;
    }
  }
  if (bytes.failure()) {
    report(*bytes.failure());
    if (content.empty()) return;
  }
  if (looks_binary(content)) {
    report({Problem::Severity::kSkipped, file.relative, "", "binary content, not text"});
    return;
  }
  switch (file.format) {
    case FileFormat::kJson:
      read_json(content, file.relative, sink, report);
      break;
    case FileFormat::kText:
      read_text(content, file.relative, sink, report);
      break;
    case FileFormat::kHtml:
      read_html(content, file.relative, sink, report);
      break;
    default:
      break;
  }
}

}  // namespace sinmun
