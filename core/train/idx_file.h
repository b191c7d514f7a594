#pragma once
// Reading MNIST-format IDX files (plain or gzip, both through zlib): the images file
// (magic 0x00000803, count x rows x cols unsigned bytes) and the labels file (magic
// 0x00000801, count unsigned bytes). Every problem is an InputError naming the file.
#include <string>

#include "train/dataset.h"

namespace hgc {

/// Reads an images file and its labels file into `out` (pixels / 255). Refuses a bad
/// magic number, a header or data shorter than announced, trailing bytes, a corrupt gzip
/// stream, and a labels count that differs from the images count. `features` is set to the
/// images' rows x cols; when it is non-zero on entry, the images must have that size.
LabelledSamples readIdxPair(const std::string& imagesPath, const std::string& labelsPath,
                            int& features);

/// Loads a data set of MNIST shape from files:
/// - a directory: train-images-idx3-ubyte, train-labels-idx1-ubyte and, when present,
///   t10k-images-idx3-ubyte / t10k-labels-idx1-ubyte (each with or without ".gz");
/// - an images file: its labels file is the same name with "images-idx3" replaced by
///   "labels-idx1"; its test pair the same names with "train" replaced by "t10k" (each
///   with or without ".gz").
/// Without a test pair the last sixth of the samples is held out as the test set.
/// The number of classes is the largest label + 1 (at least 2).
Dataset loadIdxDataset(const std::string& path);

/// Fashion-MNIST from the Debian package dataset-fashion-mnist
/// (/usr/share/datasets/fashion-mnist); InputError saying so when it is not installed.
Dataset loadFashionMnist();
/// Where loadFashionMnist() looks.
std::string fashionMnistDirectory();

} // namespace hgc
