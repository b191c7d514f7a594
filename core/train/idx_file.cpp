#include "train/idx_file.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>

#include "util/errors.h"

namespace hgc {
namespace {

constexpr std::uint32_t kImagesMagic = 0x00000803;
constexpr std::uint32_t kLabelsMagic = 0x00000801;
// A header announcing more than this is corrupt rather than big (Fashion-MNIST is 47 MB).
constexpr std::uint64_t kMaxBytes = std::uint64_t{1} << 32;

/// A gzip or plain file opened through zlib, with every error naming the file.
class IdxStream {
public:
    explicit IdxStream(std::string path) : path_(std::move(path)) {
        if (std::filesystem::is_directory(path_)) fail("is a directory, expected an IDX file");
        file_ = gzopen(path_.c_str(), "rb");
        if (!file_) fail("cannot be opened");
        gzbuffer(file_, 1 << 17);
    }
    ~IdxStream() {
        if (file_) gzclose(file_);
    }
    IdxStream(const IdxStream&) = delete;
    IdxStream& operator=(const IdxStream&) = delete;

    [[noreturn]] void fail(const std::string& reason) const { throw InputError(path_, reason); }

    /// Reads exactly `size` bytes; `what` says what was being read when the data ends.
    void read(unsigned char* out, std::uint64_t size, const std::string& what) {
        std::uint64_t done = 0;
        while (done < size) {
            const unsigned chunk =
                static_cast<unsigned>(std::min<std::uint64_t>(size - done, 1u << 30));
            const int got = gzread(file_, out + done, chunk);
            if (got < 0) failWithZlib();
            if (got == 0) {
                checkStream();
                fail("truncated: " + what + " ends after " + std::to_string(done) + " of " +
                     std::to_string(size) + " bytes");
            }
            done += static_cast<unsigned>(got);
        }
    }

    std::uint32_t bigEndian32(const std::string& what) {
        unsigned char b[4];
        read(b, 4, what);
        return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) |
               (std::uint32_t{b[2]} << 8) | b[3];
    }

    void expectEnd() {
        unsigned char extra;
        const int got = gzread(file_, &extra, 1);
        if (got < 0) failWithZlib();
        if (got > 0) fail("has more data than its header announces");
        checkStream();
    }

private:
    // A gzip stream cut short reads as a clean end of data with Z_BUF_ERROR set.
    void checkStream() {
        int code = Z_OK;
        const char* message = gzerror(file_, &code);
        if (code == Z_BUF_ERROR) fail("truncated gzip data (" + zlibMessage(message) + ")");
        if (code != Z_OK && code != Z_STREAM_END)
            fail("corrupt gzip data (" + zlibMessage(message) + ")");
    }
    [[noreturn]] void failWithZlib() {
        int code = Z_OK;
        const char* message = gzerror(file_, &code);
        if (code == Z_ERRNO) fail("read error");
        if (code == Z_BUF_ERROR) fail("truncated gzip data (" + zlibMessage(message) + ")");
        fail("corrupt gzip data (" + zlibMessage(message) + ")");
    }
    // zlib prefixes its messages with the path, which the InputError already names.
    std::string zlibMessage(const char* message) const {
        std::string text = message ? message : "";
        if (text.rfind(path_ + ": ", 0) == 0) text.erase(0, path_.size() + 2);
        return text;
    }

    std::string path_;
    gzFile file_ = nullptr;
};

std::string hex(std::uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08x", v);
    return buf;
}

std::vector<unsigned char> readImages(const std::string& path, int& count, int& features) {
    IdxStream in(path);
    const std::uint32_t magic = in.bigEndian32("the header");
    if (magic != kImagesMagic)
        in.fail("not an IDX images file (magic number " + hex(magic) + ", expected " +
                hex(kImagesMagic) + ")");
    const std::uint32_t n = in.bigEndian32("the header"), rows = in.bigEndian32("the header"),
                        cols = in.bigEndian32("the header");
    if (n == 0 || rows == 0 || cols == 0) in.fail("header announces an empty image set");
    const std::uint64_t pixels = std::uint64_t{rows} * cols, size = pixels * n;
    if (size > kMaxBytes || n > 0x7fffffffu)
        in.fail("header announces an implausible size (" + std::to_string(n) + " images of " +
                std::to_string(rows) + " x " + std::to_string(cols) + ")");
    std::vector<unsigned char> data(size);
    in.read(data.data(), size, "the image data");
    in.expectEnd();
    count = static_cast<int>(n);
    features = static_cast<int>(pixels);
    return data;
}

std::vector<unsigned char> readLabels(const std::string& path) {
    IdxStream in(path);
    const std::uint32_t magic = in.bigEndian32("the header");
    if (magic != kLabelsMagic)
        in.fail("not an IDX labels file (magic number " + hex(magic) + ", expected " +
                hex(kLabelsMagic) + ")");
    const std::uint32_t n = in.bigEndian32("the header");
    if (n == 0 || n > 0x7fffffffu) in.fail("header announces " + std::to_string(n) + " labels");
    std::vector<unsigned char> data(n);
    in.read(data.data(), n, "the label data");
    in.expectEnd();
    return data;
}

/// The first existing file of `name` and `name`.gz in `dir`, or "" if neither exists.
std::string existing(const std::filesystem::path& dir, const std::string& name) {
    for (const std::string& candidate : {name, name + ".gz"})
        if (std::filesystem::is_regular_file(dir / candidate)) return (dir / candidate).string();
    return "";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.rfind(from);
    if (at == std::string::npos) return "";
    return text.replace(at, from.size(), to);
}

void holdOutLastSixth(Dataset& d) {
    LabelledSamples& train = d.train;
    const int testCount = train.count / 6;
    if (testCount < 1 || train.count - testCount < 1)
        throw InputError(d.name, "too few samples (" + std::to_string(train.count) +
                                     ") to hold out a test set");
    const int keep = train.count - testCount;
    const std::size_t split = static_cast<std::size_t>(keep) * d.features;
    d.test.count = testCount;
    d.test.features.assign(train.features.begin() + split, train.features.end());
    d.test.labels.assign(train.labels.begin() + keep, train.labels.end());
    train.count = keep;
    train.features.resize(split);
    train.labels.resize(keep);
    d.testOrigin = "the last " + std::to_string(testCount) + " samples of the file, held out";
}

} // namespace

LabelledSamples readIdxPair(const std::string& imagesPath, const std::string& labelsPath,
                            int& features) {
    int count = 0, imageFeatures = 0;
    const std::vector<unsigned char> pixels = readImages(imagesPath, count, imageFeatures);
    if (features != 0 && imageFeatures != features)
        throw InputError(imagesPath, "images have " + std::to_string(imageFeatures) +
                                         " pixels, expected " + std::to_string(features) +
                                         " like the training images");
    const std::vector<unsigned char> labels = readLabels(labelsPath);
    if (static_cast<int>(labels.size()) != count)
        throw InputError(labelsPath, "has " + std::to_string(labels.size()) + " labels but " +
                                         imagesPath + " has " + std::to_string(count) + " images");
    features = imageFeatures;
    LabelledSamples out;
    out.count = count;
    out.features.resize(pixels.size());
    std::transform(pixels.begin(), pixels.end(), out.features.begin(),
                   [](unsigned char p) { return p / 255.0; });
    out.labels.assign(labels.begin(), labels.end());
    return out;
}

Dataset loadIdxDataset(const std::string& path) {
    namespace fs = std::filesystem;
    std::string trainImages, trainLabels, testImages, testLabels;
    if (fs::is_directory(path)) {
        trainImages = existing(path, "train-images-idx3-ubyte");
        trainLabels = existing(path, "train-labels-idx1-ubyte");
        if (trainImages.empty() || trainLabels.empty())
            throw InputError(path, "no train-images-idx3-ubyte[.gz] and "
                                   "train-labels-idx1-ubyte[.gz] in this directory");
        testImages = existing(path, "t10k-images-idx3-ubyte");
        testLabels = existing(path, "t10k-labels-idx1-ubyte");
    } else {
        if (!fs::exists(path)) throw InputError(path, "no such file or directory");
        trainImages = path;
        const fs::path dir = fs::path(path).parent_path();
        std::string base = fs::path(path).filename().string();
        if (base.size() > 3 && base.ends_with(".gz")) base.resize(base.size() - 3);
        const std::string labelsBase = replaced(base, "images-idx3", "labels-idx1");
        trainLabels = labelsBase.empty() ? "" : existing(dir, labelsBase);
        if (trainLabels.empty())
            throw InputError(
                path, "cannot find its labels file (the same name with \"images-idx3\" replaced by "
                      "\"labels-idx1\", with or without .gz)");
        const std::string testImagesBase = replaced(base, "train", "t10k");
        if (!testImagesBase.empty()) {
            testImages = existing(dir, testImagesBase);
            testLabels = existing(dir, replaced(labelsBase, "train", "t10k"));
        }
    }
    Dataset d;
    d.name = path;
    d.train = readIdxPair(trainImages, trainLabels, d.features);
    if (!testImages.empty() && !testLabels.empty()) {
        d.test = readIdxPair(testImages, testLabels, d.features);
        d.testOrigin = testImages;
    } else {
        holdOutLastSixth(d);
    }
    int largest = 0;
    for (const auto* set : {&d.train, &d.test})
        for (int label : set->labels)
            largest = std::max(largest, label);
    d.classes = std::max(2, largest + 1);
    return d;
}

std::string fashionMnistDirectory() {
    return "/usr/share/datasets/fashion-mnist";
}

Dataset loadFashionMnist() {
    const std::string dir = fashionMnistDirectory();
    if (!std::filesystem::is_directory(dir))
        throw InputError(dir,
                         "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
    Dataset d = loadIdxDataset(dir);
    d.name = "fashion-mnist";
    return d;
}

} // namespace hgc
