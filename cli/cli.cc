#include "cli/cli.h"

#include <xapian.h>

#include <iostream>

#include "base/errors.h"

namespace sinmun::cli {

void add_analyzer_options(po::options_description& options, AnalyzerConfig& config, std::string& analysis,
                          const char* analysis_help) {
  options.add_options()
      ("dict", po::value(&config.dictionary_dir)->value_name("DIR"),
       "mecab-ko-dic directory (default: $SINMUN_DICT, else ~/.local/share/sinmun/mecab-ko-dic)")
      ("user-dict", po::value(&config.user_dictionary)->value_name("FILE"),
       "user dictionary TSV: surface<TAB>POS[<TAB>cost] (default: $SINMUN_USER_DICT, else the one shipped; "
       "'none' for none)")
      ("analysis", po::value(&analysis)->value_name("MODE"), analysis_help);
}

bool parse_command_line(const Program& program, int argc, char** argv, po::options_description& options,
                        po::variables_map& vm, const po::options_description& hidden,
                        const po::positional_options_description& positional) {
  options.add_options()("help,h", "show this help")("version", "show the version and exit");
  po::options_description all;
  all.add(options).add(hidden);
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
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
