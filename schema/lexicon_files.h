#ifndef SINMUN_SCHEMA_LEXICON_FILES_H_
#define SINMUN_SCHEMA_LEXICON_FILES_H_

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include <xapian.h>

// Which user dictionary and synonym file a database's articles go with: `sinmun-lexicon
// apply` records them (schema.h: kUserDictionaryKey, kSynonymsKey) after it re-indexes the
// articles holding the words it added, and every program that opens the database without
// being told other files uses them, so that later crawls and queries are analysed as those
// articles were.
namespace sinmun::schema {

// The metadata value for the file at `path` whose text is `text`: its absolute path, a tab
// and the FNV-1a of the text (16 hex digits); "none" for none.
std::string lexicon_file_stamp(const std::filesystem::path& path, std::string_view text);

// The path a stamp names: "none", an absolute path, or "" for an empty or malformed value.
std::string stamped_path(std::string_view stamp);

// The file recorded under `key` in the database at `db_path`, if it records one and the file
// is still there ("none" stays "none"); otherwise "" (a database that cannot be opened
// records nothing). A recorded file that is gone or has changed since is told to `report`.
// Never throws.
std::string recorded_lexicon_file(const std::string& db_path, std::string_view key,
                                  const std::function<void(const std::string&)>& report);

}  // namespace sinmun::schema

#endif  // SINMUN_SCHEMA_LEXICON_FILES_H_
