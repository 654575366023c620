#ifndef SINMUN_CORPUS_LINE_CHUNKS_H_
#define SINMUN_CORPUS_LINE_CHUNKS_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "corpus/article.h"
#include "corpus/walker.h"

namespace sinmun {

// A run of whole lines of a big JSON Lines file: [begin, end) in bytes, starting at line
// `first_line` (1-based). Chunks let one big file be read by several threads, and keep
// memory bounded by the chunk size rather than the file size.
struct LineChunk {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::size_t first_line = 1;
};

// Reads `path` once, front to back, and cuts it after the first line end past every
// `chunk_bytes`; `on_bytes` sees every byte in order (to hash the file on the way). An
// empty file gives no chunk. Throws std::runtime_error if the file cannot be read.
std::vector<LineChunk> plan_line_chunks(const std::filesystem::path& path, std::size_t chunk_bytes,
                                        const std::function<void(std::string_view)>& on_bytes);

// Reads one chunk of a JSON Lines file (see read_json_lines); I/O errors are reported.
void read_json_lines_chunk(const CrawlFile& file, const LineChunk& chunk, const ArticleSink& sink,
                           const ProblemSink& report);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_LINE_CHUNKS_H_
