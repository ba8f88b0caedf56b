// libFuzzer target: the server configuration parser (parseServerConfig of sync_server/server).
// Properties: no crash or sanitizer report; every refusal has the config.invalid code; an accepted config
// has a data folder and a store key file and keeps TLS off only on loopback.
#include "fuzzcheck.h"
#include "server/serverconfig.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto config = poruch::server::parseServerConfig(json, QStringLiteral("/nonexistent/base"));
    if (!config) {
        PORUCH_FUZZ_CHECK(config.error().code == QLatin1String("config.invalid"), "refusals say config.invalid");
        return 0;
    }
    PORUCH_FUZZ_CHECK(!config->dataDir.isEmpty(), "an accepted config has a data folder");
    PORUCH_FUZZ_CHECK(!config->storeKeyFile.isEmpty(), "an accepted config has a store key file");
    PORUCH_FUZZ_CHECK(config->tlsEnabled() || config->listenAddress.isLoopback(), "plain HTTP only on loopback");
    PORUCH_FUZZ_CHECK(config->limits.maxHeaderBytes >= 1024 && config->limits.maxBodyBytes >= 1024, "limits in range");
    return 0;
}
