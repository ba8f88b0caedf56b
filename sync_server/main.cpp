// poruch-server: the sync server and office web page. See docs/operations.md.
#include "core/jsonlogging.h"
#include "core/unixsignalwatcher.h"
#include "core/version.h"
#include "server/serverconfig.h"
#include "server/syncserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "poruch-server: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("poruch-server"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(poruch::versionString));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Poruch sync server"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        QStringLiteral("config"), QStringLiteral("Server configuration (JSON)."), QStringLiteral("file"));
    parser.addOption(configOption);
    parser.process(app);
    if (!parser.isSet(configOption))
        return fail(QStringLiteral("--config FILE is required (see docs/operations.md)"));

    poruch::installJsonLogging();
    auto config = poruch::server::loadServerConfig(parser.value(configOption));
    if (!config)
        return fail(config.error().message);

    poruch::server::SyncServer server(*config);
    // Installed before the port is announced, so a stop request right after start-up is clean.
    poruch::UnixSignalWatcher signals;
    QObject::connect(&signals, &poruch::UnixSignalWatcher::terminationRequested, &app, [&](int) {
        server.stop();
        QCoreApplication::quit();
    });
    const auto port = server.start();
    if (!port)
        return fail(port.error().message);

    // Scripts and tests read the bound port from this line (the config may ask for port 0).
    std::printf("poruch-server listening on %s://%s:%u\n", config->tlsEnabled() ? "https" : "http",
        qPrintable(config->listenAddress.toString()), unsigned(*port));
    std::fflush(stdout);

    return app.exec();
}
