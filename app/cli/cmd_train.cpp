// hgc train: softmax regression trained through the schemes' real codes (SPEC §8, §9).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "command.h"
#include "io/json_fwd.h"
#include "output.h"
#include "scenario_input.h"
#include "train/data_source.h"
#include "train/trainer.h"
#include "train/training_schemes.h"
#include "training_args.h"

namespace hgc::cli {
namespace {

Json recordJson(const TrainingRecord& r) {
    return {{"iteration", r.iteration},
            {"time", numberOrNull(r.time)},
            {"loss", numberOrNull(r.loss)},
            {"accuracy", r.accuracy},
            {"decode_error", numberOrNull(r.decodeError)},
            {"iteration_time", numberOrNull(r.iterationTime)},
            {"samples_used", r.samplesUsed}};
}

Json recordsJson(const TrainingRun& run) {
    Json list = Json::array();
    for (const auto& r : run.records)
        list.push_back(recordJson(r));
    return list;
}

double worstDecodeError(const TrainingRun& run) {
    double worst = 0;
    for (const auto& r : run.records)
        if (r.iteration > 0) worst = std::max(worst, r.decodeError);
    return worst;
}

Json outputJson(const Scenario& scenario, const Dataset& data, const TrainingOptions& o,
                const std::vector<TrainingRun>& runs) {
    Json out;
    out["dataset"] = {{"name", data.name},
                      {"train_samples", data.train.count},
                      {"test_samples", data.test.count},
                      {"features", data.features},
                      {"classes", data.classes},
                      {"test_set", data.testOrigin}};
    out["scheme"] = toJson(scenario.scheme);
    out["seed"] = o.seed;
    out["step"] = o.step;
    out["momentum"] = o.momentum;
    out["l2"] = o.l2;
    out["partition"] = std::string(partitioningId(o.partitioning));
    out["iterations"] = recordsJson(runs.front()); // the scenario's own scheme runs first
    Json schemes = Json::object(), info = Json::array();
    for (const auto& run : runs) {
        const std::string id = trainingSchemeId(run.scheme);
        schemes[id] = recordsJson(run);
        const TrainingRecord& last = run.records.back();
        Json entry = {
            {"id", id},
            {"label", run.scheme.label},
            {"method", run.scheme.method == TrainingMethod::Coded ? "coded" : "ignore-stragglers"},
            {"failed", run.failed},
            {"final_loss", numberOrNull(last.loss)},
            {"final_accuracy", last.accuracy},
            {"simulated_time", numberOrNull(last.time)},
            {"worst_decode_error", worstDecodeError(run)}};
        if (run.failed) entry["failure"] = run.failure;
        if (run.scheme.method == TrainingMethod::IgnoreStragglers)
            entry["deadline"] = toJson(run.scheme.deadline);
        info.push_back(entry);
    }
    out["schemes"] = schemes;
    out["scheme_summary"] = info;
    return out;
}

void printText(const Dataset& data, const TrainingOptions& o, const std::vector<TrainingRun>& runs,
               long long every) {
    std::printf("data: %s, %d training samples, %d test samples (%s), %d features, %d classes\n",
                data.name.c_str(), data.train.count, data.test.count, data.testOrigin.c_str(),
                data.features, data.classes);
    std::printf("softmax regression, step %s, momentum %s, l2 %s, %lld iterations, delay seed "
                "%llu, partition %s\n",
                formatValue(o.step).c_str(), formatValue(o.momentum).c_str(),
                formatValue(o.l2).c_str(), o.iterations, static_cast<unsigned long long>(o.seed),
                std::string(partitioningId(o.partitioning)).c_str());
    for (const auto& run : runs) {
        std::printf("\n%s%s\n", run.scheme.label.c_str(),
                    run.scheme.method == TrainingMethod::IgnoreStragglers
                        ? (" (uncoded assignment, master stops at " +
                           describeScheme(run.scheme.deadline) + "'s iteration time)")
                              .c_str()
                        : "");
        std::printf("  %6s %12s %10s %9s %12s %8s\n", "iter", "sim. time", "loss", "accuracy",
                    "decode err", "samples");
        for (const auto& r : run.records) {
            if (r.iteration % every != 0 && &r != &run.records.back()) continue;
            std::printf("  %6lld %12s %10.5f %8.2f%% %12s %7.1f%%\n", r.iteration,
                        formatValue(r.time).c_str(), r.loss, 100 * r.accuracy,
                        r.iteration == 0 ? "-" : formatValue(r.decodeError).c_str(),
                        100 * r.samplesUsed);
        }
        if (run.failed) std::printf("  stopped: %s\n", run.failure.c_str());
    }
    std::printf("\n%-34s %10s %9s %12s %12s\n", "scheme", "loss", "accuracy", "sim. time",
                "worst error");
    for (const auto& run : runs) {
        const TrainingRecord& last = run.records.back();
        std::printf("%-34s %10.5f %8.2f%% %12s %12s%s\n", run.scheme.label.c_str(), last.loss,
                    100 * last.accuracy, formatValue(last.time).c_str(),
                    formatValue(worstDecodeError(run)).c_str(),
                    run.failed ? "  (stopped early)" : "");
    }
}

int runTrain(Args& args) {
    std::set<std::string> valued = trainingOptionNames();
    valued.insert("every");
    args.parse(valued, {"json"});
    const std::string file = args.positional(0, "the scenario FILE");
    args.expectPositionals(1);
    const Scenario scenario = loadScenarioArgument(file);
    const TrainingArguments a = trainingArguments(args, scenario);
    const TrainingOptions& o = a.options;
    const long long every =
        args.integer("every", std::max<long long>(1, o.iterations / 10), 1, 1000000);
    const std::vector<TrainingScheme> schemes = parseTrainingSchemes(scenario, a.schemes);
    const Dataset data = loadTrainingData(a.dataset, o.seed);
    const std::vector<TrainingRun> runs = train(scenario, data, schemes, o);
    if (args.flag("json"))
        printJson(outputJson(scenario, data, o, runs));
    else
        printText(data, o, runs, every);
    return 0;
}

CommandRegistration registration(
    {"train", "train softmax regression through the schemes' real codes (loss vs simulated time)",
     "usage: hgc train FILE [--dataset synthetic|fashion-mnist|PATH] [--iterations N] [--step S]\n"
     "                 [--momentum M] [--l2 L] [--schemes LIST] [--seed S]\n"
     "                 [--partition iid|by-label] [--every N] [--json]\n\n"
     "Trains multinomial logistic regression by gradient descent (defaults below), every\n"
     "gradient computed through a scheme: the training rows are cut into the scheme's\n"
     "partitions (consecutive rows: --partition decides what each worker holds), workers\n"
     "send coded partial gradients, the delay model (the scenario's distributions, seed S,\n"
     "as in hgc simulate) decides who straggles, edges and master decode, and the simulated\n"
     "clock advances by the iteration time. All schemes see the same delay draws.\n\n" +
         std::string(kTrainingOptionsUsage) +
         "--every    print every N-th iteration in the tables (default: a tenth of the run).\n\n"
         "--json keys: iterations [{iteration, time, loss, accuracy, decode_error, "
         "iteration_time,\n"
         "samples_used}] for the file's scheme (entry 0 is the start: time 0, decode_error null);\n"
         "schemes {ID: [the same records]} for every scheme run; scheme_summary, dataset;\n"
         "step, momentum, l2, seed, partition (\"iid\" or \"by-label\").\n",
     runTrain});

} // namespace
} // namespace hgc::cli
