#include "cli/cli.h"

#include <xapian.h>

#include <iostream>
#include <string>
#include <vector>

#include "base/errors.h"

namespace sinmun::cli {

void add_analyzer_options(po::options_description& options, AnalyzerConfig& config, std::string& analysis,
                          const char* analysis_help) {
  // One option a line, as --help shows them.
  // clang-format off
  options.add_options()
      ("dict", po::value(&config.dictionary_dir)->value_name("DIR"),
       "mecab-ko-dic directory (default: $SINMUN_DICT, else ~/.local/share/sinmun/mecab-ko-dic)")
      ("user-dict", po::value(&config.user_dictionary)->value_name("FILE"),
       "user dictionary TSV: surface<TAB>POS[<TAB>cost] (default: $SINMUN_USER_DICT, else the one shipped; "
       "'none' for none)")
      ("analysis", po::value(&analysis)->value_name("MODE"), analysis_help);
  // clang-format on
}

namespace {

// The arguments with every operand after a "--": an argument that starts with '-' but names
// no option of `options` (-H200, -source:조선일보, -삼성) is an operand, as is everything
// after a "--" the user wrote; an option's value is never taken for one (--offset -5 stays
// the value of --offset). Unknown long options (--limt) stay options, so that boost reports
// the typo.
std::vector<std::string> operands_last(int argc, char** argv, const po::options_description& options) {
  std::vector<std::string> flags;
  std::vector<std::string> operands;
  const auto takes_value = [&](const std::string& name) {
    const po::option_description* option = options.find_nothrow(name, false);
    return option != nullptr && option->semantic()->max_tokens() > 0;
  };
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") {
      operands.insert(operands.end(), argv + i + 1, argv + argc);
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') {
      operands.push_back(arg);
      continue;
    }
    if (arg[1] == '-') {
      flags.push_back(arg);
      const std::string name = arg.substr(2, arg.find('=') - 2);
      if (arg.find('=') == std::string::npos && takes_value(name) && i + 1 < argc) flags.emplace_back(argv[++i]);
      continue;
    }
    const std::string short_name = arg.substr(0, 2);
    if (options.find_nothrow(short_name, false) == nullptr) {
      operands.push_back(arg);  // a word to exclude, not an option
      continue;
    }
    flags.push_back(arg);
    if (arg.size() == 2 && takes_value(short_name) && i + 1 < argc) flags.emplace_back(argv[++i]);
  }
  flags.emplace_back("--");
  flags.insert(flags.end(), operands.begin(), operands.end());
  return flags;
}

}  // namespace

bool parse_command_line(const Program& program, int argc, char** argv, po::options_description& options,
                        po::variables_map& vm, const po::options_description& hidden,
                        const po::positional_options_description& positional) {
  // One option a line, as --help shows them.
  // clang-format off
  options.add_options()("help,h", "show this help")("version", "show the version and exit");
  // clang-format on
  po::options_description all;
  all.add(options).add(hidden);
  try {
    po::store(po::command_line_parser(operands_last(argc, argv, all)).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (vm.count("help")) {
    std::cout << options << '\n';
    return false;
  }
  if (vm.count("version")) {
    std::cout << program.name << ' ' << SINMUN_VERSION << " (Xapian " << Xapian::version_string() << ")\n";
    return false;
  }
  return true;
}

std::function<void(const std::string&)> note_printer(const Program& program) {
  return [name = std::string(program.name)](const std::string& message) {
    std::cerr << name << ": note: " << message << '\n';
  };
}

int run(const Program& program, const std::function<int()>& body) {
  try {
    return body();
  } catch (const UsageError& e) {
    std::cerr << program.name << ": " << e.what() << "\n(see " << program.name << " --help)\n";
    return kExitUsage;
  } catch (const Xapian::DatabaseLockError& e) {
    std::cerr << program.name << ": " << e.get_description()
              << " (another sinmun-index is writing to this database: wait for it to finish)\n";
  } catch (const Xapian::Error& e) {
    std::cerr << program.name << ": database error: " << e.get_description() << '\n';
  } catch (const std::exception& e) {  // DataError, EnvironmentError, NotFound, and bugs
    std::cerr << program.name << ": " << e.what() << '\n';
  }
  return kExitFailure;
}

}  // namespace sinmun::cli
