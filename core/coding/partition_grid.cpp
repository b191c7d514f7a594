#include "coding/partition_grid.h"

#include <algorithm>
#include <cmath>

#include "model/scheme.h"

namespace hgc::coding {
namespace {

// Loads written by people or optimisers are whole numbers of partitions up to rounding
// noise; such noise must not add a partition.
constexpr double kWholeTolerance = 1e-7;

int roundUp(double exact, int cap) {
    const int up = static_cast<int>(std::ceil(exact - kWholeTolerance));
    return std::clamp(up, 1, cap);
}

/// Grows the pieces furthest below their exact size, one partition at a time, until they
/// sum to at least `needed`. Every piece stays within `cap`.
void growUntil(std::vector<int>& pieces, const std::vector<double>& exact, long long needed,
               int cap) {
    long long sum = 0;
    for (int p : pieces)
        sum += p;
    while (sum < needed) {
        int best = -1;
        for (std::size_t t = 0; t < pieces.size(); ++t)
            if (pieces[t] < cap && (best < 0 || exact[t] - pieces[t] > exact[best] - pieces[best]))
                best = static_cast<int>(t);
        if (best < 0) return; // cannot happen for a resolved scheme: tolerances < node counts
        ++pieces[best];
        ++sum;
    }
}

double excess(int held, double load, int partitions) {
    return (static_cast<double>(held) / partitions - load) / load;
}

PartitionGrid gridFor(const ResolvedScheme& scheme, int K) {
    PartitionGrid grid;
    grid.partitions = K;
    if (scheme.flat) {
        // One layer over all W workers, s+1 copies.
        std::vector<int> pieces;
        std::vector<double> exact;
        for (const auto& e : scheme.edges)
            for (double l : e.loads) {
                exact.push_back(l * K);
                pieces.push_back(roundUp(l * K, K));
            }
        growUntil(pieces, exact, static_cast<long long>(scheme.edgeTolerance + 1) * K, K);
        std::size_t at = 0;
        for (const auto& e : scheme.edges) {
            auto& row = grid.workerPieces.emplace_back();
            for (double l : e.loads) {
                row.push_back(pieces[at++]);
                grid.roundingExcess = std::max(grid.roundingExcess, excess(row.back(), l, K));
            }
        }
        return grid;
    }
    std::vector<double> exactEdges;
    for (const auto& e : scheme.edges) {
        exactEdges.push_back(e.share * K);
        grid.edgePieces.push_back(roundUp(e.share * K, K));
    }
    growUntil(grid.edgePieces, exactEdges, static_cast<long long>(scheme.edgeTolerance + 1) * K, K);
    for (std::size_t i = 0; i < scheme.edges.size(); ++i) {
        const auto& e = scheme.edges[i];
        const int P = grid.edgePieces[i];
        grid.roundingExcess = std::max(grid.roundingExcess, excess(P, e.share, K));
        std::vector<int> pieces;
        std::vector<double> exact;
        for (double l : e.loads) {
            exact.push_back(l / e.share * P);
            pieces.push_back(roundUp(exact.back(), P));
        }
        growUntil(pieces, exact, static_cast<long long>(e.tolerance + 1) * P, P);
        for (std::size_t j = 0; j < pieces.size(); ++j)
            grid.roundingExcess = std::max(grid.roundingExcess, excess(pieces[j], e.loads[j], K));
        grid.workerPieces.push_back(std::move(pieces));
    }
    return grid;
}

} // namespace

PartitionGrid partitionGrid(const ResolvedScheme& scheme) {
    const int W = std::max(1, scheme.workerCount);
    if (scheme.type != SchemeType::Allocation) return gridFor(scheme, W);
    const int largest = std::max(W, std::min(2000, 20 * W));
    constexpr double kAcceptableExcess = 0.01;
    PartitionGrid best;
    bool haveBest = false;
    for (int K = W; K <= largest; ++K) {
        PartitionGrid grid = gridFor(scheme, K);
        if (grid.roundingExcess <= kAcceptableExcess) return grid;
        if (!haveBest || grid.roundingExcess < best.roundingExcess) {
            best = std::move(grid);
            haveBest = true;
        }
    }
    return best;
}

} // namespace hgc::coding
