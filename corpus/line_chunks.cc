#include "corpus/line_chunks.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

#include "corpus/readers.h"

namespace sinmun {

std::vector<LineChunk> plan_line_chunks(const std::filesystem::path& path, std::size_t chunk_bytes,
                                        const std::function<void(std::string_view)>& on_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot open: " + std::strerror(errno));
  std::vector<LineChunk> chunks;
  LineChunk current;
  std::uint64_t offset = 0;
  std::size_t line = 1;
  std::vector<char> buffer(1 << 20);
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
    const std::string_view block(buffer.data(), static_cast<std::size_t>(in.gcount()));
    on_bytes(block);
    for (std::size_t i = 0; i < block.size(); ++i) {
      if (block[i] != '\n') continue;
      ++line;
      const std::uint64_t line_end = offset + i + 1;
      if (line_end - current.begin >= chunk_bytes) {
        current.end = line_end;
        chunks.push_back(current);
        current = {line_end, line_end, line};
      }
    }
    offset += block.size();
  }
  if (in.bad()) throw std::runtime_error(path.string() + ": read error");
  if (offset > current.begin) {
    current.end = offset;
    chunks.push_back(current);
  }
  return chunks;
}

void read_json_lines_chunk(const CrawlFile& file, const LineChunk& chunk, const ArticleSink& sink,
                           const ProblemSink& report) {
  std::ifstream in(file.path, std::ios::binary);
  std::string content(static_cast<std::size_t>(chunk.end - chunk.begin), '\0');
  if (!in || !in.seekg(static_cast<std::streamoff>(chunk.begin)) ||
      !in.read(content.data(), static_cast<std::streamsize>(content.size()))) {
    report({Problem::Severity::kSkipped, file.relative, "line " + std::to_string(chunk.first_line),
            "cannot read lines from here on (file changed or unreadable)"});
    return;
  }
  read_json_lines(content, file.relative, sink, report, chunk.first_line);
}

}  // namespace sinmun
