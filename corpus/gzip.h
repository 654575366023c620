#ifndef SINMUN_CORPUS_GZIP_H_
#define SINMUN_CORPUS_GZIP_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace sinmun {

// True when `bytes` starts with the gzip magic number (1f 8b).
bool is_gzip(std::string_view bytes);

// Inflates a (possibly multi-member) gzip stream piece by piece, e.g. a `.warc.gz` with one
// member per record or a multi-gigabyte `.jsonl.gz`: memory is zlib's window and one input
// buffer, whatever the stream holds. The compressed bytes come from `source`, which fills
// up to `size` bytes of `buffer` and returns how many it gave (0 at the end); it may throw,
// and the exception goes to the caller of read(). Padding after the last member (some writers
// add NULs) is not another member. A member that is damaged or cut off (bad header, corrupt
// data, CRC or length mismatch, unexpected end) ends the stream: error() says why; what it
// gave before the damage was found has been delivered already (its CRC comes at its end).
// Not thread-safe; not copyable.
class GzipInflater {
 public:
  using Source = std::function<std::size_t(char* buffer, std::size_t size)>;
  explicit GzipInflater(Source source);
  ~GzipInflater();
  GzipInflater(const GzipInflater&) = delete;
  GzipInflater& operator=(const GzipInflater&) = delete;

  // Appends at most `max` inflated bytes (≥ 1) to `out` and returns how many; 0 only at the
  // end of the stream, clean or not.
  std::size_t read(std::string& out, std::size_t max);

  const std::string& error() const { return error_; }              // empty unless damage ended it
  std::uint64_t error_offset() const { return member_at_; }        // compressed offset of that member
  std::size_t members() const { return members_; }                 // members inflated cleanly
  std::uint64_t output_checked() const { return member_output_; }  // output of the clean members
  std::uint64_t compressed_bytes() const { return consumed_; }     // input used so far

 private:
  bool fill();  // more input into buffer_; false at the end of the source
  void fail(std::string reason);

  struct State;
  Source source_;
  State* state_;
  std::string buffer_;
  std::size_t buffer_at_ = 0;  // unread input starts here
  enum class Phase { kBetweenMembers, kInMember, kDone } phase_ = Phase::kBetweenMembers;
  std::string error_;
  std::uint64_t consumed_ = 0;
  std::uint64_t member_at_ = 0;
  std::uint64_t member_output_ = 0;
  std::uint64_t output_ = 0;
  std::size_t members_ = 0;
};

// The result of inflating a gzip stream held in memory.
struct Gunzipped {
  std::string data;              // the concatenated output of every member that inflated cleanly
  std::size_t members = 0;       // members that inflated cleanly
  std::string error;             // empty on success; otherwise why the stream stopped
  std::size_t error_offset = 0;  // compressed byte offset of the member that failed
};

// Inflates every member of `bytes` (see GzipInflater); a damaged member is dropped as a whole
// and ends the stream: `error` says why and `data` keeps the members before it. Output beyond
// `max_output` bytes is an error too (and `data` is then empty), so that a decompression bomb
// cannot exhaust memory: the default suits one HTTP payload. Never throws on bad input.
Gunzipped gunzip(std::string_view bytes, std::size_t max_output = std::size_t{64} << 20);

}  // namespace sinmun

#endif  // SINMUN_CORPUS_GZIP_H_
