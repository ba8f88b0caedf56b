#include "chromiumsession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

namespace poruch::test {

ChromiumSession::ChromiumSession() = default;

ChromiumSession::~ChromiumSession()
{
    if (m_socket)
        m_socket->close();
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
        m_process->waitForFinished(3000);
    }
}

QString ChromiumSession::binary()
{
    for (const char* name : { "chromium", "chromium-browser", "google-chrome" }) {
        const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
        if (!path.isEmpty())
            return path;
    }
    return QString();
}

bool ChromiumSession::start(QString* error)
{
    m_process = std::make_unique<QProcess>();
    // Never read: a pipe that fills up would block the browser.
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->setStandardErrorFile(QProcess::nullDevice());
    m_process->start(binary(),
        { QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
            QStringLiteral("--disable-quic"), QStringLiteral("--no-first-run"),
            QStringLiteral("--disable-background-networking"), QStringLiteral("--disable-component-update"),
            QStringLiteral("--disable-sync"), QStringLiteral("--disable-dev-shm-usage"), QStringLiteral("--lang=uk-UA"),
            QStringLiteral("--window-size=1280,900"), QStringLiteral("--remote-debugging-port=0"),
            QStringLiteral("--user-data-dir=%1").arg(m_profile.path()), QStringLiteral("about:blank") });
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("chromium did not start");
        return false;
    }
    // Chromium writes the chosen port and the browser endpoint into DevToolsActivePort.
    const QString portFile = QDir(m_profile.path()).filePath(QStringLiteral("DevToolsActivePort"));
    QStringList lines;
    for (int i = 0; i < 300 && lines.size() < 2; ++i) {
        QThread::msleep(100);
        QFile file(portFile);
        if (file.open(QIODevice::ReadOnly))
            lines = QString::fromLatin1(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    if (lines.size() < 2) {
        *error = QStringLiteral("chromium wrote no DevToolsActivePort");
        return false;
    }
    m_socket = std::make_unique<QWebSocket>();
    m_socket->setMaxAllowedIncomingMessageSize(512 * 1024 * 1024);
    QObject::connect(m_socket.get(), &QWebSocket::textMessageReceived,
        [this](const QString& message) { m_messages.append(QJsonDocument::fromJson(message.toUtf8()).object()); });
    QEventLoop loop;
    QObject::connect(m_socket.get(), &QWebSocket::connected, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    m_socket->open(QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(lines.at(0).trimmed(), lines.at(1).trimmed())));
    loop.exec();
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        *error = QStringLiteral("could not connect to the DevTools endpoint");
        return false;
    }
    const QJsonObject target = command(QStringLiteral("Target.createTarget"),
        QJsonObject { { QStringLiteral("url"), QStringLiteral("about:blank") } }, false);
    const QString targetId = target.value(QStringLiteral("targetId")).toString();
    const QJsonObject attached = command(QStringLiteral("Target.attachToTarget"),
        QJsonObject { { QStringLiteral("targetId"), targetId }, { QStringLiteral("flatten"), true } }, false);
    m_sessionId = attached.value(QStringLiteral("sessionId")).toString();
    if (m_sessionId.isEmpty()) {
        *error = QStringLiteral("could not attach to a page");
        return false;
    }
    command(QStringLiteral("Page.enable"));
    command(QStringLiteral("Runtime.enable"));
    command(QStringLiteral("Emulation.setDeviceMetricsOverride"),
        QJsonObject { { QStringLiteral("width"), 1280 }, { QStringLiteral("height"), 900 },
            { QStringLiteral("deviceScaleFactor"), 1 }, { QStringLiteral("mobile"), false } });
    return true;
}

QJsonObject ChromiumSession::command(const QString& method, const QJsonObject& params, bool session, int timeoutMs)
{
    const int id = m_nextId++;
    QJsonObject message { { QStringLiteral("id"), id }, { QStringLiteral("method"), method },
        { QStringLiteral("params"), params } };
    if (session && !m_sessionId.isEmpty())
        message.insert(QStringLiteral("sessionId"), m_sessionId);
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        for (qsizetype i = 0; i < m_messages.size(); ++i) {
            if (m_messages.at(i).value(QStringLiteral("id")).toInt() == id) {
                const QJsonObject reply = m_messages.takeAt(i);
                if (reply.contains(QStringLiteral("error")))
                    qWarning() << "devtools" << method << "failed:" << reply.value(QStringLiteral("error"));
                return reply.value(QStringLiteral("result")).toObject();
            }
        }
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    qWarning() << "devtools" << method << "timed out";
    return {};
}

bool ChromiumSession::waitForEvent(const QString& method, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        for (qsizetype i = 0; i < m_messages.size(); ++i) {
            if (m_messages.at(i).value(QStringLiteral("method")).toString() == method) {
                m_messages.removeAt(i);
                return true;
            }
        }
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return false;
}

bool ChromiumSession::navigate(const QUrl& url)
{
    m_messages.removeIf([](const QJsonObject& m) {
        return m.value(QStringLiteral("method")).toString() == QLatin1String("Page.loadEventFired");
    });
    command(QStringLiteral("Page.navigate"), QJsonObject { { QStringLiteral("url"), url.toString() } });
    return waitForEvent(QStringLiteral("Page.loadEventFired"), 20000);
}

QJsonValue ChromiumSession::evaluate(const QString& expression)
{
    const QJsonObject result = command(QStringLiteral("Runtime.evaluate"),
        QJsonObject { { QStringLiteral("expression"), expression }, { QStringLiteral("returnByValue"), true } });
    return result.value(QStringLiteral("result")).toObject().value(QStringLiteral("value"));
}

bool ChromiumSession::evaluateAndWaitForLoad(const QString& expression)
{
    m_messages.removeIf([](const QJsonObject& m) {
        return m.value(QStringLiteral("method")).toString() == QLatin1String("Page.loadEventFired");
    });
    evaluate(expression);
    return waitForEvent(QStringLiteral("Page.loadEventFired"), 20000);
}

QByteArray ChromiumSession::screenshot()
{
    const int height = qBound(600, evaluate(QStringLiteral("document.documentElement.scrollHeight")).toInt(), 6000);
    command(QStringLiteral("Emulation.setDeviceMetricsOverride"),
        QJsonObject { { QStringLiteral("width"), 1280 }, { QStringLiteral("height"), height },
            { QStringLiteral("deviceScaleFactor"), 1 }, { QStringLiteral("mobile"), false } });
    const QJsonObject shot = command(
        QStringLiteral("Page.captureScreenshot"), QJsonObject { { QStringLiteral("format"), QStringLiteral("png") } });
    command(QStringLiteral("Emulation.setDeviceMetricsOverride"),
        QJsonObject { { QStringLiteral("width"), 1280 }, { QStringLiteral("height"), 900 },
            { QStringLiteral("deviceScaleFactor"), 1 }, { QStringLiteral("mobile"), false } });
    return QByteArray::fromBase64(shot.value(QStringLiteral("data")).toString().toLatin1());
}

bool ChromiumSession::allowDownloads(const QString& folder)
{
    command(QStringLiteral("Browser.setDownloadBehavior"),
        QJsonObject {
            { QStringLiteral("behavior"), QStringLiteral("allow") }, { QStringLiteral("downloadPath"), folder } },
        false);
    return true;
}

void ChromiumSession::emulatePrintMedia(bool print)
{
    command(QStringLiteral("Emulation.setEmulatedMedia"),
        QJsonObject { { QStringLiteral("media"), print ? QStringLiteral("print") : QString() } });
}

} // namespace poruch::test
