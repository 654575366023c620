// Connection costs between adjacent morphemes (matrix.bin).
#ifndef SINMUN_ANALYZERS_MORPH_DETAIL_CONNECTION_MATRIX_H_
#define SINMUN_ANALYZERS_MORPH_DETAIL_CONNECTION_MATRIX_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "analyzers/morph/detail/mapped_file.h"

namespace sinmun::morph {

// Immutable matrix.bin: u16 left_size, u16 right_size, then i16 costs. Thread-safe to share.
class ConnectionMatrix {
 public:
  // Throws std::runtime_error naming the file if it is missing or its size does not match.
  explicit ConnectionMatrix(const std::filesystem::path& path);

  // Cost of a node with right context `left_node_right_id` followed by a node with left
  // context `right_node_left_id`. Ids must be below left_size() / right_size() respectively
  // (the Dictionary validates every token against them at open()).
  int cost(std::uint16_t left_node_right_id, std::uint16_t right_node_left_id) const {
    return costs_[left_node_right_id + left_size_ * std::size_t{right_node_left_id}];
  }
  std::size_t left_size() const { return left_size_; }
  std::size_t right_size() const { return right_size_; }

 private:
  MappedFile file_;
  const std::int16_t* costs_ = nullptr;
  std::size_t left_size_ = 0;
  std::size_t right_size_ = 0;
};

}  // namespace sinmun::morph

#endif  // SINMUN_ANALYZERS_MORPH_DETAIL_CONNECTION_MATRIX_H_
