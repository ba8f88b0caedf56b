#pragma once

// Test helpers for the office page: a small HTTP client with a cookie jar that does not follow redirects,
// and the fixture that creates users (with web passwords) through the real poruch-admin.
#include "serverprocess.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSslCertificate>
#include <QUrl>

namespace poruch::test {

struct WebReply {
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray& name) const;
    QList<QByteArray> headersNamed(const QByteArray& name) const;
    QString text() const { return QString::fromUtf8(body); }
};

class WebClient {
public:
    explicit WebClient(QUrl base, QList<QSslCertificate> trusted = {})
        : m_base(std::move(base))
        , m_trusted(std::move(trusted))
    {
    }
    WebReply get(const QString& path);
    WebReply post(const QString& path, const QList<QPair<QString, QString>>& fields);
    // Logs in through the form (fetches the login CSRF cookie first). Returns the POST's reply.
    WebReply login(const QString& username, const QString& password);
    // The session's CSRF token, read from the hidden field of the last page that had one.
    QString csrf() const { return m_csrf; }
    QByteArray cookie(const QByteArray& name) const { return m_cookies.value(name); }
    void setCookie(const QByteArray& name, const QByteArray& value) { m_cookies.insert(name, value); }

private:
    WebReply send(const QByteArray& method, const QString& path, const QByteArray& body);
    QUrl m_base;
    QList<QSslCertificate> m_trusted;
    QHash<QByteArray, QByteArray> m_cookies;
    QString m_csrf;
};

// Creates a user with the real poruch-admin (password on standard input when given); returns the user id.
QString createWebUser(const ServerProcess& server, const QString& username, const QString& role,
    const QString& password, const QString& unit = QStringLiteral("default"));

} // namespace poruch::test

namespace poruch::test {

// A tablet of a field worker that enrolled over the real API and pushed a family with a final notice about
// a child (so the server gave it a journal number), a final safety assessment act and a final outcome mark
// (action form version 2: the child stayed in the family).
struct PushedCase {
    QString caseId;
    QString noticeId;
    QString assessmentId;
    QString outcomeId;
    QDateTime outcomeAt;
    QString childId;
    QString token; // the tablet's bearer token, for further pushes
    QString deviceId;
    QString journalNumber;
    QString childName;
    QString error; // empty when everything was applied
};
PushedCase enrollAndPushCase(const ServerProcess& server, const QString& workerUsername, const QString& childName);

} // namespace poruch::test
