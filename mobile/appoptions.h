#pragma once

#include <QDateTime>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>

class QCoreApplication;

namespace poruch::app {

// What the tablet app was asked to do on its command line.
struct AppOptions {
    enum class Mode { Interactive, SelfTest, Screenshots, TestAutotype, TestDumpRecord };
    Mode mode = Mode::Interactive;
    QUrl serverUrl; // sync server; empty means offline-only
    QString caCertificate; // PEM file trusted for the demo server until enrollment pins it
    QString screenshotDir;
    QString language; // "uk" (default) or "en"
    QString dataDir; // empty: QStandardPaths::AppDataLocation (self-test/screenshots: a temporary folder)
    int maxPinFailures = 10; // wrong PINs before the store is wiped
    int autoLockMinutes = 5;
    QDateTime fixedNow; // --now: a frozen clock (screenshots, tests)
    QString testPin; // --test-autotype / --test-dump-record: the PIN to set or unlock with
    QString testRecordId; // --test-dump-record
    QString error; // set when the command line is invalid
};

AppOptions parseAppOptions(const QStringList& arguments);

} // namespace poruch::app
