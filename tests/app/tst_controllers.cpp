// The tablet's C++ controllers and models over a real encrypted store (no mocks): unlock policy,
// caseload search and filters, deadlines, the form controller's autosave / validation / finalize /
// amend / PDF, crisis mode, and the sync wiring: every save enters the outbox, per-record states, a
// real kept conflict resolved through LocalSyncStore, nothing of the sync session survives the lock.
#include "appsession.h"
#include "casecontroller.h"
#include "caseloadmodel.h"
#include "conflictcontroller.h"
#include "crisiscontroller.h"
#include "deadlinemodel.h"
#include "demodata.h"
#include "formcontroller.h"
#include "forms/formregistry.h"
#include "records/recordrepository.h"
#include "sync/localsyncstore.h"
#include "syncstatus.h"
#include "unlockguard.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
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

QList<poruch::client::OutboxEntry> outboxOf(poruch::client::LocalSyncStore& store)
{
    auto outbox = store.outbox();
    if (!outbox)
        return {};
    return std::move(outbox).value();
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

    // A deadline row starts the record that closes it (no ids typed): the right form, the action code and
    // relatesTo = the trigger record prefilled; finalizing that draft removes the row.
    void deadlineStepIsDoneFromTheRow()
    {
        QTemporaryDir dir;
        AppSession session(config(dir.path()));
        QVERIFY(session.prepareDemo());
        DeadlineModel model;
        int actionRow = -1;
        int recordRow = -1;
        for (int i = 0; i < model.rowCount(); ++i) {
            if (!model.data(model.index(i), DeadlineModel::CanDoHereRole).toBool()) {
                QVERIFY(model.data(model.index(i), DeadlineModel::ActionTextRole).toString().isEmpty());
                QCOMPARE(model.startStep(i), QString());
                continue;
            }
            QVERIFY(!model.data(model.index(i), DeadlineModel::ActionTextRole).toString().isEmpty());
            const auto* rule = session.rules()->find(model.data(model.index(i), DeadlineModel::RuleIdRole).toString());
            QVERIFY(rule);
            if (rule->completion.kind == poruch::workflow::Completion::Kind::Action && actionRow < 0)
                actionRow = i;
            if (rule->completion.kind == poruch::workflow::Completion::Kind::Record && recordRow < 0)
                recordRow = i;
        }
        QVERIFY2(actionRow >= 0, "the demo has a step closed by an action record");
        QVERIFY2(recordRow >= 0, "the demo has a step closed by a record of the case");

        const auto* recordRule
            = session.rules()->find(model.data(model.index(recordRow), DeadlineModel::RuleIdRole).toString());
        const QString recordDraft = model.startStep(recordRow);
        QVERIFY(!recordDraft.isEmpty());
        auto started = session.repository()->getRecord(recordDraft);
        QVERIFY(started);
        QCOMPARE(started->formId, recordRule->completion.recordType);
        QCOMPARE(started->caseId, model.data(model.index(recordRow), DeadlineModel::CaseIdRole).toString());
        QVERIFY(started->body.contains(recordRule->completion.doneAtField));
        QCOMPARE(model.startStep(recordRow), recordDraft); // a second tap reopens the same draft

        const int rows = model.rowCount();
        const QString ruleId = model.data(model.index(actionRow), DeadlineModel::RuleIdRole).toString();
        const QString caseId = model.data(model.index(actionRow), DeadlineModel::CaseIdRole).toString();
        const QString id = model.startStep(actionRow);
        QVERIFY(!id.isEmpty());
        QCOMPARE(model.startStep(actionRow), id);
        FormController form;
        form.setRecordId(id);
        QCOMPARE(form.formId(), QStringLiteral("action"));
        QCOMPARE(form.caseId(), caseId);
        const QJsonObject body = form.record().body;
        QCOMPARE(body.value(QStringLiteral("action")).toString(), session.rules()->find(ruleId)->completion.action);
        auto trigger = session.repository()->getRecord(body.value(QStringLiteral("relatesTo")).toString());
        QVERIFY2(trigger, "relatesTo names a record on the tablet");
        QCOMPARE(trigger->caseId, caseId);
        QVERIFY(body.contains(QStringLiteral("at")));
        QVERIFY2(form.finalize(), qPrintable(QStringList(form.issues().keys()).join(',') + ' ' + form.error()));
        // Written through the sync store like every write: it waits in the outbox.
        bool queued = false;
        for (const poruch::client::OutboxEntry& entry : outboxOf(*session.syncStore()))
            queued = queued || entry.entityId == id;
        QVERIFY(queued);
        model.reload();
        QCOMPARE(model.rowCount(), rows - 1);
        for (int i = 0; i < model.rowCount(); ++i)
            QVERIFY(model.data(model.index(i), DeadlineModel::RuleIdRole).toString() != ruleId
                || model.data(model.index(i), DeadlineModel::CaseIdRole).toString() != caseId);
    }

    // Every row says who acts; a row without a button says what the worker can do instead. The consent step
    // (a value of the notice itself) is done by amending the notice on the tablet, and the amended notice
    // gives one row per step, not one per version.
    void deadlineRowsSayWhoActsAndAmendmentsCloseSteps()
    {
        QTemporaryDir dir;
        AppSession session(config(dir.path()));
        QVERIFY(session.prepareDemo());
        DeadlineModel model;
        model.setCaseId(session.demoCaseId());
        int consentRow = -1;
        int silent = 0;
        for (int i = 0; i < model.rowCount(); ++i) {
            const QModelIndex at = model.index(i);
            const QString role = DeadlineModel::roleLabel(
                session.rules()->find(model.data(at, DeadlineModel::RuleIdRole).toString())->role);
            QCOMPARE(model.data(at, DeadlineModel::WhoActsRole).toString(),
                QStringLiteral("Acts: ") + role.left(1).toLower() + role.mid(1));
            const QString hint = model.data(at, DeadlineModel::HintRole).toString();
            if (model.data(at, DeadlineModel::CanDoHereRole).toBool()) {
                QVERIFY(hint.isEmpty());
                continue;
            }
            ++silent;
            QVERIFY2(!hint.isEmpty(), qPrintable(model.data(at, DeadlineModel::RuleIdRole).toString()));
            if (model.data(at, DeadlineModel::RuleIdRole).toString() == QLatin1String("police_consent_asked")) {
                consentRow = i;
                QCOMPARE(hint, QStringLiteral("Open the record «Notice» and enter it with «Amend»."));
            }
            if (model.data(at, DeadlineModel::RuleIdRole).toString() == QLatin1String("child_notice_journal"))
                QVERIFY(hint.contains(QStringLiteral("synchronise")));
        }
        QVERIFY2(silent >= 2, "the demo notice has the journal and the consent steps");
        QVERIFY2(consentRow >= 0, "the demo notice asks for the victim's consent");
        const QString noticeId = model.data(model.index(consentRow), DeadlineModel::TriggerRecordIdRole).toString();
        const int rows = model.rowCount();

        FormController notice;
        notice.setRecordId(noticeId);
        const QString amendmentId = notice.amend();
        QVERIFY(!amendmentId.isEmpty());
        FormController amendment;
        amendment.setRecordId(amendmentId);
        QVERIFY(
            amendment.setPart(QStringLiteral("policeConsent"), QStringLiteral("decision"), QStringLiteral("refused")));
        QVERIFY(
            amendment.setPart(QStringLiteral("policeConsent"), QStringLiteral("by"), QStringLiteral("Шевчук Оксана")));
        QVERIFY(amendment.setPart(
            QStringLiteral("policeConsent"), QStringLiteral("refusalReason"), QStringLiteral("Не бажає")));
        QVERIFY2(amendment.finalize(),
            qPrintable(QStringList(amendment.issues().keys()).join(',') + ' ' + amendment.error()));

        model.reload();
        QCOMPARE(model.rowCount(), rows - 1); // the consent step is done; nothing doubled for the new version
        QSet<QString> seen;
        for (int i = 0; i < model.rowCount(); ++i) {
            const QString ruleId = model.data(model.index(i), DeadlineModel::RuleIdRole).toString();
            QVERIFY2(ruleId != QLatin1String("police_consent_asked"), "done by the amendment");
            const QString trigger = model.data(model.index(i), DeadlineModel::TriggerRecordIdRole).toString();
            QVERIFY2(trigger != amendmentId, "a task names the original, never the amendment");
            QVERIFY2(!seen.contains(ruleId + trigger), qPrintable(ruleId));
            seen.insert(ruleId + trigger);
        }
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

    void formVersionsFromTheServerAreUsed()
    {
        // A community's new form version arrives by pull (as the server announces it) and is used without
        // an app release; a definition that contradicts a version the app has is skipped, the rest load.
        QTemporaryDir dir;
        AppSession session(config(dir.path()));
        QVERIFY(session.prepareDemo());
        const poruch::forms::FormDefinition* latest = session.forms().latest(QStringLiteral("home_visit"));
        QVERIFY(latest);
        QVERIFY(!session.forms().definition(QStringLiteral("home_visit"), 99));
        QJsonObject newer = latest->json();
        newer.insert(QStringLiteral("version"), 99);
        QJsonObject contradicting = latest->json();
        contradicting.insert(QStringLiteral("title"), QStringLiteral("інша назва"));
        poruch::sync::PullResponse page;
        for (const QJsonObject& definition : { contradicting, newer }) {
            poruch::sync::Change change;
            change.cursor = page.changes.size() + 1000000;
            change.kind = poruch::sync::Change::Kind::Form;
            change.definition = definition;
            page.changes.append(change);
        }
        page.nextCursor = 1000001;
        QVERIFY(session.syncStore()->applyPull(page));
        session.loadSyncedDefinitions();
        const poruch::forms::FormDefinition* received = session.forms().definition(QStringLiteral("home_visit"), 99);
        QVERIFY(received);
        QCOMPARE(session.forms().latest(QStringLiteral("home_visit")), received);
        QCOMPARE(session.forms().definition(QStringLiteral("home_visit"), latest->version())->json(), latest->json());
    }

    void conflictPickAndResolve()
    {
        QTemporaryDir dir;
        SyncStatus sync(nullptr);
        AppSession session(config(dir.path()));
        QVERIFY(session.prepareDemo());
        poruch::client::LocalSyncStore* store = session.syncStore();
        QCOMPARE(store->conflicts()->size(), 1);
        const QString id = store->conflicts()->first().recordId;
        QVERIFY(id != session.demoRecordId());
        // The demo made a real kept conflict in the store; SyncStatus lists it from there.
        QCOMPARE(store->conflicts()->size(), 1);
        QCOMPARE(sync.conflictCount(), 1);
        QCOMPARE(sync.recordState(id), QStringLiteral("conflict"));
        QVERIFY(!sync.upToDate());
        const auto kept = store->conflict(id);
        QVERIFY(kept && *kept && (*kept)->theirs);
        const poruch::records::Record theirs = *(*kept)->theirs;
        ConflictController page;
        page.setRecordId(id);
        QVERIFY(page.remoteKnown());
        int differing = 0;
        for (const QVariant& row : page.rows())
            differing += row.toMap().value("differs").toBool() ? 1 : 0;
        QCOMPARE(differing, 2);
        page.choose(QStringLiteral("purpose"), QStringLiteral("remote"));
        QVERIFY(page.resolve());
        // Written through the store on top of the server's revision, and queued.
        QCOMPARE(store->conflicts()->size(), 0);
        QCOMPARE(sync.conflictCount(), 0);
        const auto record = session.repository()->getRecord(id);
        QCOMPARE(record->body.value("purpose").toString(), theirs.body.value("purpose").toString());
        QCOMPARE(record->body.value("childSeen").toBool(), true); // the tablet's value kept
        QCOMPARE(record->revision, theirs.revision + 1);
        bool queued = false;
        const QList<poruch::client::OutboxEntry> outbox = outboxOf(*store);
        for (const poruch::client::OutboxEntry& entry : outbox)
            queued = queued || (entry.entityId == id && entry.baseRevision == theirs.revision);
        QVERIFY(queued);
        QCOMPARE(sync.recordState(id), QStringLiteral("pending"));
        QVERIFY(!page.keepMine()); // nothing left to resolve
        QVERIFY(!page.error().isEmpty() || page.rows().isEmpty());
    }

    void enrollLinkFromTheOfficeQr()
    {
        SyncStatus sync(nullptr);
        const QVariantMap link = sync.parseEnrollLink(
            QStringLiteral(" poruch://enroll?server=https%3A%2F%2F10.0.0.5%3A8443&code=K7Q-22XM&sha256=ab12cd "));
        QCOMPARE(link.value("server").toString(), QStringLiteral("https://10.0.0.5:8443"));
        QCOMPARE(link.value("code").toString(), QStringLiteral("K7Q-22XM"));
        QCOMPARE(link.value("sha256").toString(), QStringLiteral("ab12cd"));
        // As tools/poruch run prints it (not percent-encoded).
        QCOMPARE(
            sync.parseEnrollLink(QStringLiteral("poruch://enroll?server=https://127.0.0.1:44283&code=B-1&sha256=27"))
                .value("server")
                .toString(),
            QStringLiteral("https://127.0.0.1:44283"));
        QVERIFY(sync.parseEnrollLink(QStringLiteral("https://10.0.0.5:8443")).isEmpty());
        // Enrollment asks the client only with all three parts; the seam refuses while one is running.
        QSignalSpy requested(&sync, &SyncStatus::enrollRequested);
        sync.enroll(QStringLiteral(" https://a "), QStringLiteral("c"), QStringLiteral("f"));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("https://a"));
        sync.setEnrolling(true);
        sync.enroll(QStringLiteral("https://a"), QStringLiteral("c"), QStringLiteral("f"));
        QCOMPARE(requested.size(), 1);
    }

    void everySaveEntersTheOutbox()
    {
        QTemporaryDir dir;
        SyncStatus sync(nullptr);
        AppSession session(config(dir.path()));
        QVERIFY(session.createPin(pin, pin));
        QVERIFY(session.syncClient());
        QCOMPARE(sync.enrolled(), false);
        CaseController creator;
        const QVariantMap ids = creator.createCaseWithNotice();
        const QString caseId = ids.value("caseId").toString();
        const QString recordId = ids.value("recordId").toString();
        QVERIFY(!recordId.isEmpty());
        auto entries = [&](const QString& entity) {
            QList<poruch::client::OutboxEntry> found;
            const QList<poruch::client::OutboxEntry> outbox = outboxOf(*session.syncStore());
            for (const poruch::client::OutboxEntry& entry : outbox) {
                if (entry.entityId == entity)
                    found << entry;
            }
            return found;
        };
        QCOMPARE(entries(caseId).size(), 1);
        QCOMPARE(entries(recordId).size(), 1);
        QCOMPARE(sync.recordState(recordId), QStringLiteral("pending"));
        QVERIFY(sync.pending() >= 2);
        QVERIFY(!sync.upToDate());
        // Autosave of every keystroke: one entry per record, the newest revision, the oldest base.
        FormController form;
        form.setRecordId(recordId);
        QVERIFY(form.setValue(QStringLiteral("subjectName"), QStringLiteral("Г")));
        QVERIFY(form.setValue(QStringLiteral("subjectName"), QStringLiteral("Гн")));
        auto queued = entries(recordId);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().revision, 3);
        QCOMPARE(queued.first().baseRevision, 0);
        QVERIFY(QJsonDocument::fromJson(queued.first().payload).object().value("body").toObject().value("subjectName")
            == QStringLiteral("Гн"));
        // Other writers too: members (case), crisis entries (record).
        CaseController card;
        card.setCaseId(caseId);
        QVERIFY(card.addMember(QStringLiteral("Гнатюк Лариса"), false, QString(), QString()));
        QCOMPARE(entries(caseId).size(), 1);
        QVERIFY(
            QJsonDocument::fromJson(entries(caseId).first().payload).object().value("members").toArray().size() == 1);
        // The new notice is prefilled: identified when received.
        const auto notice = session.repository()->getRecord(recordId);
        QCOMPARE(notice->body.value("identifiedAt"), notice->body.value("receivedAt"));
        // Locking stops and drops the client and clears what SyncStatus showed.
        session.lock();
        QVERIFY(!session.syncClient());
        QVERIFY(!session.syncStore());
        QCOMPARE(sync.recordState(recordId), QString());
        QVERIFY(session.unlock(pin));
        QVERIFY(session.syncClient());
        QCOMPARE(sync.recordState(recordId), QStringLiteral("pending"));
        QCOMPARE(entries(recordId).size(), 1); // the outbox survived the lock
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
