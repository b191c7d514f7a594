#include "coding/wrap_around.h"

#include <stdexcept>
#include <string>

namespace hgc::coding {

std::vector<std::vector<int>> wrapAround(const std::vector<int>& sizes, int columns) {
    std::vector<std::vector<int>> pieces(sizes.size());
    long long position = 0;
    for (std::size_t t = 0; t < sizes.size(); ++t) {
        if (sizes[t] < 0 || sizes[t] > columns)
            throw std::invalid_argument("wrapAround: piece of " + std::to_string(sizes[t]) +
                                        " columns out of " + std::to_string(columns));
        pieces[t].reserve(sizes[t]);
        for (int c = 0; c < sizes[t]; ++c)
            pieces[t].push_back(static_cast<int>((position + c) % columns));
        position += sizes[t];
    }
    return pieces;
}

} // namespace hgc::coding
