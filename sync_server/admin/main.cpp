// poruch-admin: administration of a poruch-server data folder from the command line.
// Users, caseloads, enrollment codes and revocation arrive with the sync store (see issue "Sync").
#include "core/version.h"
#include "server/serverconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("poruch-admin"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(poruch::versionString));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Poruch server administration.\n\nCommands:\n"
                                                    "  check-config   validate the configuration file"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        QStringLiteral("config"), QStringLiteral("Server configuration (JSON)."), QStringLiteral("file"));
    parser.addOption(configOption);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do."));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        std::fprintf(stderr, "poruch-admin: no command given (try --help)\n");
        return 2;
    }
    if (args.first() == QLatin1String("check-config")) {
        if (!parser.isSet(configOption)) {
            std::fprintf(stderr, "poruch-admin: --config FILE is required\n");
            return 2;
        }
        const auto config = poruch::server::loadServerConfig(parser.value(configOption));
        if (!config) {
            std::fprintf(stderr, "poruch-admin: %s\n", qPrintable(config.error().message));
            return 1;
        }
        std::printf("configuration ok\n");
        return 0;
    }
    std::fprintf(stderr, "poruch-admin: unknown command \"%s\" (try --help)\n", qPrintable(args.first()));
    return 2;
}
