#include "coding/verification.h"

#include <algorithm>
#include <cmath>

#include "coding/hierarchical_code.h"
#include "coding/straggler_patterns.h"
#include "util/progress.h"
#include "util/random.h"

namespace hgc::coding {

VerifyReport verify(const HierarchicalCode& code, const VerifyOptions& options,
                    const Progress* progress) {
    VerifyReport report;
    report.errorLimit = options.errorLimit;
    report.partitions = code.partitions();
    report.maxPartitionsPerWorker = code.maxPartitionsPerWorker();
    report.maxCoefficient = code.maxAbsCoefficient();
    report.tolerablePatterns = countTolerablePatterns(code.scheme());
    report.exhaustive = report.tolerablePatterns <= static_cast<double>(options.exhaustiveLimit);
    const double total =
        report.exhaustive ? report.tolerablePatterns : static_cast<double>(options.patterns);

    Rng rng(options.seed, 0x76657269ULL); // stream "veri"
    Eigen::MatrixXd gradients(code.partitions(), std::max(1, options.dimension));
    for (Eigen::Index k = 0; k < gradients.rows(); ++k)
        for (Eigen::Index c = 0; c < gradients.cols(); ++c)
            gradients(k, c) = rng.normal();
    const Eigen::MatrixXd messages = code.encode(gradients);
    const Eigen::RowVectorXd exact = gradients.colwise().sum();

    const auto check = [&](const StragglerPattern& pattern) {
        ++report.patternsChecked;
        if (progress && report.patternsChecked % 64 == 0)
            progress->update(report.patternsChecked / total);
        const auto decoding = code.decode(pattern);
        if (!decoding) {
            ++report.undecodable;
            report.worstRelativeError = INFINITY;
            report.worstPattern = pattern;
            return;
        }
        const double error =
            (exact - code.decodeMessages(messages, *decoding)).norm() / exact.norm();
        if (!(error <= report.worstRelativeError) && std::isfinite(report.worstRelativeError)) {
            report.worstRelativeError = std::isnan(error) ? INFINITY : error;
            report.worstPattern = pattern;
        }
        report.worstResidual = std::max(report.worstResidual, decoding->residual);
        report.worstCondition = std::max(report.worstCondition, decoding->condition);
        for (const auto& edge : decoding->workerWeights)
            for (double w : edge)
                report.maxDecodingWeight = std::max(report.maxDecodingWeight, std::abs(w));
    };

    if (report.exhaustive) {
        forEachTolerablePattern(code.scheme(), [&](const StragglerPattern& p) {
            check(p);
            return true;
        });
    } else {
        for (const auto& p : worstLookingPatterns(code.scheme())) {
            if (report.patternsChecked >= options.patterns) break;
            check(p);
        }
        while (report.patternsChecked < options.patterns)
            check(randomPattern(code.scheme(), rng));
    }
    if (progress) progress->update(1.0);
    return report;
}

} // namespace hgc::coding
