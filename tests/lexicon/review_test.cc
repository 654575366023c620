// The review and decision files and the merges into the user dictionary and the synonyms.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "base/errors.h"
#include "lexicon/apply.h"
#include "lexicon/noun_learner.h"
#include "lexicon/review.h"
#include "tests/support/random_text.h"
#include "tests/support/temp_dir.h"

namespace sinmun::lexicon {
namespace {

using sinmun::testing::TempDir;

std::vector<std::string> reports_of(const std::string& text, std::vector<ReviewEntry>* entries = nullptr) {
  std::vector<std::string> reports;
  std::vector<ReviewEntry> parsed =
      parse_review(text, "review.tsv", [&](const std::string& m) { reports.push_back(m); });
  if (entries) *entries = std::move(parsed);
  return reports;
}

TEST(ReviewFileTest, ABadAcceptedLineIsReportedWithItsLineNumber) {
  std::vector<ReviewEntry> entries;
  const std::vector<std::string> reports = reports_of(
      "# header\n"
      "accept\tword\t쿠룬타사\tNNP\t12\tnote\n"
      "reject\tword\t벨모라\n"
      "accept\tword\tabc\tNNP\n"          // 4: not Hangul
      "\talias\t조르블랏\tzorblat\n"      // undecided
      "maybe\tword\t탈리옹\n"             // 6: no such decision
      "accept\talias\t한빛은행\t한 은\n"  // 7: a space
      "accept\tword\t탈리옹\tVV\n"        // 8: not a noun
      "y\talias\t한빛중앙은행\t한은\n",
      &entries);
  ASSERT_EQ(reports.size(), 4u);
  EXPECT_TRUE(reports[0].starts_with("review.tsv:4: ")) << reports[0];
  EXPECT_TRUE(reports[1].starts_with("review.tsv:6: ")) << reports[1];
  EXPECT_TRUE(reports[2].starts_with("review.tsv:7: ")) << reports[2];
  EXPECT_TRUE(reports[3].starts_with("review.tsv:8: ")) << reports[3];
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].decision, Decision::kAccept);
  EXPECT_EQ(entries[0].key, "쿠룬타사");
  EXPECT_EQ(entries[1].decision, Decision::kReject);
  EXPECT_EQ(entries[1].value, "NNP");  // a word without a part of speech is a proper noun
  EXPECT_EQ(entries[2].decision, Decision::kUndecided);
  EXPECT_EQ(entries[3].kind, EntryKind::kAlias);
  EXPECT_EQ(entries[3].line, 9u);
}

TEST(ReviewFileTest, DecisionsAreKeptSoNothingIsAskedTwice) {
  TempDir dir;
  dir.write("review.tsv",
            "# decide\n"
            "accept\tword\t쿠룬타사\tNNG\t3\t\n"
            "\tword\t탈리옹\tNNP\t3\t\n"
            "reject\talias\t조르블랏\tzorblat\t2\t\n");
  EXPECT_EQ(absorb_review(dir.path(), {}), 2u);
  const auto decided = read_decisions(dir.path(), {});
  ASSERT_EQ(decided.size(), 2u);
  // A word is one decision whatever part of speech it was accepted as.
  EXPECT_TRUE(decided.count({EntryKind::kWord, "쿠룬타사", ""}));
  EXPECT_TRUE(decided.count({EntryKind::kAlias, "조르블랏", "zorblat"}));
  // The decided lines left review.tsv; a second absorb records nothing again.
  const std::string rest = read_text_file(dir.path() / "review.tsv");
  EXPECT_EQ(rest.find("쿠룬타사"), std::string::npos);
  EXPECT_NE(rest.find("탈리옹"), std::string::npos);
  EXPECT_EQ(absorb_review(dir.path(), {}), 0u);
  // The latest decision counts.
  append_decisions(dir.path(), {{Decision::kReject, EntryKind::kWord, "쿠룬타사", "NNP", "", ""}});
  EXPECT_EQ(read_decisions(dir.path(), {}).at({EntryKind::kWord, "쿠룬타사", ""}).decision, Decision::kReject);
}

TEST(ReviewFileTest, LexiconDirectoryIsNextToTheDatabase) {
  EXPECT_EQ(lexicon_dir_of("/data/news.db"), "/data/news.db.lexicon");
  EXPECT_EQ(lexicon_dir_of("/data/news.db/"), "/data/news.db.lexicon");
}

std::vector<ReviewEntry> words(const std::vector<std::string>& surfaces) {
  std::vector<ReviewEntry> out;
  for (const std::string& s : surfaces) out.push_back({Decision::kAccept, EntryKind::kWord, s, "NNP", "", ""});
  return out;
}

TEST(MergeTest, UserDictionaryKeepsWhatIsThereAndIsOrderIndependent) {
  const std::string existing = "# mine\n엔비디아\tNNP\n딥시크\tNNP\t-100";  // no final newline
  std::set<std::string> added_a, added_b;
  const std::string a = merge_user_dictionary(existing, words({"쿠룬타사", "딥시크", "탈리옹"}), added_a);
  const std::string b = merge_user_dictionary(existing, words({"탈리옹", "쿠룬타사"}), added_b);
  EXPECT_EQ(a, b);
  EXPECT_EQ(added_a, (std::set<std::string>{"쿠룬타사", "탈리옹"}));
  EXPECT_TRUE(a.starts_with(existing + "\n"));
  EXPECT_NE(a.find("\n쿠룬타사\tNNP\n"), std::string::npos);
  std::set<std::string> none;
  EXPECT_EQ(merge_user_dictionary(a, words({"쿠룬타사"}), none), a);  // merging again changes nothing
  EXPECT_TRUE(none.empty());
}

TEST(MergeTest, SynonymsAddOnlyNewPairsInAnyOrder) {
  const std::string existing = "엔비디아\tnvidia\n한국은행 한은\n";
  const std::vector<ReviewEntry> aliases = {{Decision::kAccept, EntryKind::kAlias, "조르블랏", "zorblat", "", ""},
                                            {Decision::kAccept, EntryKind::kAlias, "한은", "한국은행", "", ""},
                                            {Decision::kAccept, EntryKind::kAlias, "엔비디아", "엔디비아", "", ""}};
  std::vector<ReviewEntry> reversed(aliases.rbegin(), aliases.rend());
  std::size_t added_a = 0, added_b = 0;
  const std::string a = merge_synonyms(existing, aliases, added_a);
  EXPECT_EQ(a, merge_synonyms(existing, reversed, added_b));
  EXPECT_EQ(added_a, 2u);  // 한은 and 한국은행 share a line already
  EXPECT_NE(a.find("\n조르블랏\tzorblat\n"), std::string::npos);
  EXPECT_NE(a.find("\n엔비디아\t엔디비아\n"), std::string::npos);
}

// Any bytes: the parsers report and skip, never throw or crash; what they return is usable.
TEST(ReviewRandomInputTest, ParsersSurviveAnyInput) {
  std::mt19937 rng(12);
  const std::string good = "accept\tword\t쿠룬타사\tNNP\t3\tx\nreject\talias\t조르블랏\tzorblat\n\tword\t탈리옹\n# c\n";
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    switch (round % 3) {
      case 0:
        text = sinmun::testing::random_mix(rng, round % 200);
        break;
      case 1:
        text = sinmun::testing::random_bytes(rng, round % 200);
        break;
      default:
        text = sinmun::testing::mutate(rng, good, {"\t", "\n", "accept", "alias", "word", "\r"});
    }
    std::vector<ReviewEntry> entries;
    ASSERT_NO_THROW(entries = parse_review(text, "r.tsv", [](const std::string&) {}));
    for (const ReviewEntry& entry : entries) {
      EXPECT_FALSE(entry.key.empty());
      EXPECT_GT(entry.line, 0u);
      // A line written back parses to the same entry.
      const std::vector<ReviewEntry> again = parse_review(format_review_line(entry), "again", {});
      ASSERT_EQ(again.size(), 1u) << format_review_line(entry);
      EXPECT_EQ(again[0].identity(), entry.identity());
    }
    std::set<std::string> added;
    std::size_t aliases = 0;
    ASSERT_NO_THROW(merge_user_dictionary(text, entries, added));
    ASSERT_NO_THROW(merge_synonyms(text, entries, aliases));
    try {
      parse_right_parts(text);
    } catch (const DataError&) {
      // bad lines are refused as data errors, nothing else
    }
  }
}

}  // namespace
}  // namespace sinmun::lexicon
