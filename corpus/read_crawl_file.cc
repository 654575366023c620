#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "corpus/readers.h"
#include "corpus/text_utils.h"

namespace sinmun {

void read_crawl_file(const CrawlFile& file, const ArticleSink& sink, const ProblemSink& report) {
  std::ifstream in(file.path, std::ios::binary);
  if (!in) {
    report({Problem::Severity::kSkipped, file.relative, "", std::string("cannot open: ") + std::strerror(errno)});
    return;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    report({Problem::Severity::kSkipped, file.relative, "", "read error"});
    return;
  }
  const std::string content = std::move(buffer).str();
  if (looks_binary(content)) {
    report({Problem::Severity::kSkipped, file.relative, "", "binary content, not text"});
    return;
  }
  switch (file.format) {
    case FileFormat::kJsonLines:
      read_json_lines(content, file.relative, sink, report);
      break;
    case FileFormat::kJson:
      read_json(content, file.relative, sink, report);
      break;
    case FileFormat::kText:
      read_text(content, file.relative, sink, report);
      break;
    case FileFormat::kHtml:
      read_html(content, file.relative, sink, report);
      break;
    case FileFormat::kUnsupported:
      report({Problem::Severity::kSkipped, file.relative, "", "not a supported format"});
      break;
  }
}

}  // namespace sinmun
