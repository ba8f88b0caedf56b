#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

namespace poruch::client {

// The server certificate a tablet learned at enrollment, identified by the SHA-256 of its DER form.
// Requests trust exactly this certificate (it becomes the only CA), so a self-signed community
// server works without ignoring any TLS error, and any other certificate fails the handshake.
class CertificatePin {
public:
    CertificatePin() = default;
    explicit CertificatePin(QSslCertificate certificate);

    static QString fingerprint(const QSslCertificate& certificate); // lower-case hex SHA-256 of DER

    bool isNull() const { return m_certificate.isNull(); }
    QString fingerprint() const { return fingerprint(m_certificate); }
    const QSslCertificate& certificate() const { return m_certificate; }
    QByteArray toPem() const { return m_certificate.toPem(); }
    static CertificatePin fromPem(const QByteArray& pem);

    // TLS configuration for requests to the pinned server.
    QSslConfiguration sslConfiguration() const;
    // True when the certificate a connection presented is the pinned one.
    bool matches(const QSslCertificate& presented) const;

private:
    QSslCertificate m_certificate;
};

} // namespace poruch::client
