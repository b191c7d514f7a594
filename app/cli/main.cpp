// hgc: the command-line front end of HGC Studio. Every sub-command reads a scenario file
// (SPEC §8); bad input ends with one line on stderr and exit code 2, never a crash.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <iostream>

#include "command.h"
#include "util/errors.h"

namespace hgc::cli {
std::vector<Command>& commands() {
    static std::vector<Command> registry;
    return registry;
}
} // namespace hgc::cli

namespace {

void printOverview() {
    auto list = hgc::cli::commands();
    std::sort(list.begin(), list.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    std::cout
        << "hgc - hierarchical gradient coding: evaluate, optimise and simulate straggler "
           "scenarios\n\n"
           "usage: hgc COMMAND FILE [options]     (hgc COMMAND --help for details)\n\ncommands:\n";
    for (const auto& c : list)
        std::printf("  %-10s %s\n", c.name.c_str(), c.summary.c_str());
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printOverview();
        return args.empty() ? 2 : 0;
    }
    const auto& list = hgc::cli::commands();
    auto it =
        std::find_if(list.begin(), list.end(), [&](const auto& c) { return c.name == args[0]; });
    if (it == list.end()) {
        std::cerr << "hgc: unknown command '" << args[0] << "' (see hgc --help)\n";
        return 2;
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (std::find(rest.begin(), rest.end(), "--help") != rest.end() ||
        std::find(rest.begin(), rest.end(), "-h") != rest.end()) {
        std::cout << it->usage;
        return 0;
    }
    try {
        hgc::cli::Args parsed(rest);
        return it->run(parsed);
    } catch (const hgc::InputError& e) {
        std::cerr << "hgc " << it->name << ": " << e.what() << "\n";
        return 2;
    } catch (const hgc::Cancelled&) {
        std::cerr << "hgc " << it->name << ": cancelled\n";
        return 130;
    } catch (const std::bad_alloc&) {
        std::cerr << "hgc " << it->name
                  << ": out of memory (the scenario is too large for this machine)\n";
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "hgc " << it->name << ": internal error: " << e.what() << "\n";
        return 3;
    }
}
