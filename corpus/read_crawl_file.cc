#include <cerrno>
#include <cstring>
#include <fstream>

#include "corpus/gzip.h"
#include "corpus/readers.h"
#include "corpus/text_utils.h"

namespace sinmun {

void read_crawl_file(const CrawlFile& file, const ArticleSink& sink, const ProblemSink& report) {
  std::ifstream in(file.path, std::ios::binary);
  if (!in) {
    report({Problem::Severity::kSkipped, file.relative, "", std::string("cannot open: ") + std::strerror(errno)});
    return;
  }
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  std::string content(size > 0 ? static_cast<std::size_t>(size) : 0, '\0');
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  if (size < 0 || in.gcount() != static_cast<std::streamsize>(content.size())) {
    report({Problem::Severity::kSkipped, file.relative, "", "read error"});
    return;
  }
  if (is_gzip(content)) {
    Gunzipped inflated = gunzip(content);
    if (!inflated.error.empty()) {
      report({Problem::Severity::kSkipped, file.relative, "byte " + std::to_string(inflated.error_offset),
              "damaged gzip member (" + inflated.error + "); it and anything after it are lost"});
      if (inflated.data.empty()) return;
    }
    content = std::move(inflated.data);
  }
  // A WARC holds images and other binary payloads between its HTML records; in JSON Lines
  // that start as JSON a control byte is one bad record's, never the whole file's.
  const std::size_t first = content.find_first_not_of(" \t\r\n");
  const bool json_lines = file.format == FileFormat::kJsonLines && first != std::string::npos &&
                          (content[first] == '{' || content.compare(first, 4, "\xEF\xBB\xBF{") == 0);
  if (file.format != FileFormat::kWarc && !json_lines && looks_binary(content)) {
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
    case FileFormat::kWarc:
      read_warc(content, file.relative, sink, report);
      break;
    case FileFormat::kUnsupported:
      report({Problem::Severity::kSkipped, file.relative, "", "not a supported format"});
      break;
  }
}

}  // namespace sinmun
