#include "args.h"

#include <charconv>
#include <cmath>

#include "util/errors.h"

namespace hgc::cli {

void Args::parse(const std::set<std::string>& valued, const std::set<std::string>& flags) {
    for (std::size_t i = 0; i < argv_.size(); ++i) {
        std::string a = argv_[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            positionals_.push_back(a);
            continue;
        }
        std::string name = a.substr(2), inlineValue;
        bool hasInline = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
            hasInline = true;
        }
        if (flags.count(name)) {
            if (hasInline) throw InputError("", "option --" + name + " takes no value");
            flags_.insert(name);
        } else if (valued.count(name)) {
            if (!hasInline) {
                if (i + 1 >= argv_.size())
                    throw InputError("", "option --" + name + " needs a value");
                inlineValue = argv_[++i];
            }
            values_.emplace_back(name, inlineValue);
        } else {
            throw InputError("", "unknown option --" + name + " (see --help)");
        }
    }
}

const std::string& Args::positional(std::size_t n, const std::string& what) const {
    if (n >= positionals_.size()) throw InputError("", what + " is missing (see --help)");
    return positionals_[n];
}

void Args::expectPositionals(std::size_t count) const {
    if (positionals_.size() > count)
        throw InputError("", "unexpected argument '" + positionals_[count] + "' (see --help)");
}

std::optional<std::string> Args::value(const std::string& name) const {
    std::optional<std::string> found;
    for (const auto& [key, v] : values_)
        if (key == name) found = v; // the last one wins, as in most tools
    return found;
}

std::string Args::value(const std::string& name, const std::string& fallback) const {
    return value(name).value_or(fallback);
}

long long Args::integer(const std::string& name, long long fallback, long long min,
                        long long max) const {
    auto v = value(name);
    if (!v) return fallback;
    long long out = 0;
    auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || end != v->data() + v->size())
        throw InputError("", "--" + name + " must be a whole number (got '" + *v + "')");
    if (out < min || out > max)
        throw InputError("", "--" + name + " must be between " + std::to_string(min) + " and " +
                                 std::to_string(max) + " (got " + *v + ")");
    return out;
}

double Args::number(const std::string& name, double fallback) const {
    auto v = value(name);
    if (!v) return fallback;
    try {
        std::size_t used = 0;
        double out = std::stod(*v, &used);
        if (used != v->size() || !std::isfinite(out)) throw std::invalid_argument("");
        return out;
    } catch (const std::exception&) {
        throw InputError("", "--" + name + " must be a number (got '" + *v + "')");
    }
}

std::string Args::choice(const std::string& name, const std::string& fallback,
                         const std::vector<std::string>& choices) const {
    std::string v = value(name, fallback);
    for (const auto& c : choices)
        if (c == v) return v;
    std::string list;
    for (const auto& c : choices)
        list += (list.empty() ? "" : ", ") + c;
    throw InputError("", "--" + name + " must be one of " + list + " (got '" + v + "')");
}

} // namespace hgc::cli
