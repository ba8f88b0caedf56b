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

// Writes a store key file (mode 0600) with the given 64 hex characters, or a random key.
bool writeStoreKeyFile(const QString& path, const QByteArray& hexKey = {});

// Runs the real poruch-server binary on a port the OS picks, in a private data folder.
class ServerProcess {
public:
    ServerProcess();
    ~ServerProcess();

    QString dataDir() const;
    QString workDir() const { return m_work.path(); }
    QString configFile() const;
    // Runs the real poruch-admin binary on this server's config; returns its exit code.
    int admin(const QStringList& arguments, QByteArray* stdOut = nullptr, QByteArray* stdErr = nullptr) const;

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
    static QString adminBinary();

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

// Synchronous JSON request for API tests: adds Poruch-Protocol and the bearer token when given.
HttpResult apiRequest(const QByteArray& method, const QUrl& url, const QByteArray& body = {}, const QString& token = {},
    const QList<QSslCertificate>& trusted = {}, const QList<QPair<QByteArray, QByteArray>>& extraHeaders = {},
    bool protocolHeader = true);

// Writes `request` as raw bytes to a plain TCP connection and reads the reply until a whole JSON error body
// (or `timeoutMs` of silence): for requests no HTTP client would send.
QByteArray rawRequest(const QUrl& base, const QByteArray& request, int timeoutMs = 5000);

} // namespace poruch::test
