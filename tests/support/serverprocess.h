#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace poruch::test {

// A self-signed certificate for 127.0.0.1/localhost made with the openssl command line.
struct TlsMaterial {
    QString certificateFile;
    QString keyFile;
    QSslCertificate certificate;
};
TlsMaterial makeSelfSignedCertificate(const QString& directory);

// Runs the real poruch-server binary on a port the OS picks, in a private data folder.
class ServerProcess {
public:
    ServerProcess();
    ~ServerProcess();

    QString dataDir() const;
    QString workDir() const { return m_work.path(); }

    // Writes the config (dataDir, listen on 127.0.0.1:0 unless given) and starts the server.
    // Returns false (with error()) if it did not report listening within the timeout.
    bool start(QJsonObject config = {}, bool tls = false);
    void stop();
    // Starts the binary with these arguments and waits for it to exit.
    static int runToExit(const QStringList& arguments, QByteArray* stdErr, int timeoutMs = 30000);

    QUrl baseUrl() const { return m_baseUrl; }
    const TlsMaterial& tls() const { return m_tls; }
    QString error() const { return m_error; }
    QByteArray stdErr();
    QProcess& process() { return *m_process; }

    static QString binary();

private:
    QTemporaryDir m_work;
    std::unique_ptr<QProcess> m_process;
    QUrl m_baseUrl;
    TlsMaterial m_tls;
    QString m_error;
    QByteArray m_stdErr;
};

// Synchronous GET for tests; trusts exactly `trusted` when given.
struct HttpResult {
    int status = 0;
    QByteArray body;
    QString networkError;
};
HttpResult httpGet(const QUrl& url, const QList<QSslCertificate>& trusted = {});

} // namespace poruch::test
