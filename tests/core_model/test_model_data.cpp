// Test documents with raw string literals, kept out of the Q_OBJECT file because moc does
// not parse raw strings.
#include "test_model_data.h"

/// A small valid document; tests patch one field at a time.
extern const char* const kBase;
const char* const kBase = R"({
  "format": "hgc-scenario", "version": 1, "name": "t", "description": "d",
  "edges": [
    { "name": "e1", "position": [1, 2],
      "uplink": { "distribution": "shifted-exponential", "shift": 0.2, "rate": 5 },
      "workers": [
        { "name": "w1.1", "compute": { "distribution": "shifted-exponential", "shift": 10, "rate": 0.1,
                                       "straggle": { "probability": 0.05, "slowdown": 5 } },
          "uplink": { "distribution": "deterministic", "value": 0.05 } },
        { "name": "w1.2", "compute": { "distribution": "exponential", "rate": 2 } },
        { "name": "w1.3", "compute": { "distribution": "uniform", "low": 1, "high": 3 } } ] },
    { "name": "e2",
      "workers": [
        { "compute": { "distribution": "pareto", "scale": 1, "shape": 3 } },
        { "compute": { "distribution": "lognormal", "mu": 0, "sigma": 0.5 }, "failure": 0.1 },
        { "compute": { "distribution": "deterministic", "value": 2, "failure": 0.01 } } ] } ],
  "scheme": { "type": "hgc", "edge_stragglers": 1, "worker_stragglers": 1 },
  "simulation": { "iterations": 1000, "seed": 7 }
})";

const char* const kWithUnknownKeys = R"({
  "format": "hgc-scenario", "version": 1, "name": "u", "description": "",
  "x-doc": {"author": "me", "tags": ["b", "a"]},
  "edges": [
    { "name": "e1", "x-edge": 1,
      "uplink": { "distribution": "exponential", "rate": 5, "x-fitted-from": "trace.csv" },
      "workers": [
        { "name": "w1.1", "x-worker": null,
          "compute": { "distribution": "shifted-exponential", "shift": 10, "rate": 0.1,
                       "straggle": { "probability": 0.05, "slowdown": 5 },
                       "x-samples": [1.5, 2.25, {"z": true}] },
          "uplink": { "x-note": "wifi", "distribution": "deterministic", "value": 0.05 } },
        { "name": "w1.2", "compute": { "distribution": "uniform", "low": 1, "high": 3 } } ] },
    { "name": "e2",
      "workers": [ { "compute": { "distribution": "exponential", "rate": 1, "failure": 0.01,
                                  "x-unit": "s" } } ] } ],
  "scheme": { "type": "allocation", "x-scheme": {"by": "hand"}, "edge_stragglers": 0,
              "edges": [ { "share": 0.6, "stragglers": 1, "loads": [0.6, 0.6], "x-edge-note": 3.5 },
                         { "x-first": "", "share": 0.4, "stragglers": 0, "loads": [0.4] } ] },
  "simulation": { "iterations": 10, "seed": 3, "x-sim": -1 }
})";

const std::vector<BadCase>& badDocumentCases() {
    static const std::vector<BadCase> cases = {
        {"not json", R"("format")", R"(format")", "not valid JSON"},
        {"format", R"("hgc-scenario")", R"("other")", "format: must be \"hgc-scenario\""},
        {"newer version", R"("version": 1)", R"("version": 2)",
         "version: 2 is newer than this program understands (1)"},
        {"version type", R"("version": 1)", R"("version": "1")",
         "version: must be a whole number, not string"},
        {"rate", R"("shift": 10, "rate": 0.1)", R"("shift": 10, "rate": -1)",
         "edges[0].workers[0].compute.rate: must be > 0"},
        {"rate zero", R"("exponential", "rate": 2)", R"("exponential", "rate": 0)",
         "edges[0].workers[1].compute.rate: must be > 0"},
        {"shift", R"("shift": 10,)", R"("shift": -1,)",
         "edges[0].workers[0].compute.shift: must be >= 0"},
        {"missing param", R"("shift": 10, "rate": 0.1,)", R"("shift": 10,)",
         "edges[0].workers[0].compute.rate: is missing"},
        {"uniform order", R"("low": 1, "high": 3)", R"("low": 3, "high": 1)",
         "edges[0].workers[2].compute.high: must be > low (3)"},
        {"pareto shape", R"("shape": 3)", R"("shape": 0)",
         "edges[1].workers[0].compute.shape: must be > 0"},
        {"pareto scale", R"("scale": 1,)", R"("scale": 0,)",
         "edges[1].workers[0].compute.scale: must be > 0"},
        {"sigma", R"("sigma": 0.5)", R"("sigma": -0.5)",
         "edges[1].workers[1].compute.sigma: must be > 0"},
        {"deterministic", R"("value": 0.05)", R"("value": -0.05)",
         "edges[0].workers[0].uplink.value: must be >= 0"},
        {"unknown family", R"("distribution": "exponential")", R"("distribution": "gamma")",
         "edges[0].workers[1].compute.distribution: unknown distribution 'gamma'"},
        {"stray parameter", R"("exponential", "rate": 2)",
         R"("exponential", "rate": 2, "shift": 1)",
         "edges[0].workers[1].compute.shift: is not a parameter of exponential"},
        {"straggle probability", R"("probability": 0.05)", R"("probability": 1.5)",
         "edges[0].workers[0].compute.straggle.probability: must be in [0, 1]"},
        {"straggle slowdown", R"("slowdown": 5)", R"("slowdown": 0.5)",
         "edges[0].workers[0].compute.straggle.slowdown: must be >= 1"},
        {"failure", R"("failure": 0.01)", R"("failure": 1)",
         "edges[1].workers[2].compute.failure: must be in [0, 1)"},
        {"missing compute", R"({ "compute": { "distribution": "pareto")",
         R"({ "c": { "distribution": "pareto")", "edges[1].workers[0].compute: is missing"},
        {"workers type", R"("workers": [
        { "compute": { "distribution": "pareto")",
         R"("workers": 3, "x": [
        { "compute": { "distribution": "pareto")",
         "edges[1].workers: must be an array, not number"},
        {"position", R"("position": [1, 2])", R"("position": [1])",
         "edges[0].position: must be an array [x, y]"},
        {"active type", R"("name": "e2",)", R"("name": "e2", "active": 1,)",
         "edges[1].active: must be true or false"},
        {"edge stragglers", R"("edge_stragglers": 1)", R"("edge_stragglers": 3)",
         "scheme.edge_stragglers: 3 needs at least 4 active edges (there are 2)"},
        {"negative", R"("edge_stragglers": 1)", R"("edge_stragglers": -1)",
         "scheme.edge_stragglers: must be >= 0 (got -1)"},
        {"worker stragglers", R"("worker_stragglers": 1)", R"("worker_stragglers": 3)",
         "scheme.worker_stragglers: 3 needs at least 4 active workers at every active edge "
         "(edges[0] has 3)"},
        {"whole number", R"("worker_stragglers": 1)", R"("worker_stragglers": 1.5)",
         "scheme.worker_stragglers: must be a whole number"},
        {"scheme type", R"("type": "hgc")", R"("type": "magic")",
         "scheme.type: unknown scheme type 'magic'"},
        {"gc", R"("type": "hgc", "edge_stragglers": 1, "worker_stragglers": 1)",
         R"("type": "gc", "stragglers": 6)",
         "scheme.stragglers: 6 needs at least 7 active workers (there are 6)"},
        {"iterations", R"("iterations": 1000)", R"("iterations": 0)",
         "simulation.iterations: must be >= 1"},
        {"seed", R"("seed": 7)", R"("seed": -7)", "simulation.seed: must be >= 0"},
    };
    return cases;
}
