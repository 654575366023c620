#ifndef SINMUN_CORPUS_GZIP_H_
#define SINMUN_CORPUS_GZIP_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace sinmun {

// True when `bytes` starts with the gzip magic number (1f 8b).
bool is_gzip(std::string_view bytes);

// The result of inflating a gzip stream.
struct Gunzipped {
  std::string data;              // the concatenated output of every member that inflated cleanly
  std::size_t members = 0;       // members that inflated cleanly
  std::string error;             // empty on success; otherwise why the stream stopped
  std::size_t error_offset = 0;  // compressed byte offset of the member that failed
};

// Inflates every member of a (possibly multi-member) gzip stream, e.g. a `.warc.gz` with one
// member per record. A member that is damaged or cut off (bad header, corrupt data, CRC or
// length mismatch, unexpected end) is dropped as a whole and ends the stream: `error` says why
// and `data` keeps the members before it. Output beyond `max_output` bytes (default 2 GiB)
// is an error too, so a decompression bomb cannot exhaust memory. Never throws on bad input.
Gunzipped gunzip(std::string_view bytes, std::size_t max_output = std::size_t{2} << 30);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_GZIP_H_
