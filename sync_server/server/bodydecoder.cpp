#include "bodydecoder.h"

#include <QList>
#include <QScopeGuard>

#include <zlib.h>

#include <limits>

namespace poruch::server {

namespace {

Error unsupported()
{
    return Error { QStringLiteral("unsupported_encoding"),
        QStringLiteral("Content-Encoding must be gzip or identity (one coding)") };
}

Error bad(const char* why)
{
    return Error { QStringLiteral("bad_encoding"),
        QStringLiteral("the gzip body is not valid: %1").arg(QLatin1String(why)) };
}

constexpr qsizetype Chunk = 64 * 1024;

} // namespace

BodyDecoder::BodyDecoder(qint64 maxBytes)
    : m_maxBytes(qMax<qint64>(0, maxBytes))
{
}

Result<QByteArray> BodyDecoder::decode(const QList<QByteArray>& contentEncoding, const QByteArray& body) const
{
    if (contentEncoding.isEmpty())
        return body;
    if (contentEncoding.size() != 1 || contentEncoding.first().contains(','))
        return unsupported();
    const QByteArray coding = contentEncoding.first().trimmed().toLower();
    if (coding.isEmpty() || coding == "identity")
        return body;
    if (coding == "gzip")
        return gunzip(body);
    return unsupported();
}

Result<QByteArray> BodyDecoder::gunzip(QByteArrayView compressed) const
{
    z_stream stream {};
    // 16 + MAX_WBITS: a gzip wrapper (header, CRC-32 and length checked by zlib), not zlib's own.
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return Error { QStringLiteral("internal"), QStringLiteral("cannot start the gzip decoder") };
    const auto end = qScopeGuard([&stream] { inflateEnd(&stream); });

    // Output never grows past maxBytes + 1: one byte more than allowed is enough to refuse.
    const qint64 cap = m_maxBytes + 1;
    QByteArray out;
    qint64 produced = 0;
    const auto* next = reinterpret_cast<const Bytef*>(compressed.data());
    qint64 remaining = compressed.size();
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        if (stream.avail_in == 0 && remaining > 0) {
            const uInt take = uInt(qMin<qint64>(remaining, std::numeric_limits<uInt>::max()));
            stream.next_in = const_cast<Bytef*>(next);
            stream.avail_in = take;
            next += take;
            remaining -= take;
        }
        if (produced >= cap)
            return Error { QStringLiteral("payload_too_large"),
                QStringLiteral("the inflated request body exceeds the limit") };
        const qint64 room = qMin<qint64>(Chunk, cap - produced);
        out.resize(produced + room);
        stream.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
        stream.avail_out = uInt(room);
        status = inflate(&stream, Z_NO_FLUSH);
        produced += room - stream.avail_out;
        out.truncate(produced);
        if (status == Z_STREAM_END)
            break;
        if (status == Z_MEM_ERROR)
            return Error { QStringLiteral("internal"), QStringLiteral("out of memory while decoding") };
        if (status != Z_OK && status != Z_BUF_ERROR)
            return bad("corrupt header, data or checksum"); // Z_DATA_ERROR (Z_NEED_DICT cannot be gzip)
        // No progress possible (Z_BUF_ERROR) or input used up with room left: the member ended early.
        if (status == Z_BUF_ERROR || (stream.avail_in == 0 && remaining == 0 && stream.avail_out != 0))
            return bad("truncated");
    }
    if (produced > m_maxBytes)
        return Error { QStringLiteral("payload_too_large"),
            QStringLiteral("the inflated request body exceeds the limit") };
    // One member and nothing after it (a second member or padding would be parsed by nobody).
    if (stream.avail_in != 0 || remaining != 0)
        return bad("data after the end of the gzip member");
    return out;
}

} // namespace poruch::server
