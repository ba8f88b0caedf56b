#include "qmlselftest.h"

#include "applogging.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickWindow>

#include <cstdio>

namespace poruch::app {

namespace {

int s_problems = 0;
QtMessageHandler s_previousHandler = nullptr;

void countingHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    // QtInfoMsg (4) sorts above QtWarningMsg in the enum but is not a problem.
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg)
        ++s_problems;
    if (s_previousHandler)
        s_previousHandler(type, context, message);
}

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

} // namespace

int runQmlSelfTest(QQmlApplicationEngine& engine, const QUrl& mainUrl, const QString& qmlResourceRoot)
{
    s_problems = 0;
    s_previousHandler = qInstallMessageHandler(countingHandler);

    int files = 0;
    QDirIterator it(qmlResourceRoot, { QStringLiteral("*.qml") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        ++files;
        const QUrl url
            = path.startsWith(QLatin1Char(':')) ? QUrl(QStringLiteral("qrc") + path) : QUrl::fromLocalFile(path);
        QQmlComponent component(&engine, url);
        if (component.isError()) {
            for (const auto& error : component.errors())
                std::fprintf(stderr, "self-test: %s\n", qPrintable(error.toString()));
            ++s_problems;
        }
    }

    engine.load(mainUrl);
    if (engine.rootObjects().isEmpty()) {
        std::fprintf(stderr, "self-test: main window failed to load\n");
        ++s_problems;
    } else {
        QObject* root = engine.rootObjects().first();
        settle();
        const QStringList pages = root->property("pageNames").toStringList();
        for (const QString& page : pages) {
            QMetaObject::invokeMethod(root, "openPage", Q_ARG(QVariant, page));
            settle();
        }
        std::printf("self-test: %d QML files compiled, %lld pages opened\n", files, qlonglong(pages.size()));
    }

    qInstallMessageHandler(s_previousHandler);
    if (s_problems > 0) {
        std::fprintf(stderr, "self-test: FAILED with %d QML errors or warnings\n", s_problems);
        return 1;
    }
    std::printf("self-test: passed\n");
    return 0;
}

} // namespace poruch::app
