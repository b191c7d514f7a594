// Data sets for training: IDX files (plain and gzip) read back exactly, every kind of
// broken file refused with a message naming the file and the problem, the synthetic set
// reproducible per seed, the shuffle a permutation, the sort by label a stable one.
#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>

#include "train/data_partitioning.h"
#include "train/dataset.h"
#include "train/idx_file.h"
#include "util/errors.h"

using namespace hgc;

namespace {

using Bytes = std::vector<unsigned char>;

void put32(Bytes& b, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        b.push_back(static_cast<unsigned char>(v >> shift));
}

Bytes imagesFile(int count, int rows, int cols, std::uint32_t magic = 0x803) {
    Bytes b;
    put32(b, magic);
    put32(b, count);
    put32(b, rows);
    put32(b, cols);
    for (int i = 0; i < count * rows * cols; ++i)
        b.push_back(static_cast<unsigned char>((i * 37) % 256));
    return b;
}

Bytes labelsFile(int count, std::uint32_t magic = 0x801) {
    Bytes b;
    put32(b, magic);
    put32(b, count);
    for (int i = 0; i < count; ++i)
        b.push_back(static_cast<unsigned char>(i % 3));
    return b;
}

void writePlain(const QString& path, const Bytes& b) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

void writeGzip(const QString& path, const Bytes& b) {
    gzFile f = gzopen(path.toLocal8Bit().constData(), "wb");
    QVERIFY(f);
    QCOMPARE(gzwrite(f, b.data(), static_cast<unsigned>(b.size())), static_cast<int>(b.size()));
    gzclose(f);
}

Bytes readRaw(const QString& path) {
    std::ifstream in(path.toStdString(), std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

/// The InputError message of loading `images` with `labels`, or "" if it loaded.
std::string refusal(const QString& images, const QString& labels) {
    try {
        int features = 0;
        readIdxPair(images.toStdString(), labels.toStdString(), features);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

} // namespace

class TestTrainData : public QObject {
    Q_OBJECT
private slots:
    void readsPlainAndGzipIdentically() {
        QTemporaryDir dir;
        const Bytes images = imagesFile(5, 2, 3), labels = labelsFile(5);
        writePlain(dir.filePath("a-images"), images);
        writePlain(dir.filePath("a-labels"), labels);
        writeGzip(dir.filePath("b-images.gz"), images);
        writeGzip(dir.filePath("b-labels.gz"), labels);
        int fa = 0, fb = 0;
        const LabelledSamples a = readIdxPair(dir.filePath("a-images").toStdString(),
                                              dir.filePath("a-labels").toStdString(), fa);
        const LabelledSamples b = readIdxPair(dir.filePath("b-images.gz").toStdString(),
                                              dir.filePath("b-labels.gz").toStdString(), fb);
        QCOMPARE(fa, 6);
        QCOMPARE(fb, 6);
        QCOMPARE(a.count, 5);
        QCOMPARE(a.features, b.features);
        QCOMPARE(a.labels, b.labels);
        // Pixels are bytes / 255, in file order.
        for (int i = 0; i < 30; ++i)
            QCOMPARE(a.features[i], ((i * 37) % 256) / 255.0);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(a.labels[i], i % 3);
    }

    void refusesBrokenFiles_data() {
        QTest::addColumn<QString>("broken"); // which file to break, and how
        QTest::addColumn<QString>("expected");
        QTest::newRow("images magic") << "images-magic"
                                      << "not an IDX images file (magic number 0x00000801";
        QTest::newRow("labels magic") << "labels-magic"
                                      << "not an IDX labels file";
        QTest::newRow("short image data") << "images-short"
                                          << "truncated: the image data ends after 31 of 40";
        QTest::newRow("short header") << "images-header"
                                      << "truncated: the header ends";
        QTest::newRow("short labels") << "labels-short"
                                      << "truncated: the label data ends after 3 of 4";
        QTest::newRow("label count") << "labels-count"
                                     << "has 3 labels but";
        QTest::newRow("trailing bytes") << "images-trailing"
                                        << "has more data than its header announces";
        QTest::newRow("huge header") << "images-huge"
                                     << "implausible size";
        QTest::newRow("corrupt gzip") << "gzip-corrupt"
                                      << "corrupt gzip data";
        QTest::newRow("truncated gzip") << "gzip-truncated"
                                        << "truncated gzip data (unexpected end of file)";
        QTest::newRow("missing") << "missing"
                                 << "cannot be opened";
    }
    void refusesBrokenFiles() {
        QFETCH(QString, broken);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString images = dir.filePath("images.gz"), labels = dir.filePath("labels");
        Bytes im = imagesFile(4, 2, 5), lb = labelsFile(4);
        bool gzipImages = true;
        if (broken == "images-magic") im = imagesFile(4, 2, 5, 0x801);
        if (broken == "labels-magic") lb = labelsFile(4, 0x803);
        if (broken == "images-short") im.resize(im.size() - 9);
        if (broken == "images-header") im.resize(10);
        if (broken == "labels-short") lb.pop_back();
        if (broken == "labels-count") lb = labelsFile(3);
        if (broken == "images-trailing") im.push_back(0);
        if (broken == "images-huge") {
            im.clear();
            for (std::uint32_t word : {0x803u, 0x7fffffffu, 1000u, 1000u})
                put32(im, word);
        }
        if (broken.startsWith("gzip")) gzipImages = false;
        gzipImages ? writeGzip(images, im) : writePlain(images, im);
        writePlain(labels, lb);
        if (broken.startsWith("gzip")) {
            writeGzip(images, im);
            Bytes raw = readRaw(images);
            if (broken == "gzip-corrupt")
                for (std::size_t i = 12; i < raw.size() - 8; ++i)
                    raw[i] ^= 0x5a; // mangle the deflate stream
            else
                raw.resize(raw.size() / 2);
            writePlain(images, raw);
        }
        const std::string message =
            refusal(broken == "missing" ? dir.filePath("nothing") : images, labels);
        QVERIFY2(message.find(expected.toStdString()) != std::string::npos, message.c_str());
        // The message names the offending file.
        const QString named = broken.startsWith("labels") && broken != "labels-count" ? labels
                              : broken == "missing"      ? dir.filePath("nothing")
                              : broken == "labels-count" ? labels
                                                         : images;
        QVERIFY2(message.rfind(named.toStdString(), 0) == 0, message.c_str());
    }

    void findsLabelsAndTestPairByName() {
        QTemporaryDir dir;
        writeGzip(dir.filePath("train-images-idx3-ubyte.gz"), imagesFile(12, 2, 2));
        writeGzip(dir.filePath("train-labels-idx1-ubyte.gz"), labelsFile(12));
        // No test pair: the last sixth is held out.
        Dataset held = loadIdxDataset(dir.filePath("train-images-idx3-ubyte.gz").toStdString());
        QCOMPARE(held.train.count, 10);
        QCOMPARE(held.test.count, 2);
        QCOMPARE(held.classes, 3);
        QCOMPARE(held.test.labels, (std::vector<int>{10 % 3, 11 % 3}));
        QCOMPARE(held.test.features.size(), std::size_t(8));
        QCOMPARE(held.test.features[0], ((40 * 37) % 256) / 255.0);
        // With a test pair, by file name and by directory.
        writePlain(dir.filePath("t10k-images-idx3-ubyte"), imagesFile(3, 2, 2));
        writePlain(dir.filePath("t10k-labels-idx1-ubyte"), labelsFile(3));
        for (const QString& path : {dir.filePath("train-images-idx3-ubyte.gz"), dir.path()}) {
            Dataset d = loadIdxDataset(path.toStdString());
            QCOMPARE(d.train.count, 12);
            QCOMPARE(d.test.count, 3);
            QCOMPARE(d.features, 4);
        }
        // A test set of another image size is refused.
        writePlain(dir.filePath("t10k-images-idx3-ubyte"), imagesFile(3, 3, 2));
        try {
            loadIdxDataset(dir.path().toStdString());
            QFAIL("a test set of another size was accepted");
        } catch (const InputError& e) {
            QVERIFY2(std::string(e.what()).find("6 pixels, expected 4") != std::string::npos,
                     e.what());
        }
        // An images file without a labels file beside it.
        writePlain(dir.filePath("lonely-images-idx3-ubyte"), imagesFile(3, 2, 2));
        QVERIFY_THROWS_EXCEPTION(
            InputError, loadIdxDataset(dir.filePath("lonely-images-idx3-ubyte").toStdString()));
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 loadIdxDataset(dir.filePath("nothing-here").toStdString()));
    }

    void syntheticIsSeededAndBalanced() {
        SyntheticOptions o;
        o.seed = 7;
        const Dataset a = makeSyntheticDataset(o), b = makeSyntheticDataset(o);
        QCOMPARE(a.train.features, b.train.features);
        QCOMPARE(a.test.labels, b.test.labels);
        o.seed = 8;
        QVERIFY(makeSyntheticDataset(o).train.features != a.train.features);
        QCOMPARE(a.train.count, 4000);
        QCOMPARE(a.test.count, 1000);
        QCOMPARE(a.train.features.size(), std::size_t(4000 * 20));
        std::vector<int> perClass(10, 0);
        for (int label : a.train.labels)
            ++perClass[label];
        for (int n : perClass)
            QVERIFY2(n > 300 && n < 500, std::to_string(n).c_str()); // 400 expected, sd 19
        o.classes = 1;
        QVERIFY_THROWS_EXCEPTION(InputError, makeSyntheticDataset(o));
    }

    void shuffleIsAPermutationOfRows() {
        SyntheticOptions o;
        o.trainCount = 300;
        Dataset d = makeSyntheticDataset(o);
        const Dataset before = d;
        shuffleTrainingSet(d, 3);
        QVERIFY(d.train.labels != before.train.labels);
        auto rows = [](const Dataset& x) {
            std::multiset<std::pair<std::vector<double>, int>> out;
            for (int r = 0; r < x.train.count; ++r)
                out.insert({std::vector<double>(x.train.features.begin() + r * x.features,
                                                x.train.features.begin() + (r + 1) * x.features),
                            x.train.labels[r]});
            return out;
        };
        QVERIFY(rows(d) == rows(before));
    }

    void sortByLabelIsAStablePermutation() {
        SyntheticOptions o;
        o.trainCount = 300;
        o.classes = 5;
        Dataset d = makeSyntheticDataset(o);
        shuffleTrainingSet(d, 3);
        const Dataset before = d;
        const Dataset sorted = arrangedCopy(d, DataPartitioning::ByLabel);
        sortTrainingSetByLabel(d);
        QVERIFY(d.train.labels == sorted.train.labels);
        QVERIFY(d.train.features == sorted.train.features);
        QVERIFY(sorted.test.features == before.test.features);
        QVERIFY(std::is_sorted(d.train.labels.begin(), d.train.labels.end()));
        // Stable: row by row, label by label, the rows of each label in their former order.
        const std::size_t f = d.features;
        auto row = [f](const Dataset& x, int r) {
            return std::vector<double>(x.train.features.begin() + r * f,
                                       x.train.features.begin() + (r + 1) * f);
        };
        int next = 0;
        for (int label = 0; label < o.classes; ++label)
            for (int r = 0; r < before.train.count; ++r)
                if (before.train.labels[r] == label) {
                    QCOMPARE(d.train.labels[next], label);
                    QVERIFY(row(d, next) == row(before, r));
                    ++next;
                }
        QCOMPARE(next, d.train.count);
        const Dataset same = arrangedCopy(before, DataPartitioning::Iid);
        QVERIFY(same.train.features == before.train.features);
        QVERIFY(same.train.labels == before.train.labels);
    }

    void partitioningIdsRoundTrip() {
        for (DataPartitioning p : {DataPartitioning::Iid, DataPartitioning::ByLabel})
            QVERIFY(parsePartitioning(partitioningId(p)) == p);
        QCOMPARE(partitioningId(DataPartitioning::ByLabel), std::string_view("by-label"));
        QVERIFY(!parsePartitioning("by_label"));
        QVERIFY(!parsePartitioning(""));
    }
};

QTEST_APPLESS_MAIN(TestTrainData)
#include "test_train_data.moc"
