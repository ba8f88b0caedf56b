// Canonical serialisation and content hash of records: stable across key order, sensitive to content.

#include "testfixtures.h"

#include "records/canonicalform.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace poruch;
using namespace poruch::records;

class TestCanonicalForm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void canonicalJsonRules_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("sorted keys, no whitespace") << QByteArray(R"({ "b": 1, "a": [ true, false, null ] })")
                                                    << QByteArray(R"({"a":[true,false,null],"b":1})");
        QTest::newRow("nested objects sorted")
            << QByteArray(R"({"z":{"y":1,"x":2},"a":{}})") << QByteArray(R"({"a":{},"z":{"x":2,"y":1}})");
        QTest::newRow("integral numbers")
            << QByteArray(R"({"a":1.0,"b":-0.0,"c":1e3,"d":-42})") << QByteArray(R"({"a":1,"b":0,"c":1000,"d":-42})");
        QTest::newRow("fractions shortest")
            << QByteArray(R"({"a":0.1,"b":2456.50,"c":1.5e-7})") << QByteArray(R"({"a":0.1,"b":2456.5,"c":1.5e-07})");
        QTest::newRow("escapes minimal") << QByteArray("{\"a\":\"q\\\"b\\\\ \\n\\t\\u0001 \\/ \\u0436\"}")
                                         << QByteArray("{\"a\":\"q\\\"b\\\\ \\n\\t\\u0001 / \xd0\xb6\"}");
        QTest::newRow("cyrillic raw utf-8")
            << QByteArray(R"({"ім'я":"Ґонта","a":"Є"})") << QByteArray(R"({"a":"Є","ім'я":"Ґонта"})");
        QTest::newRow("keys by code point")
            << QByteArray(R"({"b":1,"B":2,"é":3,"a":4})") << QByteArray(R"({"B":2,"a":4,"b":1,"é":3})");
    }
    void canonicalJsonRules()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, canonical);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(canonicalJson(doc.object()), canonical);
    }

    void keyOrderDoesNotMatter()
    {
        Record a = fixtures::sampleFinal();
        Record b = a;
        // Same body built in another insertion order, and parsed from differently formatted text.
        QJsonObject body;
        const QStringList keys = a.body.keys();
        for (auto it = keys.crbegin(); it != keys.crend(); ++it)
            body.insert(*it, a.body.value(*it));
        b.body = body;
        QCOMPARE(contentHash(a), contentHash(b));
        const QByteArray indented = QJsonDocument(a.body).toJson(QJsonDocument::Indented);
        b.body = QJsonDocument::fromJson(indented).object();
        QCOMPARE(canonicalForm(a), canonicalForm(b));
        // Draft bookkeeping is not content.
        b.revision = 99;
        b.updatedAt = a.updatedAt.addSecs(3600);
        QCOMPARE(contentHash(a), contentHash(b));
    }

    void anyContentChangeChangesHash_data()
    {
        QTest::addColumn<int>("change");
        for (int i = 0; i < 13; ++i)
            QTest::newRow(qPrintable(QStringLiteral("change %1").arg(i))) << i;
    }
    void anyContentChangeChangesHash()
    {
        QFETCH(int, change);
        const Record original = fixtures::sampleFinal();
        Record changed = original;
        switch (change) {
        case 0:
            changed.body.insert(QStringLiteral("roomsCount"), 3);
            break;
        case 1:
            changed.body.insert(
                QStringLiteral("notes"), original.body.value(QStringLiteral("notes")).toString() + QLatin1Char(' '));
            break;
        case 2:
            changed.body.insert(QStringLiteral("extra"), QJsonValue());
            break;
        case 3: {
            QJsonObject followUp = changed.body.value(QStringLiteral("followUp")).toObject();
            followUp.insert(QStringLiteral("needed"), false);
            changed.body.insert(QStringLiteral("followUp"), followUp);
            break;
        }
        case 4:
            changed.body.insert(
                QStringLiteral("present"), QJsonArray { QStringLiteral("child"), QStringLiteral("mother") });
            break;
        case 5:
            changed.body.insert(QStringLiteral("incomePerPerson"), 2456.51);
            break;
        case 6:
            changed.id = QStringLiteral("3c7e9a1b-2d4f-4e6a-8b0c-d1e2f3a4b5c7");
            break;
        case 7:
            changed.caseId = QStringLiteral("6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e50");
            break;
        case 8:
            changed.formVersion = 2;
            break;
        case 9:
            changed.authorUserId = QStringLiteral("worker-18");
            break;
        case 10:
            changed.finalizedAt = original.finalizedAt.addSecs(1);
            break;
        case 11:
            changed.amends.clear();
            break;
        case 12:
            changed.type = RecordType::SafetyAssessment;
            break;
        }
        QVERIFY(contentHash(original) != contentHash(changed));
    }

    void goldenHash()
    {
        const Record record = fixtures::sampleFinal();
        const QByteArray bytes = canonicalForm(record);
        QVERIFY(fixtures::matchesGolden(QStringLiteral("record_final.canonical"), bytes));
        QCOMPARE(contentHash(record),
            QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        // Fixed value: if this changes, every act signed so far would fail verification.
        QCOMPARE(
            contentHash(record), QStringLiteral("8ee42678d3e8edaac7512b84d505daaca7b314816fde51c06c6f78d1d3d50b82"));
    }

    void verifyDetectsTampering()
    {
        Record record = fixtures::sampleFinal();
        record.contentHash = contentHash(record);
        QVERIFY(verifyContentHash(record));
        record.body.insert(QStringLiteral("notes"), QStringLiteral("змінено"));
        QVERIFY(!verifyContentHash(record));
        record.contentHash.clear();
        QVERIFY(!verifyContentHash(record));
    }
};

QTEST_GUILESS_MAIN(TestCanonicalForm)
#include "tst_canonicalform.moc"
