#include "core/jsonlogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestJsonLogging : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneParsableLinePerMessage_data()
    {
        QTest::addColumn<QString>("message");
        QTest::newRow("plain") << QStringLiteral("listening 8443");
        QTest::newRow("quotes and backslash") << QStringLiteral("a \"quoted\" \\ path");
        QTest::newRow("newline stays on one line") << QStringLiteral("first\nsecond");
        QTest::newRow("cyrillic") << QStringLiteral("запис 42 збережено");
    }
    void oneParsableLinePerMessage()
    {
        QFETCH(QString, message);
        const QString line = poruch::formatJsonLogLine(QtWarningMsg, "poruch.test", message);
        QVERIFY(!line.contains(QLatin1Char('\n')));
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(line.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object.value(QStringLiteral("msg")).toString(), message);
        QCOMPARE(object.value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
        QCOMPARE(object.value(QStringLiteral("category")).toString(), QStringLiteral("poruch.test"));
        QVERIFY(QDateTime::fromString(object.value(QStringLiteral("ts")).toString(), Qt::ISODateWithMs).isValid());
    }
};

QTEST_GUILESS_MAIN(TestJsonLogging)
#include "tst_jsonlogging.moc"
