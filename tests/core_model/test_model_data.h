#pragma once
#include <vector>

/// A small valid scenario document with every distribution family; tests patch one field.
extern const char* const kBase;

/// A valid document with an allocation scheme and keys this program does not know at every
/// level: document, edge, worker, distribution (edge uplink, worker compute and uplink),
/// straggle-free and modified, simulation, scheme and each of the scheme's per-edge objects.
extern const char* const kWithUnknownKeys;

/// One invalid variant of kBase: replace `from` by `to`, expect an error starting with `message`.
struct BadCase {
    const char* name;
    const char* from;
    const char* to;
    const char* message;
};
const std::vector<BadCase>& badDocumentCases();
