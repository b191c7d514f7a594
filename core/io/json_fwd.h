#pragma once
// JSON conversions of model pieces for the file format and for `hgc --json` output.
// Kept apart from scenario_json.h so that only code that builds JSON pays for
// nlohmann/json.hpp.
#include <nlohmann/json.hpp>

#include "model/scenario.h"

namespace hgc {

using Json = nlohmann::ordered_json;

Json toJson(const Distribution& d);
Json toJson(const Scheme& s);
/// `path` is the JSON path of `j`, used in error messages.
Distribution distributionFromJson(const Json& j, const std::string& path);
Scheme schemeFromJson(const Json& j, const std::string& path);

/// JSON number for finite values, null for infinities and NaN (JSON has no infinity).
Json numberOrNull(double v);

} // namespace hgc
