#ifndef SINMUN_CLI_CLI_H_
#define SINMUN_CLI_CLI_H_

#include <boost/program_options.hpp>

#include <functional>
#include <string>

#include "analyzers/dictionary_location.h"

// What the three programs share around their own work: the analyzer options, --help and
// --version, and one mapping of exceptions to messages and exit status.
namespace sinmun::cli {

namespace po = boost::program_options;

inline constexpr int kExitUsage = 1;    // the command line asked for something impossible
inline constexpr int kExitFailure = 2;  // data, database or environment trouble

struct Program {
  const char* name;   // "sinmun-search"
  const char* usage;  // the --help text above the option list
};

// --dict, --user-dict and --analysis, written into `config` and `analysis` (a mode name, ""
// when not given; `analysis_help` says what leaving it out means for this program).
void add_analyzer_options(po::options_description& options, AnalyzerConfig& config, std::string& analysis,
                          const char* analysis_help);

// Parses the command line into `vm` with `options` (what --help lists, with --help and
// --version added here) and the `hidden` ones bound to `positional`. As in every Unix tool,
// "--" ends the options; and an argument that starts with '-' but is no option (-H200,
// -source:조선일보) is an operand, so that a query's exclusions need no quoting. Returns false
// when --help or --version was asked for and has been printed (the program should exit 0).
// Throws UsageError for whatever boost rejects (an unknown --option, a bad value).
bool parse_command_line(const Program& program, int argc, char** argv, po::options_description& options,
                        po::variables_map& vm, const po::options_description& hidden = {},
                        const po::positional_options_description& positional = {});

// A reporter for notes: "NAME: note: MESSAGE" on stderr.
std::function<void(const std::string&)> note_printer(const Program& program);

// Runs `body` and returns its exit status; an exception becomes a message on stderr and a
// status: UsageError and boost's option errors 1 (with a pointer to --help); DataError,
// EnvironmentError, Xapian errors and any other exception 2 (a locked database says that
// another indexer holds it).
int run(const Program& program, const std::function<int()>& body);

}  // namespace sinmun::cli

#endif  // SINMUN_CLI_CLI_H_
