#ifndef SINMUN_BASE_ERRORS_H_
#define SINMUN_BASE_ERRORS_H_

#include <stdexcept>

// The exceptions Sinmun's libraries throw on purpose, by whose fault it is; every program
// maps them the same way (cli/run.h): usage errors exit 1 (HTTP 400), data and environment
// errors exit 2 (HTTP 500). Bad records of a crawl are not exceptions: they are reported and
// skipped (corpus/article.h). Anything else that escapes is a bug.
namespace sinmun {

// The caller asked for something that cannot be done as asked: an option value out of range,
// a malformed date, an unknown analysis mode. what() says what was wrong and what is accepted,
// in words fit for the user (no paths or internals of the server).
class UsageError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Stored data is not what it must be: a damaged database value, a dictionary file of the
// wrong format. what() names the file, document or line.
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The machine did not provide what was needed: a missing database or file, no permission,
// a port in use. what() names the path or address and what to do.
class EnvironmentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace sinmun

#endif  // SINMUN_BASE_ERRORS_H_
