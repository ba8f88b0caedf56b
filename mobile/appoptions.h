#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>

class QCoreApplication;

namespace poruch::app {

// What the tablet app was asked to do on its command line.
struct AppOptions {
    enum class Mode { Interactive, SelfTest, Screenshots };
    Mode mode = Mode::Interactive;
    QUrl serverUrl; // sync server; empty means offline-only
    QString caCertificate; // PEM file trusted for the demo server until enrollment pins it
    QString screenshotDir;
    QString language; // "uk" (default) or "en"
    QString error; // set when the command line is invalid
};

AppOptions parseAppOptions(const QStringList& arguments);

} // namespace poruch::app
