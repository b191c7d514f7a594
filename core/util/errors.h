#pragma once
// The two ways core/ reports that it cannot do what was asked.
#include <stdexcept>
#include <string>

namespace hgc {

/// Bad input: a file, a value or a request that the model does not accept. `path` names
/// the offending place in scenario-file terms (e.g. "edges[2].workers[0].compute.rate"),
/// empty when the problem is not tied to one field. what() is "path: reason".
class InputError : public std::runtime_error {
public:
    InputError(std::string path, std::string reason)
        : std::runtime_error(path.empty() ? reason : path + ": " + reason), path_(std::move(path)),
          reason_(std::move(reason)) {}
    const std::string& path() const { return path_; }
    const std::string& reason() const { return reason_; }

private:
    std::string path_;
    std::string reason_;
};

/// Long work stopped because its caller asked it to (see progress.h).
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

} // namespace hgc
