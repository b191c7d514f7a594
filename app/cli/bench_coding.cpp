// hgc bench coding: the numerical quality and speed of the gradient codes on the two target
// systems of issue 3 (hgc on 10 edges x 20 workers with s_e = 3, s_w = 5; flat gc over 200
// workers with s = 20), and the encode+decode cost at the training's gradient size.
#include <chrono>

#include "bench.h"
#include "coding/hierarchical_code.h"
#include "coding/straggler_patterns.h"
#include "coding/verification.h"
#include "model/scenario.h"
#include "util/random.h"

namespace hgc::cli {
namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void measure(const std::string& label, const Scheme& scheme, std::vector<BenchFigure>& out) {
    Scenario s = makeUniformScenario(10, 20);
    s.scheme = scheme;
    const auto buildStart = std::chrono::steady_clock::now();
    const auto code = coding::HierarchicalCode::build(s);
    const double build = secondsSince(buildStart);
    coding::VerifyOptions options;
    options.patterns = 2000;
    const auto verifyStart = std::chrono::steady_clock::now();
    const auto report = coding::verify(code, options);
    const double verify = secondsSince(verifyStart);
    const std::string p = "coding." + label + ".";
    out.push_back({p + "worst_relative_error", report.worstRelativeError, "",
                   "over 2000 patterns (hard-looking + random), d = 16; target <= 1e-9"});
    out.push_back({p + "max_coefficient", report.maxCoefficient, "",
                   "largest |coefficient| a worker applies"});
    out.push_back({p + "max_decoding_weight", report.maxDecodingWeight, "",
                   "largest |weight| of a message in a decode"});
    out.push_back(
        {p + "worst_condition_number", report.worstCondition, "", "of the decoding solves"});
    out.push_back({p + "build_time", build * 1e3, "ms", "assignment + coefficients"});
    out.push_back({p + "verify_time", verify * 1e3, "ms", "2000 patterns"});

    // Training-sized use: K x 7850 gradients, one random pattern per call.
    Rng rng(11);
    Eigen::MatrixXd g(code.partitions(), 7850);
    for (Eigen::Index k = 0; k < g.size(); ++k)
        g.data()[k] = rng.normal();
    const auto pattern = coding::randomPattern(code.scheme(), rng);
    const double run = bestSeconds([&] { (void)code.run(g, pattern); }, 5);
    out.push_back(
        {p + "encode_decode_time", run * 1e3, "ms", "run(): K x 7850 gradients, one pattern"});
}

BenchRegistration registration(
    {"coding", "gradient codes: decode error, coefficient sizes, build and verify time", [] {
         std::vector<BenchFigure> out;
         measure("hgc_10x20_se3_sw5", Scheme::hgc(3, 5), out);
         measure("gc_200_s20", Scheme::gc(20), out);
         return out;
     }});

} // namespace
} // namespace hgc::cli
