#ifndef SINMUN_INDEXER_DETAIL_ORDERED_PIPELINE_H_
#define SINMUN_INDEXER_DETAIL_ORDERED_PIPELINE_H_

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace sinmun {

// Runs produce(item, worker) on `jobs` worker threads (worker in [0, jobs): which thread, so
// that each can use state of its own) for the items next() gives until it gives none, and
// consume(item, result) on the calling thread in the order next() gave them, keeping at most
// `window` items taken ahead of the consumer (bounded memory: an item may be a chunk of a file
// that next() reads as it goes). next() is called on the worker threads, one call at a time.
// An exception from next, produce or consume stops the workers and is rethrown here after
// they have joined.
template <typename Item, typename Result, typename Next, typename Produce, typename Consume>
void run_ordered_stream(unsigned jobs, std::size_t window, Next next, Produce produce, Consume consume) {
  jobs = std::max(1u, jobs);
  window = std::max<std::size_t>(window, jobs);
  std::map<std::size_t, std::pair<Item, Result>> ready;
  std::mutex mutex;
  std::mutex next_mutex;  // next() runs under this one only, so that it may take its time
  std::condition_variable changed;
  std::size_t taken = 0;  // items given out or being asked for
  std::size_t next_to_consume = 0;
  std::size_t total = 0;  // valid once exhausted
  bool exhausted = false;
  bool stop = false;
  std::exception_ptr failure;
  std::size_t generated = 0;  // under next_mutex

  const auto fail = [&] {
    std::lock_guard lock(mutex);
    if (!failure) failure = std::current_exception();
    stop = true;
  };
  const auto worker = [&](unsigned worker_index) {
    for (;;) {
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || exhausted || taken < next_to_consume + window; });
        if (stop || exhausted) return;
        ++taken;
      }
      std::optional<Item> item;
      std::size_t i = 0;
      try {
        std::lock_guard lock(next_mutex);
        item = next();
        if (item) {
          i = generated++;
        } else {
          std::lock_guard inner(mutex);
          exhausted = true;
          total = generated;
        }
      } catch (...) {
        fail();
      }
      if (!item) {
        changed.notify_all();
        return;
      }
      try {
        Result result = produce(*item, worker_index);
        std::lock_guard lock(mutex);
        ready.emplace(i, std::pair<Item, Result>(std::move(*item), std::move(result)));
      } catch (...) {
        fail();
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker, t);

  try {
    for (;;) {
      std::optional<std::pair<Item, Result>> done;
      {
        std::unique_lock lock(mutex);
        changed.wait(
            lock, [&] { return stop || ready.count(next_to_consume) > 0 || (exhausted && next_to_consume == total); });
        if (stop || ready.count(next_to_consume) == 0) break;
        const auto it = ready.find(next_to_consume);
        done.emplace(std::move(it->second));
        ready.erase(it);
      }
      consume(std::move(done->first), std::move(done->second));
      {
        std::lock_guard lock(mutex);
        ++next_to_consume;
      }
      changed.notify_all();
    }
  } catch (...) {
    fail();
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
  }
  changed.notify_all();
  for (std::thread& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);
}

// run_ordered_stream over the indexes [0, count): produce(i, worker), consume(i, result).
template <typename Result, typename Produce, typename Consume>
void run_ordered_pipeline(std::size_t count, unsigned jobs, std::size_t window, Produce produce, Consume consume) {
  std::size_t next_index = 0;
  run_ordered_stream<std::size_t, Result>(
      jobs, window,
      [&]() -> std::optional<std::size_t> {
        if (next_index >= count) return std::nullopt;
        return next_index++;
      },
      [&](std::size_t i, unsigned worker) { return produce(i, worker); },
      [&](std::size_t&& i, Result&& result) { consume(i, std::move(result)); });
}

}  // namespace sinmun

#endif  // SINMUN_INDEXER_DETAIL_ORDERED_PIPELINE_H_
