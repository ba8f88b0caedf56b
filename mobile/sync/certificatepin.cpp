#include "sync/certificatepin.h"

#include <QCryptographicHash>

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
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    ssl.setCaCertificates({ m_certificate });
    return ssl;
}

bool CertificatePin::matches(const QSslCertificate& presented) const
{
    return !m_certificate.isNull() && fingerprint(presented) == fingerprint();
}

} // namespace poruch::client
