// The tablet's C++ controllers and models over a real encrypted store (no mocks): unlock policy,
// caseload search and filters, deadlines, the form controller's autosave / validation / finalize /
// amend / PDF, crisis mode and conflict resolution through the sync seam.
#include "appsession.h"
#include "casecontroller.h"
#include "caseloadmodel.h"
#include "conflictcontroller.h"
#include "crisiscontroller.h"
#include "deadlinemodel.h"
#include "demodata.h"
#include "formcontroller.h"
#include "records/recordrepository.h"
#include "syncstatus.h"
#include "unlockguard.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace poruch::app;

namespace {

const QDateTime fixedNow = QDateTime::fromString(QStringLiteral("2026-03-27T17:30:00+02:00"), Qt::ISODate);
const QString pin = QStringLiteral("482915");

AppSession::Config config(const QString& dir, int maxFailures = 10, int autoLockSeconds = 300)
{
    AppSession::Config c;
    c.dataDir = dir;
    c.maxFailures = maxFailures;
    c.autoLockSeconds = autoLockSeconds;
    c.kdf = poruch::store::KdfParams::insecureForTests(); // fast; production strength is the default
    c.fixedNow = fixedNow;
    return c;
}

} // namespace

class TestControllers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void backoffDelays_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<int>("delay");
        QTest::newRow("first") << 1 << 0;
        QTest::newRow("second") << 2 << 0;
        QTest::newRow("third starts the wait") << 3 << 30;
        QTest::newRow("fourth doubles") << 4 << 60;
        QTest::newRow("fifth") << 5 << 120;
        QTest::newRow("capped") << 12 << UnlockGuard::maxDelaySeconds;
    }
    void backoffDelays()
    {
        QFETCH(int, failures);
        QFETCH(int, delay);
        QCOMPARE(UnlockGuard::delaySeconds(failures), delay);
    }

    void guardPersistsAcrossRestarts()
    {
        QTemporaryDir dir;
        {
            UnlockGuard guard(dir.path(), 6);
            QVERIFY(guard.recordFailure(QDateTime::currentDateTimeUtc()));
            QVERIFY(guard.recordFailure(QDateTime::currentDateTimeUtc()));
            QVERIFY(!guard.warn());
            QVERIFY(guard.recordFailure(QDateTime::currentDateTimeUtc()));
        }
        UnlockGuard again(dir.path(), 6);
        QCOMPARE(again.failures(), 3);
        QCOMPARE(again.attemptsLeft(), 3);
        QVERIFY(again.warn());
        QVERIFY(again.secondsUntilNextAttempt(QDateTime::currentDateTimeUtc()) > 0);
        QFile file(again.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(pin.toLatin1())); // a count and a time, nothing else
    }

    void pinRules_data()
    {
        QTest::addColumn<QString>("candidate");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("six digits") << "482915" << true;
        QTest::newRow("five digits") << "48291" << false;
        QTest::newRow("same digit") << "111111" << false;
        QTest::newRow("run up") << "123456" << false;
        QTest::newRow("run down") << "987654" << false;
        QTest::newRow("short passphrase") << "коротка" << false;
        QTest::newRow("passphrase") << "зелений чайник 7" << true;
    }
    void pinRules()
    {
        QFETCH(QString, candidate);
        QFETCH(bool, accepted);
        QTemporaryDir dir;
        AppSession session(config(dir.path()));
        QCOMPARE(session.pinProblem(candidate).isEmpty(), accepted);
    }

    void setupLockUnlock()
    {
        QTemporaryDir dir;
        {
            AppSession session(config(dir.path()));
            QCOMPARE(session.state(), AppSession::State::Setup);
            QVERIFY(!session.createPin(pin, QStringLiteral("482916")));
            QVERIFY(!session.message().isEmpty());
            QVERIFY(session.createPin(pin, pin));
            QCOMPARE(session.state(), AppSession::State::Unlocked);
            QVERIFY(session.repository());
            session.lock();
            QCOMPARE(session.state(), AppSession::State::Locked);
            QVERIFY(!session.repository());
        }
        AppSession later(config(dir.path()));
        QCOMPARE(later.state(), AppSession::State::Locked);
        QVERIFY(later.unlock(pin));
        QCOMPARE(later.state(), AppSession::State::Unlocked);
        // The store file is encrypted: no SQLite header.
        QFile db(dir.filePath(QStringLiteral("store.db")));
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.read(16).startsWith("SQLite format 3"));
    }

    void wrongPinsBackOffThenWipe()
    {
        QTemporaryDir dir;
        {
            AppSession session(config(dir.path(), 10));
            QVERIFY(session.createPin(pin, pin));
            session.lock();
            for (int i = 0; i < 3; ++i)
                QVERIFY(!session.unlock(QStringLiteral("000001")));
            QCOMPARE(session.failures(), 3);
            QVERIFY(session.retryInSeconds() > 0);
            // Even the right PIN waits out the back-off.
            QVERIFY(!session.unlock(pin));
            QCOMPARE(session.state(), AppSession::State::Locked);
        }
        QTemporaryDir small;
        AppSession session(config(small.path(), 3));
        QVERIFY(session.createPin(pin, pin));
        QVERIFY(QFile::exists(small.filePath(QStringLiteral("store.key"))));
        session.lock();
        QVERIFY(!session.unlock(QStringLiteral("000001")));
        QVERIFY(!session.wipeWarning() || session.attemptsLeft() <= UnlockGuard::warnWhenLeft);
        QVERIFY(session.wipeWarning()); // 2 left of 3: warned before the last tries
        QVERIFY(!session.unlock(QStringLiteral("000002")));
        QVERIFY(!session.unlock(QStringLiteral("000003")));
        QCOMPARE(session.state(), AppSession::State::Setup);
        QVERIFY(session.wiped());
        QVERIFY(!QFile::exists(small.filePath(QStringLiteral("store.key"))));
        QVERIFY(!QFile::exists(small.filePath(QStringLiteral("device.secret"))));
        QVERIFY(!QFile::exists(small.filePath(QStringLiteral("store.db"))));
        // A new PIN makes a new, empty store.
        QVERIFY(session.createPin(QStringLiteral("739104"), QStringLiteral("739104")));
        QCOMPARE(session.repository()->countCases().value(), 0);
    }

    void autoLockAfterInactivity()
    {
        QTemporaryDir dir;
        AppSession session(config(dir.path(), 10, 1));
        QVERIFY(session.createPin(pin, pin));
        QSignalSpy locked(&session, &AppSession::stateChanged);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), AppSession::State::Locked, 3000);
    }

    void caseloadSearchAndFilters_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("category");
        QTest::addColumn<bool>("displaced");
        QTest::addColumn<int>("count");
        QTest::newRow("all") << ""
                             << ""
                             << "" << false << 5;
        QTest::newRow("surname upper case") << "КОВАЛЕНКО"
                                            << ""
                                            << "" << false << 1;
        QTest::newRow("street") << "шевченка"
                                << ""
                                << "" << false << 1;
        QTest::newRow("phone tail") << "4567"
                                    << ""
                                    << "" << false << 1;
        QTest::newRow("nobody") << "Зайченко"
                                << ""
                                << "" << false << 0;
        QTest::newRow("closed") << ""
                                << "closed"
                                << "" << false << 0;
        QTest::newRow("open") << ""
                              << "open"
                              << "" << false << 5;
        QTest::newRow("displaced") << ""
                                   << ""
                                   << "" << true << 2;
        QTest::newRow("category") << ""
                                  << ""
                                  << "low_income" << false << 1;
        QTest::newRow("search and displaced") << "бондар"
                                              << ""
                                              << "" << true << 1;
    }
    void caseloadSearchAndFilters()
    {
        QFETCH(QString, search);
        QFETCH(QString, status);
        QFETCH(QString, category);
        QFETCH(bool, displaced);
        QFETCH(int, count);
        QTemporaryDir dir;
        AppSession session(config(dir.path()));
        QVERIFY(session.prepareDemo());
        CaseloadModel model;
        model.setSearchText(search);
        model.setStatusFilter(status);
        model.setCategoryFilter(category);
        model.setDisplacedOnly(displaced);
        QCOMPARE(model.rowCount(), count);
        QCOMPARE(model.roleNames().value(CaseloadModel::CaseIdRole), QByteArray("caseId"));
        QCOMPARE(int(CaseloadModel::CaseIdRole), Qt::UserRole + 1);
    }

    void deadlines()
    {
        QTemporaryDir dir;
        AppSession session(config(dir.path()));
        QVERIFY(session.prepareDemo());
        DeadlineModel all;
        QVERIFY(all.rowCount() >= 3);
        QVERIFY(all.overdueCount() >= 1);
        // Overdue / immediate first.
        QCOMPARE(all.data(all.index(0), DeadlineModel::UrgencyRole).toString(), QStringLiteral("overdue"));
        QVERIFY(!all.data(all.index(0), DeadlineModel::WhatRole).toString().isEmpty());
        DeadlineModel one;
        one.setCaseId(session.demoCaseId());
        QVERIFY(one.rowCount() > 0);
        QVERIFY(one.rowCount() < all.rowCount());
        for (int i = 0; i < one.rowCount(); ++i)
            QCOMPARE(one.data(one.index(i), DeadlineModel::CaseIdRole).toString(), session.demoCaseId());
        // Locked: nothing is shown.
        session.lock();
        all.reload();
        QCOMPARE(all.rowCount(), 0);
    }

    void formAutosaveValidateFinalizeAmend()
    {
        QTemporaryDir dir;
        AppSession session(config(dir.path()));
        QVERIFY(session.prepareDemo());
        FormController form;
        form.setRecordId(session.demoRecordId());
        QVERIFY(form.isLoaded());
        QVERIFY(!form.readOnly());
        const int revision = form.revision();
        QVERIFY(form.setValue(QStringLiteral("observations"), QStringLiteral("Дитина охайна")));
        QCOMPARE(form.revision(), revision + 1);
        // Persisted at once: a second controller (a restarted page) reads it back.
        FormController reopened;
        reopened.setRecordId(session.demoRecordId());
        QCOMPARE(reopened.value(QStringLiteral("observations")).toString(), QStringLiteral("Дитина охайна"));
        // Unknown keys are refused, not stored.
        QVERIFY(!form.setValue(QStringLiteral("noSuchField"), 1));
        // Date-time typed as on the tablet becomes ISO 8601 with the offset.
        QVERIFY(form.setDateTimeText(QStringLiteral("visitedAt"), QStringLiteral("2026-03-27 16:05")));
        QCOMPARE(form.value(QStringLiteral("visitedAt")).toString(), QStringLiteral("2026-03-27T16:05:00+02:00"));
        // Draft validation shows a format problem but keeps what was typed.
        QVERIFY(form.setDateText(QStringLiteral("nextVisitDate"), QStringLiteral("2026-13")));
        QCOMPARE(form.value(QStringLiteral("nextVisitDate")).toString(), QStringLiteral("2026-13"));
        QVERIFY(form.issues().contains(QStringLiteral("nextVisitDate")));
        QVERIFY(form.setDateText(QStringLiteral("nextVisitDate"), QStringLiteral("03.04.2026")));
        QVERIFY(!form.issues().contains(QStringLiteral("nextVisitDate")));
        // Final mode: participants missing.
        QVERIFY(!form.finalize());
        QVERIFY(form.issues().contains(QStringLiteral("visitors")));
        QVERIFY(form.addRow(QStringLiteral("visitors")));
        QVERIFY(form.setCell(QStringLiteral("visitors"), 0, QStringLiteral("name"), QStringLiteral("Шевчук Оксана")));
        QVERIFY(form.toggleMember(
            QStringLiteral("membersPresent"), form.members().first().toMap().value("id").toString(), true));
        const bool finalized = form.finalize();
        QVERIFY2(finalized, qPrintable(QStringList(form.issues().keys()).join(',') + ' ' + form.error()));
        QVERIFY(form.readOnly());
        QVERIFY(!form.setValue(QStringLiteral("observations"), QStringLiteral("змінено")));
        // PDF laid out by the form version.
        const QString pdf = form.exportPdf();
        QVERIFY(!pdf.isEmpty());
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5).startsWith("%PDF-"));
        // Amend: a new draft with the same body.
        const QString amendmentId = form.amend();
        QVERIFY(!amendmentId.isEmpty());
        FormController amendment;
        amendment.setRecordId(amendmentId);
        QVERIFY(amendment.isAmendment());
        QVERIFY(!amendment.readOnly());
        QCOMPARE(amendment.value(QStringLiteral("observations")).toString(), QStringLiteral("Дитина охайна"));
    }

    void formCatalogAndSignature()
    {
        QTemporaryDir dir;
        AppSession session(config(dir.path()));
        QVERIFY(session.prepareDemo());
        CaseController card;
        card.setCaseId(session.demoCaseId());
        const QString id = card.createRecord(QStringLiteral("notice"));
        QVERIFY(!id.isEmpty());
        FormController form;
        form.setRecordId(id);
        QVERIFY(!form.value(QStringLiteral("receivedAt")).toString().isEmpty()); // prefilled "now"
        QVERIFY(form.toggleCode(QStringLiteral("indicatorsAbuse"), QStringLiteral("abuse.07"), true));
        QVERIFY(form.toggleCode(QStringLiteral("indicatorsAbuse"), QStringLiteral("abuse.03"), true));
        QVERIFY(!form.toggleCode(QStringLiteral("indicatorsAbuse"), QStringLiteral("general.01"), true));
        QCOMPARE(form.value(QStringLiteral("indicatorsAbuse")).toStringList(),
            QStringList({ QStringLiteral("abuse.03"), QStringLiteral("abuse.07") })); // catalog order
        const QVariantList groups = form.catalogGroups(QStringLiteral("indicatorsGeneral"), QStringLiteral("ВПО"));
        const QVariantList allGroups = form.catalogGroups(QStringLiteral("indicatorsGeneral"), QString());
        int filtered = 0, all = 0;
        for (const QVariant& g : groups)
            filtered += g.toMap().value("items").toList().size();
        for (const QVariant& g : allGroups)
            all += g.toMap().value("items").toList().size();
        QVERIFY(all >= 30);
        QVERIFY(filtered < all);
        QVERIFY(form.setPart(QStringLiteral("policeConsent"), QStringLiteral("decision"), QStringLiteral("refused")));
        QVERIFY(form.value(QStringLiteral("policeConsent")).toMap().contains(QStringLiteral("at")));
        form.checkFinal();
        QVERIFY(form.issues().value(QStringLiteral("policeConsent")).toString().contains(QStringLiteral("«")));
        // A tiny real PNG as the signature.
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::white);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        QVERIFY(form.setSignature(QStringLiteral("receivedBySignature"), QString::fromLatin1(png.toBase64()),
            QStringLiteral("Шевчук Оксана")));
        form.checkFinal();
        QVERIFY(!form.issues().contains(QStringLiteral("receivedBySignature")));
        QVERIFY(form.setSignature(QStringLiteral("receivedBySignature"), QString(), QString()));
        QVERIFY(!form.value(QStringLiteral("receivedBySignature")).isValid());
    }

    void crisisMode()
    {
        QTemporaryDir dir;
        AppSession session(config(dir.path()));
        QVERIFY(session.prepareDemo());
        CrisisController crisis;
        QVERIFY(!crisis.active());
        QVERIFY(crisis.start());
        QVERIFY(crisis.active());
        QCOMPARE(crisis.identifiedAt(), fixedNow);
        QCOMPARE(crisis.elapsedText(), QStringLiteral("00:00:00"));
        QVERIFY(crisis.quickEntry(QStringLiteral("police")));
        QVERIFY(crisis.quickEntry(QStringLiteral("shelter")));
        QVERIFY(!crisis.quickEntry(QStringLiteral("unknown")));
        QCOMPARE(crisis.entries().size(), 2);
        QVERIFY(!crisis.recordConsent(QStringLiteral("refused"), QStringLiteral("Мати"), QString()));
        QVERIFY(crisis.recordConsent(QStringLiteral("refused"), QStringLiteral("Мати"), QStringLiteral("Боїться")));
        QCOMPARE(crisis.consentDecision(), QStringLiteral("refused"));
        auto notice = session.repository()->getRecord(crisis.noticeId());
        QVERIFY(notice);
        QCOMPARE(notice->body.value("policeConsent").toObject().value("refusalReason").toString(),
            QStringLiteral("Боїться"));
        QVERIFY(notice->body.value("crisis").toBool());
        auto intervention = session.repository()->getRecord(crisis.interventionId());
        QVERIFY(intervention->body.value("needShelter").toBool());
        // Resuming by case shows the same crisis; 25 hours later the clock is over the limit.
        session.setFixedNow(fixedNow.addSecs(25 * 3600));
        CrisisController resumed;
        resumed.setCaseId(crisis.caseId());
        QCOMPARE(resumed.interventionId(), crisis.interventionId());
        QVERIFY(resumed.overdue());
        QCOMPARE(resumed.elapsedText(), QStringLiteral("25:00:00"));
    }

    void conflictPickAndResolve()
    {
        QTemporaryDir dir;
        AppSession session(config(dir.path()));
        SyncStatus sync(nullptr);
        QVERIFY(session.prepareDemo());
        DemoIds ids { session.demoCaseId(), session.demoRecordId(), {} };
        auto conflict = demoConflict(*session.repository(), ids);
        QVERIFY(conflict);
        sync.setConflicts({ conflict.value() });
        QCOMPARE(sync.recordState(ids.draftRecordId), QStringLiteral("conflict"));
        QVERIFY(!sync.upToDate());
        ConflictController page;
        page.setRecordId(ids.draftRecordId);
        int differing = 0;
        for (const QVariant& row : page.rows())
            differing += row.toMap().value("differs").toBool() ? 1 : 0;
        QCOMPARE(differing, 2);
        page.choose(QStringLiteral("purpose"), QStringLiteral("remote"));
        QSignalSpy resolved(&sync, &SyncStatus::conflictResolved);
        QVERIFY(page.resolve());
        QCOMPARE(resolved.size(), 1);
        const QJsonObject merged = resolved.first().at(1).toJsonObject();
        QCOMPARE(merged.value("purpose").toString(), conflict->remote.body.value("purpose").toString());
        QCOMPARE(merged.value("childSeen").toBool(), true); // the tablet's value kept
        QCOMPARE(resolved.first().at(2).toInt(), conflict->remote.revision);
        QCOMPARE(sync.conflictCount(), 0);
        QCOMPARE(sync.recordState(ids.draftRecordId), QStringLiteral("pending"));
    }

    void caseCard()
    {
        QTemporaryDir dir;
        AppSession session(config(dir.path()));
        QVERIFY(session.prepareDemo());
        CaseController creator;
        const QVariantMap ids = creator.createCaseWithNotice();
        QVERIFY(!ids.value("caseId").toString().isEmpty());
        CaseController card;
        card.setCaseId(ids.value("caseId").toString());
        QCOMPARE(card.records().size(), 1);
        QCOMPARE(card.members().size(), 0);
        QVERIFY(card.addMember(QStringLiteral("Гнатюк Лариса"), false, QStringLiteral("1990-02-03"), QString()));
        QVERIFY(card.addMember(QStringLiteral("Гнатюк Олег"), true, QString(), QStringLiteral("child")));
        QCOMPARE(card.members().size(), 2);
        QCOMPARE(card.title(), QStringLiteral("Гнатюк Лариса")); // the first adult becomes the applicant
        QVERIFY(!card.createRecord(QStringLiteral("safety_assessment")).isEmpty());
        QCOMPARE(card.records().size(), 2);
        QCOMPARE(card.recordTypes().size(), 11);
        CaseloadModel caseload;
        caseload.setSearchText(QStringLiteral("гнатюк"));
        QCOMPARE(caseload.rowCount(), 1);
    }
};

QTEST_MAIN(TestControllers)
#include "tst_controllers.moc"
