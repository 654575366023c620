// Read-only memory mapping of a whole file.
#ifndef SINMUN_ANALYZERS_MORPH_DETAIL_MAPPED_FILE_H_
#define SINMUN_ANALYZERS_MORPH_DETAIL_MAPPED_FILE_H_

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace sinmun::morph {

// Owns a read-only, private mapping of one file for its whole lifetime. Move-only.
// The bytes never change after construction, so one MappedFile may be read from any
// number of threads at once.
class MappedFile {
 public:
  // Maps `path`. Throws std::runtime_error naming the file if it is missing or unreadable.
  // An empty file yields an empty view.
  explicit MappedFile(const std::filesystem::path& path);
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const char* data() const { return data_; }
  std::size_t size() const { return size_; }
  std::string_view bytes() const { return {data_, size_}; }
  const std::filesystem::path& path() const { return path_; }

 private:
  void release() noexcept;

  std::filesystem::path path_;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace sinmun::morph

#endif  // SINMUN_ANALYZERS_MORPH_DETAIL_MAPPED_FILE_H_
