#include "io/atomic_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "util/errors.h"

namespace hgc {

void writeFileAtomically(const std::string& filePath, const std::string& content) {
    namespace fs = std::filesystem;
    fs::path temp(filePath);
    temp += ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw InputError("", filePath + ": cannot be written");
        out << content;
        out.flush();
        if (!out) {
            std::error_code ignored;
            fs::remove(temp, ignored);
            throw InputError("", filePath + ": writing failed (disk full?)");
        }
    }
    std::error_code ec;
    fs::rename(temp, filePath, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw InputError("", filePath + ": cannot be replaced: " + ec.message());
    }
}

std::string readFile(const std::string& filePath) {
    std::error_code ec;
    if (!std::filesystem::exists(filePath, ec)) throw InputError("", "no such file");
    if (std::filesystem::is_directory(filePath, ec))
        throw InputError("", "is a directory, not a file");
    std::ifstream in(filePath, std::ios::binary);
    if (!in) throw InputError("", "cannot be read");
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

} // namespace hgc
