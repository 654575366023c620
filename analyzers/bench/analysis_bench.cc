// Throughput of the whole analysis chain (Analyzer::analyze, each mode) and of
// Segmenter::segment() against libmecab on the same news text, one core, and the cost of
// Dictionary::open().
//
//   sinmun-analysis-bench [--benchmark_filter=...]
// Environment: SINMUN_DICT (dictionary dir), SINMUN_BENCH_DATA (JSONL with "title"/"body";
// default ../shared/data/news_rss_leads-dev.jsonl beside the checkout).
#include <benchmark/benchmark.h>
#include <mecab.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzers/dictionary_location.h"
#include "analyzers/morph/segmenter.h"

namespace {

std::filesystem::path env_path(const char* name, const std::filesystem::path& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::filesystem::path(value) : fallback;
}

std::filesystem::path dictionary_dir() {
  const char* home = std::getenv("HOME");
  return env_path("SINMUN_DICT",
                  std::filesystem::path(home != nullptr ? home : "/root") / ".local/share/sinmun/mecab-ko-dic");
}

// Titles and bodies, one text each; empty if the file is absent.
const std::vector<std::string>& texts() {
  static const std::vector<std::string> loaded = [] {
    std::vector<std::string> result;
    const auto path = env_path("SINMUN_BENCH_DATA", SINMUN_DEFAULT_BENCH_DATA);
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      const auto record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!record.is_object()) continue;
      for (const char* field : {"title", "body"}) {
        if (record.contains(field) && record[field].is_string()) result.push_back(record[field].get<std::string>());
      }
    }
    if (result.empty()) std::cerr << "no benchmark text: " << path << " is missing or empty\n";
    return result;
  }();
  return loaded;
}

std::int64_t total_bytes() {
  std::int64_t bytes = 0;
  for (const std::string& text : texts()) bytes += static_cast<std::int64_t>(text.size());
  return bytes;
}

bool ready(benchmark::State& state) {
  if (!std::filesystem::exists(dictionary_dir() / "sys.dic")) {
    state.SkipWithError("dictionary missing (scripts/fetch-dictionary.sh or SINMUN_DICT)");
    return false;
  }
  if (texts().empty()) {
    state.SkipWithError("benchmark text missing (SINMUN_BENCH_DATA)");
    return false;
  }
  return true;
}

void BM_DictionaryOpen(benchmark::State& state) {
  if (!std::filesystem::exists(dictionary_dir() / "sys.dic")) {
    state.SkipWithError("dictionary missing");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(sinmun::morph::Dictionary::open(dictionary_dir()));
}
BENCHMARK(BM_DictionaryOpen)->Unit(benchmark::kMillisecond);

void BM_SegmentOurs(benchmark::State& state) {
  if (!ready(state)) return;
  sinmun::morph::Segmenter segmenter(sinmun::morph::Dictionary::open(dictionary_dir()),
                                     {.space_penalty = state.range(0) != 0});
  std::size_t morphemes = 0;
  for (auto _ : state) {
    for (const std::string& text : texts()) morphemes += segmenter.segment(text).size();
  }
  benchmark::DoNotOptimize(morphemes);
  state.SetBytesProcessed(state.iterations() * total_bytes());
}
BENCHMARK(BM_SegmentOurs)->ArgName("space_penalty")->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

// The chain as the indexer runs it: normalise, pre-tokenise, segment (with the reading
// thread's analysis context, warm after the first pass as it is over a real crawl), n-grams.
void BM_Analyzer(benchmark::State& state) {
  if (!ready(state)) return;
  const auto mode = static_cast<sinmun::AnalysisMode>(state.range(0));
  const sinmun::Analyzer analyzer =
      sinmun::make_analyzer({dictionary_dir().string(), "", mode}, [](const std::string&) {});
  sinmun::AnalysisContext context;
  std::size_t tokens = 0;
  for (auto _ : state) {
    for (const std::string& text : texts()) tokens += analyzer.analyze(text, context).size();
  }
  benchmark::DoNotOptimize(tokens);
  state.SetBytesProcessed(state.iterations() * total_bytes());
  state.SetLabel(analyzer.mode());
}
BENCHMARK(BM_Analyzer)
    ->ArgName("mode")
    ->Arg(static_cast<int>(sinmun::AnalysisMode::kNgram))
    ->Arg(static_cast<int>(sinmun::AnalysisMode::kMorphemeNgram))
    ->Unit(benchmark::kMillisecond);

void BM_LibmecabOpen(benchmark::State& state) {
  const std::string args = "-d " + dictionary_dir().string();
  for (auto _ : state) {
    mecab_model_t* model = mecab_model_new2(args.c_str());
    if (model == nullptr) {
      state.SkipWithError("libmecab cannot open the dictionary");
      return;
    }
    mecab_model_destroy(model);
  }
}
BENCHMARK(BM_LibmecabOpen)->Unit(benchmark::kMillisecond);

void BM_SegmentLibmecab(benchmark::State& state) {
  if (!ready(state)) return;
  const std::string args = "-d " + dictionary_dir().string();
  mecab_t* tagger = mecab_new2(args.c_str());
  if (tagger == nullptr) {
    state.SkipWithError("libmecab cannot open the dictionary");
    return;
  }
  std::size_t morphemes = 0;
  for (auto _ : state) {
    for (const std::string& text : texts()) {
      for (const mecab_node_t* n = mecab_sparse_tonode2(tagger, text.data(), text.size()); n != nullptr; n = n->next) {
        ++morphemes;
      }
    }
  }
  benchmark::DoNotOptimize(morphemes);
  state.SetBytesProcessed(state.iterations() * total_bytes());
  mecab_destroy(tagger);
}
BENCHMARK(BM_SegmentLibmecab)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
