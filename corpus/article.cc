#include "corpus/article.h"

namespace sinmun {

std::string describe(const Problem& problem) {
  std::string out = problem.file;
  if (!problem.location.empty()) out += ":" + problem.location;
  out += ": ";
  out += problem.reason;
  return out;
}

}  // namespace sinmun
