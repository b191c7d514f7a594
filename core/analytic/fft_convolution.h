#pragma once
// Linear convolution by FFT (internal to the analytic evaluator): O(n log n) where the
// direct sum is O(n x length) — long, dense delay kernels (Pareto, lognormal, uniform
// uplinks on fine grids). Its rounding error is ~1e-16 of the largest terms, absolute,
// which is what the CDFs it is used on need.
namespace hgc::analytic {

/// c[i] = sum_j a[j] b[i - j] (0 <= j < na, 0 <= i - j < nb) for i < outCount.
void fftConvolution(const double* a, int na, const double* b, int nb, double* c, int outCount);

} // namespace hgc::analytic
