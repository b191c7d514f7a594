#pragma once
// Keys of a file object that the program does not know, kept verbatim so that saving writes
// them back (SPEC §7 "unknown keys are kept on save"). Every model value read from a file
// object carries one; it takes part in == like any other field. Members of this type are
// declared `= {}` so that brace-initialised values ({share, stragglers, loads}) need not
// name it and -Wmissing-field-initializers stays quiet.
#include <map>
#include <string>

namespace hgc {

/// Key -> serialised JSON value, in key order (the order they are written back in).
using UnknownKeys = std::map<std::string, std::string>;

} // namespace hgc
