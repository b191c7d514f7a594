#pragma once
// McNaughton's wrap-around rule (SPEC §4): lay copies of the columns end to end and cut the
// line into consecutive pieces, one per node, of the node's size.
#include <vector>

namespace hgc::coding {

/// Node t receives `sizes[t]` consecutive columns (cyclically modulo `columns`), starting
/// where node t-1 stopped. Every size must be in [0, columns], so that no node holds a
/// column twice; when the sizes sum to at least (s+1)·columns every column is held at
/// least s+1 times. Returns, per node, its columns in the order they were laid.
std::vector<std::vector<int>> wrapAround(const std::vector<int>& sizes, int columns);

} // namespace hgc::coding
