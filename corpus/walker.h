#ifndef SINMUN_CORPUS_WALKER_H_
#define SINMUN_CORPUS_WALKER_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/article.h"

namespace sinmun {

enum class FileFormat { kJsonLines, kJson, kText, kHtml, kUnsupported, kWarc };

// Chooses a reader by file name (`.jsonl`/`.ndjson`, `.json`, `.txt`, `.html`/`.htm`/`.xhtml`,
// `.warc`), looking through a final `.gz` (`a.jsonl.gz` is JSON Lines).
FileFormat format_of(const std::filesystem::path& path);

// Chooses a reader by the first bytes of a file: "WARC/1." is WARC, a doctype or <html> tag
// (after a BOM and white space) is HTML; anything else kUnsupported. For files whose name
// says nothing (`article.php?id=5`, saved by a crawler).
FileFormat sniff_format(std::string_view head);

struct CrawlFile {
  std::filesystem::path path;  // as found (absolute if the root was)
  std::string relative;        // relative to the crawl root, '/'-separated: the id base
  FileFormat format = FileFormat::kUnsupported;
  std::uintmax_t size = 0;
};

struct WalkOptions {
  // Follow symbolic links whose target lies outside the crawl root (off: such a link is a
  // warning and left out, so that a link to /etc/passwd is never indexed and served).
  bool follow_symlinks_out_of_root = false;
};

// Lists the regular files under `root` (or `root` itself when it is a file), recursively, in
// a stable (sorted) order, skipping hidden entries (".git", ".DS_Store"). Symbolic links to
// files are followed; links to directories are followed once, never into a loop; links out
// of the root only as `options` say. A file whose
// name gives no format is sniffed (sniff_format). Unreadable directories are reported to
// `report` and left out; files of no supported format are left out and reported once for
// the whole walk, counted by extension. Documentation (`*.md`, `*.markdown`, `*.rst`, and
// README, LICENSE, LICENCE, COPYING, NOTICE, AUTHORS, CHANGELOG, CONTRIBUTING with no
// extension or `.txt`) is never read as an article and is counted in that report only when
// other files are ignored too: a crawl with a README alone reports nothing.
// Throws std::runtime_error if `root` does not exist or cannot be read at all.
std::vector<CrawlFile> walk_crawl_directory(const std::filesystem::path& root, const ProblemSink& report,
                                            const WalkOptions& options = {});

}  // namespace sinmun

#endif  // SINMUN_CORPUS_WALKER_H_
