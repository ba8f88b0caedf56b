// Working-day calendar: Orthodox Easter, holidays in peacetime vs martial law, art. 67 transfers, working-day
// arithmetic, day ends with the Kyiv offset, and loading (built-in resource, runtime file, errors).
#include "workflow/workingcalendar.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using poruch::workflow::WorkingCalendar;

namespace {

QByteArray builtInJson()
{
    QFile f(QStringLiteral(":/poruch/workflow/calendar.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The shipped calendar with the martial-law periods replaced.
WorkingCalendar calendarWith(const QJsonValue& martialLaw)
{
    QJsonObject root = QJsonDocument::fromJson(builtInJson()).object();
    root.insert(QStringLiteral("martialLaw"), martialLaw);
    auto cal = WorkingCalendar::fromJson(QJsonDocument(root).toJson());
    if (!cal)
        qFatal("calendar: %s", qPrintable(cal.error().message));
    return cal.value();
}

WorkingCalendar calendarNamed(const QString& name)
{
    if (name == QLatin1String("peace"))
        return calendarWith(QJsonArray {});
    if (name == QLatin1String("martial"))
        return calendarWith(QJsonObject {
            { QStringLiteral("from"), QStringLiteral("2022-02-24") }, { QStringLiteral("until"), QJsonValue::Null } });
    auto cal = WorkingCalendar::builtIn();
    if (!cal)
        qFatal("built-in calendar: %s", qPrintable(cal.error().message));
    return cal.value();
}

// QVERIFY2 evaluates its message even on success, so never touch error() of a good result there.
template <typename T> QByteArray why(const poruch::Result<T>& r)
{
    return r.ok() ? QByteArray() : r.error().message.toUtf8();
}

QDate d(const char* iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

} // namespace

class TestWorkingCalendar : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void orthodoxEaster_data()
    {
        QTest::addColumn<int>("year");
        QTest::addColumn<QDate>("easter");
        QTest::newRow("2019") << 2019 << d("2019-04-28");
        QTest::newRow("2021") << 2021 << d("2021-05-02");
        QTest::newRow("2023") << 2023 << d("2023-04-16");
        QTest::newRow("2024") << 2024 << d("2024-05-05");
        QTest::newRow("2025") << 2025 << d("2025-04-20");
        QTest::newRow("2026") << 2026 << d("2026-04-12");
        QTest::newRow("2027") << 2027 << d("2027-05-02");
        QTest::newRow("2028") << 2028 << d("2028-04-16");
    }
    void orthodoxEaster()
    {
        QFETCH(int, year);
        QFETCH(QDate, easter);
        QCOMPARE(WorkingCalendar::orthodoxEaster(year), easter);
        QCOMPARE(WorkingCalendar::orthodoxEaster(year).dayOfWeek(), 7);
    }

    void holidaysOf2026()
    {
        const WorkingCalendar cal = calendarNamed(QStringLiteral("builtin"));
        const QList<QDate> expected
            = { d("2026-01-01"), d("2026-03-08"), d("2026-04-12"), d("2026-05-01"), d("2026-05-08"), d("2026-05-31"),
                  d("2026-06-28"), d("2026-07-15"), d("2026-08-24"), d("2026-10-01"), d("2026-12-25") };
        QCOMPARE(cal.holidaysOf(2026), expected);
    }

    void isWorkingDay_data()
    {
        QTest::addColumn<QString>("calendar");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<bool>("working");
        // Ordinary days.
        QTest::newRow("friday") << "martial" << d("2026-03-27") << true;
        QTest::newRow("saturday") << "martial" << d("2026-03-28") << false;
        QTest::newRow("sunday peace") << "peace" << d("2026-03-29") << false;
        // A public holiday on a weekday: a day off in peacetime, a working day under martial law.
        QTest::newRow("new year peace") << "peace" << d("2026-01-01") << false;
        QTest::newRow("new year martial") << "martial" << d("2026-01-01") << true;
        QTest::newRow("independence day peace") << "peace" << d("2026-08-24") << false;
        QTest::newRow("independence day martial") << "martial" << d("2026-08-24") << true;
        QTest::newRow("christmas friday peace") << "peace" << d("2026-12-25") << false;
        QTest::newRow("christmas friday martial") << "martial" << d("2026-12-25") << true;
        // A holiday on a weekend moves to Monday in peacetime (art. 67) but not under martial law.
        QTest::newRow("easter monday peace") << "peace" << d("2026-04-13") << false;
        QTest::newRow("easter monday martial") << "martial" << d("2026-04-13") << true;
        QTest::newRow("trinity monday peace") << "peace" << d("2026-06-01") << false;
        QTest::newRow("trinity monday martial") << "martial" << d("2026-06-01") << true;
        QTest::newRow("8 march on sunday peace") << "peace" << d("2026-03-09") << false;
        QTest::newRow("8 march on sunday martial") << "martial" << d("2026-03-09") << true;
        QTest::newRow("constitution day on sunday peace") << "peace" << d("2026-06-29") << false;
        QTest::newRow("christmas saturday peace") << "peace" << d("2027-12-27") << false;
        QTest::newRow("christmas saturday martial") << "martial" << d("2027-12-27") << true;
        // Two holidays on one weekend take Monday and Tuesday (2021: 1 May Saturday, Easter 2 May).
        QTest::newRow("2021 may 3 off") << "builtin" << d("2021-05-03") << false;
        QTest::newRow("2021 may 4 off") << "builtin" << d("2021-05-04") << false;
        QTest::newRow("2021 may 5 works") << "builtin" << d("2021-05-05") << true;
        // The shipped calendar: peacetime before 24 Feb 2022, martial law since.
        QTest::newRow("builtin 2021-12-27 moved christmas") << "builtin" << d("2021-12-27") << false;
        QTest::newRow("builtin 2022-01-03 moved new year") << "builtin" << d("2022-01-03") << false;
        QTest::newRow("builtin 2026-01-01 martial") << "builtin" << d("2026-01-01") << true;
        QTest::newRow("builtin 2026-04-13 martial") << "builtin" << d("2026-04-13") << true;
    }
    void isWorkingDay()
    {
        QFETCH(QString, calendar);
        QFETCH(QDate, date);
        QFETCH(bool, working);
        QCOMPARE(calendarNamed(calendar).isWorkingDay(date), working);
    }

    void martialLawEnds()
    {
        // After martial law ends, art. 67 applies again: 25 Dec 2027 (Saturday) moves to Monday 27.
        const WorkingCalendar cal
            = calendarWith(QJsonArray { QJsonObject { { QStringLiteral("from"), QStringLiteral("2022-02-24") },
                { QStringLiteral("until"), QStringLiteral("2027-06-30") } } });
        QVERIFY(cal.isMartialLaw(d("2027-06-30")));
        QVERIFY(!cal.isMartialLaw(d("2027-07-01")));
        QVERIFY(cal.isWorkingDay(d("2027-05-03"))); // 2 May 2027 Easter, still martial law
        QVERIFY(!cal.isWorkingDay(d("2027-12-27")));
        QVERIFY(cal.isTransferredDayOff(d("2027-12-27")));
        QVERIFY(!cal.isWorkingDay(d("2027-08-24")));
    }

    void addWorkingDays_data()
    {
        QTest::addColumn<QString>("calendar");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<int>("n");
        QTest::addColumn<QDate>("expected");
        QTest::newRow("friday +1") << "martial" << d("2026-03-27") << 1 << d("2026-03-30");
        QTest::newRow("saturday +0") << "martial" << d("2026-03-28") << 0 << d("2026-03-30");
        QTest::newRow("friday +0") << "martial" << d("2026-03-27") << 0 << d("2026-03-27");
        QTest::newRow("before easter peace") << "peace" << d("2026-04-10") << 1 << d("2026-04-14");
        QTest::newRow("before easter martial") << "martial" << d("2026-04-10") << 1 << d("2026-04-13");
        QTest::newRow("year end peace") << "peace" << d("2026-12-31") << 1 << d("2027-01-04");
        QTest::newRow("year end martial") << "martial" << d("2026-12-31") << 1 << d("2027-01-01");
        QTest::newRow("month end +5") << "martial" << d("2026-04-29") << 5 << d("2026-05-06");
        QTest::newRow("month end +5 peace") << "peace" << d("2026-04-29") << 5 << d("2026-05-07");
        QTest::newRow("christmas +7 peace") << "peace" << d("2026-12-24") << 7 << d("2027-01-06");
        QTest::newRow("christmas +7 martial") << "martial" << d("2026-12-24") << 7 << d("2027-01-04");
    }
    void addWorkingDays()
    {
        QFETCH(QString, calendar);
        QFETCH(QDate, from);
        QFETCH(int, n);
        QFETCH(QDate, expected);
        QCOMPARE(calendarNamed(calendar).addWorkingDays(from, n), expected);
    }

    void endOfDay_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("iso");
        QTest::newRow("winter") << d("2026-01-15") << "2026-01-15T23:59:59+02:00";
        QTest::newRow("summer") << d("2026-07-15") << "2026-07-15T23:59:59+03:00";
        QTest::newRow("spring change day") << d("2026-03-29") << "2026-03-29T23:59:59+03:00";
        QTest::newRow("autumn change day") << d("2026-10-25") << "2026-10-25T23:59:59+02:00";
    }
    void endOfDay()
    {
        QFETCH(QDate, date);
        QFETCH(QString, iso);
        const WorkingCalendar cal = calendarNamed(QStringLiteral("builtin"));
        QCOMPARE(cal.endOfDay(date).toString(Qt::ISODate), iso);
        QCOMPARE(cal.endOfDay(date).toUTC(), QDateTime::fromString(iso, Qt::ISODate).toUTC());
        QCOMPARE(cal.localDate(QDateTime::fromString(iso, Qt::ISODate).toUTC()), date);
    }

    void explicitExtraDateAndWindow()
    {
        QJsonObject root = QJsonDocument::fromJson(builtInJson()).object();
        QJsonArray holidays = root.value(QStringLiteral("holidays")).toArray();
        holidays.append(QJsonObject { { QStringLiteral("id"), QStringLiteral("extra") },
            { QStringLiteral("date"), QStringLiteral("2026-11-03") } });
        holidays.append(QJsonObject { { QStringLiteral("id"), QStringLiteral("old_christmas") },
            { QStringLiteral("fixed"), QStringLiteral("01-07") },
            { QStringLiteral("until"), QStringLiteral("2023-07-28") } });
        root.insert(QStringLiteral("holidays"), holidays);
        root.insert(QStringLiteral("martialLaw"), QJsonValue::Null);
        const auto cal = WorkingCalendar::fromJson(QJsonDocument(root).toJson());
        QVERIFY2(cal.ok(), why(cal).constData());
        QVERIFY(!cal->isWorkingDay(d("2026-11-03")));
        QVERIFY(cal->isWorkingDay(d("2027-11-03"))); // a one-off date
        QVERIFY(!cal->isWorkingDay(d("2021-01-07")));
        QVERIFY(cal->isWorkingDay(d("2026-01-07"))); // outside its validity window
    }

    void runtimeFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QJsonObject root = QJsonDocument::fromJson(builtInJson()).object();
        root.insert(QStringLiteral("martialLaw"), QJsonArray {}); // an office switches martial law off
        QFile f(dir.filePath(QStringLiteral("calendar.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(root).toJson());
        f.close();
        const auto cal = WorkingCalendar::fromFile(f.fileName());
        QVERIFY2(cal.ok(), why(cal).constData());
        QVERIFY(!cal->isWorkingDay(d("2026-01-01")));
        const auto missing = WorkingCalendar::fromFile(dir.filePath(QStringLiteral("missing.json")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("workflow.io"));
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value"); // JSON text replacing root[key]
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("schema") << "schema"
                                << R"("other/1")"
                                << "workflow.calendar_invalid"
                                << "schema";
        QTest::newRow("zone") << "timeZone"
                              << R"("Mars/Olympus")"
                              << "workflow.calendar_invalid"
                              << "time zone";
        QTest::newRow("weekend 8") << "weekend"
                                   << "[6, 8]"
                                   << "workflow.calendar_invalid"
                                   << "1..7";
        QTest::newRow("no working day") << "weekend"
                                        << "[1,2,3,4,5,6,7]"
                                        << "workflow.calendar_invalid"
                                        << "working day";
        QTest::newRow("movable rule") << "holidays"
                                      << R"([{"id": "x", "movable": "western_easter"}])"
                                      << "workflow.calendar_invalid"
                                      << "orthodox_easter";
        QTest::newRow("fixed") << "holidays"
                               << R"([{"id": "x", "fixed": "13-01"}])"
                               << "workflow.calendar_invalid"
                               << "MM-DD";
        QTest::newRow("two kinds") << "holidays"
                                   << R"([{"id": "x", "fixed": "01-01", "date": "2026-01-02"}])"
                                   << "workflow.calendar_invalid"
                                   << "exactly one";
        QTest::newRow("no id") << "holidays"
                               << R"([{"fixed": "01-01"}])"
                               << "workflow.calendar_invalid"
                               << "id";
        QTest::newRow("martial backwards") << "martialLaw"
                                           << R"({"from": "2022-02-24", "until": "2021-01-01"})"
                                           << "workflow.calendar_invalid"
                                           << "ends before";
        QTest::newRow("martial bad date") << "martialLaw"
                                          << R"([{"from": "24.02.2022", "until": null}])"
                                          << "workflow.calendar_invalid"
                                          << "martial-law";
        QTest::newRow("day end") << "dayEnd"
                                 << R"("18:00")"
                                 << "workflow.calendar_invalid"
                                 << "dayEnd";
    }
    void invalid()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, code);
        QFETCH(QString, messagePart);
        QJsonObject root = QJsonDocument::fromJson(builtInJson()).object();
        const QJsonDocument v = QJsonDocument::fromJson("[" + value.toUtf8() + "]");
        QVERIFY(v.isArray());
        root.insert(key, v.array().at(0));
        const auto cal = WorkingCalendar::fromJson(QJsonDocument(root).toJson());
        QVERIFY(!cal.ok());
        QCOMPARE(cal.error().code, code);
        QVERIFY2(cal.error().message.contains(messagePart), qPrintable(cal.error().message));
    }

    void notJson()
    {
        const auto cal = WorkingCalendar::fromJson("{ not json");
        QVERIFY(!cal.ok());
        QCOMPARE(cal.error().code, QStringLiteral("workflow.calendar_parse"));
    }
};

QTEST_GUILESS_MAIN(TestWorkingCalendar)
#include "tst_workingcalendar.moc"
