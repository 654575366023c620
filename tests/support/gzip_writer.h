// Gzip members written with zlib, for tests that need compressed input: multi-member files,
// damaged members, decompression bombs (compressed as they are written, never held whole).
#ifndef SINMUN_TESTS_SUPPORT_GZIP_WRITER_H_
#define SINMUN_TESTS_SUPPORT_GZIP_WRITER_H_

#include <zlib.h>

#include <cstddef>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sinmun::testing {

// One gzip member holding `head`, then `count` copies of `block`, then `tail`.
inline std::string gzip_member(std::string_view head, std::string_view block = {}, std::size_t count = 0,
                               std::string_view tail = {}) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out;
  char buffer[64 * 1024];
  const auto feed = [&](std::string_view data, int flush) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    do {
      stream.next_out = reinterpret_cast<Bytef*>(buffer);
      stream.avail_out = sizeof buffer;
      deflate(&stream, flush);
      out.append(buffer, sizeof buffer - stream.avail_out);
    } while (stream.avail_out == 0 || stream.avail_in > 0);
  };
  feed(head, Z_NO_FLUSH);
  for (std::size_t i = 0; i < count; ++i) feed(block, Z_NO_FLUSH);
  feed(tail, Z_FINISH);
  deflateEnd(&stream);
  return out;
}

}  // namespace sinmun::testing

#endif  // SINMUN_TESTS_SUPPORT_GZIP_WRITER_H_
