#include "pagescreenshotter.h"

#include "applogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QQuickWindow>
#include <QThread>

namespace poruch::app {

namespace {

void settle()
{
    // Let bindings, layouts and StackView transitions finish before grabbing.
    for (int i = 0; i < 10; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(20);
    }
}

} // namespace

int writePageScreenshots(QQuickWindow* window, const QString& directory)
{
    if (!window || !QDir().mkpath(directory))
        return -1;
    const QStringList pages = window->property("pageNames").toStringList();
    const struct {
        const char* name;
        QSize size;
    } orientations[] = { { "landscape", QSize(1280, 800) }, { "portrait", QSize(800, 1280) } };

    int written = 0;
    for (const auto& orientation : orientations) {
        window->resize(orientation.size);
        for (const QString& page : pages) {
            QMetaObject::invokeMethod(window, "openPage", Q_ARG(QVariant, page));
            settle();
            const QImage image = window->grabWindow();
            const QString file = QDir(directory).filePath(
                QStringLiteral("%1-%2.png").arg(page, QString::fromLatin1(orientation.name)));
            if (image.isNull() || !image.save(file)) {
                qCWarning(lcApp) << "could not write screenshot" << file;
                return -1;
            }
            ++written;
        }
    }
    return written;
}

} // namespace poruch::app
