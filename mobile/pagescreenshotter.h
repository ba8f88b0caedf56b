#pragma once

#include <QString>

class QQuickWindow;
class QObject;

namespace poruch::app {

// Renders every page the main window lists (property pageNames, function openPage) to PNG files
// in landscape 1280x800 and portrait 800x1280. Returns the number of files written, or -1.
int writePageScreenshots(QQuickWindow* window, const QString& directory);

} // namespace poruch::app
