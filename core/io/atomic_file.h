#pragma once
#include <string>

namespace hgc {

/// Writes `content` to `filePath` atomically: a temporary file beside the target, flushed,
/// then renamed over it, so that a crash never leaves a half-written file.
/// Throws InputError (empty path) naming the file on failure.
void writeFileAtomically(const std::string& filePath, const std::string& content);

/// Reads a whole file; InputError (empty path) when it is missing or unreadable.
std::string readFile(const std::string& filePath);

} // namespace hgc
