#include "train/training_schemes.h"

#include <algorithm>
#include <charconv>

#include "util/errors.h"

namespace hgc {
namespace {

TrainingScheme coded(const Scheme& s) {
    return {schemeLabel(s), TrainingMethod::Coded, s, {}};
}

TrainingScheme ignoring(const Scheme& deadline) {
    return {"ignore stragglers", TrainingMethod::IgnoreStragglers, Scheme::uncoded(), deadline};
}

bool valid(const Scenario& scenario, const Scheme& scheme) {
    try {
        resolve(scenario, scheme);
        return true;
    } catch (const InputError&) {
        return false;
    }
}

Scheme deadlineFor(const Scenario& scenario) {
    return scenario.scheme.type == SchemeType::Uncoded ? defaultHgc(scenario) : scenario.scheme;
}

Scheme defaultGc(const Scenario& scenario) {
    if (scenario.scheme.type == SchemeType::Gc) return scenario.scheme;
    const Scheme h = defaultHgc(scenario);
    const int load = (h.edgeStragglers + 1) * (h.workerStragglers + 1);
    return Scheme::gc(std::clamp(load - 1, 0, std::max(0, scenario.activeWorkerCount() - 1)));
}

void addUnique(std::vector<TrainingScheme>& list, const TrainingScheme& s) {
    const bool seen = std::any_of(list.begin(), list.end(), [&](const TrainingScheme& t) {
        return t.method == s.method &&
               (s.method == TrainingMethod::Coded ? t.scheme == s.scheme
                                                  : t.deadline == s.deadline);
    });
    if (!seen) list.push_back(s);
}

/// "gc:3" -> {"gc", 3}; every part after the name must be a whole number.
std::vector<int> numbersAfterName(std::string_view entry, std::string_view& name) {
    std::vector<int> numbers;
    const auto colon = entry.find(':');
    name = entry.substr(0, colon);
    std::string_view rest =
        colon == std::string_view::npos ? std::string_view{} : entry.substr(colon + 1);
    while (colon != std::string_view::npos) {
        const auto next = rest.find(':');
        const std::string_view part = rest.substr(0, next);
        int value = 0;
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (part.empty() || ec != std::errc() || end != part.data() + part.size() || value < 0)
            throw InputError("--schemes",
                             "'" + std::string(entry) + "': parameters must be whole numbers >= 0");
        numbers.push_back(value);
        if (next == std::string_view::npos) break;
        rest = rest.substr(next + 1);
    }
    return numbers;
}

std::vector<TrainingScheme> parseEntry(const Scenario& scenario, std::string_view entry) {
    std::string_view name;
    const std::vector<int> p = numbersAfterName(entry, name);
    auto expect = [&](std::size_t count, const char* form) {
        if (p.size() != count && !p.empty())
            throw InputError("--schemes", "'" + std::string(entry) + "': expected " + form);
    };
    if (name == "uncoded") return expect(0, "uncoded"), std::vector{coded(Scheme::uncoded())};
    if (name == "ignore-stragglers" || name == "ignore")
        return expect(0, "ignore-stragglers"), std::vector{ignoring(deadlineFor(scenario))};
    if (name == "gc")
        return expect(1, "gc:S"),
               std::vector{coded(p.empty() ? defaultGc(scenario) : Scheme::gc(p[0]))};
    if (name == "hgc")
        return expect(2, "hgc:SE:SW"),
               std::vector{coded(p.empty() ? defaultHgc(scenario) : Scheme::hgc(p[0], p[1]))};
    if (name == "allocation") {
        expect(0, "allocation");
        if (scenario.scheme.type != SchemeType::Allocation)
            throw InputError("--schemes",
                             "'allocation': the scenario's scheme is not an allocation");
        return {coded(scenario.scheme)};
    }
    if (name == "file") return expect(0, "file"), std::vector{coded(scenario.scheme)};
    if (name == "default") return expect(0, "default"), defaultTrainingSchemes(scenario);
    throw InputError(
        "--schemes",
        "unknown scheme '" + std::string(entry) +
            "' (uncoded, ignore-stragglers, gc[:S], hgc[:SE:SW], allocation, file, default)");
}

} // namespace

std::string trainingSchemeId(const TrainingScheme& t) {
    if (t.method == TrainingMethod::IgnoreStragglers) return "ignore-stragglers";
    const Scheme& s = t.scheme;
    switch (s.type) {
    case SchemeType::Uncoded:
        return "uncoded";
    case SchemeType::Hgc:
        return "hgc:" + std::to_string(s.edgeStragglers) + ":" + std::to_string(s.workerStragglers);
    case SchemeType::Gc:
        return "gc:" + std::to_string(s.stragglers);
    case SchemeType::Allocation:
        return "allocation";
    }
    return "";
}

Scheme defaultHgc(const Scenario& scenario) {
    if (scenario.scheme.type == SchemeType::Hgc) return scenario.scheme;
    for (const auto& [se, sw] : {std::pair{1, 1}, {0, 1}, {1, 0}})
        if (valid(scenario, Scheme::hgc(se, sw))) return Scheme::hgc(se, sw);
    return Scheme::hgc(0, 0);
}

std::vector<TrainingScheme> defaultTrainingSchemes(const Scenario& scenario) {
    std::vector<TrainingScheme> list{coded(scenario.scheme)};
    addUnique(list, coded(Scheme::uncoded()));
    addUnique(list, ignoring(deadlineFor(scenario)));
    if (scenario.activeWorkerCount() > 1) addUnique(list, coded(defaultGc(scenario)));
    addUnique(list, coded(defaultHgc(scenario)));
    return list;
}

std::vector<TrainingScheme> parseTrainingSchemes(const Scenario& scenario, std::string_view list) {
    std::vector<TrainingScheme> out{coded(scenario.scheme)};
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto comma = list.find(',', start);
        const std::string_view entry =
            list.substr(start, comma == std::string_view::npos ? list.npos : comma - start);
        if (entry.empty())
            throw InputError("--schemes", "empty entry in '" + std::string(list) + "'");
        for (const TrainingScheme& s : parseEntry(scenario, entry)) {
            if (s.method == TrainingMethod::Coded && !valid(scenario, s.scheme)) {
                try {
                    resolve(scenario, s.scheme);
                } catch (const InputError& e) {
                    throw InputError("--schemes", "'" + std::string(entry) + "': " + e.what());
                }
            }
            addUnique(out, s);
        }
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

} // namespace hgc
