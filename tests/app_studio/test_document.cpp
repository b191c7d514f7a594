// ScenarioDocument: every user action is one undo command; undo and redo give back the
// exact scenarios (Scenario::operator==); invalid edits are refused without a trace.
#include <QSignalSpy>
#include <QtTest>

#include "document/heterogeneity.h"
#include "document/scenario_document.h"
#include "document/tree_layout.h"
#include "test_helpers.h"

using namespace hgc;
using namespace hgc::ui;

namespace {
const NodeProperty kComputeRate{Channel::Compute, Attribute::Param1};
const NodeProperty kComputeShift{Channel::Compute, Attribute::Param0};
} // namespace

class TestDocument : public QObject {
    Q_OBJECT
private slots:
    void structureEditsUndoAndRedoExactly() {
        ScenarioDocument doc;
        doc.reset(test::smallScenario());
        std::vector<Scenario> states{doc.scenario()};

        const NodeRef added = doc.addEdge(2);
        QCOMPARE(added, NodeRef::ofEdge(3));
        QCOMPARE(doc.scenario().edges.size(), std::size_t(4));
        QCOMPARE(doc.scenario().edges[3].workers.size(), std::size_t(2));
        states.push_back(doc.scenario());

        const NodeRefs workers = doc.addWorkers(0, 2);
        QCOMPARE(workers, (NodeRefs{NodeRef::ofWorker(0, 4), NodeRef::ofWorker(0, 5)}));
        QCOMPARE(doc.scenario().edges[0].workers[5].name, std::string("w1.6"));
        states.push_back(doc.scenario());

        const NodeRef copy = doc.duplicateEdge(1);
        QCOMPARE(copy, NodeRef::ofEdge(4));
        QCOMPARE(doc.scenario().edges[4].name, std::string("edge 2 copy"));
        QCOMPARE(doc.scenario().edges[4].workers.size(), doc.scenario().edges[1].workers.size());
        QCOMPARE(doc.scenario().edges[4].workers[0].compute,
                 doc.scenario().edges[1].workers[0].compute);
        states.push_back(doc.scenario());

        QVERIFY(doc.removeNodes({NodeRef::ofEdge(2), NodeRef::ofWorker(0, 1)}).isEmpty());
        QCOMPARE(doc.scenario().edges.size(), std::size_t(4));
        QCOMPARE(doc.scenario().edges[0].workers.size(), std::size_t(5));
        QCOMPARE(doc.scenario().edges[0].workers[1].name, std::string("w1.3")); // w1.2 is gone
        QCOMPARE(doc.scenario().edges[2].name, std::string("edge 4"));          // edge 3 is gone
        states.push_back(doc.scenario());

        QCOMPARE(doc.undoStack()->count(), 4);
        for (int k = 3; k >= 0; --k) {
            doc.undoStack()->undo();
            QVERIFY2(doc.scenario() == states[k], qPrintable(QStringLiteral("undo to %1").arg(k)));
        }
        for (int k = 1; k <= 4; ++k) {
            doc.undoStack()->redo();
            QVERIFY2(doc.scenario() == states[k], qPrintable(QStringLiteral("redo to %1").arg(k)));
        }
    }

    void propertyEditChangesExactlyTheSelectedNodes() {
        ScenarioDocument doc;
        doc.reset(test::smallScenario());
        const Scenario before = doc.scenario();
        QSignalSpy spy(&doc, &ScenarioDocument::nodesChanged);
        // The edge has no compute distribution: it is left alone.
        const NodeRefs selection{NodeRef::ofWorker(0, 1), NodeRef::ofWorker(2, 3),
                                 NodeRef::ofEdge(1)};
        QVERIFY(doc.setProperty(selection, kComputeRate, 0.5).isEmpty());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().value<NodeRefs>(),
                 (NodeRefs{NodeRef::ofWorker(0, 1), NodeRef::ofWorker(2, 3)}));
        Scenario expected = before;
        expected.edges[0].workers[1].compute.params[1] = 0.5;
        expected.edges[2].workers[3].compute.params[1] = 0.5;
        QVERIFY(doc.scenario() == expected);
        doc.undoStack()->undo();
        QVERIFY(doc.scenario() == before);
    }

    void repeatedEditsOfOnePropertyMerge() {
        ScenarioDocument doc;
        doc.reset(test::smallScenario());
        const NodeRefs sel{NodeRef::ofWorker(1, 0)};
        doc.setProperty(sel, kComputeRate, 0.2);
        doc.setProperty(sel, kComputeRate, 0.3);
        doc.setProperty(sel, kComputeRate, 0.4);
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.setProperty(sel, kComputeShift, 3.0); // another property: a new step
        doc.setProperty({NodeRef::ofWorker(1, 1)}, kComputeShift, 3.0); // other nodes: new step
        QCOMPARE(doc.undoStack()->count(), 3);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario().edges[1].workers[0].compute.params[1], 0.4);
        doc.undoStack()->undo();
        QVERIFY(doc.scenario() == test::smallScenario());
    }

    void invalidEditsAreRefusedAndLeaveNoTrace() {
        ScenarioDocument doc;
        doc.reset(test::smallScenario());
        const Scenario before = doc.scenario();
        QSignalSpy spy(&doc, &ScenarioDocument::changed);
        const NodeRefs sel{NodeRef::ofWorker(0, 0), NodeRef::ofWorker(1, 0)};
        QString error = doc.setProperty(sel, kComputeRate, -1.0);
        QVERIFY2(error.contains(QStringLiteral("> 0")), qPrintable(error));
        error = doc.setProperty(sel, {Channel::Compute, Attribute::StraggleProbability}, 1.5);
        QVERIFY2(!error.isEmpty(), "straggle probability 1.5");
        error = doc.setProperty(sel, NodeProperty::name(), QStringLiteral("  "));
        QVERIFY(error.contains(QStringLiteral("empty")));
        // Deactivating every worker of an edge leaves an active edge with nobody to wait for.
        NodeRefs edge0;
        for (int j = 0; j < 4; ++j)
            edge0.push_back(NodeRef::ofWorker(0, j));
        error = doc.setProperty(edge0, NodeProperty::active(), false);
        QVERIFY2(error.contains(QStringLiteral("at least one active worker")), qPrintable(error));
        // Deleting every edge.
        QVERIFY(!doc.removeNodes({NodeRef::ofEdge(0), NodeRef::ofEdge(1), NodeRef::ofEdge(2)})
                     .isEmpty());
        QVERIFY(!doc.setScheme(Scheme::hgc(3, 0)).isEmpty()); // s_e <= n - 1 = 2
        QVERIFY(doc.scenario() == before);
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(spy.count(), 0);
    }

    void topologyEditsCarryTheFittedScheme() {
        ScenarioDocument doc;
        doc.reset(test::smallScenario()); // hgc(1, 1), 3 edges x 4 workers
        QVERIFY(doc.removeNodes(
                       {NodeRef::ofWorker(0, 1), NodeRef::ofWorker(0, 2), NodeRef::ofWorker(0, 3)})
                    .isEmpty());
        // Edge 1 has one worker left: s_w = 1 is impossible, s_e = 1 still fits.
        QCOMPARE(doc.scenario().scheme, Scheme::hgc(1, 0));
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario().scheme, Scheme::hgc(1, 1));
        // Deactivating an edge leaves 2 edges: s_e = 1 is still fine.
        QVERIFY(doc.setProperty({NodeRef::ofEdge(2)}, NodeProperty::active(), false).isEmpty());
        QCOMPARE(doc.scenario().scheme, Scheme::hgc(1, 1));
        QVERIFY(doc.setProperty({NodeRef::ofEdge(1)}, NodeProperty::active(), false).isEmpty());
        QCOMPARE(doc.scenario().scheme, Scheme::hgc(0, 1));
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QVERIFY(doc.scenario() == test::smallScenario());
    }

    void schemeEditsMergeAndUndo() {
        ScenarioDocument doc;
        doc.reset(test::smallScenario());
        QVERIFY(doc.setScheme(Scheme::hgc(2, 1)).isEmpty());
        QVERIFY(doc.setScheme(Scheme::gc(5)).isEmpty());
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario().scheme, Scheme::hgc(1, 1));
    }

    void heterogeneityIsOneSeededCommand() {
        ScenarioDocument doc;
        Scenario base = makeUniformScenario(4, 5); // 20 workers, shifted-exp(10, 0.1)
        doc.reset(base);
        HeterogeneityParams p;
        p.seed = 7;
        p.speedSpread = 3.0;
        p.stragglerShare = 0.25;
        p.stragglerSlowdown = 10.0;
        p.failureProbability = 0.01;
        QCOMPARE(doc.applyHeterogeneity({}, p), 20);
        QCOMPARE(doc.undoStack()->count(), 1);
        int stragglers = 0;
        for (const Edge& e : doc.scenario().edges) {
            for (const Worker& w : e.workers) {
                // shift scales by the factor, rate by its inverse: both give the factor back.
                const double factor = w.compute.params[0] / 10.0;
                QVERIFY(std::abs(factor * w.compute.params[1] / 0.1 - 1.0) < 1e-12);
                QVERIFY(factor >= 1.0 - 1e-12);
                if (factor > 3.0 + 1e-9) {
                    ++stragglers;
                    QVERIFY(factor >= 10.0 - 1e-9 && factor <= 30.0 + 1e-9);
                }
                QCOMPARE(w.compute.failureProbability, 0.01);
            }
        }
        QCOMPARE(stragglers, 5); // round(0.25 * 20)
        // The same seed gives the same cluster; another seed another.
        ScenarioDocument again;
        again.reset(base);
        again.applyHeterogeneity({}, p);
        QVERIFY(again.scenario() == doc.scenario());
        p.seed = 8;
        ScenarioDocument other;
        other.reset(base);
        other.applyHeterogeneity({}, p);
        QVERIFY(!(other.scenario() == doc.scenario()));
        // Only the selection: an edge stands for its workers.
        ScenarioDocument part;
        part.reset(base);
        QCOMPARE(part.applyHeterogeneity({NodeRef::ofEdge(1), NodeRef::ofWorker(3, 0)}, p), 6);
        QVERIFY(part.scenario().edges[0] == base.edges[0]);
        QVERIFY(!(part.scenario().edges[1] == base.edges[1]));
        doc.undoStack()->undo();
        QVERIFY(doc.scenario() == base);
    }

    void scalingADistributionScalesItsMean() {
        const std::vector<Distribution> all{
            Distribution::deterministic(2.0), Distribution::uniform(1.0, 3.0),
            Distribution::exponential(0.5),   Distribution::shiftedExponential(4.0, 0.25),
            Distribution::pareto(1.0, 3.0),   Distribution::lognormal(0.3, 0.5)};
        for (const Distribution& d : all) {
            const Distribution s = scaledDistribution(d, 2.5);
            QVERIFY(std::abs(s.baseMean() / d.baseMean() - 2.5) < 1e-12);
        }
    }

    void autoLayoutPutsWorkersUnderTheirEdge() {
        Scenario s = test::smallScenario();
        TreeLayout layout = computeTreeLayout(s);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(layout.edges[i].y() > layout.master.y());
            for (const QPointF& w : layout.workers[i])
                QVERIFY(w.y() > layout.edges[i].y());
            if (i > 0) QVERIFY(layout.edges[i].x() > layout.edges[i - 1].x());
        }
        // A user position wins, and automatically placed workers follow their edge.
        s.edges[1].position = Position{1000.0, 500.0};
        s.edges[1].workers[2].position = Position{-50.0, -60.0};
        const TreeLayout moved = computeTreeLayout(s);
        QCOMPARE(moved.edges[1], QPointF(1000.0, 500.0));
        QCOMPARE(moved.workers[1][2], QPointF(-50.0, -60.0));
        QCOMPARE(moved.workers[1][0] - moved.edges[1], layout.workers[1][0] - layout.edges[1]);
    }

    void resetLayoutForgetsPositionsInOneStep() {
        ScenarioDocument doc;
        doc.reset(test::smallScenario());
        doc.moveNodes({NodeRef::ofEdge(0), NodeRef::ofWorker(2, 2)},
                      {Position{1, 2}, Position{3, 4}});
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.resetLayout();
        QCOMPARE(doc.undoStack()->count(), 2);
        QVERIFY(doc.scenario() == test::smallScenario());
    }
};

int hgc::test::runDocumentTests(int argc, char** argv) {
    TestDocument t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_document.moc"
