// Qt Quick Test runner for the UI components: imports the real Poruch.Ui and Poruch.Backend modules.
#include "serverconnection.h"

#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Poruch_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Poruch_UiPlugin)

class Setup : public QObject {
    Q_OBJECT
public:
    Setup() { QQuickStyle::setStyle(QStringLiteral("Material")); }

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/")); }

private:
    // No server configured: the singleton QML sees is a real, offline ServerConnection.
    poruch::app::ServerConnection m_connection { QUrl(), {} };
};

QUICK_TEST_MAIN_WITH_SETUP(qmlcomponents, Setup)
#include "tst_qmlcomponents.moc"
