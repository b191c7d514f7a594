#pragma once
// Shared pieces of the chart tests: scenarios, a CSV reader, and each test class's entry.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

#include "model/scenario.h"

namespace hgc::test {

/// resources/scenarios/NAME.json.
Scenario preset(const QString& name);
/// 3 edges of 3 workers with default distributions: every chart computes in well under a
/// second.
Scenario smallScenario();
/// A path in a temporary directory that lives as long as the test process.
QString temporaryPath(const QString& fileName);

/// RFC 4180 CSV (quoted fields, doubled quotes) into rows of fields.
std::vector<QStringList> parseCsv(const QByteArray& text);
/// The value of a CSV number field: "inf" is infinity, everything else through strtod.
double csvDouble(const QString& field);

int runTableTests(int argc, char** argv);
int runExportTests(int argc, char** argv);
int runPanelTests(int argc, char** argv);
int runCliTests(int argc, char** argv);
int runTrainingChartTests(int argc, char** argv);

} // namespace hgc::test
