#include "sync/certificatefetcher.h"

#include <QSslSocket>
#include <QTimer>

namespace poruch::client {

CertificateFetcher::CertificateFetcher(QObject* parent)
    : QObject(parent)
{
}

void CertificateFetcher::fetch(const QString& host, quint16 port, int timeoutMs)
{
    m_done = false;
    m_certificate = QSslCertificate();
    m_socket = new QSslSocket(this);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { finish(QStringLiteral("timed out reading the certificate")); });
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        // Only read: nothing is ignored, so the handshake fails and no data is ever sent.
        if (m_done)
            return;
        m_certificate = m_socket->peerCertificate();
        if (m_certificate.isNull() && !errors.isEmpty())
            m_certificate = errors.first().certificate();
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        if (m_done)
            return;
        m_certificate = m_socket->peerCertificate();
        finish(QString());
    });
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (!m_done)
            finish(m_socket->errorString());
    });
    m_timer->start(timeoutMs);
    m_socket->connectToHostEncrypted(host, port);
}

void CertificateFetcher::finish(const QString& error)
{
    if (m_done)
        return;
    m_done = true;
    m_timer->stop();
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
    const QSslCertificate certificate = m_certificate;
    Q_EMIT finished(certificate, certificate.isNull() ? error : QString());
}

} // namespace poruch::client
