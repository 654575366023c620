#ifndef SINMUN_CORPUS_WARC_FRAMER_H_
#define SINMUN_CORPUS_WARC_FRAMER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "corpus/article.h"
#include "corpus/record_stream.h"

namespace sinmun {

// Finds the records of a WARC file in bytes that come a piece at a time (read_warc and
// RecordStream share it). A record is trusted when the bytes after its Content-Length are
// record separators and then another record header (or the end); otherwise its length lies
// (too short, too long, not a number), it is reported as damaged, and reading goes on at the
// next line starting "WARC/1." after its header, so that the records after it are not lost.
// Memory: one record (at most `max_record_bytes`, bigger ones are skipped) plus a read block.
class WarcFramer {
 public:
  // Appends at most `max` bytes of the file to `out`, returning how many (0 at the end).
  using More = std::function<std::size_t(std::string& out, std::size_t max)>;
  WarcFramer(More more, std::string relative, std::size_t max_record_bytes);

  // Frames the next `response` record into `record`, passing over records of other types;
  // damaged records go to `report`. False at the end of the bytes.
  bool next(WarcRecord& record, const ProblemSink& report);

  // True once a byte other than white space has been seen (a file of only white space is empty).
  bool saw_content() const { return saw_content_; }

 private:
  bool ensure(std::size_t n);                           // n bytes from pos_ on, unless the end comes first
  bool header_at(std::size_t local) const;              // a record header line starts at buffer_[local]
  std::uint64_t find_header(std::uint64_t from) const;  // in the buffer only; UINT64_MAX if none
  std::uint64_t resync(std::uint64_t from);             // moves to the next header at or after `from`
  void skip(const ProblemSink& report, const std::string& location, const std::string& reason) const;

  More more_;
  std::string relative_;
  std::size_t max_record_bytes_;
  std::string buffer_;
  std::size_t pos_ = 0;     // in buffer_
  std::uint64_t base_ = 0;  // file offset of buffer_[0]
  bool eof_ = false;
  bool saw_content_ = false;
  std::size_t number_ = 0;
};

// Reads one framed response record: an HTTP 200 HTML page becomes an article (see read_warc).
void read_warc_record(const WarcRecord& record, const std::string& relative, const ArticleSink& sink,
                      const ProblemSink& report);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_WARC_FRAMER_H_
