#include "indexer/detail/near_duplicates.h"

#include <gtest/gtest.h>

#include "base/errors.h"
#include "corpus/simhash.h"
#include "indexer/indexer.h"
#include "schema/schema.h"
#include "tests/support/temp_dir.h"

namespace sinmun {
namespace {

Xapian::Database empty_database() { return Xapian::Database(std::string(), Xapian::DB_BACKEND_INMEMORY); }

TEST(NearDuplicatesTest, CloseSignaturesShareAKeyAndFarOnesDoNot) {
  NearDuplicates groups(empty_database());
  const std::uint64_t story = 0x0123456789abcdefull;
  const std::string first = groups.assign("a", story);
  EXPECT_EQ(groups.assign("b", story ^ 0x8000000000000101ull), first) << "3 bits apart";
  // 8 bits apart, spread over seven of the eight 8-bit bands; band 3 is untouched.
  EXPECT_EQ(groups.assign("c", story ^ 0x0301010100010101ull), first) << "8 bits apart";
  EXPECT_NE(groups.assign("d", ~story), first);
  EXPECT_NE(groups.assign("e", story ^ 0x0000000000fff000ull), first) << "12 bits apart";
}

TEST(NearDuplicatesTest, ADamagedSignatureInTheDatabaseNamesTheDocument) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  doc.add_value(schema::kIdSlot, "a-1");
  doc.add_value(schema::kCollapseSlot, "0123456789abcdef");
  doc.add_value(schema::kSimhashSlot, "not a simhash!!!");
  db.add_document(doc);
  try {
    NearDuplicates groups(db);
    FAIL() << "no DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("document 1 (id 'a-1')"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("slot 4"), std::string::npos) << e.what();
  }
}

TEST(NearDuplicatesTest, AnArticleIndexedAgainKeepsItsKey) {
  NearDuplicates groups(empty_database());
  const std::string key = groups.assign("a", 42);
  EXPECT_EQ(groups.assign("a", 42), key);
  EXPECT_EQ(groups.assign("a", 43), key);
}

TEST(NearDuplicatesTest, WireCopiesIndexedInSeparateRunsFoldTogether) {
  testing::TempDir dir;
  const std::string body =
      "한국은행이 기준금리를 연 2.50%로 동결했다. 금융통화위원회는 15일 회의를 열고 이같이 결정했다. "
      "환율 불안이 이어지고 있다는 점이 동결의 이유로 꼽힌다. 가계부채 증가세도 부담이 됐다.";
  dir.write("crawl/a.jsonl", "{\"id\": \"copy1\", \"title\": \"가\", \"body\": \"(서울=통신) " + body + "\"}\n");
  const Analyzer analyzer;
  const auto run = [&] {
    const auto root = std::filesystem::absolute(dir.path() / "crawl");
    Indexer((dir.path() / "db").string(), analyzer, {})
        .index({{root, walk_crawl_directory(root, [](const Problem&) {})}}, [](const Problem&) {});
  };
  run();
  dir.write("crawl/b.jsonl", "{\"id\": \"copy2\", \"title\": \"나\", \"body\": \"" + body +
                                 " 끝.\"}\n"
                                 "{\"id\": \"other\", \"title\": \"다\", \"body\": \"프로야구 한국시리즈 1차전에서 "
                                 "홈팀이 연장 접전 끝에 역전승을 거뒀다. 선발 투수는 7이닝 무실점으로 호투했다. 관중은 "
                                 "2만 명이었다.\"}\n");
  run();
  Xapian::Database db((dir.path() / "db").string());
  const auto key_of = [&](const std::string& id) {
    return db.get_document(*db.postlist_begin(schema::id_term(id))).get_value(schema::kCollapseSlot);
  };
  EXPECT_FALSE(key_of("copy1").empty());
  EXPECT_EQ(key_of("copy2"), key_of("copy1"));
  EXPECT_NE(key_of("other"), key_of("copy1"));
}

}  // namespace
}  // namespace sinmun
