#include "analyzers/morph/detail/connection_matrix.h"

#include <cstring>
#include <stdexcept>
#include <string>

namespace sinmun::morph {

ConnectionMatrix::ConnectionMatrix(const std::filesystem::path& path) : file_(path) {
  if (file_.size() < 4) throw std::runtime_error(path.string() + ": truncated (no size header)");
  std::uint16_t sizes[2];
  std::memcpy(sizes, file_.data(), sizeof sizes);
  left_size_ = sizes[0];
  right_size_ = sizes[1];
  const std::size_t expected = 4 + left_size_ * right_size_ * sizeof(std::int16_t);
  if (file_.size() != expected) {
    throw std::runtime_error(path.string() + ": size " + std::to_string(file_.size()) + " does not match its " +
                             std::to_string(left_size_) + "x" + std::to_string(right_size_) +
                             " header (truncated or corrupt)");
  }
  costs_ = reinterpret_cast<const std::int16_t*>(file_.data() + 4);
}

}  // namespace sinmun::morph
