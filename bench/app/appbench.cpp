#include "appbench.h"

#include "../store/workload.h"
#include "appsession.h"
#include "records/recordrepository.h"
#include "serverconnection.h"
#include "store/database.h"
#include "syncstatus.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSslCertificate>
#include <QtQml/qqmlextensionplugin.h>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(Poruch_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Poruch_UiPlugin)

namespace poruch::bench {

QString benchPin()
{
    return QStringLiteral("482915");
}

Households makeHouseholds(int count, quint32 seed)
{
    WorkloadSize size;
    size.cases = count;
    size.recordsPerCase = 0; // the caseload is about households; acts are not listed there
    Dataset data = makeDataset(size, seed);
    return { std::move(data.cases), std::move(data.searchQueries) };
}

bool prepareDevice(const QString& dir, const QList<records::Case>& cases, const store::KdfParams& kdf)
{
    app::AppSession::Config config;
    config.dataDir = dir;
    config.kdf = kdf;
    app::AppSession session(config);
    if (!session.createPin(benchPin(), benchPin()) || !session.database()) {
        std::fprintf(stderr, "bench: the device could not be set up\n");
        return false;
    }
    constexpr int batch = 500;
    for (qsizetype first = 0; first < cases.size(); first += batch) {
        auto saved = session.database()->transaction([&]() -> Result<void> {
            for (qsizetype i = first; i < qMin(cases.size(), first + batch); ++i) {
                if (auto result = session.repository()->saveCase(cases.at(i)); !result)
                    return result.error();
            }
            return {};
        });
        if (!saved) {
            std::fprintf(stderr, "bench: saving cases failed: %s\n", qPrintable(saved.error().code));
            return false;
        }
    }
    session.lock();
    return true;
}

AppUnderTest::AppUnderTest(const QString& dir)
{
    app::AppSession::Config config;
    config.dataDir = dir; // production KDF strength: the default of KdfParams
    m_session = std::make_unique<app::AppSession>(config);
    m_syncStatus = std::make_unique<app::SyncStatus>(nullptr);
    m_connection = std::make_unique<app::ServerConnection>(QUrl(), QList<QSslCertificate>());
}

AppUnderTest::~AppUnderTest()
{
    m_engine.reset(); // QML first: it holds the singletons
}

bool AppUnderTest::load()
{
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->addImportPath(QStringLiteral("qrc:/"));
    m_engine->load(QUrl(QStringLiteral("qrc:/Poruch/Ui/Main.qml")));
    if (m_engine->rootObjects().isEmpty())
        return false;
    m_window = qobject_cast<QQuickWindow*>(m_engine->rootObjects().first());
    if (!m_window)
        return false;
    m_window->show();
    return caseList() != nullptr;
}

QQuickItem* AppUnderTest::caseList() const
{
    return m_window ? m_window->findChild<QQuickItem*>(QStringLiteral("caseload")) : nullptr;
}

QQuickItem* AppUnderTest::itemAtIndex(int index) const
{
    QQuickItem* item = nullptr;
    if (QQuickItem* list = caseList())
        QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem*, item), Q_ARG(int, index));
    return item;
}

bool AppUnderTest::renderFrame()
{
    // Polish, sync and render synchronously: what the user would see at this moment.
    return m_window && !m_window->grabWindow().isNull();
}

bool AppUnderTest::waitForCaseload(int count, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QQuickItem* list = caseList();
    while (timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        if (list && list->property("count").toInt() == count && (count == 0 || itemAtIndex(0))) {
            // The first delegate must carry the first row's household, not a stale one.
            QQuickItem* first = itemAtIndex(0);
            if (count > 0 && first->property("title").toString().isEmpty())
                continue;
            return renderFrame();
        }
    }
    return false;
}

void useOffscreenRendering()
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
}

qint64 procStatusKiB(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace poruch::bench
