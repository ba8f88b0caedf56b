// libFuzzer target: the body of POST /api/v1/sync/push as the server parses it (PushRequest::fromJson).
// Properties: no crash or sanitizer report; a request that parses serializes back to a request that
// parses to the same items with the same digests (the digest is what makes re-sends idempotent).
#include "fuzzcheck.h"
#include "sync/syncmessages.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto request = poruch::sync::PushRequest::fromJson(body);
    if (!request) {
        PORUCH_FUZZ_CHECK(!request.error().code.isEmpty(), "a refused push request has an error code");
        return 0;
    }
    const auto again = poruch::sync::PushRequest::fromJson(request->toJson());
    PORUCH_FUZZ_CHECK(bool(again), "a parsed push request re-parses after toJson()");
    PORUCH_FUZZ_CHECK(again->deviceId == request->deviceId, "deviceId survives the round trip");
    PORUCH_FUZZ_CHECK(again->items.size() == request->items.size(), "item count survives the round trip");
    for (qsizetype i = 0; i < request->items.size(); ++i) {
        PORUCH_FUZZ_CHECK(again->items.at(i).seq == request->items.at(i).seq, "seq survives the round trip");
        PORUCH_FUZZ_CHECK(
            again->items.at(i).digest() == request->items.at(i).digest(), "item digest survives the round trip");
    }
    return 0;
}
