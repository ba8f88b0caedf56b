// bench_sync_wire: P8, bytes on the wire for an incremental sync with one changed record
// (bench/README.md). A tablet already in sync changes one record (~1.1 KB realistic act body) and syncs:
// one push of that record, one pull from its cursor (which brings nothing back: the pull leaves the
// tablet's own push out), through Qt's QNetworkAccessManager as the tablet uses it, on a kept-alive
// TLS connection and separately on a fresh one. The push body is what the tablet sends: the JSON through
// the sync client's own encoder (client::encodePushBody: gzip when smaller, Content-Encoding: gzip). Every byte
// both ways is counted on the socket by a TCP proxy in front of the real poruch-server: TCP payload,
// so TLS handshake and records, HTTP headers and JSON envelopes are all included. Baseline: the
// record's own serialized size (compact JSON of the record). Prints:
//   P8 overhead <B> B (wire <B> B = up <B> + down <B>, record <B> B, push body <B> B, push + pull on a kept-alive TLS
//   ...) P8 new TLS connection overhead <B> B (... full handshake and close included ...) P8 plain HTTP overhead <B> B
//   (...)  (informational: the protocol's own share, without TLS)
// --quick: 1 repetition (ctest smoke run).
#include "benchoptions.h"
#include "benchsupport.h"
#include "storage/embeddedstore.h"
#include "sync/syncclient.h"
#include "sync/syncservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QTimer>

#include <cstdio>

using namespace poruch;

namespace {

struct Sample {
    qint64 up = 0, down = 0, record = 0;
    qint64 pushBody = 0; // bytes of the push body as sent
    bool gzip = false;
    bool ok = false;
};

QByteArray send(QNetworkAccessManager& network, const QByteArray& method, const QUrl& url, const QString& token,
    const QList<QSslCertificate>& trusted, const client::EncodedBody& encoded, int* status,
    QByteArray* ticket = nullptr)
{
    const QByteArray& body = encoded.bytes;
    QNetworkRequest request(url);
    request.setRawHeader("Poruch-Protocol", "1");
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    if (!body.isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json; charset=utf-8"));
    if (!encoded.contentEncoding.isEmpty())
        request.setRawHeader("Content-Encoding", encoded.contentEncoding);
    if (!trusted.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(trusted);
        {
            // As the tablet offers it (CertificatePin::sslConfiguration): TLS 1.3 and its suites only.
            ssl.setProtocol(QSsl::TlsV1_3OrLater);
            QList<QSslCipher> tls13;
            for (const QSslCipher& c : ssl.ciphers())
                if (c.protocol() == QSsl::TlsV1_3)
                    tls13 << c;
            ssl.setCiphers(tls13);
        }
        if (ticket) {
            // TLS session resumption: keep the session ticket and offer it on the next connection.
            ssl.setSslOption(QSsl::SslOptionDisableSessionPersistence, false);
            ssl.setSessionTicket(*ticket);
        }
        request.setSslConfiguration(ssl);
    }
    QNetworkReply* reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (ticket && !reply->sslConfiguration().sessionTicket().isEmpty())
        *ticket = reply->sslConfiguration().sessionTicket();
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return answer;
}

// keptAlive: the exchange runs on a TLS connection already open from an earlier exchange (what the
// tablet's QNetworkAccessManager reuses within a sync session); otherwise on a fresh connection whose
// handshake and close are counted too.
// resumed: a new connection that offers the TLS session ticket of an earlier, closed connection (what a
// tablet's next sync round does when it keeps the ticket).
Sample measure(bench::BenchServer& server, bench::BenchDevice& device, int stamp, bool keptAlive, bool resumed)
{
    bench::CountingProxy proxy(server.port());
    if (!proxy.listen())
        return {};
    const QString scheme = server.tls() ? QStringLiteral("https") : QStringLiteral("http");
    const QUrl base(QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(proxy.port()));

    Sample sample;
    sync::PushItem item;
    item.seq = device.nextSeq++;
    item.baseRevision = device.records.first().revision;
    device.records.first() = bench::changed(device.records.first(), stamp);
    item.record = device.records.first();
    sample.record = QJsonDocument(item.record.toJson()).toJson(QJsonDocument::Compact).size();
    QByteArray ticket;
    QByteArray* resumeTicket = resumed ? &ticket : nullptr;
    if (resumed) {
        // The earlier session (not counted): one exchange on its own connection, closed afterwards.
        QNetworkAccessManager earlier;
        int status = 0;
        send(earlier, "GET",
            base.resolved(QUrl(QStringLiteral("/api/v1/sync/pull?cursor=%1&limit=500").arg(device.cursor))),
            device.token, server.trusted(), {}, &status, resumeTicket);
        if (status != 200 || ticket.isEmpty()) {
            std::fprintf(stderr, "bench_sync_wire: no session ticket from the earlier session (status %d)\n", status);
            return {};
        }
    }
    if (resumed) {
        QEventLoop settle;
        QTimer::singleShot(200, &settle, &QEventLoop::quit);
        settle.exec();
        proxy.reset();
    }
    {
        QNetworkAccessManager network; // a fresh connection, as at the start of a sync session
        int status = 0;
        if (keptAlive) {
            // Opens the connection (not counted): the exchange before this one in the same session.
            const QByteArray warm = send(network, "GET",
                base.resolved(QUrl(QStringLiteral("/api/v1/sync/pull?cursor=%1&limit=500").arg(device.cursor))),
                device.token, server.trusted(), {}, &status);
            if (status != 200) {
                std::fprintf(stderr, "bench_sync_wire: warm-up pull answered %d %s\n", status, warm.left(200).data());
                return {};
            }
            proxy.reset();
        }
        // The tablet's push body: its JSON through the sync client's encoder (gzip when smaller).
        const client::EncodedBody body
            = client::encodePushBody(sync::PushRequest { device.deviceId, { item } }.toJson());
        sample.pushBody = body.bytes.size();
        sample.gzip = body.contentEncoding == "gzip";
        const QByteArray pushed = send(network, "POST", base.resolved(QUrl(QStringLiteral("/api/v1/sync/push"))),
            device.token, server.trusted(), body, &status, resumeTicket);
        const auto pushResponse = sync::PushResponse::fromJson(pushed);
        if (status != 200 || !pushResponse || pushResponse->results.size() != 1
            || pushResponse->results.first().status != sync::PushResult::Status::Applied) {
            std::fprintf(stderr, "bench_sync_wire: push answered %d %s\n", status, pushed.left(200).data());
            return {};
        }
        const QByteArray pulled = send(network, "GET",
            base.resolved(QUrl(QStringLiteral("/api/v1/sync/pull?cursor=%1&limit=500").arg(device.cursor))),
            device.token, server.trusted(), {}, &status, resumeTicket);
        const auto pull = sync::PullResponse::fromJson(pulled);
        // Nothing comes back: the only change is the tablet's own push, which the pull leaves out.
        if (status != 200 || !pull || !pull->changes.isEmpty() || pull->hasMore
            || pull->nextCursor < pushResponse->cursor) {
            std::fprintf(stderr, "bench_sync_wire: pull answered %d %s\n", status, pulled.left(200).data());
            return {};
        }
        device.cursor = pull->nextCursor;
        if (keptAlive) {
            sample.up = proxy.upstreamBytes();
            sample.down = proxy.downstreamBytes();
            sample.ok = proxy.connections() == 0;
            if (!sample.ok)
                std::fprintf(stderr, "bench_sync_wire: the connection was not kept (%d new)\n", proxy.connections());
            return sample;
        }
    }
    // Let the connection close (TLS close_notify and FIN) and the proxy count the last bytes.
    QEventLoop settle;
    QTimer::singleShot(200, &settle, &QEventLoop::quit);
    settle.exec();
    sample.up = proxy.upstreamBytes();
    sample.down = proxy.downstreamBytes();
    sample.ok = proxy.connections() == 1;
    if (!sample.ok)
        std::fprintf(stderr, "bench_sync_wire: expected one connection, saw %d\n", proxy.connections());
    return sample;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    bench::BenchOptions options(
        QStringLiteral("P8: bytes on the wire for a one-record incremental sync"), bench::BenchOptions::MaxBodyOption);
    options.process(app);
    const int repetitions = options.repetitions();

    struct Mode {
        bool tls, keptAlive, resumed;
    };
    for (const Mode mode : { Mode { true, true, false }, Mode { true, false, false }, Mode { true, false, true },
             Mode { false, false, false } }) {
        const bool tls = mode.tls;
        bench::BenchServer server;
        QList<bench::BenchDevice> devices;
        if (!server.seed([&](server::EmbeddedStore& store, server::SyncService& service) {
                return bench::seedDevices(store, service, 1, 1, devices, 11);
            })
            || !server.start(tls, bench::faultConfig(options.maxBodyBytes()))) {
            std::fprintf(stderr, "bench_sync_wire: server did not start: %s\n", qPrintable(server.error()));
            return 2;
        }
        std::vector<double> overhead, wire, up, down, recordSize, pushBody;
        for (int rep = 0; rep < repetitions; ++rep) {
            const Sample sample = measure(server, devices.first(), rep + 1, mode.keptAlive, mode.resumed);
            if (!sample.ok)
                return 2;
            overhead.push_back(double(sample.up + sample.down - sample.record));
            wire.push_back(double(sample.up + sample.down));
            up.push_back(double(sample.up));
            down.push_back(double(sample.down));
            recordSize.push_back(double(sample.record));
            pushBody.push_back(double(sample.pushBody));
            std::printf("  rep %d %s: up %lld B, down %lld B, record %lld B, push body %lld B%s, overhead %lld B\n",
                rep + 1,
                !tls                 ? "HTTP new connection"
                    : mode.keptAlive ? "TLS kept-alive"
                    : mode.resumed   ? "TLS new connection, resumed session"
                                     : "TLS new connection",
                sample.up, sample.down, sample.record, sample.pushBody, sample.gzip ? " gzip" : "",
                sample.up + sample.down - sample.record);
            std::fflush(stdout);
        }
        const char* label = !tls ? "P8 plain HTTP overhead"
            : mode.keptAlive     ? "P8 overhead"
            : mode.resumed       ? "P8 resumed TLS session overhead"
                                 : "P8 new TLS connection overhead";
        const char* what = !tls ? "informational: new connection, no TLS"
            : mode.keptAlive    ? "push + pull on a kept-alive TLS connection"
            : mode.resumed
            ? "push + pull on a new TLS connection resuming an earlier session, handshake and close included"
            : "push + pull on a new TLS connection, full handshake and close included";
        std::printf(
            "%s %.0f B (wire %.0f B = up %.0f + down %.0f, record %.0f B, push body %.0f B, %s, median of %d)\n", label,
            bench::median(overhead), bench::median(wire), bench::median(up), bench::median(down),
            bench::median(recordSize), bench::median(pushBody), what, repetitions);
        std::fflush(stdout);
        server.stop();
    }
    return 0;
}
