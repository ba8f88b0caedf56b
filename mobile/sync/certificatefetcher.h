#pragma once

#include <QObject>
#include <QSslCertificate>
#include <QString>

class QSslSocket;
class QTimer;

namespace poruch::client {

// Reads the certificate a TLS server presents, without trusting it and without ignoring any error:
// the handshake is left to fail on an unknown certificate, and the certificate is taken from the
// sslErrors notification (or from the finished handshake if a public CA vouches for it). Enrollment
// compares its SHA-256 with the fingerprint the office printed next to the enrollment code.
class CertificateFetcher : public QObject {
    Q_OBJECT
public:
    explicit CertificateFetcher(QObject* parent = nullptr);

    void fetch(const QString& host, quint16 port, int timeoutMs = 15000);

Q_SIGNALS:
    // certificate is null when none was presented; error then says why (no personal data).
    void finished(const QSslCertificate& certificate, const QString& error);

private:
    void finish(const QString& error);

    QSslSocket* m_socket = nullptr;
    QTimer* m_timer = nullptr;
    QSslCertificate m_certificate;
    bool m_done = false;
};

} // namespace poruch::client
