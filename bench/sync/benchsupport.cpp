#include "benchsupport.h"

#include "../store/workload.h"
#include "formbodies.h"
#include "records/canonicalform.h"
#include "storage/embeddedstore.h"
#include "sync/syncservice.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <unistd.h>

namespace poruch::bench {

// ---- BenchServer ----

BenchServer::BenchServer() = default;
BenchServer::~BenchServer()
{
    stop();
}

QString BenchServer::keyFile() const
{
    return QDir(m_process.workDir()).filePath(QStringLiteral("store.key"));
}

bool BenchServer::seed(const std::function<bool(server::EmbeddedStore&, server::SyncService&)>& seed)
{
    if (!QFile::exists(keyFile()) && !test::writeStoreKeyFile(keyFile()))
        return false;
    QDir().mkpath(dataDir());
    auto store = server::EmbeddedStore::open(dataDir(), keyFile());
    if (!store) {
        std::fprintf(stderr, "bench: cannot open the store: %s\n", qPrintable(store.error().message));
        return false;
    }
    server::SyncService service(**store);
    return seed(**store, service);
}

bool BenchServer::copyFrom(const BenchServer& other)
{
    QDir().mkpath(dataDir());
    QFile::remove(keyFile());
    if (!QFile::copy(other.keyFile(), keyFile()))
        return false;
    QFile::setPermissions(keyFile(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QDir source(other.dataDir());
    for (const QString& name : source.entryList(QDir::Files)) {
        QFile::remove(QDir(dataDir()).filePath(name));
        if (!QFile::copy(source.filePath(name), QDir(dataDir()).filePath(name)))
            return false;
    }
    return true;
}

bool BenchServer::start(bool tls, const QJsonObject& config)
{
    m_tls = tls;
    return m_process.start(config, tls);
}

QJsonObject faultConfig(int maxBodyBytes)
{
    if (maxBodyBytes <= 0)
        return {};
    return QJsonObject { { QStringLiteral("limits"),
        QJsonObject { { QStringLiteral("maxBodyBytes"), maxBodyBytes } } } };
}

void BenchServer::stop()
{
    m_process.stop();
}

void BenchServer::kill()
{
    if (m_process.process().state() != QProcess::NotRunning) {
        m_process.process().kill();
        m_process.process().waitForFinished(5000);
    }
}

QList<QSslCertificate> BenchServer::trusted() const
{
    return m_tls ? QList<QSslCertificate> { m_process.tls().certificate } : QList<QSslCertificate> {};
}

qint64 BenchServer::pid()
{
    return m_process.process().processId();
}

qint64 BenchServer::peakRssKiB()
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

std::pair<double, double> BenchServer::cpuSeconds()
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid()));
    if (!stat.open(QIODevice::ReadOnly))
        return { -1, -1 };
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return { fields.value(11).toDouble() / ticks, fields.value(12).toDouble() / ticks };
}

double BenchServer::runQueueSeconds()
{
    QFile stat(QStringLiteral("/proc/%1/schedstat").arg(pid()));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    return stat.readAll().split(' ').value(1).toDouble() / 1e9;
}

// ---- data ----

QString freeTextKey(const records::Record& record)
{
    return record.type == records::RecordType::Notice ? QStringLiteral("contentText") : QStringLiteral("observations");
}

records::Record withFormBody(records::Record record, int index)
{
    // The server validates bodies against their form: alternate complete notices and home visits whose
    // free text carries the generator's realistic Ukrainian text (about the same size as its bodies).
    QStringList text;
    for (auto it = record.body.begin(); it != record.body.end(); ++it)
        if (it->isString())
            text << it->toString();
    record.type = index % 2 == 0 ? records::RecordType::Notice : records::RecordType::HomeVisit;
    record.formId = records::recordTypeId(record.type);
    record.formVersion = 1;
    record.body = poruch::test::completeFormBody(
        record.formId, QJsonObject { { freeTextKey(record), text.join(QStringLiteral(". ")).left(900) } });
    return record;
}

QList<records::Record> realisticRecords(const QString& caseId, const QString& deviceId, int count, quint32 seed)
{
    WorkloadSize size;
    size.cases = 1;
    size.recordsPerCase = count;
    Dataset data = makeDataset(size, seed);
    QList<records::Record> result;
    int index = 0;
    for (records::Record record : data.records) {
        record = withFormBody(record, index++);
        record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        record.caseId = caseId;
        record.authorDeviceId = deviceId;
        record.status = records::RecordStatus::Draft;
        record.finalizedAt = QDateTime();
        record.contentHash.clear();
        record.revision = 1;
        result << record;
    }
    return result;
}

records::Case realisticCase(const QString& caseId, quint32 seed)
{
    WorkloadSize size;
    size.cases = 1;
    size.recordsPerCase = 0;
    records::Case value = makeDataset(size, seed).cases.first();
    value.id = caseId;
    // The store benchmark's cases carry no timestamps; the wire format requires them.
    value.createdAt = QDateTime(QDate(2025, 1, 10), QTime(9, 0), Qt::UTC);
    value.updatedAt = value.createdAt;
    return value;
}

records::Record finalized(records::Record record)
{
    record.status = records::RecordStatus::Final;
    record.finalizedAt = record.updatedAt;
    record.contentHash = records::contentHash(record);
    return record;
}

records::Record changed(records::Record record, int stamp)
{
    record.revision += 1;
    record.updatedAt = record.updatedAt.addSecs(60);
    const QString key = freeTextKey(record);
    record.body.insert(key, record.body.value(key).toString() + QStringLiteral(" (%1)").arg(stamp));
    return record;
}

bool seedDevices(server::EmbeddedStore& store, server::SyncService& service, int count, int recordsPerCase,
    QList<BenchDevice>& devices, quint32 seed)
{
    // Tablets in service received the form definitions with their first sync: announce them before the
    // tablets' cursors are taken (the server announces at start whatever is still missing).
    if (auto announced = service.announceDefinitions(); !announced) {
        std::fprintf(stderr, "bench: announceDefinitions: %s\n", qPrintable(announced.error().message));
        return false;
    }
    for (int i = 0; i < count; ++i) {
        server::User user;
        user.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        user.username = QStringLiteral("bench-%1").arg(i);
        user.displayName = QStringLiteral("Bench %1").arg(i);
        user.unit = QStringLiteral("bench");
        user.createdAt = QDateTime::currentDateTimeUtc();
        if (auto inserted = store.insertUser(user); !inserted) {
            std::fprintf(stderr, "bench: insertUser: %s\n", qPrintable(inserted.error().message));
            return false;
        }
        const auto code = service.createEnrollmentCode(user.id, QStringLiteral("bench"));
        const auto reply = code ? service.enroll(*code, QStringLiteral("bench tablet"))
                                : Result<server::EnrollmentReply>(code.error());
        if (!reply) {
            std::fprintf(stderr, "bench: enroll: %s\n", qPrintable(reply.error().message));
            return false;
        }
        BenchDevice device { user.id, reply->deviceId, reply->token, QUuid::createUuid().toString(QUuid::WithoutBraces),
            {}, 1, 0 };
        if (recordsPerCase >= 0) {
            device.records = realisticRecords(device.caseId, device.deviceId, recordsPerCase, seed + quint32(i));
            sync::PushRequest request;
            request.deviceId = device.deviceId;
            sync::PushItem caseItem;
            caseItem.seq = device.nextSeq++;
            caseItem.kind = sync::PushItem::Kind::Case;
            caseItem.caseData = realisticCase(device.caseId, seed + quint32(i));
            request.items << caseItem;
            for (const records::Record& record : std::as_const(device.records)) {
                sync::PushItem item;
                item.seq = device.nextSeq++;
                item.record = record;
                request.items << item;
            }
            const auto session = service.authenticate(device.token);
            const auto pushed = session ? service.push(*session, request) : Result<sync::PushResponse>(session.error());
            if (!pushed) {
                std::fprintf(stderr, "bench: seed push: %s\n", qPrintable(pushed.error().message));
                return false;
            }
            device.cursor = pushed->cursor;
        }
        devices << device;
    }
    // Every tablet pulled to the end before the benchmark (a pull skips changes it may not see).
    const auto last = store.lastCursor();
    if (!last)
        return false;
    for (BenchDevice& device : devices)
        device.cursor = *last;
    return true;
}

// ---- requests ----

QByteArray httpRequest(
    const QByteArray& method, const QByteArray& target, quint16 port, const QString& token, const QByteArray& body)
{
    QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
        + "\r\nPoruch-Protocol: 1\r\nAuthorization: Bearer " + token.toLatin1() + "\r\n";
    if (!body.isNull())
        request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return request + "\r\n" + body;
}

QByteArray pushRequestBytes(const BenchDevice& device, const QList<sync::PushItem>& items, quint16 port)
{
    return httpRequest(
        "POST", "/api/v1/sync/push", port, device.token, sync::PushRequest { device.deviceId, items }.toJson());
}

QByteArray pullRequestBytes(const BenchDevice& device, qint64 cursor, quint16 port)
{
    return httpRequest(
        "GET", "/api/v1/sync/pull?cursor=" + QByteArray::number(cursor) + "&limit=500", port, device.token);
}

// ---- HttpConnection ----

HttpConnection::HttpConnection(quint16 port, bool tls, const QList<QSslCertificate>& trusted, QObject* parent)
    : QObject(parent)
    , m_port(port)
    , m_tls(tls)
{
    if (tls) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(trusted);
        m_socket.setSslConfiguration(ssl);
    }
    connect(&m_socket, &QSslSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(&m_socket, &QSslSocket::connected, this, [this] {
        if (!m_tls)
            sendPending();
    });
    connect(&m_socket, &QSslSocket::encrypted, this, &HttpConnection::sendPending);
    connect(&m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        // A server closing a kept-alive connection between requests is not an error.
        if (error == QAbstractSocket::RemoteHostClosedError && !m_done)
            return;
        // A server that answers and closes at once (e.g. 413): the answer may still be in the buffer.
        if (error == QAbstractSocket::RemoteHostClosedError)
            onReadyRead();
        if (m_done)
            fail(m_socket.errorString().isEmpty() ? QStringLiteral("connection closed") : m_socket.errorString());
    });
    connect(&m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        fail(errors.isEmpty() ? QStringLiteral("TLS error") : errors.first().errorString());
    });
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(requestTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("no answer within %1 s").arg(requestTimeoutMs / 1000));
        m_socket.abort();
    });
}

void HttpConnection::exchange(const QByteArray& request, Done done)
{
    m_done = std::move(done);
    m_buffer.clear();
    m_bodyLength = -1;
    m_headLength = 0;
    m_status = 0;
    m_pending = request;
    m_timeout.start();
    const bool ready = m_socket.state() == QAbstractSocket::ConnectedState && (!m_tls || m_socket.isEncrypted());
    if (ready) {
        sendPending();
    } else if (m_socket.state() == QAbstractSocket::UnconnectedState) {
        if (m_tls)
            m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        else
            m_socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
    }
}

void HttpConnection::sendPending()
{
    if (!m_pending.isEmpty()) {
        m_socket.write(m_pending);
        m_pending.clear();
    }
}

void HttpConnection::close()
{
    m_socket.disconnectFromHost();
}

void HttpConnection::onReadyRead()
{
    m_buffer += m_socket.readAll();
    if (!m_done)
        return;
    if (m_bodyLength < 0) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_headLength = end + 4;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> statusLine = lines.first().split(' ');
        m_status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
        m_bodyLength = 0;
        for (const QByteArray& line : lines) {
            if (line.toLower().startsWith("content-length:"))
                m_bodyLength = line.mid(15).trimmed().toLongLong();
        }
    }
    if (m_buffer.size() - m_headLength < m_bodyLength)
        return;
    const QByteArray body = m_buffer.mid(m_headLength, m_bodyLength);
    m_buffer.remove(0, m_headLength + m_bodyLength);
    m_timeout.stop();
    Done done = std::move(m_done);
    m_done = nullptr;
    done(m_status, body);
}

void HttpConnection::fail(const QString& error)
{
    if (!m_done) {
        if (m_error.isEmpty())
            m_error = error;
        return;
    }
    m_error = error;
    m_timeout.stop();
    Done done = std::move(m_done);
    m_done = nullptr;
    done(0, QByteArray());
}

int exchangeSync(HttpConnection& connection, const QByteArray& request, QByteArray* body, int timeoutMs)
{
    QEventLoop loop;
    int status = -1;
    connection.exchange(request, [&](int s, const QByteArray& b) {
        status = s;
        if (body)
            *body = b;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (status < 0)
        loop.exec();
    return status < 0 ? 0 : status;
}

// ---- CountingProxy ----

CountingProxy::CountingProxy(quint16 upstreamPort, QObject* parent)
    : QObject(parent)
    , m_upstreamPort(upstreamPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &CountingProxy::onNewConnection);
}

bool CountingProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void CountingProxy::reset()
{
    m_up = m_down = 0;
    m_connections = 0;
}

void CountingProxy::onNewConnection()
{
    while (QTcpSocket* client = m_server.nextPendingConnection()) {
        ++m_connections;
        auto* upstream = new QTcpSocket(client);
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        connect(client, &QTcpSocket::readyRead, upstream, [this, client, upstream] {
            if (upstream->state() != QAbstractSocket::ConnectedState)
                return; // sent once connected
            const QByteArray bytes = client->readAll();
            m_up += bytes.size();
            upstream->write(bytes);
        });
        connect(upstream, &QTcpSocket::connected, client, [this, client, upstream] {
            const QByteArray bytes = client->readAll();
            m_up += bytes.size();
            upstream->write(bytes);
        });
        connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream] {
            const QByteArray bytes = upstream->readAll();
            m_down += bytes.size();
            client->write(bytes);
        });
        connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        connect(client, &QTcpSocket::disconnected, client, [client] { client->deleteLater(); });
    }
}

} // namespace poruch::bench
