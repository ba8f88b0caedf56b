#include "sync/certificatepin.h"

#include <QCryptographicHash>
#include <QSslCipher>

namespace poruch::client {

CertificatePin::CertificatePin(QSslCertificate certificate)
    : m_certificate(std::move(certificate))
{
}

QString CertificatePin::fingerprint(const QSslCertificate& certificate)
{
    if (certificate.isNull())
        return QString();
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

CertificatePin CertificatePin::fromPem(const QByteArray& pem)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    return certificates.isEmpty() ? CertificatePin() : CertificatePin(certificates.first());
}

QSslConfiguration CertificatePin::sslConfiguration() const
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    // TLS 1.3 only, and only its cipher suites offered: the poruch-server (and Debian 12's nginx) speak it,
    // and the ClientHello of every new connection is ~270 B shorter without the TLS 1.2 suite list (P8,
    // bench/README.md).
    ssl.setProtocol(QSsl::TlsV1_3OrLater);
    QList<QSslCipher> tls13;
    for (const QSslCipher& cipher : ssl.ciphers()) {
        if (cipher.protocol() == QSsl::TlsV1_3)
            tls13 << cipher;
    }
    if (!tls13.isEmpty())
        ssl.setCiphers(tls13);
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    ssl.setCaCertificates({ m_certificate });
    return ssl;
}

bool CertificatePin::matches(const QSslCertificate& presented) const
{
    return !m_certificate.isNull() && fingerprint(presented) == fingerprint();
}

} // namespace poruch::client
