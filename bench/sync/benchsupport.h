#pragma once

#include "benchstats.h"

#include "records/case.h"
#include "records/record.h"
#include "serverprocess.h"
#include "sync/syncmessages.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

#include <functional>
#include <vector>

namespace poruch::server {
class EmbeddedStore;
class SyncService;
} // namespace poruch::server

// Shared parts of the sync benchmarks (bench/README.md): a real poruch-server on a pre-seeded store, a
// lean HTTP/1.1 client that keeps its connection, a byte-counting TCP proxy, and statistics.
namespace poruch::bench {

// A tablet known to the server: enrolled in-process before the server starts (enrollment over HTTP is
// rate-limited per address, as it should be).
struct BenchDevice {
    QString userId;
    QString deviceId;
    QString token;
    QString caseId;
    QList<records::Record> records; // as the server holds them after seeding
    qint64 nextSeq = 1;
    qint64 cursor = 0;
};

// Seeds a data folder in-process (users, devices, tokens, cases, records) through the server's own
// SyncService, then runs the real poruch-server binary on it.
class BenchServer {
public:
    BenchServer();
    ~BenchServer();

    // Opens the store of this server's data folder, runs seed, closes it. Call before start().
    bool seed(const std::function<bool(server::EmbeddedStore&, server::SyncService&)>& seed);
    // Copies the data folder and key of another (stopped) server, so a seeded template is reused.
    bool copyFrom(const BenchServer& other);
    // config: extra server config keys (e.g. {"limits": {"maxBodyBytes": 1024}} for a fault check).
    bool start(bool tls, const QJsonObject& config = {});
    void stop();
    void kill();
    QString dataDir() const { return m_process.dataDir(); }
    QString keyFile() const;
    quint16 port() const { return quint16(m_process.baseUrl().port()); }
    bool tls() const { return m_tls; }
    QList<QSslCertificate> trusted() const;
    qint64 pid();
    // VmHWM of the server process (peak resident set), in KiB; -1 when unknown.
    qint64 peakRssKiB();
    // CPU time the server process has used so far (user, system), in seconds.
    std::pair<double, double> cpuSeconds();
    // Time the server's main thread (its event loop) was runnable but waited for a CPU, in seconds: how
    // much of a wall time is the machine's other load rather than the server's own work.
    double runQueueSeconds();
    QString error() const { return m_process.error(); }

private:
    test::ServerProcess m_process;
    bool m_tls = false;
};

// Server config for --max-body-bytes N (0: none): a server that refuses every request body over N bytes
// with 413, so a run's requests fail and the program must exit non-zero (how the smoke runs are shown
// to be able to fail).
QJsonObject faultConfig(int maxBodyBytes);

// Enrolls `count` users (one tablet each, unit "bench") and gives every device one case with
// `recordsPerCase` draft records, pushed in-process. Returns false on any error (printed).
bool seedDevices(server::EmbeddedStore& store, server::SyncService& service, int count, int recordsPerCase,
    QList<BenchDevice>& devices, quint32 seed);

// A generated record turned into a complete notice (even index) or home visit (odd) with the same amount
// of free text, so the server's form validation accepts it.
records::Record withFormBody(records::Record record, int index);

// Realistic records: the bench/store dataset (Ukrainian names, ~1.1 KB of text), as form-valid bodies.
QList<records::Record> realisticRecords(const QString& caseId, const QString& deviceId, int count, quint32 seed);
records::Case realisticCase(const QString& caseId, quint32 seed);
records::Record finalized(records::Record record);
// A new revision of a draft with one field changed (what an autosave produces).
records::Record changed(records::Record record, int stamp);

// Full HTTP/1.1 request bytes as the tablet sends them.
QByteArray httpRequest(const QByteArray& method, const QByteArray& target, quint16 port, const QString& token,
    const QByteArray& body = {});
QByteArray pushRequestBytes(const BenchDevice& device, const QList<sync::PushItem>& items, quint16 port);
QByteArray pullRequestBytes(const BenchDevice& device, qint64 cursor, quint16 port);

// One kept-alive HTTP/1.1 connection (TLS or plain), event driven. exchange() sends a request and calls
// done(status, body) when the whole response arrived; status 0 is a transport error, or no complete
// answer within requestTimeoutMs of exchange() (connect and TLS handshake included), as a tablet gives up.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    static constexpr int requestTimeoutMs = 30'000; // what the tablet's sync client waits
    using Done = std::function<void(int status, const QByteArray& body)>;
    HttpConnection(quint16 port, bool tls, const QList<QSslCertificate>& trusted, QObject* parent = nullptr);
    void exchange(const QByteArray& request, Done done);
    void close();
    QString lastError() const { return m_error; }

private:
    void onReadyRead();
    void fail(const QString& error);
    void sendPending();

    QSslSocket m_socket;
    QTimer m_timeout;
    quint16 m_port;
    bool m_tls;
    QByteArray m_pending;
    QByteArray m_buffer;
    Done m_done;
    qint64 m_bodyLength = -1;
    qsizetype m_headLength = 0;
    int m_status = 0;
    QString m_error;
};

// Blocking convenience for sequential benchmarks: one request on the connection; returns the status
// (0: transport error) and fills body.
int exchangeSync(HttpConnection& connection, const QByteArray& request, QByteArray* body, int timeoutMs = 60000);

// A TCP proxy that counts every byte in both directions (what crosses the socket, TLS included).
class CountingProxy : public QObject {
    Q_OBJECT
public:
    explicit CountingProxy(quint16 upstreamPort, QObject* parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    qint64 upstreamBytes() const { return m_up; } // client → server
    qint64 downstreamBytes() const { return m_down; } // server → client
    int connections() const { return m_connections; }
    void reset();

private:
    void onNewConnection();

    QTcpServer m_server;
    quint16 m_upstreamPort;
    qint64 m_up = 0;
    qint64 m_down = 0;
    int m_connections = 0;
};

} // namespace poruch::bench
