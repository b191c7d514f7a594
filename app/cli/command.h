#pragma once
// The `hgc` command registry. Each sub-command lives in its own cmd_*.cpp and registers
// itself with a static CommandRegistration, so adding a command touches no shared file.
#include <functional>
#include <string>
#include <vector>

#include "args.h"

namespace hgc::cli {

struct Command {
    std::string name;              // "evaluate"
    std::string summary;           // one line for `hgc --help`
    std::string usage;             // full help text for `hgc NAME --help`
    std::function<int(Args&)> run; // returns the exit code; throws InputError on bad input
};

std::vector<Command>& commands();

struct CommandRegistration {
    explicit CommandRegistration(Command command) { commands().push_back(std::move(command)); }
};

} // namespace hgc::cli
