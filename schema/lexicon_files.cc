#include "schema/lexicon_files.h"

#include <fstream>
#include <sstream>

#include "schema/hash.h"

namespace sinmun::schema {

std::string lexicon_file_stamp(const std::filesystem::path& path, std::string_view text) {
  if (path.empty() || path == "none") return "none";
  return std::filesystem::absolute(path).lexically_normal().string() + '\t' + fnv1a_hex(text);
}

std::string stamped_path(std::string_view stamp) {
  if (stamp == "none") return "none";
  const std::size_t tab = stamp.find('\t');
  if (tab == std::string_view::npos || tab == 0 || stamp[0] != '/') return "";
  return std::string(stamp.substr(0, tab));
}

std::string recorded_lexicon_file(const std::string& db_path, std::string_view key,
                                  const std::function<void(const std::string&)>& report) {
  std::string stamp;
  try {
    stamp = Xapian::Database(db_path).get_metadata(std::string(key));
  } catch (const Xapian::Error&) {
    return "";  // a new database, or one the caller will report on opening it
  }
  const std::string path = stamped_path(stamp);
  if (path.empty() || path == "none") return path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    report(db_path + " was analysed with " + path + ", which is gone: using the default instead");
    return "";
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (lexicon_file_stamp(path, text.str()) != stamp) {
    report(path + " has changed since " + db_path + " was analysed with it (sinmun-lexicon apply re-indexes)");
  }
  return path;
}

}  // namespace sinmun::schema
