// sinmun-quote-dump: the quotations extract_quotes() finds in the bodies of JSON Lines files,
// one "id<TAB>speaker<TAB>quotation" line each: to measure the extractor on real news
// (docs/quotes.md says how) without indexing it.
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <string>

#include "corpus/quotes.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: sinmun-quote-dump FILE.jsonl...\n";
    return 1;
  }
  for (int a = 1; a < argc; ++a) {
    std::ifstream in(argv[a]);
    if (!in) {
      std::cerr << "sinmun-quote-dump: cannot read " << argv[a] << '\n';
      return 2;
    }
    std::string line;
    while (std::getline(in, line)) {
      const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
      if (!record.is_object() || !record.contains("body") || !record["body"].is_string()) continue;
      const std::string id = record.value("id", "");
      for (const sinmun::Quote& quote : sinmun::extract_quotes(record["body"].get<std::string>())) {
        std::cout << id << '\t' << quote.speaker << '\t' << quote.text << '\n';
      }
    }
  }
  return 0;
}
