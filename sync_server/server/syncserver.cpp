#include "syncserver.h"

#include "apiroutes.h"
#include "auth/ratelimiter.h"
#include "guardedserver.h"
#include "healthroute.h"
#include "jsonreply.h"
#include "office/officesite.h"
#include "serverlogging.h"
#include "storage/embeddedstore.h"
#include "sync/syncservice.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>

namespace poruch::server {

namespace {

Result<QByteArray> readFile(const QString& path, const QString& what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { QStringLiteral("tls.unreadable"),
            QStringLiteral("cannot read %1 %2: %3").arg(what, path, file.errorString()) };
    return file.readAll();
}

} // namespace

SyncServer::SyncServer(ServerConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_http(std::make_unique<QHttpServer>())
    , m_enrollLimiter(std::make_unique<RateLimiter>(10, 600))
{
}

SyncServer::~SyncServer() = default;

void SyncServer::registerRoutes()
{
    m_http->route(QStringLiteral("/api/v1/health"), QHttpServerRequest::Method::Get, [this] {
        const bool storeOk = m_store != nullptr;
        return QHttpServerResponse(healthBody(m_config, storeOk ? QStringLiteral("open") : QStringLiteral("closed")),
            storeOk ? QHttpServerResponse::StatusCode::Ok : QHttpServerResponse::StatusCode::ServiceUnavailable);
    });
    registerApiRoutes(*m_http, *m_sync, *m_enrollLimiter, m_certificateSha256, m_config.limits.maxBodyBytes);
    registerOfficeRoutes(*m_http, *m_store, *m_sync, m_config);

    m_http->setMissingHandler([](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        qCInfo(lcHttp) << "no route" << request.method() << request.url().path().left(64);
        responder.write(QJsonDocument(errorBody(QStringLiteral("not_found"), QStringLiteral("no such endpoint"))),
            QHttpServerResponder::StatusCode::NotFound);
    });

    m_http->afterRequest([](QHttpServerResponse&& response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        return std::move(response);
    });
}

Result<QTcpServer*> SyncServer::makeListener()
{
    if (!m_config.tlsEnabled())
        return static_cast<QTcpServer*>(new GuardedTcpServer(m_config.limits, m_config.connections, m_http.get()));

    const auto certificatePem = readFile(m_config.tlsCertificateFile, QStringLiteral("TLS certificate"));
    if (!certificatePem)
        return certificatePem.error();
    const auto keyPem = readFile(m_config.tlsKeyFile, QStringLiteral("TLS key"));
    if (!keyPem)
        return keyPem.error();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificatePem, QSsl::Pem);
    if (chain.isEmpty())
        return Error { QStringLiteral("tls.invalid"),
            QStringLiteral("no PEM certificate in %1").arg(m_config.tlsCertificateFile) };
    QSslKey key(*keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(*keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        return Error { QStringLiteral("tls.invalid"),
            QStringLiteral("no PEM private key (EC or RSA) in %1").arg(m_config.tlsKeyFile) };

    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificateChain(chain);
    ssl.setPrivateKey(key);
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    // Qt 6.4 makes new ticket keys per connection, so a ticket could never resume a session: don't send any.
    ssl.setSslOption(QSsl::SslOptionDisableSessionTickets, true);
    // What enrolling tablets pin: SHA-256 of the certificate this server presents.
    m_certificateSha256 = QString::fromLatin1(chain.first().digest(QCryptographicHash::Sha256).toHex());
    auto* listener = new GuardedSslServer(m_config.limits, m_config.connections, m_http.get());
    listener->setSslConfiguration(ssl);
    return static_cast<QTcpServer*>(listener);
}

Result<quint16> SyncServer::start()
{
    if (auto prepared = prepareDataDir(m_config.dataDir); !prepared)
        return prepared.error();
    // Port and TLS material first: their errors need no store, and a failed start leaves no trace.
    auto listener = makeListener();
    if (!listener)
        return listener.error();
    std::unique_ptr<QTcpServer> guard(*listener);
    if (!guard->listen(m_config.listenAddress, m_config.listenPort))
        return Error { QStringLiteral("listen.failed"),
            QStringLiteral("cannot listen on %1:%2: %3")
                .arg(m_config.listenAddress.toString())
                .arg(m_config.listenPort)
                .arg(guard->errorString()) };

    auto store = EmbeddedStore::open(m_config.dataDir, m_config.storeKeyFile);
    if (!store)
        return Error { store.error().code, QStringLiteral("cannot open the store: %1").arg(store.error().message) };
    m_store = std::move(store).value();
    m_sync = std::make_unique<SyncService>(*m_store);
    const auto announced = m_sync->announceDefinitions();
    if (!announced)
        return Error { announced.error().code,
            QStringLiteral("cannot announce the form definitions: %1").arg(announced.error().message) };
    if (*announced > 0)
        qCInfo(lcServer) << "form and catalog definitions announced to tablets:" << *announced;

    registerRoutes();
    QTcpServer* bound = guard.release();
    m_http->bind(bound);
    const quint16 port = bound->serverPort();
    qCInfo(lcServer) << "listening" << m_config.listenAddress.toString() << port
                     << (m_config.tlsEnabled() ? "tls" : "plain-loopback");
    return port;
}

void SyncServer::stop()
{
    const auto servers = m_http->servers();
    for (QTcpServer* server : servers)
        server->close();
    qCInfo(lcServer) << "stopped";
}

} // namespace poruch::server
