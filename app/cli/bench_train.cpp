// hgc bench, "train": one gradient-descent step of softmax regression on Fashion-MNIST's
// 60,000 x 784 training set, plain full-batch against coded (per-partition gradients, coded
// messages, decode at edges and master). Target: coded <= 1.5x plain.
#include <filesystem>

#include "bench.h"
#include "train/idx_file.h"
#include "train/partition_gradients.h"
#include "train/scheme_runner.h"

namespace hgc::cli {
namespace {

struct BenchData {
    Dataset data;
    std::string what;
};

BenchData benchData() {
    if (std::filesystem::exists(fashionMnistDirectory() + "/train-images-idx3-ubyte.gz"))
        return {loadFashionMnist(), "Fashion-MNIST 60000x784"};
    // Same shape, so that the figure still means something without the package.
    SyntheticOptions o;
    o.features = 784;
    o.trainCount = 60000;
    o.testCount = 1000;
    return {makeSyntheticDataset(o), "synthetic 60000x784 (Fashion-MNIST not installed)"};
}

double plainStepSeconds(const Dataset& d) {
    const SampleView train(d.train, d.features);
    SoftmaxModel model(d.features, d.classes);
    RowMatrix residual;
    Eigen::RowVectorXd summed(model.parameterCount()), velocity;
    return bestSeconds([&] {
        model.forward(train, residual);
        model.segmentGradient(train, residual, 0, train.count(), summed);
        model.step(model.gradient(summed, train.count()), 0.5, 0.9, velocity);
    });
}

double codedStepSeconds(const Dataset& d, const Scenario& scenario, const Scheme& scheme) {
    TrainingOptions o;
    SchemeRunner runner(scenario, d, {"bench", TrainingMethod::Coded, scheme, {}}, o);
    Eigen::RowVectorXd velocity;
    long long index = 0;
    return bestSeconds([&] {
        runner.refreshForward();
        const DeliveredGradient g = runner.deliver(index++);
        runner.model().step(runner.model().gradient(g.summed, d.train.count), 0.5, 0.9, velocity);
    });
}

std::vector<BenchFigure> run() {
    const BenchData b = benchData();
    Scenario scenario = makeUniformScenario(4, 5);
    for (auto& e : scenario.edges)
        for (auto& w : e.workers)
            w.compute = Distribution::shiftedExponential(10, 0.1).withStraggle(0.2, 5);
    const double plain = plainStepSeconds(b.data);
    const double hgc = codedStepSeconds(b.data, scenario, Scheme::hgc(1, 1));
    const double gc = codedStepSeconds(b.data, scenario, Scheme::gc(3));
    return {
        {"train.plain_step_ms", 1e3 * plain, "ms",
         b.what + ": forward + full-batch gradient + step"},
        {"train.coded_step_ms_hgc", 1e3 * hgc, "ms",
         "same through hgc(1,1) on 4x5 workers (K=20), with decode"},
        {"train.coded_over_plain_hgc", hgc / plain, "x", "target <= 1.5"},
        {"train.coded_step_ms_gc", 1e3 * gc, "ms", "same through gc(3) on 20 workers"},
        {"train.coded_over_plain_gc", gc / plain, "x", "target <= 1.5"},
    };
}

BenchRegistration registration({"train", "softmax regression step, plain vs coded gradients", run});

} // namespace
} // namespace hgc::cli
