// Timing for the tests that bound how cost grows with input: this thread's CPU time, which
// other programs on a busy machine do not add to.
#ifndef SINMUN_TESTS_SUPPORT_CPU_TIME_H_
#define SINMUN_TESTS_SUPPORT_CPU_TIME_H_

#include <time.h>

#include <algorithm>

namespace sinmun::testing {

inline double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// The least CPU time `work` took in `runs` runs.
template <typename Work>
double best_cpu_seconds(Work&& work, int runs = 1) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    const double start = thread_cpu_seconds();
    work();
    best = std::min(best, thread_cpu_seconds() - start);
  }
  return best;
}

}  // namespace sinmun::testing

#endif  // SINMUN_TESTS_SUPPORT_CPU_TIME_H_
