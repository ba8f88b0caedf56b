// Qt Quick Test runner for the UI components and the form renderer: imports the real Poruch.Ui and
// Poruch.Backend modules over a real (temporary, encrypted) store with fictional demo households.
#include "appsession.h"
#include "serverconnection.h"
#include "syncstatus.h"

#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(Poruch_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Poruch_UiPlugin)

class Setup : public QObject {
    Q_OBJECT
public:
    Setup() { QQuickStyle::setStyle(QStringLiteral("Material")); }

public Q_SLOTS:
    void applicationAvailable()
    {
        poruch::app::AppSession::Config config;
        config.dataDir = m_dir.path();
        config.kdf = poruch::store::KdfParams::insecureForTests(); // fast; production strength is the default
        config.fixedNow = QDateTime::fromString(QStringLiteral("2026-03-27T17:30:00+02:00"), Qt::ISODate);
        m_session = std::make_unique<poruch::app::AppSession>(config);
        m_sync = std::make_unique<poruch::app::SyncStatus>(nullptr);
        if (!m_session->prepareDemo())
            qFatal("demo store could not be prepared");
    }
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/")); }

private:
    // No server configured: the singleton QML sees is a real, offline ServerConnection.
    poruch::app::ServerConnection m_connection { QUrl(), {} };
    QTemporaryDir m_dir;
    std::unique_ptr<poruch::app::AppSession> m_session;
    std::unique_ptr<poruch::app::SyncStatus> m_sync;
};

QUICK_TEST_MAIN_WITH_SETUP(qmlcomponents, Setup)
#include "tst_qmlcomponents.moc"
