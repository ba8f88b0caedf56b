#pragma once

#include "benchstats.h"

#include "records/case.h"
#include "store/keyvault.h"

#include <QQmlApplicationEngine>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QQuickItem;
class QQuickWindow;

namespace poruch::app {
class AppSession;
class ServerConnection;
class SyncStatus;
} // namespace poruch::app

namespace poruch::bench {

// The PIN every benchmark device is set up with.
QString benchPin();

// Generated households (bench/store's generator: Ukrainian names, addresses, phones) and what a worker
// would type to find them.
struct Households {
    QList<records::Case> cases;
    QStringList queries;
};
Households makeHouseholds(int count, quint32 seed);

// Sets up a tablet data folder as the app does (AppSession::createPin, KDF `kdf`) and saves `cases`
// through RecordRepository in batches; locked when it returns. Untimed. Returns false on any failure.
bool prepareDevice(const QString& dir, const QList<records::Case>& cases, const store::KdfParams& kdf);

// The real tablet UI: Main.qml of Poruch.Ui loaded offscreen (software renderer) over an AppSession on
// `dir`, with the singletons main() provides. One per process (AppSession is a singleton).
class AppUnderTest {
public:
    explicit AppUnderTest(const QString& dir);
    ~AppUnderTest();
    bool load();
    app::AppSession& session() { return *m_session; }
    QQuickWindow* window() const { return m_window; }
    QQuickItem* caseList() const; // the home page's ListView (objectName "caseload")
    // Processes events until the caseload list has `count` rows and its first delegate exists, then renders
    // a frame; false after `timeoutMs`.
    bool waitForCaseload(int count, int timeoutMs = 60000);
    QQuickItem* itemAtIndex(int index) const;
    bool renderFrame();

private:
    std::unique_ptr<app::AppSession> m_session;
    std::unique_ptr<app::SyncStatus> m_syncStatus;
    std::unique_ptr<app::ServerConnection> m_connection;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow* m_window = nullptr;
};

// Call before QGuiApplication exists: offscreen platform, software scene graph (as the app's self-test).
void useOffscreenRendering();

// A field of /proc/self/status in KiB (VmRSS, VmHWM); -1 if unreadable.
qint64 procStatusKiB(const char* field);

} // namespace poruch::bench
