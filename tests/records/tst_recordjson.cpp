// JSON (de)serialisation of members, cases and records: golden files, round trips, strict rejection.

#include "testfixtures.h"

#include "records/canonicalform.h"
#include "records/case.h"
#include "records/casecategories.h"
#include "records/jsonreader.h"
#include "records/record.h"

#include <QJsonDocument>
#include <QTest>

using namespace poruch;
using namespace poruch::records;

namespace {
QByteArray pretty(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QJsonObject parse(const QByteArray& text)
{
    return QJsonDocument::fromJson(text).object();
}

QJsonObject withKey(QJsonObject object, const QString& key, const QJsonValue& value)
{
    object.insert(key, value);
    return object;
}

QJsonObject withoutKey(QJsonObject object, const QString& key)
{
    object.remove(key);
    return object;
}
} // namespace

class TestRecordJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void caseMatchesGolden()
    {
        const Case value = fixtures::sampleCase();
        QVERIFY(fixtures::matchesGolden(QStringLiteral("case.json"), pretty(value.toJson())));
        QFile file(QStringLiteral(PORUCH_TEST_DATA_DIR "/case.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Result<Case> parsed = Case::fromJson(parse(file.readAll()));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QVERIFY(*parsed == value);
    }

    void recordsMatchGolden_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("final");
        QTest::newRow("draft") << QStringLiteral("record_draft.json") << false;
        QTest::newRow("final amendment") << QStringLiteral("record_final.json") << true;
    }
    void recordsMatchGolden()
    {
        QFETCH(QString, file);
        QFETCH(bool, final);
        Record record = final ? fixtures::sampleFinal() : fixtures::sampleDraft();
        if (final)
            record.contentHash = contentHash(record);
        QVERIFY(fixtures::matchesGolden(file, pretty(record.toJson())));
        QFile golden(QStringLiteral(PORUCH_TEST_DATA_DIR "/") + file);
        QVERIFY(golden.open(QIODevice::ReadOnly));
        const Result<Record> parsed = Record::fromJson(parse(golden.readAll()));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QVERIFY(*parsed == record);
        // And back: the parsed record serialises to the same bytes.
        QCOMPARE(pretty(parsed->toJson()), pretty(record.toJson()));
    }

    void utcAndOffsetTimesRoundTrip()
    {
        Record record = fixtures::sampleDraft();
        record.createdAt = QDateTime(QDate(2026, 10, 25), QTime(0, 59, 59), Qt::UTC);
        record.updatedAt = QDateTime(QDate(2026, 10, 25), QTime(4, 1), Qt::OffsetFromUTC, 3 * 3600);
        const Result<Record> parsed = Record::fromJson(record.toJson());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->toJson(), record.toJson());
        QCOMPARE(
            parsed->toJson().value(QStringLiteral("createdAt")).toString(), QStringLiteral("2026-10-25T00:59:59Z"));
    }

    // formatDateTime writes UTC and fixed-offset times itself: it must give exactly Qt's ISO text.
    void formatDateTimeIsQtsIsoDate()
    {
        const QList<QDateTime> values {
            QDateTime(QDate(2026, 3, 27), QTime(17, 5, 9), Qt::UTC),
            QDateTime(QDate(2026, 3, 27), QTime(0, 0), Qt::OffsetFromUTC, 0),
            QDateTime(QDate(2026, 10, 25), QTime(3, 59, 59, 999), Qt::OffsetFromUTC, 3 * 3600),
            QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59), Qt::OffsetFromUTC, 2 * 3600),
            QDateTime(QDate(2024, 2, 29), QTime(12, 30), Qt::OffsetFromUTC, -(9 * 3600 + 30 * 60)),
            QDateTime(QDate(2024, 2, 29), QTime(12, 30), Qt::OffsetFromUTC, 5 * 3600 + 45 * 60),
            QDateTime(QDate(1000, 1, 1), QTime(1, 2, 3), Qt::OffsetFromUTC, 14 * 3600),
            QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::OffsetFromUTC, -12 * 3600),
            QDateTime(QDate(999, 1, 1), QTime(1, 2, 3), Qt::UTC), // not four digits: Qt's own
            QDateTime(QDate(2026, 3, 27), QTime(17, 5), Qt::LocalTime), // Qt's own
            QDateTime::fromSecsSinceEpoch(1774621500, Qt::OffsetFromUTC, 7200),
        };
        for (const QDateTime& value : values)
            QCOMPARE(formatDateTime(value), value.toString(Qt::ISODate));
        QCOMPARE(formatDateTime(QDateTime()), QString());
        QCOMPARE(formatDateTime(QDateTime(QDate(2026, 3, 27), QTime(17, 5, 9), Qt::OffsetFromUTC, 7200)),
            QStringLiteral("2026-03-27T17:05:09+02:00"));
    }

    void badCaseJsonIsRejected_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("key");
        const QJsonObject good = fixtures::sampleCase().toJson();
        QJsonArray badMembers = good.value(QStringLiteral("members")).toArray();
        QJsonObject member = badMembers.at(0).toObject();
        member.insert(QStringLiteral("role"), QStringLiteral("parent"));
        badMembers.replace(0, member);
        QTest::newRow("missing address") << withoutKey(good, QStringLiteral("address")) << QStringLiteral("address");
        QTest::newRow("unknown key") << withKey(good, QStringLiteral("surname"), QStringLiteral("x"))
                                     << QStringLiteral("surname");
        QTest::newRow("idp not bool") << withKey(good, QStringLiteral("internallyDisplaced"), 1)
                                      << QStringLiteral("internallyDisplaced");
        QTest::newRow("unknown category")
            << withKey(good, QStringLiteral("categories"), QJsonArray { QStringLiteral("rich") })
            << QStringLiteral("categories");
        QTest::newRow("bad status") << withKey(good, QStringLiteral("status"), QStringLiteral("archived"))
                                    << QStringLiteral("status");
        QTest::newRow("bad complexity") << withKey(good, QStringLiteral("complexity"), QStringLiteral("hard"))
                                        << QStringLiteral("complexity");
        QTest::newRow("member role") << withKey(good, QStringLiteral("members"), badMembers) << QStringLiteral("role");
        QTest::newRow("members not array")
            << withKey(good, QStringLiteral("members"), QStringLiteral("x")) << QStringLiteral("members");
        QTest::newRow("time without offset")
            << withKey(good, QStringLiteral("createdAt"), QStringLiteral("2026-03-02T09:15:00"))
            << QStringLiteral("createdAt");
        QTest::newRow("id not uuid") << withKey(good, QStringLiteral("id"), QStringLiteral("case-1"))
                                     << QStringLiteral("id");
        QTest::newRow("id with braces") << withKey(
            good, QStringLiteral("id"), QStringLiteral("{6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f}"))
                                        << QStringLiteral("id");
    }
    void badCaseJsonIsRejected()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, key);
        const Result<Case> parsed = Case::fromJson(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("records.bad_json"));
        QVERIFY2(parsed.error().message.contains(QStringLiteral("'%1'").arg(key)), qPrintable(parsed.error().message));
        // Messages never carry values (personal data).
        QVERIFY(!parsed.error().message.contains(QStringLiteral("Шевченко")));
    }

    void badRecordJsonIsRejected_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("key");
        const QJsonObject draft = fixtures::sampleDraft().toJson();
        Record finalRecord = fixtures::sampleFinal();
        finalRecord.contentHash = QString(64, QLatin1Char('a'));
        const QJsonObject final = finalRecord.toJson();
        QTest::newRow("missing body") << withoutKey(draft, QStringLiteral("body")) << QStringLiteral("body");
        QTest::newRow("missing amends") << withoutKey(draft, QStringLiteral("amends")) << QStringLiteral("amends");
        QTest::newRow("unknown key") << withKey(draft, QStringLiteral("syncState"), 1) << QStringLiteral("syncState");
        QTest::newRow("unknown type") << withKey(draft, QStringLiteral("type"), QStringLiteral("letter"))
                                      << QStringLiteral("type");
        QTest::newRow("revision string") << withKey(draft, QStringLiteral("revision"), QStringLiteral("3"))
                                         << QStringLiteral("revision");
        QTest::newRow("revision zero") << withKey(draft, QStringLiteral("revision"), 0) << QStringLiteral("revision");
        QTest::newRow("revision fraction")
            << withKey(draft, QStringLiteral("revision"), 2.5) << QStringLiteral("revision");
        // Found by fuzz_record: a double beyond qint64 used to be cast before the range check (UB).
        QTest::newRow("revision 1e300") << withKey(draft, QStringLiteral("revision"), 1e300)
                                        << QStringLiteral("revision");
        QTest::newRow("revision -1e300") << withKey(draft, QStringLiteral("revision"), -1e300)
                                         << QStringLiteral("revision");
        QTest::newRow("revision 2^31") << withKey(draft, QStringLiteral("revision"), 2147483648.0)
                                       << QStringLiteral("revision");
        QTest::newRow("body array") << withKey(draft, QStringLiteral("body"), QJsonArray {}) << QStringLiteral("body");
        QTest::newRow("empty formId") << withKey(draft, QStringLiteral("formId"), QString())
                                      << QStringLiteral("formId");
        QTest::newRow("bad status") << withKey(draft, QStringLiteral("status"), QStringLiteral("signed"))
                                    << QStringLiteral("status");
        QTest::newRow("draft with hash") << withKey(draft, QStringLiteral("contentHash"), QString(64, QLatin1Char('a')))
                                         << QStringLiteral("contentHash");
        QTest::newRow("final without hash")
            << withKey(final, QStringLiteral("contentHash"), QJsonValue()) << QStringLiteral("contentHash");
        QTest::newRow("final upper-case hash") << withKey(final, QStringLiteral("contentHash"),
            QString(64, QLatin1Char('A'))) << QStringLiteral("contentHash");
        QTest::newRow("final without finalizedAt")
            << withKey(final, QStringLiteral("finalizedAt"), QJsonValue()) << QStringLiteral("finalizedAt");
        QTest::newRow("bad date-time") << withKey(
            draft, QStringLiteral("updatedAt"), QStringLiteral("27.03.2026 17:41"))
                                       << QStringLiteral("updatedAt");
        QTest::newRow("amends not uuid") << withKey(draft, QStringLiteral("amends"), QStringLiteral("x"))
                                         << QStringLiteral("amends");
    }
    void badRecordJsonIsRejected()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, key);
        const Result<Record> parsed = Record::fromJson(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("records.bad_json"));
        QVERIFY2(parsed.error().message.contains(QStringLiteral("'%1'").arg(key)), qPrintable(parsed.error().message));
    }

    void everyRecordTypeRoundTrips()
    {
        const QStringList ids = recordTypeIds();
        QCOMPARE(ids.size(), 11);
        for (const QString& id : ids) {
            const auto type = recordTypeFromId(id);
            QVERIFY(type.has_value());
            QCOMPARE(recordTypeId(*type), id);
        }
        QVERIFY(!recordTypeFromId(QStringLiteral("Notice")).has_value());
    }

    void categoriesFollowSeed()
    {
        // 001 §1.6 lists 17 groups; codes are unique and every one has a Ukrainian label.
        QCOMPARE(caseCategories().size(), 17);
        QSet<QString> codes;
        for (const CaseCategory& category : caseCategories()) {
            QVERIFY(!category.label.isEmpty());
            codes.insert(category.code);
        }
        QCOMPARE(codes.size(), 17);
        QCOMPARE(caseCategoryLabel(QStringLiteral("low_income")), QStringLiteral("Малозабезпечені сім'ї з дітьми"));
        QVERIFY(!isCaseCategory(QStringLiteral("unknown")));
    }
};

QTEST_GUILESS_MAIN(TestRecordJson)
#include "tst_recordjson.moc"
