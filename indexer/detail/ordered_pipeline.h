#ifndef SINMUN_INDEXER_DETAIL_ORDERED_PIPELINE_H_
#define SINMUN_INDEXER_DETAIL_ORDERED_PIPELINE_H_

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace sinmun {

// Runs produce(i, worker) for i in [0, count) on `jobs` worker threads (worker in [0, jobs):
// which thread, so that each can use state of its own) and consume(i, result) on the
// calling thread in index order, keeping at most `window` results ahead of the consumer
// (bounded memory). An exception from produce or consume stops the workers and is rethrown
// here after they have joined.
template <typename Result, typename Produce, typename Consume>
void run_ordered_pipeline(std::size_t count, unsigned jobs, std::size_t window, Produce produce, Consume consume) {
  jobs = std::max(1u, jobs);
  window = std::max<std::size_t>(window, jobs);
  std::vector<std::optional<Result>> slots(count);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next_to_produce = 0;
  std::size_t next_to_consume = 0;
  bool stop = false;
  std::exception_ptr failure;

  const auto worker = [&](unsigned worker_index) {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock,
                     [&] { return stop || next_to_produce >= count || next_to_produce < next_to_consume + window; });
        if (stop || next_to_produce >= count) return;
        i = next_to_produce++;
      }
      try {
        Result result = produce(i, worker_index);
        std::lock_guard lock(mutex);
        slots[i] = std::move(result);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker, t);

  try {
    while (next_to_consume < count) {
      Result result;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || slots[next_to_consume].has_value(); });
        if (stop) break;
        result = std::move(*slots[next_to_consume]);
        slots[next_to_consume].reset();
      }
      consume(next_to_consume, std::move(result));
      {
        std::lock_guard lock(mutex);
        ++next_to_consume;
      }
      changed.notify_all();
    }
  } catch (...) {
    std::lock_guard lock(mutex);
    if (!failure) failure = std::current_exception();
    stop = true;
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
  }
  changed.notify_all();
  for (std::thread& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace sinmun

#endif  // SINMUN_INDEXER_DETAIL_ORDERED_PIPELINE_H_
