#include "train/data_source.h"

#include "train/idx_file.h"

namespace hgc {

Dataset loadTrainingData(const std::string& source, std::uint64_t seed) {
    Dataset d;
    if (source == "synthetic") {
        SyntheticOptions o;
        o.seed = seed;
        d = makeSyntheticDataset(o);
    } else if (source == "fashion-mnist") {
        d = loadFashionMnist();
    } else {
        d = loadIdxDataset(source);
    }
    shuffleTrainingSet(d, seed);
    return d;
}

} // namespace hgc
