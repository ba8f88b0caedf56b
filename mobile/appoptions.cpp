#include "appoptions.h"

#include <QCommandLineParser>

namespace poruch::app {

AppOptions parseAppOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Poruch tablet app"));
    const QCommandLineOption server(
        QStringLiteral("server"), QStringLiteral("Sync server URL."), QStringLiteral("url"));
    const QCommandLineOption caCert(QStringLiteral("ca-cert"),
        QStringLiteral("PEM certificate to trust for the server (demo only; enrollment pins it)."),
        QStringLiteral("file"));
    const QCommandLineOption selfTest(QStringLiteral("self-test"),
        QStringLiteral("Load every QML file offscreen; exit non-zero on any QML warning or error."));
    const QCommandLineOption screenshots(QStringLiteral("screenshots"),
        QStringLiteral("Render the main pages to PNG files in this folder and exit."), QStringLiteral("dir"));
    const QCommandLineOption language(QStringLiteral("lang"), QStringLiteral("UI language: uk (default) or en."),
        QStringLiteral("code"), QStringLiteral("uk"));
    parser.addOptions({ server, caCert, selfTest, screenshots, language });
    parser.addHelpOption();

    AppOptions options;
    if (!parser.parse(arguments)) {
        options.error = parser.errorText();
        return options;
    }
    if (parser.isSet(server)) {
        options.serverUrl = QUrl(parser.value(server), QUrl::StrictMode);
        const QString scheme = options.serverUrl.scheme();
        if (!options.serverUrl.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
            || options.serverUrl.host().isEmpty())
            options.error = QStringLiteral("--server must be an http(s) URL");
    }
    options.caCertificate = parser.value(caCert);
    options.language = parser.value(language);
    if (options.language != QLatin1String("uk") && options.language != QLatin1String("en"))
        options.error = QStringLiteral("--lang must be uk or en");
    if (parser.isSet(selfTest))
        options.mode = AppOptions::Mode::SelfTest;
    if (parser.isSet(screenshots)) {
        options.mode = AppOptions::Mode::Screenshots;
        options.screenshotDir = parser.value(screenshots);
    }
    return options;
}

} // namespace poruch::app
