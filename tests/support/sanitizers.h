// Whether the test binary runs under AddressSanitizer: its shadow memory and quarantine of
// freed blocks make peak-RSS bounds meaningless, so memory tests check them only without it.
#ifndef SINMUN_TESTS_SUPPORT_SANITIZERS_H_
#define SINMUN_TESTS_SUPPORT_SANITIZERS_H_

namespace sinmun::testing {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

}  // namespace sinmun::testing

#endif  // SINMUN_TESTS_SUPPORT_SANITIZERS_H_
