#ifndef SINMUN_TESTS_SUPPORT_RUN_COMMAND_H_
#define SINMUN_TESTS_SUPPORT_RUN_COMMAND_H_

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace sinmun::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs a shell command, capturing stdout, stderr and the exit status.
inline CommandResult run_command(const std::string& command, const std::filesystem::path& scratch) {
  const std::filesystem::path err_file = scratch / "stderr.txt";
  CommandResult result;
  FILE* pipe = popen((command + " 2>'" + err_file.string() + "'").c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed: " + command);
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  std::stringstream ss;
  ss << err.rdbuf();
  result.err = ss.str();
  return result;
}

// Single-quotes an argument for the shell.
inline std::string shell_quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace sinmun::testing

#endif  // SINMUN_TESTS_SUPPORT_RUN_COMMAND_H_
