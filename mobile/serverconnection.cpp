#include "serverconnection.h"

#include "applogging.h"

#include <QJSEngine>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

namespace poruch::app {

namespace {
ServerConnection* s_instance = nullptr;
constexpr int checkIntervalMs = 30'000;
constexpr int requestTimeoutMs = 10'000;
} // namespace

ServerConnection::ServerConnection(QUrl serverUrl, const QList<QSslCertificate>& trusted, QObject* parent)
    : QObject(parent)
    , m_serverUrl(std::move(serverUrl))
    , m_network(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
    , m_trusted(trusted)
{
    s_instance = this;
    m_state = configured() ? State::Checking : State::NotConfigured;
    m_timer->setInterval(checkIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ServerConnection::check);
    if (configured()) {
        m_timer->start();
        QTimer::singleShot(0, this, &ServerConnection::check);
    }
}

ServerConnection::~ServerConnection()
{
    if (s_instance == this)
        s_instance = nullptr;
}

ServerConnection* ServerConnection::create(QQmlEngine*, QJSEngine*)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void ServerConnection::check()
{
    if (!configured() || m_inFlight)
        return;
    m_inFlight = true;
    if (m_state != State::Online)
        setState(State::Checking);

    QUrl url = m_serverUrl;
    url.setPath(QStringLiteral("/api/v1/health"));
    QNetworkRequest request(url);
    request.setTransferTimeout(requestTimeoutMs);
    if (!m_trusted.isEmpty()) {
        // Trust exactly the given certificate(s), not the system store: the demo server is self-signed.
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(m_trusted);
        request.setSslConfiguration(ssl);
    }
    QNetworkReply* reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_inFlight = false;
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        if (reply->error() != QNetworkReply::NoError || !body.contains(QStringLiteral("version"))) {
            qCInfo(lcAppNetwork) << "server unreachable:" << reply->error();
            setState(State::Unreachable);
            return;
        }
        m_serverVersion = body.value(QStringLiteral("version")).toString();
        m_lastContact = QDateTime::currentDateTime();
        setState(State::Online);
        Q_EMIT stateChanged(); // last contact moved even if the state did not
    });
}

void ServerConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

} // namespace poruch::app
