#include "corpus/record_stream.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "corpus/gzip.h"
#include "corpus/readers.h"
#include "corpus/text_utils.h"
#include "corpus/warc_framer.h"

namespace sinmun {
namespace {

constexpr std::size_t kBlockBytes = 256 * 1024;
constexpr std::uint64_t kBombSlackBytes = std::uint64_t{64} << 20;

Problem skipped(const CrawlFile& file, std::string location, std::string reason) {
  return {Problem::Severity::kSkipped, file.relative, std::move(location), std::move(reason)};
}

}  // namespace

struct FileBytes::Impl {
  std::string relative;
  std::ifstream in;
  std::unique_ptr<GzipInflater> inflater;  // null for a plain file
  std::string first;                       // the bytes read to see whether it is gzip
  std::string held;                        // output of the member being inflated, not yet checked
  std::string ready;                       // checked output not yet handed out, from ready_at
  std::size_t ready_at = 0;
  std::size_t hold_limit = 0;
  std::uint64_t max_output = 0;  // 0: no bound
  std::uint64_t output = 0;
  bool read_error = false;
  std::uint64_t raw = 0;  // bytes of the file read so far

  std::size_t read_raw(char* buffer, std::size_t n) {
    std::size_t given = std::min(n, first.size());
    std::copy_n(first.data(), given, buffer);
    first.erase(0, given);
    if (given < n && in) {
      in.read(buffer + given, static_cast<std::streamsize>(n - given));
      given += static_cast<std::size_t>(in.gcount());
      if (in.bad()) read_error = true;
    }
    raw += given;
    return given;
  }
};

FileBytes::FileBytes(const CrawlFile& file, const ReadLimits& limits) : impl_(std::make_unique<Impl>()) {
  Impl& impl = *impl_;
  impl.relative = file.relative;
  impl.in.open(file.path, std::ios::binary);
  if (!impl.in) {
    failure_ = skipped(file, "", std::string("cannot open: ") + std::strerror(errno));
    return;
  }
  impl.first.resize(2);
  impl.in.read(impl.first.data(), 2);
  impl.first.resize(static_cast<std::size_t>(impl.in.gcount()));
  if (impl.in.bad()) impl.read_error = true;
  if (!is_gzip(impl.first)) return;
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(file.path, ec);
  if (limits.max_inflate_ratio > 0) impl.max_output = (ec ? 0 : size) * limits.max_inflate_ratio + kBombSlackBytes;
  impl.hold_limit = std::max(limits.max_record_bytes, kBlockBytes);
  impl.inflater =
      std::make_unique<GzipInflater>([&impl](char* buffer, std::size_t n) { return impl.read_raw(buffer, n); });
}

FileBytes::~FileBytes() = default;

std::uint64_t FileBytes::file_bytes_read() const { return impl_->raw; }

std::size_t FileBytes::read(std::string& out, std::size_t max) {
  Impl& impl = *impl_;
  if (failure_) return 0;
  std::size_t got = 0;
  if (!impl.inflater) {
    const std::size_t at = out.size();
    out.resize(at + max);
    got = impl.read_raw(out.data() + at, max);
    out.resize(at + got);
  } else {
    // A member's output is handed out once its CRC has checked it, or once it is longer
    // than one record may be (a multi-gigabyte single-member .jsonl.gz cannot be held).
    while (impl.ready_at == impl.ready.size()) {
      impl.ready.clear();
      impl.ready_at = 0;
      const std::size_t members = impl.inflater->members();
      const std::size_t inflated = impl.inflater->read(impl.held, kBlockBytes);
      impl.output += inflated;
      if (impl.max_output > 0 && impl.output > impl.max_output) {
        impl.held.clear();
        failure_ = Problem{Problem::Severity::kSkipped, impl.relative,
                           "byte " + std::to_string(impl.inflater->compressed_bytes()),
                           "inflates to more than " + std::to_string(impl.max_output >> 20) +
                               " MiB (--max-inflate-ratio): a decompression bomb? The rest of the file is not read"};
        return 0;
      }
      if (inflated == 0) {
        if (!impl.inflater->error().empty() && !impl.read_error) {
          impl.held.clear();
          failure_ = Problem{Problem::Severity::kSkipped, impl.relative,
                             "byte " + std::to_string(impl.inflater->error_offset()),
                             "damaged gzip member (" + impl.inflater->error() + "); it and anything after it are lost"};
          return 0;
        }
        impl.ready.swap(impl.held);
        impl.held.clear();
        if (impl.ready.empty()) break;
      } else if (impl.inflater->members() > members || impl.held.size() >= impl.hold_limit) {
        impl.ready.swap(impl.held);
        impl.held.clear();
      }
    }
    got = std::min(max, impl.ready.size() - impl.ready_at);
    out.append(impl.ready, impl.ready_at, got);
    impl.ready_at += got;
  }
  if (impl.read_error && got == 0) failure_ = Problem{Problem::Severity::kSkipped, impl.relative, "", "read error"};
  return got;
}

struct RecordStream::Impl {
  Impl(const CrawlFile& f, const ReadLimits& l)
      : file(f),
        limits(l),
        bytes(f, l),
        framer([this](std::string& out, std::size_t max) { return more(out, max); }, f.relative, l.max_record_bytes) {}

  std::size_t more(std::string& out, std::size_t max) {
    const std::size_t got = bytes.read(out, max);
    if (got == 0 && bytes.failure() && !failure_reported) {
      pending.push_back(*bytes.failure());
      saw_content = true;
      failure_reported = true;
    }
    return got;
  }

  void next_lines(std::size_t chunk_bytes, RecordChunk& chunk);
  void next_warc(std::size_t chunk_bytes, RecordChunk& chunk);

  CrawlFile file;
  ReadLimits limits;
  FileBytes bytes;
  WarcFramer framer;
  bool failure_reported = false;
  bool started = false;
  bool done = false;
  bool saw_content = false;      // a line that is not blank, a WARC record, a problem
  std::vector<Problem> pending;  // found after the records of the chunk being filled
  // JSON Lines
  std::string buffer;
  std::size_t pos = 0;
  std::size_t line = 1;
  bool eof = false;
  bool skipping_line = false;  // inside a line over the limit, passed over without being held
  std::size_t skipped_bytes = 0;
  // WARC
  std::optional<WarcRecord> held;  // framed after a problem that the chunk before had to end on
};

RecordStream::RecordStream(const CrawlFile& file, const ReadLimits& limits)
    : impl_(std::make_unique<Impl>(file, limits)) {}

RecordStream::~RecordStream() = default;

std::uint64_t RecordStream::file_bytes_read() const { return impl_->bytes.file_bytes_read(); }

std::size_t RecordChunk::bytes() const {
  std::size_t n = lines.size();
  for (const WarcRecord& record : warc) n += record.block.size();
  return n;
}

void RecordStream::Impl::next_lines(std::size_t chunk_bytes, RecordChunk& chunk) {
  if (!started) {
    started = true;
    // A file that starts as JSON keeps a control byte to one bad record; anything else
    // that looks binary is not a JSON Lines file at all.
    while (buffer.size() < 8192 && more(buffer, 8192 - buffer.size()) > 0) {
    }
    if (buffer.size() < 8192) eof = true;
    const std::size_t first = buffer.find_first_not_of(" \t\r\n");
    const bool json =
        first != std::string::npos && (buffer[first] == '{' || buffer.compare(first, 4, "\xEF\xBB\xBF{") == 0);
    if (!json && looks_binary(buffer)) {
      chunk.problems.push_back(skipped(file, "", "binary content, not text"));
      saw_content = true;
      done = true;
      return;
    }
  }
  chunk.first_line = line;
  while (true) {
    if (!skipping_line && pos < buffer.size() && buffer[pos] == '\n') {  // a run of empty lines, at once
      const std::size_t run = std::min(buffer.find_first_not_of('\n', pos), buffer.size()) - pos;
      if (chunk.lines.empty()) {
        chunk.first_line = line + run;
      } else {
        chunk.lines.append(run, '\n');
      }
      pos += run;
      line += run;
      if (chunk.lines.size() >= chunk_bytes) return;
      continue;
    }
    const std::size_t newline = buffer.find('\n', pos);
    if (newline != std::string::npos) {
      if (skipping_line) {
        skipped_bytes += newline - pos;
        pos = newline + 1;
        chunk.problems.push_back(
            skipped(file, "line " + std::to_string(line),
                    "record of " + std::to_string(skipped_bytes) + " bytes is larger than the limit of " +
                        std::to_string(limits.max_record_bytes) + " (--max-record-bytes); skipped"));
        skipping_line = false;
        ++line;
        // The problem comes after the lines already in the chunk: they go first.
        if (!chunk.lines.empty()) {
          pending.insert(pending.begin(), chunk.problems.back());
          chunk.problems.pop_back();
          return;
        }
        chunk.first_line = line;
        continue;
      }
      if (newline - pos > limits.max_record_bytes) {
        saw_content = true;
        skipping_line = true;
        skipped_bytes = 0;
        continue;
      }
      if (!saw_content) saw_content = buffer.find_first_not_of(" \t\r", pos) < newline;
      chunk.lines.append(buffer, pos, newline + 1 - pos);
      pos = newline + 1;
      ++line;
      if (chunk.lines.size() >= chunk_bytes) return;
      continue;
    }
    // No line end in what is buffered: keep the partial line (or drop it, if over the limit), read on.
    if (skipping_line || buffer.size() - pos > limits.max_record_bytes) {
      saw_content = true;
      if (!skipping_line) skipped_bytes = 0;
      skipping_line = true;
      skipped_bytes += buffer.size() - pos;
      pos = buffer.size();
    }
    buffer.erase(0, pos);
    pos = 0;
    if (!eof && more(buffer, kBlockBytes) == 0) eof = true;
    if (!eof) continue;
    if (skipping_line) {  // reported before whatever ended the file
      skipping_line = false;
      pending.insert(pending.begin(),
                     skipped(file, "line " + std::to_string(line),
                             "record of " + std::to_string(skipped_bytes) + " bytes is larger than the limit of " +
                                 std::to_string(limits.max_record_bytes) + " (--max-record-bytes); skipped"));
    } else if (!buffer.empty() && !bytes.failure()) {  // the last line, without a line end
      if (!saw_content) saw_content = buffer.find_first_not_of(" \t\r") != std::string::npos;
      chunk.lines += buffer;
      buffer.clear();
    }
    done = true;
    if (chunk.lines.empty()) {
      chunk.problems.insert(chunk.problems.end(), pending.begin(), pending.end());
      pending.clear();
    }
    return;
  }
}

void RecordStream::Impl::next_warc(std::size_t chunk_bytes, RecordChunk& chunk) {
  started = true;
  const ProblemSink report = [&](const Problem& problem) {
    pending.push_back(problem);
    saw_content = true;
  };
  if (held) {
    chunk.warc.push_back(std::move(*held));
    held.reset();
  }
  WarcRecord record;
  std::size_t size = chunk.bytes();
  while (size < chunk_bytes) {
    if (!framer.next(record, report)) {
      done = true;
      break;
    }
    if (!pending.empty() && !chunk.warc.empty()) {  // the damage lies between the records
      held = std::move(record);
      return;
    }
    chunk.problems.insert(chunk.problems.end(), pending.begin(), pending.end());
    pending.clear();
    size += record.block.size();
    chunk.warc.push_back(std::move(record));
  }
  saw_content = saw_content || framer.saw_content();
  if (done && chunk.warc.empty()) {
    chunk.problems.insert(chunk.problems.end(), pending.begin(), pending.end());
    pending.clear();
  }
}

bool RecordStream::next(std::size_t chunk_bytes, RecordChunk& chunk) {
  Impl& impl = *impl_;
  chunk = RecordChunk{};
  chunk_bytes = std::max<std::size_t>(chunk_bytes, 1);
  if (impl.done) {
    if (impl.pending.empty()) return false;
    chunk.problems = std::move(impl.pending);
    impl.pending.clear();
    return true;
  }
  chunk.problems = std::move(impl.pending);
  impl.pending.clear();
  if (impl.file.format == FileFormat::kWarc) {
    impl.next_warc(chunk_bytes, chunk);
  } else {
    impl.next_lines(chunk_bytes, chunk);
  }
  if (impl.done && !impl.saw_content) chunk.empty_file = true;
  return true;
}

void read_record_chunk(const CrawlFile& file, const RecordChunk& chunk, const ArticleSink& sink,
                       const ProblemSink& report) {
  for (const Problem& problem : chunk.problems) report(problem);
  if (chunk.empty_file) report(skipped(file, "", "empty file"));
  if (file.format == FileFormat::kWarc) {
    for (const WarcRecord& record : chunk.warc) read_warc_record(record, file.relative, sink, report);
    return;
  }
  if (chunk.lines.find_first_not_of(" \t\r\n") != std::string::npos) {
    read_json_lines(chunk.lines, file.relative, sink, report, chunk.first_line);
  }
}

}  // namespace sinmun
