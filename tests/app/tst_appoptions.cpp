#include "appoptions.h"

#include <QTest>

using poruch::app::AppOptions;
using poruch::app::parseAppOptions;

class TestAppOptions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("valid");
        QTest::newRow("defaults") << QStringList { "poruch" } << int(AppOptions::Mode::Interactive) << ""
                                  << "uk" << true;
        QTest::newRow("server") << QStringList { "poruch", "--server", "https://127.0.0.1:8443" }
                                << int(AppOptions::Mode::Interactive) << "https://127.0.0.1:8443"
                                << "uk" << true;
        QTest::newRow("self-test") << QStringList { "poruch", "--self-test" } << int(AppOptions::Mode::SelfTest) << ""
                                   << "uk" << true;
        QTest::newRow("screenshots in English") << QStringList { "poruch", "--screenshots", "/tmp/s", "--lang", "en" }
                                                << int(AppOptions::Mode::Screenshots) << ""
                                                << "en" << true;
        QTest::newRow("server not a URL")
            << QStringList { "poruch", "--server", "::" } << int(AppOptions::Mode::Interactive) << ""
            << "uk" << false;
        QTest::newRow("ftp server") << QStringList { "poruch", "--server", "ftp://x" }
                                    << int(AppOptions::Mode::Interactive) << ""
                                    << "uk" << false;
        QTest::newRow("unknown language")
            << QStringList { "poruch", "--lang", "de" } << int(AppOptions::Mode::Interactive) << ""
            << "de" << false;
        QTest::newRow("unknown option") << QStringList { "poruch", "--frobnicate" }
                                        << int(AppOptions::Mode::Interactive) << ""
                                        << "" << false;
    }
    void parses()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, mode);
        QFETCH(QString, server);
        QFETCH(QString, language);
        QFETCH(bool, valid);
        const AppOptions options = parseAppOptions(arguments);
        QCOMPARE(options.error.isEmpty(), valid);
        if (!valid)
            return;
        QCOMPARE(int(options.mode), mode);
        QCOMPARE(options.serverUrl.toString(), server);
        QCOMPARE(options.language, language);
    }
};

QTEST_GUILESS_MAIN(TestAppOptions)
#include "tst_appoptions.moc"
