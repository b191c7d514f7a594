#include "training_args.h"

#include <limits>
#include <string>

namespace hgc::cli {

const std::set<std::string>& trainingOptionNames() {
    static const std::set<std::string> names = {"dataset", "iterations", "step", "momentum",
                                                "l2",      "schemes",    "seed", "partition"};
    return names;
}

TrainingArguments trainingArguments(const Args& args, const Scenario& scenario) {
    TrainingArguments a;
    a.dataset = args.value("dataset", a.dataset);
    a.schemes = args.value("schemes", a.schemes);
    // The defaults are TrainingOptions' own, which the Training tab starts from too.
    TrainingOptions& o = a.options;
    o.iterations = args.integer("iterations", o.iterations, 0, 1000000);
    o.step = args.number("step", o.step);
    o.momentum = args.number("momentum", o.momentum);
    o.l2 = args.number("l2", o.l2);
    const std::string partition =
        args.choice("partition", std::string(partitioningId(o.partitioning)),
                    {std::string(partitioningId(DataPartitioning::Iid)),
                     std::string(partitioningId(DataPartitioning::ByLabel))});
    o.partitioning = *parsePartitioning(partition);
    o.seed = static_cast<std::uint64_t>(
        args.integer("seed", static_cast<long long>(scenario.simulation.seed), 0,
                     std::numeric_limits<long long>::max()));
    return a;
}

const char* const kTrainingOptionsUsage =
    "--dataset  synthetic (default: a seeded 10-class Gaussian mixture, 4000 + 1000 samples),\n"
    "           fashion-mnist (Debian package dataset-fashion-mnist), or MNIST-format IDX\n"
    "           files: a directory holding train-images-idx3-ubyte[.gz], train-labels-\n"
    "           idx1-ubyte[.gz] (and t10k-* for the test set), or an images file whose labels\n"
    "           file has \"labels-idx1\" for \"images-idx3\" in its name. Without a t10k pair\n"
    "           the last sixth of the samples is the test set.\n"
    "--schemes  comma-separated: uncoded, ignore-stragglers, gc[:S], hgc[:SE:SW],\n"
    "           allocation (the file's), file, default. The file's scheme always runs\n"
    "           first. Default: file, uncoded, ignore-stragglers, gc, hgc.\n"
    "           ignore-stragglers: uncoded assignment; the master sums the partial gradients\n"
    "           that arrived by the iteration time of the file's scheme (hgc when the file's\n"
    "           is uncoded) and rescales them to the whole data set: fast, inexact.\n"
    "--partition iid (default): the training rows shuffled, every worker holds a sample of\n"
    "           every class; by-label: the rows sorted by label, so each worker (and edge)\n"
    "           holds few classes, as when every edge serves its own users. Dropping a slow\n"
    "           edge then drops whole classes: ignore-stragglers learns a biased model, the\n"
    "           exact codes do not.\n"
    "--iterations N (default 100), --step S (0.2), --momentum M (0.9), --l2 L (0),\n"
    "--seed S (the delay draws; default: the file's simulation seed)\n";

} // namespace hgc::cli
