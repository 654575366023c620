#ifndef SINMUN_CORPUS_RECORD_STREAM_H_
#define SINMUN_CORPUS_RECORD_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corpus/article.h"
#include "corpus/walker.h"

namespace sinmun {

// What one record or file may cost while it is read (sinmun-index --max-record-bytes,
// --max-inflate-ratio). Memory then depends on these, never on the size of the input.
struct ReadLimits {
  static constexpr std::size_t kDefaultMaxRecordBytes = std::size_t{16} << 20;
  // The largest record read: a JSON line, a WARC record, or a whole file of the other formats
  // (inflated). A bigger one is skipped with a message naming it (file and line or record);
  // the records after it are still read.
  std::size_t max_record_bytes = kDefaultMaxRecordBytes;
  // A gzip file may inflate to at most this many times its own size plus 64 MiB; the rest of
  // it is then reported as a decompression bomb and not read. 0: no bound.
  std::size_t max_inflate_ratio = 100;
};

// The bytes of a file in order, inflated when it starts with the gzip magic number, a block at
// a time: a multi-gigabyte `.jsonl.gz` is never held whole. Never throws: a file that cannot be
// opened or read, a damaged gzip member and a decompression bomb end the bytes, and failure()
// says why ("cannot open: …", "read error", "damaged gzip member …" at "byte N"). Not thread-safe.
class FileBytes {
 public:
  FileBytes(const CrawlFile& file, const ReadLimits& limits);
  ~FileBytes();
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;

  // Appends at most `max` (≥ 1) bytes to `out` and returns how many; 0 only at the end.
  std::size_t read(std::string& out, std::size_t max);
  // Why the bytes ended before the end of the file, once read() has returned 0.
  const std::optional<Problem>& failure() const { return failure_; }
  // Bytes of the file itself (compressed, for gzip) read so far, for progress.
  std::uint64_t file_bytes_read() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::optional<Problem> failure_;
};

// A WARC `response` record, framed (see read_warc in readers.h).
struct WarcRecord {
  std::size_t number = 0;  // 1-based, counting every record of the file
  std::string location;    // "record N at byte B" (B in the inflated file)
  std::string target_uri;
  std::string content_type;  // of the record (application/http…), lower-cased
  std::string block;
};

// A run of whole records of one JSON Lines or WARC file, for a reading thread.
struct RecordChunk {
  std::vector<Problem> problems;  // found while cutting; in the file, before every record below
  std::string lines;              // JSON Lines: whole lines as in the file
  std::size_t first_line = 1;     // the line number of `lines`' first line
  std::vector<WarcRecord> warc;   // WARC: the response records
  bool empty_file = false;        // the file holds nothing but white space
  std::size_t bytes() const;
};

// Cuts a JSON Lines or WARC file (plain or gzip) into chunks of about `chunk_bytes` of
// records, reading it once, front to back, with memory bounded by the chunk size and the
// limits, not by the file. A record over limits.max_record_bytes is skipped (and passed over
// without being held); a WARC record whose Content-Length lies is reported and the next record
// header found (see read_warc). Other problems of the records (bad JSON, bad HTTP) are left to
// read_record_chunk. Not thread-safe: one thread cuts, others read the chunks.
class RecordStream {
 public:
  RecordStream(const CrawlFile& file, const ReadLimits& limits);
  ~RecordStream();
  RecordStream(const RecordStream&) = delete;
  RecordStream& operator=(const RecordStream&) = delete;

  // The next chunk: records, problems, or (for an empty file) empty_file, or nothing at all
  // when the file's last records were not responses; false once the file is done.
  bool next(std::size_t chunk_bytes, RecordChunk& chunk);

  // Bytes of the file itself (compressed, for gzip) read so far, for progress.
  std::uint64_t file_bytes_read() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reports a chunk's problems, then reads its records as read_json_lines or read_warc would.
void read_record_chunk(const CrawlFile& file, const RecordChunk& chunk, const ArticleSink& sink,
                       const ProblemSink& report);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_RECORD_STREAM_H_
