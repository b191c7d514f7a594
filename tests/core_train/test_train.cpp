// Training with coded gradients (SPEC §9): the softmax gradient against finite differences,
// every coded scheme's decoded gradient against the plain full-batch gradient in every
// iteration, the simulated clock against the traces, loss falling, the inexact baseline,
// and Fashion-MNIST reaching 70% test accuracy in 100 iterations with the default options.
#include <QtTest>

#include <atomic>
#include <cmath>
#include <filesystem>

#include "simulate/iteration_trace.h"
#include "train/data_partitioning.h"
#include "train/idx_file.h"
#include "train/partition_gradients.h"
#include "train/scheme_runner.h"
#include "train/trainer.h"
#include "train/training_schemes.h"
#include "util/errors.h"

using namespace hgc;

namespace {

constexpr double kDecodeTolerance = 1e-8;

/// 3 edges of 4 workers with frequent stragglers, so that patterns vary from iteration to
/// iteration and every scheme has to decode around someone.
Scenario stragglingScenario() {
    Scenario s = makeUniformScenario(3, 4);
    for (std::size_t i = 0; i < s.edges.size(); ++i) {
        s.edges[i].uplink =
            Distribution::shiftedExponential(0.2 * (i + 1), 3).withStraggle(0.2, 10);
        for (std::size_t j = 0; j < s.edges[i].workers.size(); ++j)
            s.edges[i].workers[j].compute =
                Distribution::shiftedExponential(5 + j, 0.2).withStraggle(0.3, 5);
    }
    s.simulation.seed = 11;
    return s;
}

Scheme allocationScheme() {
    Scheme a;
    a.type = SchemeType::Allocation;
    a.edgeStragglers = 1;
    a.edges = {{0.8, 1, {0.5, 0.4, 0.4, 0.3}},
               {0.7, 1, {0.35, 0.35, 0.35, 0.35}},
               {0.5, 2, {0.4, 0.4, 0.4, 0.3}}};
    return a;
}

std::vector<Scheme> codedSchemes() {
    return {Scheme::uncoded(), Scheme::hgc(1, 1), Scheme::hgc(0, 2),
            Scheme::hgc(2, 0), Scheme::gc(3),     allocationScheme()};
}

Dataset smallSynthetic(int train = 600, int features = 8, int classes = 4) {
    SyntheticOptions o;
    o.trainCount = train;
    o.testCount = 200;
    o.features = features;
    o.classes = classes;
    o.seed = 5;
    return makeSyntheticDataset(o);
}

TrainingScheme coded(const Scheme& s) {
    return {std::string(schemeTypeName(s.type)), TrainingMethod::Coded, s, {}};
}

double relativeDifference(const Eigen::RowVectorXd& a, const Eigen::RowVectorXd& b) {
    return (a - b).norm() / b.norm();
}

void randomise(SoftmaxModel& model, std::uint64_t seed) {
    Rng rng(seed);
    for (Eigen::Index i = 0; i < model.parameters().size(); ++i)
        model.parameters().data()[i] = 0.5 * rng.normal();
}

} // namespace

class TestTrain : public QObject {
    Q_OBJECT
    /// The data column of the tests that must hold for every partitioning.
    static void partitionings() {
        QTest::addColumn<int>("partitioning");
        QTest::newRow("iid") << int(DataPartitioning::Iid);
        QTest::newRow("by-label") << int(DataPartitioning::ByLabel);
    }

private slots:
    void gradientMatchesFiniteDifferences() {
        const Dataset d = smallSynthetic(50, 5, 3);
        const SampleView view(d.train, d.features);
        SoftmaxModel model(d.features, d.classes, 0.1);
        randomise(model, 2);
        double loss = 0;
        const Eigen::RowVectorXd g = model.fullGradient(view, &loss);
        QVERIFY(std::abs(loss - model.lossOn(view)) < 1e-14);
        const double h = 1e-6;
        for (Eigen::Index i = 0; i < g.size(); ++i) {
            double& p = model.parameters().data()[i];
            const double saved = p;
            p = saved + h;
            const double up = model.lossOn(view);
            p = saved - h;
            const double down = model.lossOn(view);
            p = saved;
            const double numeric = (up - down) / (2 * h);
            QVERIFY2(std::abs(numeric - g(i)) < 1e-7 * std::max(1.0, std::abs(numeric)),
                     qPrintable(QString("parameter %1: analytic %2, numeric %3")
                                    .arg(i)
                                    .arg(g(i))
                                    .arg(numeric)));
        }
    }

    void lossAtZeroIsLogClasses() {
        // With zero parameters every class has probability 1/C: the loss is log C and the
        // predicted class is the first, so accuracy is the share of label 0.
        const Dataset d = smallSynthetic();
        SoftmaxModel model(d.features, d.classes);
        QCOMPARE(model.lossOn(SampleView(d.train, d.features)), std::log(4.0));
        const double zeros =
            std::count(d.test.labels.begin(), d.test.labels.end(), 0) / double(d.test.count);
        QCOMPARE(model.accuracy(SampleView(d.test, d.features)), zeros);
    }

    void partitionGradientsSumToTheFullGradient() {
        const Dataset d = smallSynthetic(601);
        const SampleView view(d.train, d.features);
        SoftmaxModel model(d.features, d.classes, 0.01);
        randomise(model, 3);
        RowMatrix residual, partials;
        model.forward(view, residual);
        const auto bounds = evenPartitionBounds(view.count(), 7);
        QCOMPARE(bounds.front(), Eigen::Index(0));
        QCOMPARE(bounds.back(), Eigen::Index(601));
        for (int k = 0; k < 7; ++k)
            QVERIFY(bounds[k + 1] - bounds[k] == 85 || bounds[k + 1] - bounds[k] == 86);
        partitionGradients(model, view, residual, bounds, partials);
        const Eigen::RowVectorXd summed = partials.colwise().sum();
        QVERIFY(relativeDifference(model.gradient(summed, view.count()), model.fullGradient(view)) <
                1e-13);
    }

    void codedGradientEqualsPlainGradientEveryIteration_data() { partitionings(); }
    void codedGradientEqualsPlainGradientEveryIteration() {
        const Scenario s = stragglingScenario();
        QFETCH(int, partitioning);
        const Dataset d = arrangedCopy(smallSynthetic(), DataPartitioning(partitioning));
        const int iterations = 40;
        for (const Scheme& scheme : codedSchemes()) {
            TrainingOptions o;
            o.seed = 11;
            SchemeRunner runner(s, d, coded(scheme), o);
            runner.start();
            const ResolvedScheme resolved = resolve(s, scheme);
            int withStragglers = 0;
            for (int it = 0; it < iterations; ++it) {
                const Eigen::RowVectorXd plain =
                    runner.model().fullGradient(SampleView(d.train, d.features));
                const IterationTrace trace = traceIteration(s, resolved, o.seed, it);
                const auto pattern = patternFromTrace(trace, resolved);
                bool someone = !pattern.edges.empty();
                for (const auto& w : pattern.workers)
                    someone = someone || !w.empty();
                withStragglers += someone;
                const DeliveredGradient g = runner.deliver(it);
                QVERIFY2(g.failure.empty(), g.failure.c_str());
                QVERIFY2(g.relativeError <= kDecodeTolerance,
                         qPrintable(QString::number(g.relativeError)));
                const double diff =
                    relativeDifference(runner.model().gradient(g.summed, d.train.count), plain);
                QVERIFY2(diff <= kDecodeTolerance,
                         qPrintable(QString("%1, iteration %2: %3")
                                        .arg(schemeTypeName(scheme.type).data())
                                        .arg(it)
                                        .arg(diff)));
                QCOMPARE(g.time, trace.time);
                // Move on, so that the gradients of later iterations differ.
                Eigen::RowVectorXd velocity;
                runner.model().step(plain, 0.5, 0.0, velocity);
                runner.refreshForward();
            }
            // The test means something only if the codes had stragglers to decode around.
            if (scheme.type != SchemeType::Uncoded) QVERIFY(withStragglers > iterations / 2);
        }
    }

    void trainingRecordsFollowTheTracesAndDecodeExactly_data() { partitionings(); }
    void trainingRecordsFollowTheTracesAndDecodeExactly() {
        const Scenario s = stragglingScenario();
        const Dataset d = smallSynthetic();
        std::vector<TrainingScheme> schemes;
        for (const Scheme& scheme : codedSchemes())
            schemes.push_back(coded(scheme));
        TrainingOptions o;
        o.iterations = 25;
        o.seed = 11;
        o.momentum = 0.5;
        QFETCH(int, partitioning);
        o.partitioning = DataPartitioning(partitioning);
        int observed = 0;
        TrainingObserver observer;
        observer.onRecord = [&](int, const TrainingRecord&) { ++observed; };
        const auto runs = train(s, d, schemes, o, observer);
        QCOMPARE(observed, int(schemes.size()) * 26);
        // All coded schemes deliver the same gradient, so they follow the same trajectory.
        for (std::size_t r = 0; r < runs.size(); ++r) {
            const auto& run = runs[r];
            QVERIFY(!run.failed);
            QCOMPARE(run.records.size(), std::size_t(26));
            QVERIFY(std::isnan(run.records[0].decodeError));
            QCOMPARE(run.records[0].time, 0.0);
            const ResolvedScheme resolved = resolve(s, schemes[r].scheme);
            double clock = 0;
            for (int it = 1; it <= 25; ++it) {
                const TrainingRecord& rec = run.records[it];
                QVERIFY(rec.decodeError <= kDecodeTolerance);
                clock += traceIteration(s, resolved, o.seed, it - 1).time;
                QCOMPARE(rec.time, clock);
                QVERIFY(std::abs(rec.loss - runs[0].records[it].loss) < 1e-9);
                QCOMPARE(rec.samplesUsed, 1.0);
            }
        }
    }

    void codedTrainingFollowsPlainGradientDescent() {
        // Independent reference: full-batch gradient descent with momentum, no codes.
        const Scenario s = stragglingScenario();
        const Dataset d = smallSynthetic();
        TrainingOptions o;
        o.iterations = 30;
        o.step = 0.8;
        o.momentum = 0.9;
        o.l2 = 1e-3;
        const auto run = train(s, d, {coded(Scheme::hgc(1, 1))}, o).front();
        SoftmaxModel plain(d.features, d.classes, o.l2);
        Eigen::RowVectorXd velocity;
        for (int it = 0; it <= 30; ++it) {
            double loss = 0;
            const Eigen::RowVectorXd g = plain.fullGradient(SampleView(d.train, d.features), &loss);
            QVERIFY2(std::abs(run.records[it].loss - loss) < 1e-9 * loss,
                     qPrintable(QString::number(it)));
            QCOMPARE(run.records[it].accuracy, plain.accuracy(SampleView(d.test, d.features)));
            plain.step(g, o.step, o.momentum, velocity);
        }
    }

    void lossFallsOnTheSyntheticSet() {
        const Scenario s = stragglingScenario();
        const Dataset d = makeSyntheticDataset();
        TrainingOptions o;
        o.iterations = 60;
        o.step = 1.0;
        o.momentum = 0.9;
        const auto run = train(s, d, {coded(Scheme::hgc(1, 1))}, o).front();
        const auto& first = run.records.front();
        const auto& last = run.records.back();
        QCOMPARE(first.loss, std::log(10.0));
        QVERIFY2(last.loss < 0.5 * first.loss, qPrintable(QString::number(last.loss)));
        QVERIFY2(last.accuracy > 0.8, qPrintable(QString::number(last.accuracy)));
        // Gradient descent with a small enough step never increases the loss (without momentum).
        o.momentum = 0.0;
        o.step = 0.5;
        o.iterations = 30;
        const auto steady = train(s, d, {coded(Scheme::gc(2))}, o).front();
        for (std::size_t i = 1; i < steady.records.size(); ++i)
            QVERIFY(steady.records[i].loss < steady.records[i - 1].loss);
    }

    void ignoringStragglersIsFastButInexact() {
        const Scenario s = stragglingScenario();
        const Dataset d = smallSynthetic();
        const Scheme deadline = Scheme::hgc(1, 1);
        TrainingScheme ignore{"ignore stragglers", TrainingMethod::IgnoreStragglers, {}, deadline};
        TrainingOptions o;
        o.iterations = 40;
        o.seed = 11;
        const auto runs = train(s, d, {coded(deadline), ignore, coded(Scheme::uncoded())}, o);
        const auto& hgcRun = runs[0];
        const auto& ignored = runs[1];
        const auto& uncoded = runs[2];
        int partial = 0;
        for (int it = 1; it <= 40; ++it) {
            const TrainingRecord& r = ignored.records[it];
            // Never later than the coded scheme, never later than waiting for everyone.
            QVERIFY(r.iterationTime <= hgcRun.records[it].iterationTime);
            QVERIFY(r.iterationTime <= uncoded.records[it].iterationTime);
            QVERIFY(r.samplesUsed > 0 && r.samplesUsed <= 1);
            if (r.samplesUsed < 1) {
                ++partial;
                QVERIFY2(r.decodeError > 1e-6, qPrintable(QString::number(r.decodeError)));
            } else {
                QVERIFY(r.decodeError < 1e-12);
                // With everyone in, the master stopped at the last arrival: uncoded's own time.
                QCOMPARE(r.iterationTime, uncoded.records[it].iterationTime);
            }
            // One partition per worker: the share used is a whole number of twelfths.
            const double twelfths = r.samplesUsed * 12;
            QVERIFY(std::abs(twelfths - std::round(twelfths)) < 1e-12);
        }
        QVERIFY2(partial > 5, qPrintable(QString::number(partial)));
    }

    void threadsDoNotChangeTheResults() {
        // Just large enough (10,000 x 20 values) for the schemes to step on several threads.
        const Scenario s = stragglingScenario();
        const Dataset d = smallSynthetic(10000, 20, 5);
        std::vector<TrainingScheme> schemes;
        for (const Scheme& scheme : codedSchemes())
            schemes.push_back(coded(scheme));
        schemes.push_back({"ignore", TrainingMethod::IgnoreStragglers, {}, Scheme::hgc(1, 1)});
        TrainingOptions o;
        o.iterations = 4;
        std::vector<int> order;
        TrainingObserver observer;
        observer.onRecord = [&](int scheme, const TrainingRecord&) { order.push_back(scheme); };
        o.threads = 1;
        const auto serial = train(s, d, schemes, o);
        o.threads = 3;
        const auto parallel = train(s, d, schemes, o, observer);
        for (std::size_t r = 0; r < schemes.size(); ++r)
            for (std::size_t i = 0; i < serial[r].records.size(); ++i) {
                QCOMPARE(parallel[r].records[i].loss, serial[r].records[i].loss);
                QCOMPARE(parallel[r].records[i].time, serial[r].records[i].time);
            }
        // Records arrive iteration by iteration, schemes in list order.
        for (std::size_t k = 0; k < order.size(); ++k)
            QCOMPARE(order[k], int(k % schemes.size()));
    }

    void cancellationStopsTheRun() {
        const Scenario s = stragglingScenario();
        const Dataset d = smallSynthetic();
        std::atomic<bool> cancel{false};
        TrainingObserver observer;
        double lastFraction = 0;
        int records = 0;
        observer.progress.cancel = &cancel;
        observer.progress.report = [&](double f) { lastFraction = f; };
        observer.onRecord = [&](int, const TrainingRecord&) {
            if (++records == 5) cancel = true;
        };
        TrainingOptions o;
        o.iterations = 100;
        QVERIFY_THROWS_EXCEPTION(Cancelled, train(s, d, {coded(Scheme::hgc(1, 1))}, o, observer));
        QCOMPARE(records, 5);
        QVERIFY(lastFraction > 0 && lastFraction < 0.1);
    }

    void refusesBadRequests() {
        const Scenario s = stragglingScenario();
        const Dataset d = smallSynthetic();
        TrainingOptions o;
        o.step = 0;
        QVERIFY_THROWS_EXCEPTION(InputError, train(s, d, {coded(Scheme::uncoded())}, o));
        o = {};
        o.momentum = 1;
        QVERIFY_THROWS_EXCEPTION(InputError, train(s, d, {coded(Scheme::uncoded())}, o));
        QVERIFY_THROWS_EXCEPTION(InputError, train(s, d, {}, TrainingOptions{}));
        // hgc(3, 0) needs 4 edges.
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 train(s, d, {coded(Scheme::hgc(3, 0))}, TrainingOptions{}));
    }

    void schemeListsFollowTheScenario() {
        Scenario s = stragglingScenario();
        s.scheme = Scheme::hgc(0, 2);
        auto ids = [](const std::vector<TrainingScheme>& list) {
            QStringList out;
            for (const auto& t : list)
                out << QString::fromStdString(trainingSchemeId(t));
            return out.join(",");
        };
        // The file's hgc(0,2) first; gc with the same load per worker (3 = (0+1)(2+1)).
        QCOMPARE(ids(defaultTrainingSchemes(s)), QString("hgc:0:2,uncoded,ignore-stragglers,gc:2"));
        QCOMPARE(defaultTrainingSchemes(s)[2].deadline, Scheme::hgc(0, 2));
        QCOMPARE(ids(parseTrainingSchemes(s, "gc:5,hgc:1:1,ignore,uncoded,file,hgc")),
                 QString("hgc:0:2,gc:5,hgc:1:1,ignore-stragglers,uncoded"));
        s.scheme = Scheme::uncoded();
        QCOMPARE(ids(defaultTrainingSchemes(s)), QString("uncoded,ignore-stragglers,gc:3,hgc:1:1"));
        QCOMPARE(defaultTrainingSchemes(s)[1].deadline, Scheme::hgc(1, 1));
        s.scheme = allocationScheme();
        QCOMPARE(ids(parseTrainingSchemes(s, "allocation,default")),
                 QString("allocation,uncoded,ignore-stragglers,gc:3,hgc:1:1"));
        for (const char* bad :
             {"hgc:3:0", "gc:12", "magic", "hgc:1", "gc:x", "uncoded,", "allocation:1"}) {
            s.scheme = Scheme::uncoded();
            try {
                parseTrainingSchemes(s, bad);
                QFAIL(bad);
            } catch (const InputError& e) {
                QVERIFY2(std::string(e.what()).rfind("--schemes: ", 0) == 0, e.what());
            }
        }
    }

    void fashionMnistReaches70Percent() {
        if (!std::filesystem::exists(fashionMnistDirectory() + "/train-images-idx3-ubyte.gz"))
            QSKIP("Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist; "
                  "scripts/test.sh does)");
        Dataset d = loadFashionMnist();
        QCOMPARE(d.train.count, 60000);
        QCOMPARE(d.test.count, 10000);
        QCOMPARE(d.features, 784);
        QCOMPARE(d.classes, 10);
        // Unoptimised under the sanitizers, 100 full iterations would take many minutes:
        // there, a short run on a slice checks the decoding and the descent only.
        const bool sanitized = qEnvironmentVariableIsSet("HGC_SANITIZED");
        if (sanitized)
            for (auto* set : {&d.train, &d.test}) {
                set->count = 500;
                set->features.resize(std::size_t(set->count) * 784);
                set->labels.resize(set->count);
            }
        TrainingOptions o; // the defaults of the CLI and the Training tab
        o.iterations = sanitized ? 10 : 100;
        const auto run = train(stragglingScenario(), d, {coded(Scheme::hgc(1, 1))}, o).front();
        QVERIFY(!run.failed);
        for (const auto& r : run.records) {
            QVERIFY(r.iteration == 0 || r.decodeError <= kDecodeTolerance);
            // The defaults descend smoothly: no early jump above the starting loss (log 10),
            // as step 0.5 gave (up to 6.5 with momentum 0.9, 6.2 without).
            QVERIFY2(r.loss <= run.records.front().loss,
                     qPrintable(QString("iteration %1: loss %2").arg(r.iteration).arg(r.loss)));
        }
        QVERIFY(run.records.back().loss < run.records.front().loss);
        if (sanitized)
            QSKIP("the 70% mark is checked in the optimised build (too slow under the sanitizers)");
        const double accuracy = run.records.back().accuracy;
        qInfo("Fashion-MNIST, hgc(1,1), 100 iterations: test accuracy %.4f, loss %.4f", accuracy,
              run.records.back().loss);
        QVERIFY2(accuracy >= 0.70, qPrintable(QString::number(accuracy)));
    }
};

QTEST_APPLESS_MAIN(TestTrain)
#include "test_train.moc"
