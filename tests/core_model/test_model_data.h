#pragma once
#include <vector>

/// A small valid scenario document with every distribution family; tests patch one field.
extern const char* const kBase;

/// One invalid variant of kBase: replace `from` by `to`, expect an error starting with `message`.
struct BadCase {
    const char* name;
    const char* from;
    const char* to;
    const char* message;
};
const std::vector<BadCase>& badDocumentCases();
