// libFuzzer target: records::Record::fromJson and records::Case::fromJson (what every push item and pull
// change carries), plus the canonical form and content hash of what parses.
// Properties: no crash or sanitizer report; a parsed record or case equals itself after
// toJson() -> fromJson(); the canonical form and content hash are stable over that round trip.
#include "fuzzcheck.h"
#include "records/canonicalform.h"
#include "records/case.h"
#include "records/record.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace poruch::records;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject())
        return 0;
    const QJsonObject object = document.object();

    if (const auto record = Record::fromJson(object)) {
        const auto again = Record::fromJson(record->toJson());
        PORUCH_FUZZ_CHECK(bool(again), "a parsed record re-parses after toJson()");
        PORUCH_FUZZ_CHECK(*again == *record, "a record equals itself after the round trip");
        PORUCH_FUZZ_CHECK(canonicalForm(*again) == canonicalForm(*record), "canonical form is stable");
        PORUCH_FUZZ_CHECK(contentHash(*again) == contentHash(*record), "content hash is stable");
        if (record->isFinal())
            PORUCH_FUZZ_CHECK(verifyContentHash(*again) == verifyContentHash(*record), "hash check is stable");
    }
    if (const auto value = Case::fromJson(object)) {
        const auto again = Case::fromJson(value->toJson());
        PORUCH_FUZZ_CHECK(bool(again), "a parsed case re-parses after toJson()");
        PORUCH_FUZZ_CHECK(*again == *value, "a case equals itself after the round trip");
        (void)value->title();
    }
    // Canonical JSON of arbitrary values (hashing must accept any JSON the parser accepts).
    const QByteArray canonical = canonicalJson(object);
    PORUCH_FUZZ_CHECK(
        canonicalJson(QJsonDocument::fromJson(canonical).object()) == canonical, "canonical JSON is a fixed point");
    return 0;
}
