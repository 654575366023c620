#ifndef SINMUN_SERVER_DETAIL_STATIC_FILES_H_
#define SINMUN_SERVER_DETAIL_STATIC_FILES_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

// The web page's files: which URL paths map to which files, and what they are.
namespace sinmun::http {

// The file under `root` (a canonical directory path) that the decoded URL path `url_path`
// names, or nullopt when it must not be served: not starting with '/', containing a NUL or
// a backslash, a segment that is empty past the first, "..", or starts with '.' (hidden
// files), a target that is not a regular file, or one that leaves `root` through a symlink.
// "/" and paths ending in '/' name the directory's index.html.
std::optional<std::filesystem::path> resolve_static_path(const std::filesystem::path& root, std::string_view url_path);

// "text/html; charset=utf-8" and so on, by extension; "application/octet-stream" otherwise.
std::string content_type_for(const std::filesystem::path& file);

}  // namespace sinmun::http

#endif  // SINMUN_SERVER_DETAIL_STATIC_FILES_H_
