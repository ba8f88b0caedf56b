#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace poruch::server {

// Turns a request body as it arrived into the bytes the route parses, by its Content-Encoding
// (docs/sync-protocol.md, "Compression"): identity passes through, gzip (RFC 1952, one member) is inflated
// with zlib into at most maxBytes: the inflater stops at maxBytes + 1, so a small bomb never grows into
// memory. Bytes in, bytes out: no request, no socket, so it is unit-tested and fuzzed on its own
// (tests/server/tst_gzipbodies, tests/fuzz/fuzz_bodydecoder). Errors: unsupported_encoding (415),
// bad_encoding (400), payload_too_large (413). Messages never quote the body.
class BodyDecoder {
public:
    explicit BodyDecoder(qint64 maxBytes);

    // contentEncoding: the request's Content-Encoding header values (empty: none). One value only:
    // "identity" or "gzip" (case-insensitive); a list ("gzip, gzip") or anything else is refused.
    Result<QByteArray> decode(const QList<QByteArray>& contentEncoding, const QByteArray& body) const;

    // The gzip member in `compressed`, inflated; nothing may follow it.
    Result<QByteArray> gunzip(QByteArrayView compressed) const;

    qint64 maxBytes() const { return m_maxBytes; }

private:
    qint64 m_maxBytes;
};

} // namespace poruch::server
