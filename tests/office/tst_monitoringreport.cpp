// Unit: the quarterly monitoring report (resolution 817 §9) on a generated dataset. The expectations are
// computed here from the generator's own plan (which family was identified when, covered, displaced, ...),
// not by calling the code under test.
#include "office/monitoringreport.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace poruch::server::office;
namespace records = poruch::records;

namespace {

const QTimeZone kyiv(QByteArrayLiteral("Europe/Kyiv"));

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// What the generator decided for one family, in plain dates.
struct Plan {
    records::Case value;
    int children = 0;
    bool displaced = false;
    QList<QDate> noticeDays; // Kyiv calendar days
    QDate decisionDay; // invalid: no decision to provide services
    bool accompaniment = false;
    bool refusedDecisionOnly = false; // a decision with provideServices = false
    bool draftNoticeOnly = false; // only a draft notice: not identified
};

records::Record makeRecord(const QString& caseId, records::RecordType type, const QJsonObject& body, bool final = true)
{
    records::Record record;
    record.id = uuid();
    record.type = type;
    record.formId = records::recordTypeId(type);
    record.caseId = caseId;
    record.body = body;
    record.status = final ? records::RecordStatus::Final : records::RecordStatus::Draft;
    record.createdAt = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    record.updatedAt = record.createdAt;
    record.finalizedAt = final ? record.createdAt : QDateTime();
    return record;
}

// Which quarter a Kyiv day belongs to, counted independently of Quarter::containing.
bool inQuarter(const QDate& day, int year, int number)
{
    const int firstMonth = 1 + 3 * (number - 1);
    return day.year() == year && day.month() >= firstMonth && day.month() < firstMonth + 3;
}

bool beforeEndOf(const QDate& day, int year, int number)
{
    const QDate end = number == 4 ? QDate(year + 1, 1, 1) : QDate(year, 3 * number + 1, 1);
    return day < end;
}

} // namespace

class TestMonitoringReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void quarters_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QDate>("firstDay");
        QTest::addColumn<QDate>("endDay");
        QTest::addColumn<QString>("label");
        QTest::newRow("Q1") << QStringLiteral("2026-Q1") << QDate(2026, 1, 1) << QDate(2026, 4, 1)
                            << QStringLiteral("I квартал 2026 р.");
        QTest::newRow("Q4") << QStringLiteral("2025-Q4") << QDate(2025, 10, 1) << QDate(2026, 1, 1)
                            << QStringLiteral("IV квартал 2025 р.");
    }
    void quarters()
    {
        QFETCH(QString, id);
        QFETCH(QDate, firstDay);
        QFETCH(QDate, endDay);
        QFETCH(QString, label);
        const auto quarter = Quarter::parse(id);
        QVERIFY(quarter.has_value());
        QCOMPARE(quarter->id(), id);
        QCOMPARE(quarter->labelUk(), label);
        QCOMPARE(quarter->start(), QDateTime(firstDay, QTime(0, 0), kyiv));
        QCOMPARE(quarter->end(), QDateTime(endDay, QTime(0, 0), kyiv));
        QCOMPARE(quarter->yearBefore().id(), QStringLiteral("%1-Q%2").arg(quarter->year - 1).arg(quarter->number));
        QVERIFY(!Quarter::parse(QStringLiteral("2026-Q5")).has_value());
        QVERIFY(!Quarter::parse(QStringLiteral("2026Q1")).has_value());
    }

    void kyivMidnightDecidesTheQuarter()
    {
        // 31 Dec 23:30 UTC is already 1 Jan in Kyiv: it belongs to Q1 of the next year.
        records::Case value;
        value.id = uuid();
        const auto notice = makeRecord(value.id, records::RecordType::Notice,
            QJsonObject { { QStringLiteral("receivedAt"), QStringLiteral("2025-12-31T23:30:00Z") } });
        const auto q1 = computeMonitoring({ value }, { notice }, *Quarter::parse(QStringLiteral("2026-Q1")));
        QCOMPARE(q1.identifiedInQuarter.families, 1);
        const auto q4 = computeMonitoring({ value }, { notice }, *Quarter::parse(QStringLiteral("2025-Q4")));
        QCOMPARE(q4.identified.families, 0);
    }

    void generatedDataset_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<QString>("quarter");
        for (quint32 seed : { 1u, 7u, 2026u }) {
            for (const char* quarter : { "2025-Q2", "2026-Q1", "2026-Q3" })
                QTest::addRow("seed %u %s", seed, quarter) << seed << QString::fromLatin1(quarter);
        }
    }
    void generatedDataset()
    {
        QFETCH(quint32, seed);
        QFETCH(QString, quarter);
        QRandomGenerator random(seed);
        QList<Plan> plans;
        QList<records::Case> cases;
        QList<records::Record> recordList;
        const QDate first(2024, 10, 1);
        for (int i = 0; i < 300; ++i) {
            Plan plan;
            plan.value.id = uuid();
            plan.children = int(random.bounded(4));
            plan.displaced = random.bounded(4) == 0;
            plan.value.internallyDisplaced = plan.displaced;
            records::Member adult;
            adult.id = uuid();
            adult.fullName = QStringLiteral("Дорослий %1").arg(i);
            plan.value.members.append(adult);
            for (int c = 0; c < plan.children; ++c) {
                records::Member child;
                child.id = uuid();
                child.role = records::Member::Role::Child;
                child.fullName = QStringLiteral("Дитина %1-%2").arg(i).arg(c);
                plan.value.members.append(child);
            }
            const int notices = 1 + (random.bounded(5) == 0 ? 1 + int(random.bounded(2)) : 0);
            plan.draftNoticeOnly = random.bounded(25) == 0;
            for (int n = 0; n < notices; ++n) {
                const QDate day = first.addDays(random.bounded(730));
                const int hour = int(random.bounded(24));
                // Written as UTC, so the Kyiv day can differ from the UTC day near midnight.
                const QDateTime kyivMoment(day, QTime(hour, 15), kyiv);
                plan.noticeDays.append(kyivMoment.toTimeZone(kyiv).date());
                QJsonObject body { { QStringLiteral("receivedAt"), kyivMoment.toUTC().toString(Qt::ISODate) } };
                if (n == 0 && random.bounded(3) == 0) {
                    // Some notices only say when the situation was identified.
                    body = QJsonObject { { QStringLiteral("identifiedAt"), kyivMoment.toString(Qt::ISODate) } };
                }
                recordList.append(makeRecord(plan.value.id, records::RecordType::Notice, body, !plan.draftNoticeOnly));
            }
            if (random.bounded(10) < 8) {
                const QDate decision = plan.noticeDays.first().addDays(random.bounded(120));
                const bool provide = random.bounded(10) != 0;
                QJsonArray services { QStringLiteral("counselling") };
                const bool accompaniment = random.bounded(2) == 0;
                if (accompaniment)
                    services.append(QStringLiteral("social_accompaniment"));
                recordList.append(makeRecord(plan.value.id, records::RecordType::ServicesDecision,
                    QJsonObject { { QStringLiteral("decisionDate"), decision.toString(Qt::ISODate) },
                        { QStringLiteral("provideServices"), provide }, { QStringLiteral("services"), services } }));
                if (provide) {
                    plan.decisionDay = decision;
                    plan.accompaniment = accompaniment;
                } else {
                    plan.refusedDecisionOnly = true;
                }
            }
            plans.append(plan);
            cases.append(plan.value);
        }
        // Outcome actions (action form v2) in and around the quarter, naming one or two children of the family.
        // Some name a child already counted (a child counts once per quarter), some are drafts or other codes.
        const Quarter q = *Quarter::parse(quarter);
        QSet<QString> returnedChildren, stayedChildren;
        int outcomes = 0;
        for (int i = 0; i < plans.size() && outcomes < 40; ++i) {
            const Plan& plan = plans.at(i);
            if (plan.children == 0)
                continue;
            ++outcomes;
            const QDate day = q.start().date().addDays(int(random.bounded(140)) - 20);
            const int kind = int(random.bounded(10)); // 0-3 returned, 4-7 stayed, 8 other code, 9 draft
            const bool isReturn = kind < 4 || (kind == 9 && random.bounded(2) == 0);
            const QString code = kind == 8 ? QStringLiteral("removal_decision_taken")
                : isReturn                 ? QStringLiteral("child_returned_to_family")
                                           : QStringLiteral("child_stayed_in_family");
            // Children of the plan are members 1..children (member 0 is the adult).
            QStringList named { plan.value.members.at(1 + int(random.bounded(plan.children))).id };
            if (plan.children > 1 && random.bounded(3) == 0)
                named.append(plan.value.members.at(1).id);
            named.removeDuplicates();
            const int repeats = random.bounded(5) == 0 ? 2 : 1; // the same fact recorded twice
            for (int r = 0; r < repeats; ++r) {
                recordList.append(makeRecord(plan.value.id, records::RecordType::Action,
                    QJsonObject { { QStringLiteral("action"), code },
                        { QStringLiteral("at"), QDateTime(day, QTime(12, 0), kyiv).toString(Qt::ISODate) },
                        { QStringLiteral("childMembers"), QJsonArray::fromStringList(named) } },
                    kind != 9));
            }
            if (kind >= 8 || !inQuarter(day, q.year, q.number))
                continue;
            for (const QString& member : named)
                (isReturn ? returnedChildren : stayedChildren).insert(plan.value.id + QLatin1Char(':') + member);
        }
        const int returned = int(returnedChildren.size());
        const int stayed = int(stayedChildren.size());

        // Expectations from the plans.
        Count identified, inQuarterCount, displaced, covered, coveredDisplaced, accompanied, again;
        const auto add = [](Count& count, const Plan& plan) {
            count.families += 1;
            count.children += plan.children;
        };
        for (const Plan& plan : plans) {
            if (plan.draftNoticeOnly)
                continue;
            QList<QDate> days = plan.noticeDays;
            std::sort(days.begin(), days.end());
            if (!beforeEndOf(days.first(), q.year, q.number))
                continue;
            add(identified, plan);
            if (inQuarter(days.first(), q.year, q.number))
                add(inQuarterCount, plan);
            if (plan.displaced)
                add(displaced, plan);
            bool repeated = false;
            for (int k = 1; k < days.size(); ++k) {
                // Same-day repeats with the same hour cannot happen often; the code compares moments.
                repeated = repeated || inQuarter(days.at(k), q.year, q.number);
            }
            if (repeated)
                add(again, plan);
            if (plan.decisionDay.isValid() && beforeEndOf(plan.decisionDay, q.year, q.number)) {
                add(covered, plan);
                if (plan.displaced)
                    add(coveredDisplaced, plan);
                if (plan.accompaniment)
                    add(accompanied, plan);
            }
        }

        const MonitoringFigures figures = computeMonitoring(cases, recordList, q);
        const auto same
            = [](const Count& a, const Count& b) { return a.families == b.families && a.children == b.children; };
        QVERIFY(identified.families > 0);
        QVERIFY2(same(figures.identified, identified), "identified");
        QVERIFY2(same(figures.identifiedInQuarter, inQuarterCount), "identified in quarter");
        QVERIFY2(same(figures.identifiedDisplaced, displaced), "displaced");
        QVERIFY2(same(figures.covered, covered), "covered");
        QVERIFY2(same(figures.coveredDisplaced, coveredDisplaced), "covered displaced");
        QVERIFY2(same(figures.coveredAccompaniment, accompanied), "accompaniment");
        QVERIFY2(same(figures.reidentified, again), "re-identified");
        QCOMPARE(figures.returnedToFamily, returned);
        QCOMPARE(figures.stayedInFamily, stayed);
        QVERIFY(returned + stayed > 0); // the dataset exercises the outcome indicators
        QCOMPARE(figures.coveredShareFamilies(), 100.0 * covered.families / identified.families);
        if (covered.families > 0)
            QCOMPARE(figures.accompanimentShareOfCoveredFamilies(), 100.0 * accompanied.families / covered.families);
    }

    // One child named by two records of the quarter counts once; two children of one record count twice;
    // a record dated just outside the quarter (Kyiv time) does not count.
    void outcomeChildrenCountedOnce()
    {
        records::Case value;
        value.id = uuid();
        const QJsonArray both { QStringLiteral("child-a"), QStringLiteral("child-b") };
        const auto action = [&](const char* code, const char* at, const QJsonArray& children) {
            return makeRecord(value.id, records::RecordType::Action,
                QJsonObject { { QStringLiteral("action"), QString::fromLatin1(code) },
                    { QStringLiteral("at"), QString::fromLatin1(at) }, { QStringLiteral("childMembers"), children } });
        };
        const QList<records::Record> list { action("child_stayed_in_family", "2026-02-01T10:00:00+02:00", both),
            action("child_stayed_in_family", "2026-03-01T10:00:00+02:00", { QStringLiteral("child-a") }),
            action("child_returned_to_family", "2026-03-31T21:30:00Z", { QStringLiteral("child-a") }),
            action("child_returned_to_family", "2025-12-31T22:30:00Z", { QStringLiteral("child-b") }) };
        const auto q1 = computeMonitoring({ value }, list, *Quarter::parse(QStringLiteral("2026-Q1")));
        QCOMPARE(q1.stayedInFamily, 2);
        QCOMPARE(q1.returnedToFamily,
            1); // 2025-12-31 22:30 UTC is 1 Jan in Kyiv (+02:00); 2026-03-31 21:30 UTC is 1 Apr (+03:00)
        const auto q2 = computeMonitoring({ value }, list, *Quarter::parse(QStringLiteral("2026-Q2")));
        QCOMPARE(q2.returnedToFamily, 1);
        QCOMPARE(q2.stayedInFamily, 0);
    }

    void emptyDenominatorIsNoShare()
    {
        const MonitoringFigures figures = computeMonitoring({}, {}, *Quarter::parse(QStringLiteral("2026-Q1")));
        QCOMPARE(figures.identified.families, 0);
        QCOMPARE(figures.coveredShareFamilies(), -1.0);
        QCOMPARE(percent(1, 0), -1.0);
        QCOMPARE(percent(17, 20), 85.0);
    }
};

QTEST_GUILESS_MAIN(TestMonitoringReport)
#include "tst_monitoringreport.moc"
