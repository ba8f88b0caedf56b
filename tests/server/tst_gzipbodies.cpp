// Integration: gzip request bodies (docs/sync-protocol.md, "Compression") against the real server. A gzip
// push is applied exactly like the plain one; broken gzip, other codings and a zip bomb are refused with
// stable codes, write nothing, keep the server's memory bounded and the server serving. The decoder's
// limit is also checked on its own, byte-exact.
#include "core/gzip.h"
#include "records/case.h"
#include "records/record.h"
#include "server/bodydecoder.h"
#include "serverprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

#include <zlib.h>

using poruch::test::apiRequest;
using poruch::test::rawRequest;
using poruch::test::ServerProcess;
namespace records = poruch::records;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// gzip (RFC 1952) of `data`: the encoder the tablet and the server use (core/gzip), not the decoder under test.
QByteArray gzip(const QByteArray& data, int level = Z_DEFAULT_COMPRESSION)
{
    return poruch::gzipCompress(data, level);
}

// A gzip member of `megabytes` MiB of zeros, ~1/1030 of that in size (deflate's best ratio). Built from one
// compressed MiB repeated (a full flush makes every MiB compress to the same bytes, independent of the
// previous one), the final empty block and the real CRC-32 and length: valid gzip, made in milliseconds.
QByteArray zipBomb(int megabytes)
{
    const QByteArray zeros(1 << 20, '\0');
    z_stream stream {};
    if (deflateInit2(&stream, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray block(qsizetype(deflateBound(&stream, uLong(zeros.size()))) + 64, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.constData()));
    stream.avail_in = uInt(zeros.size());
    stream.next_out = reinterpret_cast<Bytef*>(block.data());
    stream.avail_out = uInt(block.size());
    deflate(&stream, Z_FULL_FLUSH);
    block.truncate(qsizetype(stream.total_out));
    char tail[16];
    stream.next_out = reinterpret_cast<Bytef*>(tail);
    stream.avail_out = sizeof tail;
    deflate(&stream, Z_FINISH); // an empty final block
    const QByteArray last(tail, qsizetype(sizeof tail - stream.avail_out));
    deflateEnd(&stream);

    const uLong crcMiB = crc32(0, reinterpret_cast<const Bytef*>(zeros.constData()), uInt(zeros.size()));
    uLong crc = crc32(0, nullptr, 0);
    for (int i = 0; i < megabytes; ++i)
        crc = crc32_combine(crc, crcMiB, z_off_t(zeros.size()));
    const quint32 length = quint32(quint64(megabytes) << 20); // ISIZE: the length modulo 2^32

    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    out.reserve(10 + block.size() * megabytes + last.size() + 8);
    for (int i = 0; i < megabytes; ++i)
        out += block;
    out += last;
    for (quint32 v : { quint32(crc), length })
        for (int shift = 0; shift < 32; shift += 8)
            out += char((v >> shift) & 0xff);
    return out;
}

// Inflates a gzip member without keeping the output: its inflated size, or -1 when it is not valid gzip.
qint64 inflatedSize(const QByteArray& gz)
{
    z_stream stream {};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return -1;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.constData()));
    stream.avail_in = uInt(gz.size());
    QByteArray sink(1 << 20, Qt::Uninitialized);
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(sink.data());
        stream.avail_out = uInt(sink.size());
        status = inflate(&stream, Z_NO_FLUSH);
    }
    const qint64 total = qint64(stream.total_out);
    const bool whole = status == Z_STREAM_END && stream.avail_in == 0;
    inflateEnd(&stream);
    return whole ? total : -1;
}

QJsonObject recordItem(const QString& caseId, qint64 seq, const QString& text)
{
    records::Record record;
    record.id = uuid();
    record.type = records::RecordType::HomeVisit;
    record.formId = QStringLiteral("home_visit");
    record.caseId = caseId;
    record.body = QJsonObject { { QStringLiteral("visitedAt"), QStringLiteral("2026-03-02T09:00:00+02:00") },
        { QStringLiteral("purpose"), text } };
    record.authorUserId = QStringLiteral("u");
    record.authorDeviceId = uuid();
    record.createdAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    record.updatedAt = record.createdAt;
    return QJsonObject { { QStringLiteral("seq"), double(seq) }, { QStringLiteral("kind"), QStringLiteral("record") },
        { QStringLiteral("baseRevision"), 0 }, { QStringLiteral("record"), record.toJson() } };
}

qint64 vmHwmKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QString errorCode(const QByteArray& body)
{
    return QJsonDocument::fromJson(body)
        .object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

} // namespace

class TestGzipBodies : public QObject {
    Q_OBJECT
private:
    ServerProcess m_server;
    QString m_token;
    QString m_deviceId;
    QString m_caseId;
    qint64 m_nextSeq = 1;
    QString m_otherToken; // a second tablet of the worker

    QUrl url(const char* path) const { return m_server.baseUrl().resolved(QUrl(QString::fromLatin1(path))); }

    QByteArray pushBody(const QJsonArray& items) const
    {
        return QJsonDocument(
            QJsonObject { { QStringLiteral("deviceId"), m_deviceId }, { QStringLiteral("items"), items } })
            .toJson(QJsonDocument::Compact);
    }

    poruch::test::HttpResult push(const QByteArray& body, const Headers& headers)
    {
        return apiRequest("POST", url("/api/v1/sync/push"), body, m_token, {}, headers);
    }

    QByteArray counts()
    {
        QByteArray out;
        m_server.admin({ QStringLiteral("counts") }, &out);
        QJsonObject object = QJsonDocument::fromJson(out).object();
        object.remove(QStringLiteral("audit_log")); // reads are audited; the point is that no data changes
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

    QString statusOf(const poruch::test::HttpResult& reply)
    {
        return QJsonDocument::fromJson(reply.body)
            .object()
            .value(QStringLiteral("results"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("status"))
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // In the sanitizer build ASan keeps freed memory in a quarantine (256 MB) on purpose, so the server's
        // peak would count every buffer it ever freed; without it the peak is the server's own. (Read by the
        // server process at its start; no effect on other builds.)
        const QByteArray asan = qgetenv("ASAN_OPTIONS");
        qputenv("ASAN_OPTIONS", asan + (asan.isEmpty() ? "" : ":") + "quarantine_size_mb=0");
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        QCOMPARE(m_server.admin({ QStringLiteral("create-user"), QStringLiteral("worker"), QStringLiteral("--role"),
                     QStringLiteral("social_worker"), QStringLiteral("--name"), QStringLiteral("W") }),
            0);
        QByteArray code;
        QCOMPARE(m_server.admin({ QStringLiteral("enroll-code"), QStringLiteral("worker") }, &code), 0);
        // Enrollment is a JSON body route too: a gzip body is accepted there.
        const QByteArray enroll
            = QJsonDocument(QJsonObject { { QStringLiteral("code"), QString::fromLatin1(code.trimmed()) },
                                { QStringLiteral("deviceLabel"), QStringLiteral("t") } })
                  .toJson(QJsonDocument::Compact);
        const auto enrolled
            = apiRequest("POST", url("/api/v1/enroll"), gzip(enroll), {}, {}, { { "Content-Encoding", "gzip" } });
        QCOMPARE(enrolled.status, 201);
        const QJsonObject reply = QJsonDocument::fromJson(enrolled.body).object();
        m_token = reply.value(QStringLiteral("token")).toString();
        m_deviceId = reply.value(QStringLiteral("deviceId")).toString();
        m_caseId = uuid();
        records::Case value;
        value.id = m_caseId;
        value.createdAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        value.updatedAt = value.createdAt;
        const QJsonArray items { QJsonObject { { QStringLiteral("seq"), double(m_nextSeq++) },
            { QStringLiteral("kind"), QStringLiteral("case") }, { QStringLiteral("case"), value.toJson() } } };
        QCOMPARE(push(pushBody(items), {}).status, 200);
    }

    void gzipPushIsAppliedLikeThePlainOne_data()
    {
        QTest::addColumn<QByteArray>("coding");
        QTest::newRow("gzip") << QByteArray("gzip");
        QTest::newRow("GZip, spaced") << QByteArray(" GZip ");
    }
    void gzipPushIsAppliedLikeThePlainOne()
    {
        QFETCH(QByteArray, coding);
        const QByteArray body = pushBody(
            { recordItem(m_caseId, m_nextSeq++, QString(400, QLatin1Char('x')) + QStringLiteral(" нотатки")) });
        const QByteArray compressed = gzip(body);
        QVERIFY(compressed.size() < body.size() / 2);
        const QByteArray before = counts();
        const auto applied = push(compressed, { { "Content-Encoding", coding } });
        QCOMPARE(applied.status, 200);
        QCOMPARE(statusOf(applied), QStringLiteral("applied"));
        QVERIFY(counts() != before);
        // The server read exactly the plain body: the same (device, seq) sent plain is a duplicate, not a
        // different body (409 sequence_reused), and changes nothing.
        const QByteArray after = counts();
        const auto again = push(body, {});
        QCOMPARE(again.status, 200);
        QCOMPARE(statusOf(again), QStringLiteral("duplicate"));
        QCOMPARE(counts(), after);
        // ... and the other way round: plain first, then gzip (and identity named explicitly).
        const QByteArray second = pushBody({ recordItem(m_caseId, m_nextSeq++, QStringLiteral("друга")) });
        QCOMPARE(statusOf(push(second, { { "Content-Encoding", "identity" } })), QStringLiteral("applied"));
        const auto resent = push(gzip(second), { { "Content-Encoding", coding } });
        QCOMPARE(resent.status, 200);
        QCOMPARE(statusOf(resent), QStringLiteral("duplicate"));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("coding");
        QTest::addColumn<int>("damage");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        enum Damage {
            None,
            FlipCrc,
            FlipLength,
            Truncate,
            HeaderOnly,
            NotGzip,
            Trailing,
            TwoMembers,
            FlipData,
            BadMagic,
            Empty
        };
        const auto row = [](const char* name, const QByteArray& coding, int damage, int status, const char* code) {
            QTest::newRow(name) << coding << damage << status << QString::fromLatin1(code);
        };
        row("bad CRC", "gzip", FlipCrc, 400, "bad_encoding");
        row("bad length", "gzip", FlipLength, 400, "bad_encoding");
        row("truncated", "gzip", Truncate, 400, "bad_encoding");
        row("header only", "gzip", HeaderOnly, 400, "bad_encoding");
        row("not gzip at all", "gzip", NotGzip, 400, "bad_encoding");
        row("trailing garbage", "gzip", Trailing, 400, "bad_encoding");
        row("two members", "gzip", TwoMembers, 400, "bad_encoding");
        row("corrupt data", "gzip", FlipData, 400, "bad_encoding");
        row("bad magic", "gzip", BadMagic, 400, "bad_encoding");
        row("empty body", "gzip", Empty, 400, "bad_encoding");
        row("br", "br", None, 415, "unsupported_encoding");
        row("deflate", "deflate", None, 415, "unsupported_encoding");
        row("gzip, gzip", "gzip, gzip", None, 415, "unsupported_encoding");
        row("x-gzip", "x-gzip", None, 415, "unsupported_encoding");
        row("compress", "compress", None, 415, "unsupported_encoding");
    }
    void refused()
    {
        QFETCH(QByteArray, coding);
        QFETCH(int, damage);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QByteArray plain = pushBody({ recordItem(m_caseId, m_nextSeq, QString(300, QLatin1Char('y'))) });
        QByteArray body = gzip(plain);
        const qsizetype n = body.size();
        switch (damage) {
        case 1: // CRC-32 is the 4 bytes before the length
            body[n - 8] = char(body[n - 8] ^ 0x01);
            break;
        case 2:
            body[n - 1] = char(body[n - 1] ^ 0x40);
            break;
        case 3:
            body.chop(12);
            break;
        case 4:
            body.truncate(10);
            break;
        case 5:
            body = plain;
            break;
        case 6:
            body += "garbage";
            break;
        case 7:
            body += gzip(plain);
            break;
        case 8:
            body[n / 2] = char(body[n / 2] ^ 0xff);
            break;
        case 9:
            body[0] = '\x1e';
            break;
        case 10:
            body = QByteArray("");
            break;
        default:
            break;
        }
        const QByteArray before = counts();
        const auto reply = push(body, { { "Content-Encoding", coding } });
        QCOMPARE(reply.status, status);
        QCOMPARE(errorCode(reply.body), code);
        QVERIFY(!QJsonDocument::fromJson(reply.body)
                     .object()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());
        QCOMPARE(counts(), before);
        // Still serving, and the very same item goes through when sent properly.
        const auto plainReply = push(plain, {});
        QCOMPARE(plainReply.status, 200);
        QCOMPARE(statusOf(plainReply), QStringLiteral("applied"));
        ++m_nextSeq;
    }

    void twoContentEncodingHeadersAreAList()
    {
        const QByteArray body = gzip(pushBody({ recordItem(m_caseId, m_nextSeq, QStringLiteral("a")) }));
        const QByteArray before = counts();
        const QByteArray reply = rawRequest(m_server.baseUrl(),
            "POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\nPoruch-Protocol: 1\r\nAuthorization: Bearer "
                + m_token.toLatin1()
                + "\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Encoding: gzip\r\n"
                  "Content-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY2(reply.startsWith("HTTP/1.1 415"), reply.left(200).constData());
        QVERIFY(reply.contains("unsupported_encoding"));
        QCOMPARE(counts(), before);
    }

    void zipBombIsRefusedWithinBoundedMemory()
    {
        const QByteArray bomb = zipBomb(1024);
        QVERIFY(bomb.size() < 1100 * 1024);
        QCOMPARE(inflatedSize(bomb), qint64(1) << 30); // a valid member of 1 GiB
        const qint64 pid = m_server.process().processId();
        const qint64 before = vmHwmKb(pid);
        QVERIFY(before > 0);
        const QByteArray countsBefore = counts();
        for (int i = 0; i < 3; ++i) {
            const auto reply = push(bomb, { { "Content-Encoding", "gzip" } });
            QCOMPARE(reply.status, 413);
            QCOMPARE(errorCode(reply.body), QStringLiteral("payload_too_large"));
        }
        const qint64 after = vmHwmKb(pid);
        qInfo("server VmHWM %lld kB before, %lld kB after three 1 GiB bombs", before, after);
        QVERIFY2(after - before < 64 * 1024, qPrintable(QStringLiteral("+%1 kB").arg(after - before)));
        QCOMPARE(counts(), countsBefore);
        const auto next = push(pushBody({ recordItem(m_caseId, m_nextSeq++, QStringLiteral("after")) }), {});
        QCOMPARE(next.status, 200);
        QCOMPARE(statusOf(next), QStringLiteral("applied"));
    }

    // Pull replies: gzip when the client asks for it and the page is large enough, byte-identical once inflated.
    void pullRepliesAreGzipWhenAskedFor_data()
    {
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<bool>("gzipped");
        QTest::newRow("gzip, deflate (Qt's default)") << QByteArray("gzip, deflate") << true;
        QTest::newRow("GZIP") << QByteArray("GZIP") << true;
        QTest::newRow("any") << QByteArray("*") << true;
        QTest::newRow("gzip at q=0.5") << QByteArray("deflate, gzip;q=0.5") << true;
        QTest::newRow("gzip refused (q=0)") << QByteArray("gzip;q=0") << false;
        QTest::newRow("identity") << QByteArray("identity") << false;
        QTest::newRow("br only") << QByteArray("br") << false;
    }
    void pullRepliesAreGzipWhenAskedFor()
    {
        QFETCH(QByteArray, accept);
        QFETCH(bool, gzipped);
        // A second tablet of the worker: a pull leaves out the pulling device's own pushes.
        if (m_otherToken.isEmpty()) {
            QByteArray code;
            QCOMPARE(m_server.admin({ QStringLiteral("enroll-code"), QStringLiteral("worker") }, &code), 0);
            const auto enrolled = apiRequest("POST", url("/api/v1/enroll"),
                QJsonDocument(QJsonObject { { QStringLiteral("code"), QString::fromLatin1(code.trimmed()) },
                                  { QStringLiteral("deviceLabel"), QStringLiteral("t2") } })
                    .toJson(QJsonDocument::Compact));
            QCOMPARE(enrolled.status, 201);
            m_otherToken = QJsonDocument::fromJson(enrolled.body).object().value(QStringLiteral("token")).toString();
            for (int i = 0; i < 4; ++i)
                QCOMPARE(
                    push(pushBody({ recordItem(m_caseId, m_nextSeq++, QString(300, QLatin1Char('y'))) }), {}).status,
                    200);
        }
        const QUrl pull = url("/api/v1/sync/pull?cursor=0&limit=1000");
        // No Accept-Encoding at all (a raw request: Qt's stack would add one): always plain.
        const QByteArray raw = rawRequest(m_server.baseUrl(),
            "GET /api/v1/sync/pull?cursor=0&limit=1000 HTTP/1.1\r\nHost: 127.0.0.1\r\nPoruch-Protocol: 1\r\n"
            "Authorization: Bearer "
                + m_otherToken.toLatin1() + "\r\nConnection: close\r\n\r\n");
        QVERIFY2(raw.startsWith("HTTP/1.1 200"), raw.left(200).constData());
        QVERIFY(!raw.toLower().contains("content-encoding"));
        const QByteArray plain = raw.mid(raw.indexOf("\r\n\r\n") + 4);
        QVERIFY(plain.size() > 1024);

        const auto reply = apiRequest("GET", pull, {}, m_otherToken, {}, { { "Accept-Encoding", accept } });
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body.startsWith("\x1f\x8b"), gzipped);
        if (gzipped) {
            const auto inflated = poruch::server::BodyDecoder(qint64(1) << 24).gunzip(reply.body);
            QVERIFY(inflated);
            QCOMPARE(*inflated, plain);
            QVERIFY(reply.body.size() < plain.size() / 2);
        } else {
            QCOMPARE(reply.body, plain);
        }
    }

    // The decoder's bound, byte-exact, with a small limit: exactly the limit passes, one byte more is refused.
    void decoderLimitIsExact()
    {
        const poruch::server::BodyDecoder decoder(1000);
        const QByteArray exact(1000, 'a');
        const auto ok = decoder.decode({ "gzip" }, gzip(exact));
        QVERIFY(ok);
        QCOMPARE(*ok, exact);
        const auto over = decoder.decode({ "gzip" }, gzip(exact + 'a'));
        QVERIFY(!over);
        QCOMPARE(over.error().code, QStringLiteral("payload_too_large"));
        const auto bomb = decoder.decode({ "gzip" }, zipBomb(4));
        QVERIFY(!bomb);
        QCOMPARE(bomb.error().code, QStringLiteral("payload_too_large"));
        // Identity bodies are the route's business (the guard limits them before buffering).
        QCOMPARE(*decoder.decode({}, exact + 'a'), exact + 'a');
        QCOMPARE(*decoder.decode({ "identity" }, exact), exact);
    }
};

QTEST_GUILESS_MAIN(TestGzipBodies)
#include "tst_gzipbodies.moc"
