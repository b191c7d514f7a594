#include "scenario_input.h"

#include "io/scenario_json.h"
#include "util/errors.h"

namespace hgc::cli {

Scenario loadScenarioArgument(const std::string& file) {
    try {
        return loadScenarioFile(file);
    } catch (const InputError& e) {
        throw InputError("", file + ": " + e.what());
    }
}

} // namespace hgc::cli
