#pragma once
// The k-th smallest of a few values, the inner step of every iteration (SPEC §3).
//
// Schemes wait for all but a few answers (k close to n) or for a few of many (k small).
// Both ends keep, in each of kLanes interleaved lanes, a sorted list of the r most
// extreme values seen, updated without branches (so the lanes vectorise); the lanes'
// lists are then merged. Ranks in between use std::nth_element.
// +inf (a failed node) sorts last, so "fewer than k finite answers" gives +inf.

namespace hgc::mc {

/// The k-th smallest (1-based) of v[0..n), 1 <= k <= n. May reorder v.
double kthSmallest(double* v, int n, int k);

} // namespace hgc::mc
