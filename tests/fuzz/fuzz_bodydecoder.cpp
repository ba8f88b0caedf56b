// libFuzzer target: the request-body decoder (BodyDecoder of sync_server/server/bodydecoder.*): gzip bodies
// inflated within a bound, other codings refused. Input: one byte that chooses the Content-Encoding header
// (none, gzip, identity, odd spellings, lists, two headers, br), then the body.
// Properties: no crash or sanitizer report; refusals carry only unsupported_encoding, bad_encoding or
// payload_too_large; identity returns the body unchanged; an accepted gzip body is within the limit and equals
// what an independent zlib inflate of one whole member gives; a valid member within the limit is accepted,
// one beyond it is refused as payload_too_large, never inflated further than limit + 1 bytes.
#include "fuzzcheck.h"
#include "server/bodydecoder.h"

#include <QByteArray>
#include <QList>

#include <zlib.h>

#include <cstddef>
#include <cstdint>

using poruch::server::BodyDecoder;

namespace {

constexpr qint64 Limit = 4096; // small, so short inputs reach it (deflate inflates up to ~1030x)

struct Reference {
    bool member = false; // one complete gzip member and nothing after it
    QByteArray out; // the first Limit + 1 bytes it inflates to
    qint64 size = 0; // its whole inflated size (counted, not kept)
};

// An independent inflate: small output steps, output beyond Limit + 1 only counted.
Reference reference(const QByteArray& body)
{
    Reference result;
    z_stream stream {};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return result;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.constData()));
    stream.avail_in = uInt(body.size());
    char sink[777];
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(sink);
        stream.avail_out = sizeof sink;
        status = inflate(&stream, Z_NO_FLUSH);
        const qint64 produced = qint64(sizeof sink - stream.avail_out);
        if (result.out.size() <= Limit)
            result.out.append(sink, qsizetype(qMin<qint64>(produced, Limit + 1 - result.out.size())));
        result.size += produced;
        if (status == Z_BUF_ERROR || (status == Z_OK && produced == 0 && stream.avail_in == 0))
            break;
    }
    result.member = status == Z_STREAM_END && stream.avail_in == 0;
    inflateEnd(&stream);
    return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray body(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    static const QList<QList<QByteArray>> headers {
        {},
        { "gzip" },
        { "identity" },
        { " GZip " },
        { "gzip", "gzip" },
        { "gzip, gzip" },
        { "br" },
        { "gzip" },
    };
    const QList<QByteArray>& encoding = headers.at(data[0] % headers.size());
    const bool gzip = encoding.size() == 1 && encoding.first().trimmed().toLower() == "gzip";
    const bool identity = encoding.isEmpty() || (encoding.size() == 1 && encoding.first() == "identity");

    const BodyDecoder decoder(Limit);
    const auto decoded = decoder.decode(encoding, body);
    if (!decoded) {
        const QString code = decoded.error().code;
        PORUCH_FUZZ_CHECK(code == QLatin1String("unsupported_encoding") || code == QLatin1String("bad_encoding")
                || code == QLatin1String("payload_too_large"),
            "refusals carry one of the three codes");
        PORUCH_FUZZ_CHECK(!decoded.error().message.isEmpty(), "refusals say why");
        PORUCH_FUZZ_CHECK(!identity, "identity bodies are never refused");
        PORUCH_FUZZ_CHECK(gzip || code == QLatin1String("unsupported_encoding"), "other codings are unsupported");
    } else {
        PORUCH_FUZZ_CHECK(gzip || identity, "only gzip and identity are accepted");
        if (identity)
            PORUCH_FUZZ_CHECK(*decoded == body, "identity returns the body unchanged");
    }
    if (!gzip)
        return 0;

    const Reference ref = reference(body);
    if (decoded) {
        PORUCH_FUZZ_CHECK(decoded->size() <= Limit, "an accepted body is within the limit");
        PORUCH_FUZZ_CHECK(ref.member, "an accepted body is one whole gzip member");
        PORUCH_FUZZ_CHECK(*decoded == ref.out && ref.size == decoded->size(), "the same bytes as zlib inflates");
    } else if (ref.member) {
        PORUCH_FUZZ_CHECK(ref.size > Limit, "a valid member within the limit is accepted");
        PORUCH_FUZZ_CHECK(decoded.error().code == QLatin1String("payload_too_large"), "a member too big is too large");
    } else if (decoded.error().code == QLatin1String("payload_too_large")) {
        PORUCH_FUZZ_CHECK(ref.size > Limit, "too large only when it inflates beyond the limit");
    }
    return 0;
}
