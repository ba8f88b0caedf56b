// libFuzzer target: what the tablet parses from the server (PullResponse::fromJson and
// PushResponse::fromJson). A hostile or broken server must not crash the tablet.
// Properties: no crash or sanitizer report; a pull response that parses survives toJson() -> fromJson()
// with the same cursors and kinds.
#include "fuzzcheck.h"
#include "sync/syncmessages.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto pull = poruch::sync::PullResponse::fromJson(body);
    if (pull) {
        const auto again = poruch::sync::PullResponse::fromJson(pull->toJson());
        PORUCH_FUZZ_CHECK(bool(again), "a parsed pull response re-parses after toJson()");
        PORUCH_FUZZ_CHECK(again->nextCursor == pull->nextCursor, "nextCursor survives the round trip");
        PORUCH_FUZZ_CHECK(again->changes.size() == pull->changes.size(), "change count survives the round trip");
        for (qsizetype i = 0; i < pull->changes.size(); ++i) {
            PORUCH_FUZZ_CHECK(again->changes.at(i).cursor == pull->changes.at(i).cursor, "cursor survives");
            PORUCH_FUZZ_CHECK(again->changes.at(i).kind == pull->changes.at(i).kind, "kind survives");
        }
    }
    const auto push = poruch::sync::PushResponse::fromJson(body);
    if (push) {
        const auto again = poruch::sync::PushResponse::fromJson(push->toJson());
        PORUCH_FUZZ_CHECK(bool(again), "a parsed push response re-parses after toJson()");
        PORUCH_FUZZ_CHECK(again->results.size() == push->results.size(), "result count survives the round trip");
    }
    return 0;
}
