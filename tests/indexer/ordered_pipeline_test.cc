#include "indexer/detail/ordered_pipeline.h"

#include <gtest/gtest.h>

#include <mutex>
#include <stdexcept>
#include <thread>

namespace sinmun {
namespace {

TEST(OrderedPipelineTest, ConsumesInOrderWhateverTheThreads) {
  std::vector<std::size_t> consumed;
  run_ordered_pipeline<std::size_t>(
      500, 4, 8,
      [](std::size_t i, unsigned worker) {
        EXPECT_LT(worker, 4u);
        if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
        return i * i;
      },
      [&](std::size_t i, std::size_t&& value) {
        EXPECT_EQ(value, i * i);
        consumed.push_back(i);
      });
  ASSERT_EQ(consumed.size(), 500u);
  for (std::size_t i = 0; i < consumed.size(); ++i) EXPECT_EQ(consumed[i], i);
}

TEST(OrderedPipelineTest, ProducerExceptionIsRethrown) {
  EXPECT_THROW(run_ordered_pipeline<int>(
                   100, 2, 4,
                   [](std::size_t i, unsigned) -> int {
                     if (i == 37) throw std::runtime_error("bad file");
                     return 0;
                   },
                   [](std::size_t, int&&) {}),
               std::runtime_error);
}

TEST(OrderedPipelineTest, ConsumerExceptionStopsTheWorkers) {
  EXPECT_THROW(run_ordered_pipeline<int>(
                   1000, 2, 4, [](std::size_t, unsigned) { return 1; },
                   [](std::size_t i, int&&) {
                     if (i == 3) throw std::runtime_error("disk full");
                   }),
               std::runtime_error);
}

TEST(OrderedPipelineTest, EachWorkerIndexIsOneThreadAtATime) {
  std::vector<std::thread::id> thread_of_worker(3);
  std::mutex mutex;
  run_ordered_pipeline<int>(
      300, 3, 6,
      [&](std::size_t, unsigned worker) {
        std::lock_guard lock(mutex);
        if (thread_of_worker.at(worker) == std::thread::id()) thread_of_worker[worker] = std::this_thread::get_id();
        EXPECT_EQ(thread_of_worker[worker], std::this_thread::get_id());
        return 0;
      },
      [](std::size_t, int&&) {});
}

TEST(OrderedPipelineTest, NothingToDo) {
  int calls = 0;
  run_ordered_pipeline<int>(
      0, 2, 4, [&](std::size_t, unsigned) { return ++calls; }, [&](std::size_t, int&&) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace sinmun
