#pragma once

#include <QDateTime>
#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QUrl>

class QJSEngine;
class QNetworkAccessManager;
class QQmlEngine;
class QSslCertificate;
class QTimer;

namespace poruch::app {

// Whether the sync server can be reached right now, from its /api/v1/health answer.
// The app works fully offline; this only tells the user (and later the sync client) when to sync.
class ServerConnection : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool configured READ configured CONSTANT)
    Q_PROPERTY(QString serverVersion READ serverVersion NOTIFY stateChanged)
    Q_PROPERTY(QDateTime lastContact READ lastContact NOTIFY stateChanged)
public:
    enum class State { NotConfigured, Checking, Online, Unreachable };
    Q_ENUM(State)

    ServerConnection(QUrl serverUrl, const QList<QSslCertificate>& trusted, QObject* parent = nullptr);
    ~ServerConnection() override;

    // Owned by main(); QML gets the same instance.
    static ServerConnection* create(QQmlEngine*, QJSEngine*);

    State state() const { return m_state; }
    bool configured() const { return m_serverUrl.isValid() && !m_serverUrl.isEmpty(); }
    QString serverVersion() const { return m_serverVersion; }
    QDateTime lastContact() const { return m_lastContact; }

    Q_INVOKABLE void check();

Q_SIGNALS:
    void stateChanged();

private:
    void setState(State state);

    QUrl m_serverUrl;
    QNetworkAccessManager* m_network = nullptr;
    QTimer* m_timer = nullptr;
    State m_state = State::NotConfigured;
    QString m_serverVersion;
    QDateTime m_lastContact;
    QList<QSslCertificate> m_trusted;
    bool m_inFlight = false;
};

} // namespace poruch::app
