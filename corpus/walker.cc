#include "corpus/walker.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <system_error>

#include "corpus/text_utils.h"

namespace sinmun {
namespace fs = std::filesystem;
namespace {

FileFormat sniff_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[512];
  in.read(head, sizeof head);
  return sniff_format(std::string_view(head, static_cast<std::size_t>(in.gcount())));
}

std::string lowercase_extension(const fs::path& path) { return lowercase_ascii(path.extension().string()); }

// Notes that live beside the pages of a crawl (README.md, LICENSE, NOTICE): never articles,
// and not worth a word.
bool is_documentation(const fs::path& path) {
  const std::string ext = lowercase_extension(path);
  if (ext == ".md" || ext == ".markdown" || ext == ".rst") return true;
  if (!ext.empty() && ext != ".txt") return false;
  const std::string stem = lowercase_ascii(path.stem().string());
  for (const char* name :
       {"readme", "license", "licence", "copying", "notice", "authors", "changelog", "contributing"}) {
    if (stem == name) return true;
  }
  return false;
}

class Walker {
 public:
  Walker(const fs::path& root, const ProblemSink& report, const WalkOptions& options)
      : root_(root), report_(report), options_(options) {
    std::error_code ec;
    canonical_root_ = fs::canonical(root, ec);
  }

  void visit_directory(const fs::path& directory) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(directory, ec);
    // The canonical path of every directory entered: a link back to an ancestor (or to a
    // directory seen already) is recognised and not entered again.
    if (ec || !visited_.insert(canonical.string()).second) {
      if (ec) skip(directory, "cannot resolve directory: " + ec.message());
      return;
    }
    std::vector<fs::directory_entry> entries;
    fs::directory_iterator it(directory, ec);
    if (ec) {
      skip(directory, "cannot read directory: " + ec.message());
      return;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(*it);
    }
    if (ec) skip(directory, "directory listing stopped early: " + ec.message());
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    for (const fs::directory_entry& entry : entries) {
      if (entry.path().filename().string().starts_with('.')) continue;
      if (leaves_the_root(entry)) continue;
      std::error_code status_ec;
      const fs::file_status status = entry.status(status_ec);  // follows links
      if (status_ec) {
        skip(entry.path(), "broken link or unreadable entry: " + status_ec.message());
      } else if (fs::is_directory(status)) {
        visit_directory(entry.path());
      } else if (fs::is_regular_file(status)) {
        add_file(entry.path());
      }
    }
  }

  void add_file(const fs::path& path) {
    CrawlFile file;
    file.path = path;
    file.relative = path == root_ ? path.filename().generic_string() : path.lexically_relative(root_).generic_string();
    const bool documentation = is_documentation(path);
    file.format = documentation ? FileFormat::kUnsupported : format_of(path);
    std::error_code ec;
    file.size = fs::file_size(path, ec);
    if (file.format == FileFormat::kUnsupported && !documentation) file.format = sniff_file(path);
    if (file.format == FileFormat::kUnsupported) {
      const std::string ext = lowercase_extension(path);
      ++ignored_[ext.empty() ? "(no extension)" : ext];
      if (documentation) ++documentation_;
      return;
    }
    files_.push_back(std::move(file));
  }

  // The files found. Files of other formats (images, notes) are said once, per extension,
  // rather than once each: a crawl can hold thousands of them. Documentation alone is not
  // worth saying (the sample corpus has a README.md); with other files it is counted too.
  std::vector<CrawlFile> take() {
    std::size_t ignored = 0;
    for (const auto& entry : ignored_) ignored += entry.second;
    if (ignored > documentation_) {
      std::size_t total = 0;
      std::string kinds;
      for (const auto& [ext, count] : ignored_) {
        total += count;
        kinds += (kinds.empty() ? "" : ", ") + ext + " ×" + std::to_string(count);
      }
      report_({Problem::Severity::kSkipped, root_.filename().generic_string(), "",
               "ignored " + std::to_string(total) + " file(s) of other formats: " + kinds +
                   " (read: .jsonl .json .txt .html .htm .warc, and any of them .gz)"});
    }
    return std::move(files_);
  }

 private:
  // A link whose target is outside the crawl root is not followed (a link to /etc/passwd
  // must not be indexed and served) unless the options say so; it is noted once each.
  bool leaves_the_root(const fs::directory_entry& entry) {
    std::error_code ec;
    if (options_.follow_symlinks_out_of_root || !entry.is_symlink(ec)) return false;
    const fs::path target = fs::canonical(entry.path(), ec);
    if (ec) return false;  // a broken link: reported as such below
    const fs::path inside = target.lexically_relative(canonical_root_);
    if (!inside.empty() && *inside.begin() != "..") return false;
    report_({Problem::Severity::kWarning, entry.path().lexically_relative(root_).generic_string(), "",
             "link out of the crawl root (to " + target.string() + ") not followed (--follow-symlinks follows it)"});
    return true;
  }

  void skip(const fs::path& path, const std::string& reason) {
    report_({Problem::Severity::kSkipped, path.lexically_relative(root_).generic_string(), "", reason});
  }

  fs::path root_;
  fs::path canonical_root_;
  const ProblemSink& report_;
  const WalkOptions& options_;
  std::set<std::string> visited_;
  std::vector<CrawlFile> files_;
  std::map<std::string, std::size_t> ignored_;  // extension → files
  std::size_t documentation_ = 0;               // of those, README.md, LICENSE and the like
};

}  // namespace

FileFormat format_of(const fs::path& path) {
  std::string ext = lowercase_extension(path);
  if (ext == ".gz") ext = lowercase_extension(path.stem());
  if (ext == ".jsonl" || ext == ".ndjson") return FileFormat::kJsonLines;
  if (ext == ".json") return FileFormat::kJson;
  if (ext == ".txt") return FileFormat::kText;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return FileFormat::kHtml;
  if (ext == ".warc") return FileFormat::kWarc;
  return FileFormat::kUnsupported;
}

FileFormat sniff_format(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  const std::size_t start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return FileFormat::kUnsupported;
  const std::string lower = lowercase_ascii(head.substr(start, 64));
  if (lower.starts_with("warc/1.")) return FileFormat::kWarc;
  if (lower.starts_with("<!doctype html") || lower.starts_with("<html")) return FileFormat::kHtml;
  return FileFormat::kUnsupported;
}

std::vector<CrawlFile> walk_crawl_directory(const fs::path& root, const ProblemSink& report,
                                            const WalkOptions& options) {
  std::error_code ec;
  const fs::file_status status = fs::status(root, ec);
  if (ec || !fs::exists(status)) {
    throw std::runtime_error(root.string() + ": no such file or directory");
  }
  Walker walker(root, report, options);
  if (fs::is_directory(status)) {
    walker.visit_directory(root);
  } else if (fs::is_regular_file(status)) {
    walker.add_file(root);
  } else {
    throw std::runtime_error(root.string() + ": not a directory or regular file");
  }
  return walker.take();
}

}  // namespace sinmun
