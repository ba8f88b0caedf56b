#pragma once

#include <QUrl>

class QQmlApplicationEngine;

namespace poruch::app {

// Compiles every QML file of the UI module, loads the main window and opens each page.
// Any QML error or warning on the way is a failure: returns the process exit code.
int runQmlSelfTest(QQmlApplicationEngine& engine, const QUrl& mainUrl, const QString& qmlResourceRoot);

} // namespace poruch::app
