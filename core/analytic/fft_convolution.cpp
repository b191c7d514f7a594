#include "fft_convolution.h"

#include <algorithm>
#include <complex>
#include <vector>

#include <unsupported/Eigen/FFT>

namespace hgc::analytic {

void fftConvolution(const double* a, int na, const double* b, int nb, double* c, int outCount) {
    // Only c[0..outCount) is wanted: inputs beyond it cannot reach it.
    na = std::min(na, outCount);
    nb = std::min(nb, outCount);
    // A cyclic convolution of size >= na + nb - 1 is the linear one; powers of two are
    // the fastest sizes.
    int size = 4;
    while (size < na + nb - 1)
        size *= 2;
    std::vector<double> x(size, 0.0), y(size, 0.0), z(size);
    std::copy(a, a + na, x.begin());
    std::copy(b, b + nb, y.begin());
    Eigen::FFT<double> fft;
    fft.SetFlag(Eigen::FFT<double>::HalfSpectrum);
    std::vector<std::complex<double>> fx(size / 2 + 1), fy(size / 2 + 1);
    fft.fwd(fx.data(), x.data(), size);
    fft.fwd(fy.data(), y.data(), size);
    for (std::size_t i = 0; i < fx.size(); ++i)
        fx[i] *= fy[i];
    fft.inv(z.data(), fx.data(), size);
    std::copy(z.begin(), z.begin() + outCount, c);
}

} // namespace hgc::analytic
