#include "server/detail/lexicon_decisions.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "base/errors.h"
#include "base/text.h"

namespace sinmun::http {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxLexiconField = 200;

std::string file_text(const fs::path& path) {
  if (!fs::exists(path)) return "";
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  if (!in && !in.eof()) throw EnvironmentError("cannot read " + path.string());
  return out.str();
}

std::string one(const Params& params, const std::string& name, bool may_be_empty) {
  if (params.count(name) > 1) throw BadRequest(name + " given twice");
  const auto it = params.find(name);
  std::string value = it == params.end() ? "" : it->second;
  if (value.empty() && !may_be_empty) throw BadRequest("need " + name);
  if (value.size() > kMaxLexiconField) throw BadRequest(name + " is too long");
  if (value.find_first_of("\t\r\n") != std::string::npos) throw BadRequest(name + " holds a tab or line break");
  std::string copy = value;
  if (repair_utf8(copy) != 0) throw BadRequest(name + " is not valid UTF-8");
  return value;
}

}  // namespace

std::string lexicon_state_json(const fs::path& dir) {
  const nlohmann::json state = {{"review", file_text(dir / "review.tsv")},
                                {"decisions", file_text(dir / "decisions.tsv")}};
  return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void append_lexicon_decision(const fs::path& dir, const Params& params) {
  const std::string decision = one(params, "decision", false);
  const std::string kind = one(params, "kind", false);
  const std::string key = one(params, "key", false);
  const std::string value = one(params, "value", kind == "word");
  if (decision != "accept" && decision != "reject") throw BadRequest("decision is accept or reject");
  if (kind != "word" && kind != "alias") throw BadRequest("kind is word or alias");
  std::error_code error;
  fs::create_directories(dir, error);
  std::ofstream out(dir / "decisions.tsv", std::ios::binary | std::ios::app);
  out << decision << '\t' << kind << '\t' << key << '\t' << value << "\t\tweb page\n";
  out.flush();
  if (!out) throw EnvironmentError("cannot write the lexicon decisions");
}

}  // namespace sinmun::http
