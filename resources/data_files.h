#ifndef SINMUN_RESOURCES_DATA_FILES_H_
#define SINMUN_RESOURCES_DATA_FILES_H_

#include <filesystem>

// Where a running Sinmun program finds the files Sinmun ships with it, installed or not.
namespace sinmun {

// A file (or directory) that `cmake --install` puts under <prefix>/share/sinmun/.
enum class DataFile {
  kUserDictionary,  // user-dictionary.tsv (in the source tree: analyzers/data/)
  kSynonyms,        // synonyms.tsv (in the source tree: searcher/data/)
  kWebDirectory,    // web/, the page sinmun-serve serves (in the source tree: web/)
};

// Where `file` is for the running program (read from /proc/self/exe, symlinks resolved):
//   1. <prefix>/share/sinmun/NAME when the program is <prefix>/bin/PROGRAM and that path
//      exists: an installed tree, whatever its prefix and wherever it was moved to;
//   2. else the file in the source tree the program was built from, when that exists: a
//      program run from its build tree (the tests, build/searcher/sinmun-search);
//   3. else the installed path of 1., so that a message about the missing file names the
//      place the installation should have put it.
// Never throws and never opens the file: callers report what they cannot read. Thread-safe.
std::filesystem::path data_file_path(DataFile file);

// The same for a program at `executable` (an absolute path; empty when unknown, which gives
// the source-tree path) built from the source tree `source_dir`. data_file_path(file) is this with
// /proc/self/exe and the source directory compiled in; tests call it with their own trees.
std::filesystem::path data_file_path(DataFile file, const std::filesystem::path& executable,
                                     const std::filesystem::path& source_dir);

}  // namespace sinmun

#endif  // SINMUN_RESOURCES_DATA_FILES_H_
