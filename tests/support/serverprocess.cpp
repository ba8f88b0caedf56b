#include "serverprocess.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTimer>

namespace poruch::test {

TlsMaterial makeSelfSignedCertificate(const QString& directory)
{
    TlsMaterial tls;
    tls.certificateFile = QDir(directory).filePath(QStringLiteral("server.crt"));
    tls.keyFile = QDir(directory).filePath(QStringLiteral("server.key"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
            QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
            QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"),
            QStringLiteral("-keyout"), tls.keyFile, QStringLiteral("-out"), tls.certificateFile });
    openssl.waitForFinished(30000);
    const auto certificates = QSslCertificate::fromPath(tls.certificateFile);
    if (!certificates.isEmpty())
        tls.certificate = certificates.first();
    return tls;
}

bool writeStoreKeyFile(const QString& path, const QByteArray& hexKey)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QByteArray key = hexKey;
    if (key.isEmpty()) {
        key.resize(32);
        for (auto& byte : key)
            byte = char(QRandomGenerator::system()->bounded(256));
        key = key.toHex();
    }
    return file.write(key) == key.size();
}

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    stop();
}

QString ServerProcess::adminBinary()
{
#ifdef PORUCH_ADMIN_BINARY
    return QStringLiteral(PORUCH_ADMIN_BINARY);
#else
    return QString();
#endif
}

QString ServerProcess::binary()
{
#ifdef PORUCH_SERVER_BINARY
    return QStringLiteral(PORUCH_SERVER_BINARY);
#else
    return QString();
#endif
}

QString ServerProcess::configFile() const
{
    return QDir(m_work.path()).filePath(QStringLiteral("server.json"));
}

int ServerProcess::admin(const QStringList& arguments, QByteArray* stdOut, QByteArray* stdErr) const
{
    QProcess process;
    process.start(adminBinary(), QStringList { QStringLiteral("--config"), configFile() } + arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (stdOut)
        *stdOut = process.readAllStandardOutput();
    if (stdErr)
        *stdErr = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QString ServerProcess::dataDir() const
{
    return QDir(m_work.path()).filePath(QStringLiteral("data"));
}

bool ServerProcess::start(QJsonObject config, bool tls)
{
    if (!config.contains(QStringLiteral("dataDir")))
        config.insert(QStringLiteral("dataDir"), dataDir());
    if (!config.contains(QStringLiteral("store"))) {
        const QString keyFile = QDir(m_work.path()).filePath(QStringLiteral("store.key"));
        if (!QFile::exists(keyFile) && !writeStoreKeyFile(keyFile)) {
            m_error = QStringLiteral("could not write the store key file");
            return false;
        }
        config.insert(QStringLiteral("store"), QJsonObject { { QStringLiteral("keyFile"), keyFile } });
    }
    if (!config.contains(QStringLiteral("listen")))
        config.insert(QStringLiteral("listen"),
            QJsonObject { { QStringLiteral("address"), QStringLiteral("127.0.0.1") }, { QStringLiteral("port"), 0 } });
    if (tls) {
        m_tls = makeSelfSignedCertificate(m_work.path());
        if (m_tls.certificate.isNull()) {
            m_error = QStringLiteral("could not make a certificate with openssl");
            return false;
        }
        config.insert(QStringLiteral("tls"),
            QJsonObject {
                { QStringLiteral("certificate"), m_tls.certificateFile }, { QStringLiteral("key"), m_tls.keyFile } });
    }
    QFile file(configFile());
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(config).toJson()) < 0) {
        m_error = QStringLiteral("could not write the config");
        return false;
    }
    file.close();

    m_process = std::make_unique<QProcess>();
    m_process->start(binary(), { QStringLiteral("--config"), configFile() });
    static const QRegularExpression listening(QStringLiteral("listening on (https?://[^\\s]+)"));
    QByteArray out;
    while (m_process->waitForReadyRead(15000)) {
        out += m_process->readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(out));
        if (match.hasMatch()) {
            m_baseUrl = QUrl(match.captured(1));
            return true;
        }
    }
    m_process->waitForFinished(2000);
    m_stdErr += m_process->readAllStandardError();
    m_error = QStringLiteral("server did not report listening: %1").arg(QString::fromUtf8(m_stdErr));
    return false;
}

void ServerProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(10000))
        m_process->kill();
    m_process->waitForFinished(5000);
    m_stdErr += m_process->readAllStandardError();
}

QByteArray ServerProcess::stdErr()
{
    if (m_process)
        m_stdErr += m_process->readAllStandardError();
    return m_stdErr;
}

int ServerProcess::runToExit(const QStringList& arguments, QByteArray* stdErr, int timeoutMs)
{
    QProcess process;
    process.start(binary(), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (stdErr)
        *stdErr = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

HttpResult httpGet(const QUrl& url, const QList<QSslCertificate>& trusted)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(15000);
    if (!trusted.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(trusted);
        request.setSslConfiguration(ssl);
    }
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

} // namespace poruch::test

namespace poruch::test {

HttpResult apiRequest(const QByteArray& method, const QUrl& url, const QByteArray& body, const QString& token,
    const QList<QSslCertificate>& trusted, const QList<QPair<QByteArray, QByteArray>>& extraHeaders,
    bool protocolHeader)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(30000);
    if (protocolHeader)
        request.setRawHeader("Poruch-Protocol", "1");
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    if (!body.isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto& header : extraHeaders)
        request.setRawHeader(header.first, header.second);
    if (!trusted.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(trusted);
        request.setSslConfiguration(ssl);
    }
    QNetworkReply* reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

QByteArray rawRequest(const QUrl& base, const QByteArray& request, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port()));
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QByteArray reply;
    while (socket.waitForReadyRead(timeoutMs)) {
        reply += socket.readAll();
        if (reply.contains("\r\n\r\n") && reply.trimmed().endsWith('}'))
            break;
    }
    return reply;
}

} // namespace poruch::test
