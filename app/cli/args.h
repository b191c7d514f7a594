#pragma once
// A small command-line parser for `hgc`: positionals and --options, each option either a
// flag or taking one value. Unknown options and malformed numbers are InputErrors.
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hgc::cli {

class Args {
public:
    Args(std::vector<std::string> argv) : argv_(std::move(argv)) {}

    /// Declares the options of the command and splits the arguments; must be called once
    /// before the accessors. `valued` options take a value, `flags` do not.
    void parse(const std::set<std::string>& valued, const std::set<std::string>& flags);

    const std::vector<std::string>& positionals() const { return positionals_; }
    /// The n-th positional, or an InputError saying `what` is missing.
    const std::string& positional(std::size_t n, const std::string& what) const;
    void expectPositionals(std::size_t count) const;

    bool flag(const std::string& name) const { return flags_.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;
    std::string value(const std::string& name, const std::string& fallback) const;
    long long integer(const std::string& name, long long fallback, long long min,
                      long long max) const;
    double number(const std::string& name, double fallback) const;
    /// The value, which must be one of `choices`.
    std::string choice(const std::string& name, const std::string& fallback,
                       const std::vector<std::string>& choices) const;

private:
    std::vector<std::string> argv_;
    std::vector<std::string> positionals_;
    std::set<std::string> flags_;
    std::vector<std::pair<std::string, std::string>> values_;
};

} // namespace hgc::cli
