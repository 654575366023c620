#include "corpus/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace sinmun {

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

Gunzipped gunzip(std::string_view bytes, std::size_t max_output) {
  Gunzipped result;
  std::size_t offset = 0;
  std::string member;
  while (offset < bytes.size()) {
    // Padding after the last member (some writers add NULs) is not another member.
    if (!is_gzip(bytes.substr(offset))) {
      if (bytes.find_first_not_of('\0', offset) != std::string_view::npos) {
        result.error = "not a gzip member";
        result.error_offset = offset;
      }
      break;
    }
    z_stream stream{};
    // 16 + MAX_WBITS: gzip wrapper only, so zlib checks the CRC-32 and length trailer.
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
      result.error = "zlib initialisation failed";
      result.error_offset = offset;
      break;
    }
    member.clear();
    char buffer[64 * 1024];
    int status = Z_OK;
    std::size_t consumed = 0;
    while (status == Z_OK) {
      const std::size_t remaining = bytes.size() - offset - consumed;
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + offset + consumed));
      stream.avail_in = static_cast<uInt>(std::min<std::size_t>(remaining, std::numeric_limits<uInt>::max()));
      const uInt given = stream.avail_in;
      stream.next_out = reinterpret_cast<Bytef*>(buffer);
      stream.avail_out = sizeof buffer;
      status = inflate(&stream, Z_NO_FLUSH);
      consumed += given - stream.avail_in;
      member.append(buffer, sizeof buffer - stream.avail_out);
      if (result.data.size() + member.size() > max_output) {
        status = Z_MEM_ERROR;
        break;
      }
    }
    std::string message = stream.msg ? stream.msg : "";
    inflateEnd(&stream);
    if (status != Z_STREAM_END) {
      if (result.data.size() + member.size() > max_output) {
        result.error = "decompressed size exceeds " + std::to_string(max_output) + " bytes";
      } else if (status == Z_BUF_ERROR) {  // all input given, member still open
        result.error = "unexpected end of gzip data";
      } else if (message == "incorrect data check") {
        result.error = "CRC mismatch";
      } else {
        result.error = message.empty() ? "corrupt gzip data" : message;
      }
      result.error_offset = offset;
      break;
    }
    result.data += member;
    ++result.members;
    offset += consumed;
  }
  return result;
}

}  // namespace sinmun
