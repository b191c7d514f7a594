#include "io/scenario_json.h"

#include <cmath>
#include <set>

#include "io/atomic_file.h"
#include "io/json_fwd.h"
#include "util/errors.h"

namespace hgc {
namespace {

// --- typed field access with JSON-path error messages -------------------------------

std::string jsonTypeName(const Json& j) {
    return j.type_name();
}

const Json* field(const Json& obj, const char* key) {
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

void requireObject(const Json& j, const std::string& path) {
    if (!j.is_object())
        throw InputError(path.empty() ? "(document)" : path,
                         "must be an object, not " + jsonTypeName(j));
}

double number(const Json& j, const std::string& path) {
    if (!j.is_number()) throw InputError(path, "must be a number, not " + jsonTypeName(j));
    double v = j.get<double>();
    if (!std::isfinite(v)) throw InputError(path, "must be a finite number");
    return v;
}

double requiredNumber(const Json& obj, const char* key, const std::string& path) {
    const Json* v = field(obj, key);
    if (!v) throw InputError(path + "." + key, "is missing");
    return number(*v, path + "." + key);
}

long long integer(const Json& j, const std::string& path) {
    if (!j.is_number()) throw InputError(path, "must be a whole number, not " + jsonTypeName(j));
    if (j.is_number_float()) {
        double v = j.get<double>();
        if (!(std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15))
            throw InputError(path, "must be a whole number");
        return static_cast<long long>(v);
    }
    if (j.is_number_unsigned() && j.get<unsigned long long>() > 9000000000000000000ULL)
        throw InputError(path, "is too large");
    return j.get<long long>();
}

int smallInteger(const Json& j, const std::string& path) {
    long long v = integer(j, path);
    if (v < -1000000000LL || v > 1000000000LL) throw InputError(path, "is out of range");
    return static_cast<int>(v);
}

std::string text(const Json& j, const std::string& path) {
    if (!j.is_string()) throw InputError(path, "must be a string, not " + jsonTypeName(j));
    return j.get<std::string>();
}

bool boolean(const Json& j, const std::string& path) {
    if (!j.is_boolean()) throw InputError(path, "must be true or false, not " + jsonTypeName(j));
    return j.get<bool>();
}

const Json& array(const Json& j, const std::string& path) {
    if (!j.is_array()) throw InputError(path, "must be an array, not " + jsonTypeName(j));
    return j;
}

std::optional<Position> position(const Json& obj, const std::string& path) {
    const Json* p = field(obj, "position");
    if (!p) return std::nullopt;
    const std::string where = path + ".position";
    if (!p->is_array() || p->size() != 2) throw InputError(where, "must be an array [x, y]");
    return Position{number((*p)[0], where + "[0]"), number((*p)[1], where + "[1]")};
}

/// Remembers every key of `obj` that is not in `known`.
UnknownKeys unknownKeys(const Json& obj, const std::set<std::string>& known) {
    UnknownKeys out;
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (!known.count(it.key())) out[it.key()] = it.value().dump();
    return out;
}

void writeUnknown(Json& obj, const UnknownKeys& unknown) {
    for (const auto& [key, value] : unknown)
        if (!obj.contains(key)) obj[key] = Json::parse(value);
}

Json positionJson(const std::optional<Position>& p) {
    return Json::array({p->x, p->y});
}

bool isParameterOfAnyFamily(const std::string& key) {
    for (const DistributionFamily& f : distributionFamilies())
        for (int i = 0; i < f.parameterCount; ++i)
            if (key == f.parameterNames[i]) return true;
    return false;
}

/// The keys `schemeFromJson` reads for a scheme type.
std::set<std::string> schemeKeys(SchemeType type) {
    switch (type) {
    case SchemeType::Uncoded:
        return {"type"};
    case SchemeType::Hgc:
        return {"type", "edge_stragglers", "worker_stragglers"};
    case SchemeType::Gc:
        return {"type", "stragglers"};
    case SchemeType::Allocation:
        return {"type", "edge_stragglers", "edges"};
    }
    return {"type"};
}

// --- nodes ---------------------------------------------------------------------------

Distribution optionalDistribution(const Json& obj, const char* key, const std::string& path,
                                  const Distribution& fallback) {
    const Json* d = field(obj, key);
    return d ? distributionFromJson(*d, path + "." + key) : fallback;
}

Worker workerFromJson(const Json& j, const std::string& path, const std::string& defaultName) {
    requireObject(j, path);
    Worker w;
    w.name = field(j, "name") ? text(j["name"], path + ".name") : defaultName;
    w.position = position(j, path);
    if (field(j, "active")) w.active = boolean(j["active"], path + ".active");
    const Json* compute = field(j, "compute");
    if (!compute) throw InputError(path + ".compute", "is missing");
    w.compute = distributionFromJson(*compute, path + ".compute");
    w.uplink = optionalDistribution(j, "uplink", path, Distribution::deterministic(0.0));
    w.unknown = unknownKeys(j, {"name", "position", "active", "compute", "uplink"});
    return w;
}

Edge edgeFromJson(const Json& j, const std::string& path, int index) {
    requireObject(j, path);
    Edge e;
    e.name =
        field(j, "name") ? text(j["name"], path + ".name") : "edge " + std::to_string(index + 1);
    e.position = position(j, path);
    if (field(j, "active")) e.active = boolean(j["active"], path + ".active");
    e.uplink = optionalDistribution(j, "uplink", path, Distribution::deterministic(0.0));
    const Json* workers = field(j, "workers");
    if (!workers) throw InputError(path + ".workers", "is missing");
    array(*workers, path + ".workers");
    for (std::size_t k = 0; k < workers->size(); ++k)
        e.workers.push_back(
            workerFromJson((*workers)[k], path + ".workers[" + std::to_string(k) + "]",
                           "w" + std::to_string(index + 1) + "." + std::to_string(k + 1)));
    e.unknown = unknownKeys(j, {"name", "position", "active", "uplink", "workers"});
    return e;
}

SimulationSettings simulationFromJson(const Json& j, const std::string& path) {
    requireObject(j, path);
    SimulationSettings s;
    if (field(j, "iterations")) {
        s.iterations = integer(j["iterations"], path + ".iterations");
        if (s.iterations < 1) throw InputError(path + ".iterations", "must be >= 1");
    }
    if (field(j, "seed")) {
        long long seed = integer(j["seed"], path + ".seed");
        if (seed < 0) throw InputError(path + ".seed", "must be >= 0");
        s.seed = static_cast<std::uint64_t>(seed);
    }
    s.unknown = unknownKeys(j, {"iterations", "seed"});
    return s;
}

} // namespace

Json numberOrNull(double v) {
    return std::isfinite(v) ? Json(v) : Json(nullptr);
}

Json toJson(const Distribution& d) {
    const auto& f = family(d.kind);
    Json j;
    j["distribution"] = std::string(f.name);
    for (int i = 0; i < f.parameterCount; ++i)
        j[std::string(f.parameterNames[i])] = d.params[i];
    if (d.straggleProbability > 0.0)
        j["straggle"] = {{"probability", d.straggleProbability}, {"slowdown", d.straggleSlowdown}};
    if (d.failureProbability > 0.0) j["failure"] = d.failureProbability;
    writeUnknown(j, d.unknown);
    return j;
}

Distribution distributionFromJson(const Json& j, const std::string& path) {
    requireObject(j, path);
    const Json* name = field(j, "distribution");
    if (!name) throw InputError(path + ".distribution", "is missing");
    const std::string familyName = text(*name, path + ".distribution");
    const DistributionFamily* f = nullptr;
    try {
        f = &familyByName(familyName);
    } catch (const InputError& e) {
        throw InputError(path + ".distribution", e.reason());
    }
    Distribution d;
    d.kind = f->kind;
    d.params = {0.0, 0.0};
    for (int i = 0; i < f->parameterCount; ++i)
        d.params[i] = requiredNumber(j, std::string(f->parameterNames[i]).c_str(), path);
    if (const Json* s = field(j, "straggle")) {
        requireObject(*s, path + ".straggle");
        d.straggleProbability = requiredNumber(*s, "probability", path + ".straggle");
        d.straggleSlowdown = requiredNumber(*s, "slowdown", path + ".straggle");
    }
    if (const Json* q = field(j, "failure")) d.failureProbability = number(*q, path + ".failure");
    std::set<std::string> known{"distribution", "straggle", "failure"};
    for (int i = 0; i < f->parameterCount; ++i)
        known.emplace(f->parameterNames[i]);
    d.unknown = unknownKeys(j, known);
    // Another family's parameter is most likely a wrong family or a mistyped file: refused
    // rather than kept, as keeping it would also shadow that parameter after a family change.
    for (const auto& [key, value] : d.unknown)
        if (isParameterOfAnyFamily(key))
            throw InputError(path + "." + key, "is not a parameter of " + familyName);
    validate(d, path);
    return d;
}

Json toJson(const Scheme& s) {
    Json j;
    j["type"] = std::string(schemeTypeName(s.type));
    switch (s.type) {
    case SchemeType::Uncoded:
        break;
    case SchemeType::Hgc:
        j["edge_stragglers"] = s.edgeStragglers;
        j["worker_stragglers"] = s.workerStragglers;
        break;
    case SchemeType::Gc:
        j["stragglers"] = s.stragglers;
        break;
    case SchemeType::Allocation: {
        j["edge_stragglers"] = s.edgeStragglers;
        Json edges = Json::array();
        for (const auto& e : s.edges) {
            Json je{{"share", e.share}, {"stragglers", e.stragglers}, {"loads", e.loads}};
            writeUnknown(je, e.unknown);
            edges.push_back(std::move(je));
        }
        j["edges"] = edges;
        break;
    }
    }
    writeUnknown(j, s.unknown);
    return j;
}

Scheme schemeFromJson(const Json& j, const std::string& path) {
    requireObject(j, path);
    const Json* type = field(j, "type");
    if (!type) throw InputError(path + ".type", "is missing");
    Scheme s;
    try {
        s.type = schemeTypeByName(text(*type, path + ".type"));
    } catch (const InputError& e) {
        throw InputError(path + ".type", e.reason());
    }
    auto requiredInt = [&](const char* key) {
        const Json* v = field(j, key);
        if (!v) throw InputError(path + "." + key, "is missing");
        return smallInteger(*v, path + "." + key);
    };
    switch (s.type) {
    case SchemeType::Uncoded:
        break;
    case SchemeType::Hgc:
        s.edgeStragglers = requiredInt("edge_stragglers");
        s.workerStragglers = requiredInt("worker_stragglers");
        break;
    case SchemeType::Gc:
        s.stragglers = requiredInt("stragglers");
        break;
    case SchemeType::Allocation: {
        s.edgeStragglers = requiredInt("edge_stragglers");
        const Json* edges = field(j, "edges");
        if (!edges) throw InputError(path + ".edges", "is missing");
        array(*edges, path + ".edges");
        for (std::size_t i = 0; i < edges->size(); ++i) {
            const std::string epath = path + ".edges[" + std::to_string(i) + "]";
            const Json& e = (*edges)[i];
            requireObject(e, epath);
            EdgeAllocation a;
            a.share = requiredNumber(e, "share", epath);
            const Json* st = field(e, "stragglers");
            if (!st) throw InputError(epath + ".stragglers", "is missing");
            a.stragglers = smallInteger(*st, epath + ".stragglers");
            const Json* loads = field(e, "loads");
            if (!loads) throw InputError(epath + ".loads", "is missing");
            array(*loads, epath + ".loads");
            for (std::size_t k = 0; k < loads->size(); ++k)
                a.loads.push_back(number((*loads)[k], epath + ".loads[" + std::to_string(k) + "]"));
            a.unknown = unknownKeys(e, {"share", "stragglers", "loads"});
            s.edges.push_back(std::move(a));
        }
        break;
    }
    }
    s.unknown = unknownKeys(j, schemeKeys(s.type));
    return s;
}

Scenario parseScenario(const std::string& content) {
    Json doc;
    try {
        doc = Json::parse(content);
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann's message names the byte offset; keep its reason, drop its prefix.
        std::string what = e.what();
        auto pos = what.find("parse error");
        throw InputError("",
                         "not valid JSON: " + (pos == std::string::npos ? what : what.substr(pos)));
    }
    requireObject(doc, "");
    const Json* format = field(doc, "format");
    if (!format) throw InputError("format", "is missing (expected \"hgc-scenario\")");
    if (!format->is_string() || format->get<std::string>() != "hgc-scenario")
        throw InputError("format", "must be \"hgc-scenario\": this is not an HGC scenario file");
    const Json* version = field(doc, "version");
    if (!version) throw InputError("version", "is missing");
    long long v = integer(*version, "version");
    if (v > kScenarioFormatVersion)
        throw InputError("version", std::to_string(v) +
                                        " is newer than this program understands (" +
                                        std::to_string(kScenarioFormatVersion) +
                                        "): open it with a newer HGC Studio");
    if (v < 1) throw InputError("version", "must be >= 1");

    Scenario s;
    if (field(doc, "name")) s.name = text(doc["name"], "name");
    if (field(doc, "description")) s.description = text(doc["description"], "description");
    const Json* edges = field(doc, "edges");
    if (!edges) throw InputError("edges", "is missing");
    array(*edges, "edges");
    for (std::size_t i = 0; i < edges->size(); ++i)
        s.edges.push_back(
            edgeFromJson((*edges)[i], "edges[" + std::to_string(i) + "]", static_cast<int>(i)));
    if (const Json* scheme = field(doc, "scheme")) s.scheme = schemeFromJson(*scheme, "scheme");
    if (const Json* sim = field(doc, "simulation"))
        s.simulation = simulationFromJson(*sim, "simulation");
    s.unknown = unknownKeys(
        doc, {"format", "version", "name", "description", "edges", "scheme", "simulation"});
    validate(s);
    return s;
}

std::string serializeScenario(const Scenario& s) {
    Json doc;
    doc["format"] = "hgc-scenario";
    doc["version"] = kScenarioFormatVersion;
    doc["name"] = s.name;
    doc["description"] = s.description;
    Json edges = Json::array();
    for (const Edge& e : s.edges) {
        Json je;
        je["name"] = e.name;
        if (e.position) je["position"] = positionJson(e.position);
        if (!e.active) je["active"] = false;
        je["uplink"] = toJson(e.uplink);
        Json workers = Json::array();
        for (const Worker& w : e.workers) {
            Json jw;
            jw["name"] = w.name;
            if (w.position) jw["position"] = positionJson(w.position);
            if (!w.active) jw["active"] = false;
            jw["compute"] = toJson(w.compute);
            jw["uplink"] = toJson(w.uplink);
            writeUnknown(jw, w.unknown);
            workers.push_back(jw);
        }
        je["workers"] = workers;
        writeUnknown(je, e.unknown);
        edges.push_back(je);
    }
    doc["edges"] = edges;
    doc["scheme"] = toJson(s.scheme);
    Json sim;
    sim["iterations"] = s.simulation.iterations;
    sim["seed"] = s.simulation.seed;
    writeUnknown(sim, s.simulation.unknown);
    doc["simulation"] = sim;
    writeUnknown(doc, s.unknown);
    return doc.dump(2) + "\n";
}

Scenario loadScenarioFile(const std::string& filePath) {
    return parseScenario(readFile(filePath));
}

void saveScenarioFile(const Scenario& scenario, const std::string& filePath) {
    writeFileAtomically(filePath, serializeScenario(scenario));
}

} // namespace hgc
