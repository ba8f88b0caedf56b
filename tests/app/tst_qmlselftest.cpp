// The self-test must fail on any QML error or warning, or it guards nothing.
#include "qmlselftest.h"

#include <QDir>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QTemporaryDir>
#include <QTest>

namespace {

const char* goodMain = R"(import QtQuick
import QtQuick.Window
Window {
    property var pageNames: ["a", "b"]
    property string current
    function openPage(name) { current = name }
    width: 100; height: 100
}
)";

} // namespace

class TestQmlSelfTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void verdict_data()
    {
        QTest::addColumn<QByteArray>("mainQml");
        QTest::addColumn<QByteArray>("otherQml");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("clean UI passes") << QByteArray(goodMain) << QByteArray("import QtQuick\nItem {}\n") << 0;
        QTest::newRow("syntax error in a page fails")
            << QByteArray(goodMain) << QByteArray("import QtQuick\nItem { width: }\n") << 1;
        QTest::newRow("unknown type in a page fails")
            << QByteArray(goodMain) << QByteArray("import QtQuick\nNoSuchThing {}\n") << 1;
        QTest::newRow("runtime reference error while opening a page fails")
            << QByteArray(goodMain).replace("current = name", "current = name + undefinedThing")
            << QByteArray("import QtQuick\nItem {}\n") << 1;
    }
    void verdict()
    {
        QFETCH(QByteArray, mainQml);
        QFETCH(QByteArray, otherQml);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("pages")));
        auto write = [&](const QString& name, const QByteArray& content) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        };
        write(QStringLiteral("Main.qml"), mainQml);
        write(QStringLiteral("pages/Other.qml"), otherQml);
        QQmlApplicationEngine engine;
        const int result = poruch::app::runQmlSelfTest(
            engine, QUrl::fromLocalFile(dir.filePath(QStringLiteral("Main.qml"))), dir.path());
        QCOMPARE(result, exitCode);
    }
};

QTEST_MAIN(TestQmlSelfTest)
#include "tst_qmlselftest.moc"
