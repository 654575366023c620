#include "schema/shards.h"

#include <cstdio>

#include "schema/hash.h"

namespace sinmun::schema {

std::string shard_directory_name(unsigned index) {
  char name[16];
  std::snprintf(name, sizeof name, "shard-%03u", index);
  return name;
}

unsigned shard_of(std::string_view id, unsigned shards) {
  return shards <= 1 ? 0 : static_cast<unsigned>(fnv1a64(id) % shards);
}

}  // namespace sinmun::schema
