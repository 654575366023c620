#include "corpus/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace sinmun {

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

struct GzipInflater::State {
  z_stream stream{};
  bool initialised = false;
};

namespace {
constexpr std::size_t kInputBytes = 256 * 1024;
}  // namespace

GzipInflater::GzipInflater(Source source) : source_(std::move(source)), state_(new State) {}

GzipInflater::~GzipInflater() {
  if (state_->initialised) inflateEnd(&state_->stream);
  delete state_;
}

bool GzipInflater::fill() {
  if (buffer_at_ < buffer_.size()) return true;
  buffer_.resize(kInputBytes);
  const std::size_t got = source_(buffer_.data(), buffer_.size());
  buffer_.resize(got);
  buffer_at_ = 0;
  return got > 0;
}

void GzipInflater::fail(std::string reason) {
  error_ = std::move(reason);
  phase_ = Phase::kDone;
}

std::size_t GzipInflater::read(std::string& out, std::size_t max) {
  z_stream& stream = state_->stream;
  const std::size_t out_start = out.size();
  while (phase_ != Phase::kDone && out.size() == out_start) {
    if (phase_ == Phase::kBetweenMembers) {
      // The next member, NUL padding to the end, or something that is not gzip.
      while (true) {
        if (!fill()) {
          phase_ = Phase::kDone;
          return 0;
        }
        const std::size_t pad = buffer_.find_first_not_of('\0', buffer_at_);
        consumed_ += (pad == std::string::npos ? buffer_.size() : pad) - buffer_at_;
        if (pad == std::string::npos) {
          buffer_at_ = buffer_.size();
          continue;
        }
        buffer_at_ = pad;
        break;
      }
      if (buffer_at_ + 1 >= buffer_.size()) {  // one byte left in this buffer: keep it and read on
        std::string keep = buffer_.substr(buffer_at_);
        buffer_at_ = buffer_.size();
        if (fill()) keep += buffer_.substr(buffer_at_);
        buffer_ = std::move(keep);
        buffer_at_ = 0;
      }
      member_at_ = consumed_;
      if (!is_gzip(std::string_view(buffer_).substr(buffer_at_))) {
        fail("not a gzip member");
        return 0;
      }
      if (state_->initialised) {
        inflateReset(&stream);
      } else {
        // 16 + MAX_WBITS: gzip wrapper only, so zlib checks the CRC-32 and length trailer.
        if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
          fail("zlib initialisation failed");
          return 0;
        }
        state_->initialised = true;
      }
      phase_ = Phase::kInMember;
    }
    if (!fill()) {
      fail("unexpected end of gzip data");
      return 0;
    }
    const std::size_t room = std::max<std::size_t>(1, std::min<std::size_t>(max, 256 * 1024));
    out.resize(out_start + room);
    stream.next_in = reinterpret_cast<Bytef*>(buffer_.data() + buffer_at_);
    stream.avail_in = static_cast<uInt>(buffer_.size() - buffer_at_);
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + out_start);
    stream.avail_out = static_cast<uInt>(room);
    const uInt given = stream.avail_in;
    const int status = inflate(&stream, Z_NO_FLUSH);
    const std::size_t used = given - stream.avail_in;
    buffer_at_ += used;
    consumed_ += used;
    const std::size_t produced = room - stream.avail_out;
    out.resize(out_start + produced);
    output_ += produced;
    if (status == Z_STREAM_END) {
      ++members_;
      member_output_ = output_;
      phase_ = Phase::kBetweenMembers;
    } else if (status == Z_BUF_ERROR && produced == 0 && used == 0) {
      fail("unexpected end of gzip data");
    } else if (status != Z_OK && status != Z_BUF_ERROR) {
      const std::string message = stream.msg ? stream.msg : "";
      fail(message == "incorrect data check" ? "CRC mismatch" : message.empty() ? "corrupt gzip data" : message);
    }
  }
  return out.size() - out_start;
}

Gunzipped gunzip(std::string_view bytes, std::size_t max_output) {
  Gunzipped result;
  std::size_t at = 0;
  GzipInflater inflater([&](char* buffer, std::size_t size) {
    const std::size_t n = std::min(size, bytes.size() - at);
    std::copy_n(bytes.data() + at, n, buffer);
    at += n;
    return n;
  });
  while (inflater.read(result.data, max_output - std::min(max_output, result.data.size()) + 1) > 0) {
    if (result.data.size() > max_output) {
      result.data.clear();
      result.members = inflater.members();
      result.error = "decompressed size exceeds " + std::to_string(max_output) + " bytes";
      result.error_offset = static_cast<std::size_t>(inflater.error_offset());
      return result;
    }
  }
  result.members = inflater.members();
  result.error = inflater.error();
  if (!result.error.empty()) {
    result.error_offset = static_cast<std::size_t>(inflater.error_offset());
    result.data.resize(static_cast<std::size_t>(inflater.output_checked()));
  }
  return result;
}

}  // namespace sinmun
