#ifndef SINMUN_SERVER_DETAIL_LEXICON_WATCH_H_
#define SINMUN_SERVER_DETAIL_LEXICON_WATCH_H_

#include <signal.h>

#include <filesystem>
#include <string>
#include <vector>

#include "searcher/search_config.h"

// How sinmun-serve notices a new lexicon (sinmun-lexicon apply): its files changing, or a signal.
namespace sinmun::http {

// The user dictionary and synonym files a configuration reads (resolved as SearchConfig does:
// the option, else $SINMUN_USER_DICT / $SINMUN_SYNONYMS, else the shipped file; "none" is no
// file), and whether one changed (size, modification time) since the last look. Not
// thread-safe.
class LexiconWatch {
 public:
  explicit LexiconWatch(const SearchConfigOptions& options);
  bool changed();

 private:
  std::vector<std::filesystem::path> files_;
  std::string stamp_;
};

// The next of `signals` (blocked by the caller), or 0 after `seconds` (0: only a signal).
int wait_for_signal(const sigset_t& signals, double seconds);

}  // namespace sinmun::http

#endif  // SINMUN_SERVER_DETAIL_LEXICON_WATCH_H_
