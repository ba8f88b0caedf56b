#pragma once

// Drives a real headless Chromium over the DevTools protocol (WebSocket to --remote-debugging-port=0):
// navigate, run a line of JavaScript, take full-page screenshots, download files. No npm, no driver.
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class QWebSocket;

namespace poruch::test {

class ChromiumSession {
public:
    ChromiumSession();
    ~ChromiumSession();

    bool start(QString* error);
    // Navigates and waits until the load event (or the timeout).
    bool navigate(const QUrl& url);
    // Evaluates an expression in the page and returns its value (by value).
    QJsonValue evaluate(const QString& expression);
    // Evaluates something that makes the page navigate (a click, a form submit) and waits for the new page.
    bool evaluateAndWaitForLoad(const QString& expression);
    QString currentUrl() { return evaluate(QStringLiteral("location.href")).toString(); }
    QString bodyText() { return evaluate(QStringLiteral("document.body.innerText")).toString(); }
    // Full-page PNG.
    QByteArray screenshot();
    // Lets the browser save downloads into this folder.
    bool allowDownloads(const QString& folder);
    void emulatePrintMedia(bool print);

    static QString binary();

private:
    QJsonObject command(
        const QString& method, const QJsonObject& params = {}, bool session = true, int timeoutMs = 20000);
    bool waitForEvent(const QString& method, int timeoutMs);

    QTemporaryDir m_profile;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QWebSocket> m_socket;
    QString m_sessionId;
    int m_nextId = 1;
    QList<QJsonObject> m_messages;
};

} // namespace poruch::test
