// Our segmenter against libmecab (Debian's stock MeCab 0.996) on the same dictionary.
// Stock MeCab has no space penalty, so the strict comparison runs ours without it; with the
// penalty on, every difference must come from a penalized morpheme after whitespace.
#include <mecab.h>

#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "analyzers/morph/segmenter.h"
#include "test_dictionary.h"
#include "tests/support/random_text.h"

namespace sinmun::morph {
namespace {

using testing::dictionary_dir;
using testing::fixture;
using testing::shared_dictionary;

struct Token {
  std::size_t begin;
  std::size_t end;
  std::string feature;
  std::uint16_t pos_id;
  auto key() const { return std::tie(begin, end, feature); }
  bool operator<(const Token& o) const { return key() < o.key(); }
};

class MeCabOracle {
 public:
  MeCabOracle() {
    const std::string args = "-d " + dictionary_dir().string();
    tagger_ = mecab_new2(args.c_str());
  }
  ~MeCabOracle() {
    if (tagger_ != nullptr) mecab_destroy(tagger_);
  }
  MeCabOracle(const MeCabOracle&) = delete;
  MeCabOracle& operator=(const MeCabOracle&) = delete;
  bool ok() const { return tagger_ != nullptr; }

  std::vector<Token> parse(const std::string& text) {
    std::vector<Token> tokens;
    for (const mecab_node_t* n = mecab_sparse_tonode2(tagger_, text.data(), text.size()); n != nullptr; n = n->next) {
      if (n->stat != MECAB_NOR_NODE && n->stat != MECAB_UNK_NODE) continue;
      const auto begin = static_cast<std::size_t>(n->surface - text.data());
      tokens.push_back({begin, begin + n->length, n->feature, n->posid});
    }
    return tokens;
  }

 private:
  mecab_t* tagger_ = nullptr;
};

std::vector<Token> ours(Segmenter& segmenter, const std::string& text) {
  std::vector<Token> tokens;
  for (const Morpheme& m : segmenter.segment(text)) {
    tokens.push_back({m.begin, m.end, std::string(m.feature), m.pos_id});
  }
  return tokens;
}

std::vector<std::string> read_sentences() {
  std::ifstream in(fixture("sentences.txt"));
  std::vector<std::string> sentences;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.front() != '#') sentences.push_back(line);
  }
  return sentences;
}

// Tokens of `a` that are not in `b` (same offsets and feature).
std::vector<Token> missing(const std::vector<Token>& a, const std::vector<Token>& b) {
  const std::set<Token> in_b(b.begin(), b.end());
  std::vector<Token> result;
  for (const Token& t : a) {
    if (!in_b.contains(t)) result.push_back(t);
  }
  return result;
}

std::string describe(const std::string& text, const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += ' ';
    out += text.substr(t.begin, t.end - t.begin) + "/" + t.feature.substr(0, t.feature.find(','));
  }
  return out;
}

class DifferentialTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SINMUN_REQUIRE_DICTIONARY();
    sentences_ = read_sentences();
    ASSERT_GE(sentences_.size(), 300u) << "fixture sentences.txt";
    ASSERT_TRUE(oracle_.ok()) << mecab_strerror(nullptr);
  }
  std::vector<std::string> sentences_;
  MeCabOracle oracle_;
};

TEST_F(DifferentialTest, WithoutSpacePenaltyAgreesWithLibmecab) {
  Segmenter segmenter(shared_dictionary(), {.space_penalty = false});
  std::size_t total = 0;
  std::size_t agreed = 0;
  std::vector<std::string> disagreements;
  for (const std::string& sentence : sentences_) {
    const auto expected = oracle_.parse(sentence);
    const auto actual = ours(segmenter, sentence);
    total += expected.size();
    const auto lost = missing(expected, actual);
    agreed += expected.size() - lost.size();
    if (!lost.empty() || actual.size() != expected.size()) {
      disagreements.push_back(sentence + "\n  mecab: " + describe(sentence, expected) +
                              "\n  ours:  " + describe(sentence, actual));
    }
  }
  const double agreement = 100.0 * static_cast<double>(agreed) / static_cast<double>(total);
  std::cout << "token agreement without space penalty: " << agreed << "/" << total << " = " << agreement << "%\n";
  for (const auto& d : disagreements) std::cout << d << "\n";
  EXPECT_GE(agreement, 99.0);
}

TEST_F(DifferentialTest, WholeFileAsOneTextAgreesWithLibmecab) {
  // Newlines are SPACE characters: one long text must segment like MeCab does it.
  std::string text;
  for (const std::string& sentence : sentences_) text += sentence + "\n";
  Segmenter segmenter(shared_dictionary(), {.space_penalty = false});
  const auto expected = oracle_.parse(text);
  const auto actual = ours(segmenter, text);
  EXPECT_EQ(describe(text, missing(expected, actual)), "");
  EXPECT_EQ(actual.size(), expected.size());
}

TEST_F(DifferentialTest, RandomScriptMixesMatchLibmecabExactly) {
  // Exercises the unknown-word rules (grouping, lengths, invoke) far more than news text.
  Segmenter segmenter(shared_dictionary(), {.space_penalty = false});
  std::mt19937 rng(11);
  std::uniform_int_distribution<std::size_t> length(1, 80);
  for (int i = 0; i < 1000; ++i) {
    const std::string text = ::sinmun::testing::random_mix(rng, length(rng));
    const auto expected = oracle_.parse(text);
    const auto actual = ours(segmenter, text);
    ASSERT_EQ(describe(text, actual), describe(text, expected)) << text;
    ASSERT_TRUE(missing(expected, actual).empty()) << text;
  }
}

TEST_F(DifferentialTest, SpacePenaltyDifferencesAreListedAndExplained) {
  const auto dictionary = shared_dictionary();
  Segmenter segmenter(dictionary);
  std::ostringstream listing;
  for (const std::string& sentence : sentences_) {
    const auto expected = oracle_.parse(sentence);
    const auto actual = ours(segmenter, sentence);
    const auto mecab_only = missing(expected, actual);
    if (mecab_only.empty() && actual.size() == expected.size()) continue;
    // Explained: some morpheme MeCab chose right after whitespace carries a penalty we add.
    bool explained = false;
    for (const Token& t : mecab_only) {
      const bool after_space = t.begin > 0 && (sentence[t.begin - 1] == ' ' || sentence[t.begin - 1] == '\t');
      explained = explained || (after_space && dictionary->space_penalty(t.pos_id) > 0);
    }
    EXPECT_TRUE(explained) << sentence << "\n  mecab: " << describe(sentence, mecab_only);
    listing << sentence << "\n  mecab-ko (ours): " << describe(sentence, missing(actual, expected))
            << "\n  stock mecab:     " << describe(sentence, mecab_only) << "\n";
  }
  std::ifstream in(fixture("space-penalty-differences.txt"));
  std::stringstream recorded;
  recorded << in.rdbuf();
  std::string body = recorded.str();
  // The fixture starts with a comment header; the listing follows the first blank line.
  const std::size_t header_end = body.find("\n\n");
  body = header_end == std::string::npos ? std::string() : body.substr(header_end + 2);
  EXPECT_EQ(listing.str(), body) << "update tests/morph/fixtures/space-penalty-differences.txt with:\n"
                                 << listing.str();
}

}  // namespace
}  // namespace sinmun::morph
