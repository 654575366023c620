#include "server/detail/static_files.h"

#include <algorithm>
#include <array>
#include <utility>

namespace sinmun::http {

std::optional<std::filesystem::path> resolve_static_path(const std::filesystem::path& root, std::string_view url_path) {
  if (url_path.empty() || url_path.front() != '/') return std::nullopt;
  if (url_path.find('\0') != std::string_view::npos || url_path.find('\\') != std::string_view::npos) {
    return std::nullopt;
  }
  std::string relative(url_path.substr(1));
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  std::filesystem::path path = root;
  std::size_t start = 0;
  while (start <= relative.size()) {
    const std::size_t slash = std::min(relative.find('/', start), relative.size());
    const std::string_view segment = std::string_view(relative).substr(start, slash - start);
    if (segment.empty() || segment.front() == '.') return std::nullopt;
    path /= segment;
    start = slash + 1;
  }
  // The lexical checks above stop "..", but a symlink inside the web dir could still point
  // anywhere: compare where the file really is.
  std::error_code error;
  const std::filesystem::path real = std::filesystem::canonical(path, error);
  if (error || !std::filesystem::is_regular_file(real, error)) return std::nullopt;
  const auto [root_end, real_it] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  if (root_end != root.end() || real_it == real.end()) return std::nullopt;
  return real;
}

std::string content_type_for(const std::filesystem::path& file) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".webmanifest", "application/manifest+json"},
  }};
  const std::string extension = file.extension().string();
  for (const auto& [suffix, type] : kTypes) {
    if (extension == suffix) return std::string(type);
  }
  return "application/octet-stream";
}

}  // namespace sinmun::http
