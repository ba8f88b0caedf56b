// RecordRepository over a real encrypted store: cases, caseload, search, drafts, finalize,
// immutability (repository and direct SQL), amendments, import and schema migrations.

#include "testfixtures.h"

#include "records/canonicalform.h"
#include "records/jsonreader.h"
#include "records/recordrepository.h"
#include "records/recordschema.h"
#include "store/database.h"
#include "store/migration.h"
#include "store/secretbytes.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace poruch;
using namespace poruch::records;

namespace {
QStringList g_logLines;
QMutex g_logMutex;
void captureLog(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    QMutexLocker lock(&g_logMutex);
    g_logLines.append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message);
}

QString errorText(const Error& error)
{
    return error.code + QStringLiteral(": ") + error.message;
}
} // namespace

#define REQUIRE_OK(expr)                                                                                               \
    do {                                                                                                               \
        const auto& _r = (expr);                                                                                       \
        QVERIFY2(_r.ok(), qPrintable(_r.ok() ? QString() : errorText(_r.error())));                                    \
    } while (false)

class TestRecordRepository : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    store::SecretBytes m_key = store::SecretBytes::random(32);
    QDateTime m_now;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<RecordRepository> m_repo;
    int m_fileCounter = 0;
    QString m_path;

    RecordRepository::Clock clock()
    {
        return [this] {
            m_now = m_now.addSecs(60);
            return m_now;
        };
    }

    std::unique_ptr<store::Database> openDb(const QString& path)
    {
        auto db = store::Database::open(path, m_key);
        if (!db) {
            qWarning("%s", qPrintable(errorText(db.error())));
            return {};
        }
        return std::move(db).value();
    }

    Case newCase(const QString& name, const QString& address, const QString& phone)
    {
        Case value;
        Member member;
        member.fullName = name;
        member.relation = QStringLiteral("applicant");
        value.members = { member };
        value.address = address;
        value.phone = phone;
        return value;
    }

    Record newDraft(const QString& caseId)
    {
        Record record;
        record.type = RecordType::HomeVisit;
        record.formId = QStringLiteral("home_visit");
        record.caseId = caseId;
        record.body = fixtures::sampleBody();
        record.authorUserId = QStringLiteral("worker-17");
        record.authorDeviceId = QStringLiteral("tablet-0042");
        return record;
    }

    static QStringList schemaOf(store::Database& db)
    {
        QStringList out;
        auto st = db.prepare(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"));
        if (!st)
            return { errorText(st.error()) };
        while (st.value().step().value())
            out.append(
                QStringList { st.value().text(0), st.value().text(1), st.value().text(2), st.value().text(3) }.join(
                    QLatin1Char('|')));
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(m_key.size(), 32);
        qInstallMessageHandler(captureLog);
        QLoggingCategory::setFilterRules(QStringLiteral("poruch.*=true"));
    }

    void init()
    {
        m_now = fixtures::kyiv(2026, 3, 27, 9, 0);
        m_path = m_dir.filePath(QStringLiteral("store-%1.db").arg(++m_fileCounter));
        m_db = openDb(m_path);
        QVERIFY(m_db);
        REQUIRE_OK(store::migrate(*m_db, recordMigrations()));
        m_repo = std::make_unique<RecordRepository>(*m_db, clock());
    }

    void cleanup()
    {
        m_repo.reset();
        m_db.reset();
    }

    void saveCaseAndReopen()
    {
        Case value = fixtures::sampleCase();
        const Result<Case> saved = m_repo->saveCase(value);
        REQUIRE_OK(saved);
        QCOMPARE(saved->createdAt, fixtures::kyiv(2026, 3, 27, 9, 1));
        QCOMPARE(saved->updatedAt, saved->createdAt);

        m_repo.reset();
        m_db.reset();
        m_db = openDb(m_path);
        QVERIFY(m_db);
        REQUIRE_OK(store::migrate(*m_db, recordMigrations()));
        m_repo = std::make_unique<RecordRepository>(*m_db, clock());
        const Result<Case> loaded = m_repo->getCase(value.id);
        REQUIRE_OK(loaded);
        QVERIFY(*loaded == *saved);

        // A second save keeps createdAt and moves updatedAt.
        Case changed = *loaded;
        changed.status = Case::Status::Closed;
        changed.members.removeLast();
        const Result<Case> resaved = m_repo->saveCase(changed);
        REQUIRE_OK(resaved);
        QCOMPARE(resaved->createdAt, saved->createdAt);
        QVERIFY(resaved->updatedAt > saved->updatedAt);
        const Result<Case> reloaded = m_repo->getCase(value.id);
        REQUIRE_OK(reloaded);
        QCOMPARE(reloaded->members.size(), 2);
        QCOMPARE(reloaded->status, Case::Status::Closed);
        QCOMPARE(m_repo->getCase(QUuid::createUuid().toString(QUuid::WithoutBraces)).error().code,
            QStringLiteral("records.not_found"));
    }

    void householdWithNobodyKnownYetCanBeSaved()
    {
        // A crisis call may open a case before anyone's name, address or phone is known.
        Case value;
        value.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const Result<Case> saved = m_repo->saveCase(value);
        REQUIRE_OK(saved);
        const Result<Case> loaded = m_repo->getCase(value.id);
        REQUIRE_OK(loaded);
        QVERIFY(loaded->members.isEmpty());
        QVERIFY(loaded->address.isEmpty());
        QVERIFY(loaded->title().isEmpty());
    }

    void caseloadIsPagedNewestFirst()
    {
        QStringList ids;
        for (int i = 0; i < 25; ++i) {
            Case value = newCase(QStringLiteral("Особа %1").arg(i), QStringLiteral("вул. Тестова, %1").arg(i),
                QStringLiteral("067000%1").arg(i, 4, 10, QLatin1Char('0')));
            value.status = i % 5 == 0 ? Case::Status::Closed : Case::Status::Open;
            const Result<Case> saved = m_repo->saveCase(value);
            REQUIRE_OK(saved);
            ids.prepend(saved->id); // newest first
        }
        QCOMPARE(m_repo->countCases().value(), 25);
        QCOMPARE(m_repo->countCases(Case::Status::Closed).value(), 5);
        QStringList seen;
        for (int offset = 0; offset < 30; offset += 10) {
            const auto page = m_repo->listCaseload({ offset, 10, std::nullopt });
            REQUIRE_OK(page);
            QCOMPARE(page->size(), offset < 20 ? 10 : 5);
            for (const CaseSummary& summary : *page)
                seen.append(summary.id);
        }
        QCOMPARE(seen, ids);
        const auto open = m_repo->listCaseload({ 0, 100, Case::Status::Open });
        REQUIRE_OK(open);
        QCOMPARE(open->size(), 20);
        QCOMPARE(open->first().title, QStringLiteral("Особа 24"));
    }

    void searchIsCaseInsensitiveUkrainian_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("expected"); // index into the three saved cases, -1 = nothing
        QTest::newRow("upper-case surname") << QStringLiteral("ШЕВЧЕНКО") << 0;
        QTest::newRow("lower-case prefix") << QStringLiteral("шевч") << 0;
        QTest::newRow("two words any order") << QStringLiteral("олена шевченко") << 0;
        QTest::newRow("child name, typed apostrophe") << QStringLiteral("Мар'яна") << 0;
        QTest::newRow("child name, right apostrophe") << QStringLiteral("МАР’ЯНА") << 0;
        QTest::newRow("ґ upper-case") << QStringLiteral("ҐОНТА") << 0;
        QTest::newRow("і ї є") << QStringLiteral("КОВАЛІВ ЇЖАКЕВИЧ") << 1;
        QTest::newRow("address street") << QStringLiteral("соборна") << 0;
        QTest::newRow("address village") << QStringLiteral("ПЕТРІВКА") << 1;
        QTest::newRow("national phone digits") << QStringLiteral("0501234567") << 0;
        QTest::newRow("international with spaces") << QStringLiteral("+380 50 123") << 0;
        QTest::newRow("last four digits") << QStringLiteral("4567") << 0;
        QTest::newRow("middle digits") << QStringLiteral("(067) 98") << 2;
        QTest::newRow("no such surname") << QStringLiteral("Петренко") << -1;
        QTest::newRow("no such phone") << QStringLiteral("999") << -1;
        QTest::newRow("one word matches, other not") << QStringLiteral("шевченко петрівка") << -1;
        QTest::newRow("fts syntax is literal") << QStringLiteral("\"NEAR( OR *") << -1;
    }
    void searchIsCaseInsensitiveUkrainian()
    {
        QFETCH(QString, query);
        QFETCH(int, expected);
        QStringList ids;
        const QList<Case> cases {
            fixtures::sampleCase(),
            newCase(QStringLiteral("Ковалів Євген Їжакевич"), QStringLiteral("с. Петрівка, вул. Шкільна, 5"),
                QStringLiteral("+380 93 111 22 33")),
            newCase(QStringLiteral("Бондар Ірина"), QStringLiteral("м. Баштанка, пров. Тихий, 2"),
                QStringLiteral("067 987 65 43")),
        };
        for (const Case& value : cases) {
            const Result<Case> saved = m_repo->saveCase(value);
            REQUIRE_OK(saved);
            ids.append(saved->id);
        }
        const auto found = m_repo->searchCases(query);
        REQUIRE_OK(found);
        if (expected < 0) {
            QVERIFY(found->isEmpty());
        } else {
            QCOMPARE(found->size(), 1);
            QCOMPARE(found->first().id, ids.at(expected));
        }
    }

    void searchFollowsCaseChanges()
    {
        Case value
            = newCase(QStringLiteral("Лисенко Оксана"), QStringLiteral("вул. Миру, 1"), QStringLiteral("0661112233"));
        const Result<Case> saved = m_repo->saveCase(value);
        REQUIRE_OK(saved);
        QCOMPARE(m_repo->searchCases(QStringLiteral("лисенко"))->size(), 1);
        Case renamed = *saved;
        renamed.members.first().fullName = QStringLiteral("Мельник Оксана");
        REQUIRE_OK(m_repo->saveCase(renamed));
        QCOMPARE(m_repo->searchCases(QStringLiteral("лисенко"))->size(), 0);
        QCOMPARE(m_repo->searchCases(QStringLiteral("МЕЛЬНИК"))->size(), 1);
        QCOMPARE(m_repo->searchCases(QStringLiteral("   "))->size(), 0);
    }

    void draftRevisionsIncrement()
    {
        const Result<Case> kase = m_repo->saveCase(fixtures::sampleCase());
        REQUIRE_OK(kase);
        Result<Record> draft = m_repo->saveDraft(newDraft(kase->id));
        REQUIRE_OK(draft);
        QCOMPARE(draft->revision, 1);
        QCOMPARE(draft->status, RecordStatus::Draft);
        QCOMPARE(draft->createdAt, draft->updatedAt);
        Record current = *draft;
        for (int i = 2; i <= 5; ++i) {
            current.body.insert(QStringLiteral("roomsCount"), i);
            Result<Record> saved = m_repo->saveDraft(current);
            REQUIRE_OK(saved);
            QCOMPARE(saved->revision, i);
            QVERIFY(saved->updatedAt > current.updatedAt);
            QCOMPARE(saved->createdAt, draft->createdAt);
            current = *saved;
        }
        const Result<Record> loaded = m_repo->getRecord(current.id);
        REQUIRE_OK(loaded);
        QVERIFY(*loaded == current);
        QCOMPARE(loaded->body.value(QStringLiteral("roomsCount")).toInt(), 5);

        // Saving from an old revision is refused, nothing is overwritten.
        Record stale = *draft;
        stale.body.insert(QStringLiteral("roomsCount"), 100);
        const Result<Record> refused = m_repo->saveDraft(stale);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("records.stale_revision"));
        QCOMPARE(m_repo->getRecord(current.id)->body.value(QStringLiteral("roomsCount")).toInt(), 5);

        const Result<CaseFile> file = m_repo->openCase(kase->id);
        REQUIRE_OK(file);
        QCOMPARE(file->records.size(), 1);
        QCOMPARE(file->records.first().revision, 5);
        QCOMPARE(file->caseData.members.size(), 3);
    }

    void draftForUnknownCaseIsRefused()
    {
        const Result<Record> refused = m_repo->saveDraft(newDraft(QUuid::createUuid().toString(QUuid::WithoutBraces)));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("records.unknown_case"));
        QCOMPARE(m_repo->getRecord(QUuid::createUuid().toString(QUuid::WithoutBraces)).error().code,
            QStringLiteral("records.not_found"));
    }

    void finalizedRecordsAreImmutable()
    {
        const Result<Case> kase = m_repo->saveCase(fixtures::sampleCase());
        REQUIRE_OK(kase);
        const Result<Record> draft = m_repo->saveDraft(newDraft(kase->id));
        REQUIRE_OK(draft);
        const Result<Record> final = m_repo->finalize(draft->id);
        REQUIRE_OK(final);
        QCOMPARE(final->status, RecordStatus::Final);
        QCOMPARE(final->revision, 2);
        QVERIFY(final->finalizedAt.isValid());
        QCOMPARE(final->contentHash, contentHash(*final));
        QVERIFY(verifyContentHash(*m_repo->getRecord(draft->id)));

        // Repository path.
        Record edit = *final;
        edit.body.insert(QStringLiteral("notes"), QStringLiteral("виправлено"));
        QCOMPARE(m_repo->saveDraft(edit).error().code, QStringLiteral("store.immutable"));
        QCOMPARE(m_repo->finalize(final->id).error().code, QStringLiteral("store.immutable"));
        Record reimport = *final;
        reimport.body.insert(QStringLiteral("notes"), QStringLiteral("виправлено"));
        reimport.contentHash = contentHash(reimport);
        QCOMPARE(m_repo->importRecords({ reimport }).error().code, QStringLiteral("store.immutable"));
        REQUIRE_OK(m_repo->importRecords({ *final })); // the same act again is a no-op

        // Direct SQL path: the triggers refuse whoever writes (REPLACE, which deletes the row it
        // conflicts with, fires the delete trigger because the store turns recursive_triggers on).
        const Result<Record> bystander = m_repo->saveDraft(newDraft(kase->id));
        REQUIRE_OK(bystander);
        const QStringList attacks {
            QStringLiteral("UPDATE OR REPLACE records SET id = '%1' WHERE id = '%2'"),
            QStringLiteral("UPDATE records SET body = '{}' WHERE id = '%1'"),
            QStringLiteral(
                "UPDATE records SET status = 'draft', content_hash = NULL, finalized_at = NULL WHERE id = '%1'"),
            QStringLiteral("UPDATE records SET revision = revision + 1 WHERE id = '%1'"),
            QStringLiteral("DELETE FROM records WHERE id = '%1'"),
            QStringLiteral(
                "INSERT OR REPLACE INTO records (id, case_id, type, form_id, form_version, status, revision, "
                "author_user_id, author_device_id, created_at, updated_at, body) "
                "VALUES ('%1', 'x', 'notice', 'f', 1, 'draft', 1, 'u', 'd', 't', 't', '{}')"),
            QStringLiteral("INSERT INTO records (id, case_id, type, form_id, form_version, status, revision, "
                           "author_user_id, author_device_id, created_at, updated_at, body) "
                           "VALUES ('%1', 'x', 'notice', 'f', 1, 'draft', 1, 'u', 'd', 't', 't', '{}') "
                           "ON CONFLICT (id) DO UPDATE SET body = excluded.body"),
        };
        for (const QString& attack : attacks) {
            const Result<void> result = m_db->exec(attack.arg(final->id, bystander->id));
            QVERIFY2(!result.ok(), qPrintable(attack));
            QCOMPARE(result.error().code, QStringLiteral("store.immutable"));
        }
        const Result<Record> after = m_repo->getRecord(final->id);
        REQUIRE_OK(after);
        QVERIFY(*after == *final);
        QVERIFY(verifyContentHash(*after));

        // Drafts stay editable and deletable by SQL (only finals are protected).
        const Result<Record> other = m_repo->saveDraft(newDraft(kase->id));
        REQUIRE_OK(other);
        REQUIRE_OK(m_db->exec(QStringLiteral("DELETE FROM records WHERE id = '%1'").arg(other->id)));
    }

    void amendmentLinksToOriginal()
    {
        const Result<Case> kase = m_repo->saveCase(fixtures::sampleCase());
        REQUIRE_OK(kase);
        const Result<Record> draft = m_repo->saveDraft(newDraft(kase->id));
        REQUIRE_OK(draft);
        QCOMPARE(m_repo->createAmendment(draft->id, QStringLiteral("w"), QStringLiteral("d")).error().code,
            QStringLiteral("records.not_final"));
        const Result<Record> original = m_repo->finalize(draft->id);
        REQUIRE_OK(original);

        Result<Record> amendment
            = m_repo->createAmendment(original->id, QStringLiteral("worker-18"), QStringLiteral("tablet-7"));
        REQUIRE_OK(amendment);
        QVERIFY(amendment->id != original->id);
        QCOMPARE(amendment->amends, original->id);
        QCOMPARE(amendment->status, RecordStatus::Draft);
        QCOMPARE(amendment->revision, 1);
        QCOMPARE(amendment->caseId, original->caseId);
        QCOMPARE(amendment->type, original->type);
        QCOMPARE(amendment->body, original->body);
        QCOMPARE(amendment->authorUserId, QStringLiteral("worker-18"));

        Record corrected = *amendment;
        corrected.body.insert(QStringLiteral("roomsCount"), 3);
        const Result<Record> saved = m_repo->saveDraft(corrected);
        REQUIRE_OK(saved);
        const Result<Record> finalAmendment = m_repo->finalize(saved->id);
        REQUIRE_OK(finalAmendment);
        QCOMPARE(finalAmendment->amends, original->id);
        QVERIFY(finalAmendment->contentHash != original->contentHash);

        const auto amendments = m_repo->listAmendments(original->id);
        REQUIRE_OK(amendments);
        QCOMPARE(amendments->size(), 1);
        QCOMPARE(amendments->first().id, amendment->id);
        const Result<Record> untouched = m_repo->getRecord(original->id);
        REQUIRE_OK(untouched);
        QVERIFY(*untouched == *original);
        QCOMPARE(m_repo->openCase(kase->id)->records.size(), 2);
    }

    void importChecksHashes()
    {
        const Result<Case> kase = m_repo->saveCase(fixtures::sampleCase());
        REQUIRE_OK(kase);
        Record incoming = fixtures::sampleFinal();
        incoming.caseId = kase->id;
        incoming.amends.clear();
        incoming.contentHash = QString(64, QLatin1Char('0'));
        QCOMPARE(m_repo->importRecords({ incoming }).error().code, QStringLiteral("records.bad_hash"));
        incoming.contentHash = contentHash(incoming);
        Record draft = fixtures::sampleDraft();
        draft.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        draft.caseId = kase->id;
        REQUIRE_OK(m_repo->importRecords({ incoming, draft }));
        QVERIFY(*m_repo->getRecord(incoming.id) == incoming);
        QVERIFY(*m_repo->getRecord(draft.id) == draft);
        // A newer revision of a draft replaces the stored draft.
        draft.revision = 7;
        draft.body.insert(QStringLiteral("roomsCount"), 7);
        REQUIRE_OK(m_repo->importRecords({ draft }));
        QVERIFY(*m_repo->getRecord(draft.id) == draft);
    }

    // A sync pull stores cases as the server has them: times kept, members replaced, all or nothing.
    void importCasesKeepsTheirTimes()
    {
        Case first = fixtures::sampleCase();
        first.createdAt = fixtures::kyiv(2025, 1, 2, 3, 4);
        first.updatedAt = fixtures::kyiv(2025, 6, 7, 8, 9);
        Case second = first;
        second.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        for (Member& member : second.members)
            member.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        REQUIRE_OK(m_repo->importCases({ first, second }));
        QVERIFY(*m_repo->getCase(first.id) == first);
        QVERIFY(*m_repo->getCase(second.id) == second);

        // A newer server version overwrites the stored one, createdAt included (saveCase would keep it).
        Case newer = first;
        newer.createdAt = fixtures::kyiv(2024, 12, 31, 23, 0);
        newer.updatedAt = fixtures::kyiv(2026, 1, 1, 10, 0);
        newer.status = Case::Status::Closed;
        newer.members.removeLast();
        REQUIRE_OK(m_repo->importCases({ newer }));
        QVERIFY(*m_repo->getCase(first.id) == newer);

        // One bad case refuses the whole list.
        Case changed = second;
        changed.address = QStringLiteral("вул. Нова, 1");
        Case bad = fixtures::sampleCase();
        bad.id = QStringLiteral("not-a-uuid");
        QCOMPARE(m_repo->importCases({ changed, bad }).error().code, QStringLiteral("records.invalid"));
        QVERIFY(*m_repo->getCase(second.id) == second);
        Case timeless = changed;
        timeless.updatedAt = QDateTime();
        QCOMPARE(m_repo->importCases({ timeless }).error().code, QStringLiteral("records.invalid"));
    }

    // Batches larger than one multi-row statement (64 + 8 + 1 rows per statement): every row lands, in
    // every chunk, members and the search index included; a stored final in the middle of a batch refuses
    // all of it; a batch holding the same id twice keeps the last one.
    void bulkImportsCrossStatementChunks()
    {
        const auto uuid = [] { return QUuid::createUuid().toString(QUuid::WithoutBraces); };
        QList<Case> cases;
        for (int i = 0; i < 75; ++i) {
            Case value = newCase(QStringLiteral("Ковальчук Марія"), QStringLiteral("с. Мирне, вул. Садова, %1").arg(i),
                QStringLiteral("+380 50 %1").arg(1000000 + i));
            value.id = uuid();
            for (int m = 0; m < 1 + i % 3; ++m) {
                Member child;
                child.id = uuid();
                child.role = Member::Role::Child;
                child.fullName
                    = QStringLiteral("Дитина%1 Ковальчук").arg(QString::number(i * 10 + m).rightJustified(4, u'0'));
                child.relation = QStringLiteral("child");
                value.members.append(child);
            }
            value.members.first().id = uuid();
            value.createdAt = fixtures::kyiv(2025, 1, 2, 3, 4);
            value.updatedAt = fixtures::kyiv(2025, 6, 7, 8, i % 60);
            cases.append(value);
        }
        REQUIRE_OK(m_repo->importCases(cases));
        for (const Case& value : std::as_const(cases)) {
            QVERIFY(*m_repo->getCase(value.id) == value);
            const auto found = m_repo->searchCases(value.members.last().fullName);
            REQUIRE_OK(found);
            QCOMPARE(found->size(), 1);
            QCOMPARE(found->first().id, value.id);
        }
        QCOMPARE(*m_repo->countCases(), 75);

        QList<Record> records;
        for (int i = 0; i < 75; ++i) {
            Record record = fixtures::sampleDraft();
            record.id = uuid();
            record.caseId = cases.at(i).id;
            record.revision = 1 + i % 4;
            records.append(record);
        }
        Record final = fixtures::sampleFinal();
        final.id = uuid();
        final.caseId = cases.first().id;
        final.amends.clear();
        final.contentHash = contentHash(final);
        records.append(final);
        REQUIRE_OK(m_repo->importRecords(records));
        for (const Record& record : std::as_const(records))
            QVERIFY(*m_repo->getRecord(record.id) == record);

        // A different act over the stored final, after 70 good rows: nothing of the batch is stored.
        QList<Record> refused;
        for (int i = 0; i < 70; ++i) {
            Record record = records.at(i);
            record.revision += 1;
            refused.append(record);
        }
        Record otherFinal = final;
        otherFinal.body.insert(QStringLiteral("roomsCount"), 99);
        otherFinal.contentHash = contentHash(otherFinal);
        refused.append(otherFinal);
        QCOMPARE(m_repo->importRecords(refused).error().code, QStringLiteral("store.immutable"));
        QCOMPARE(m_repo->getRecord(records.at(5).id)->revision, records.at(5).revision);

        // The same draft twice in one batch (and the same case twice): the later one wins.
        Record twice = records.at(3);
        twice.revision = 9;
        Record last = twice;
        last.revision = 10;
        REQUIRE_OK(m_repo->importRecords({ twice, last }));
        QCOMPARE(m_repo->getRecord(twice.id)->revision, 10);
        Case caseTwice = cases.at(7);
        caseTwice.address = QStringLiteral("с. Мирне, вул. Нова, 1");
        Case caseLast = caseTwice;
        caseLast.address = QStringLiteral("с. Мирне, вул. Нова, 2");
        REQUIRE_OK(m_repo->importCases({ caseTwice, caseLast }));
        QVERIFY(*m_repo->getCase(caseLast.id) == caseLast);
        QCOMPARE(m_repo->searchCases(QStringLiteral("Нова 2"))->size(), 1);
        const auto oldAddress = m_repo->searchCases(QStringLiteral("Садова 7"));
        REQUIRE_OK(oldAddress);
        for (const CaseSummary& hit : std::as_const(*oldAddress))
            QVERIFY(hit.id != caseLast.id);

        // A batch mixing a stored case (upserted, members replaced) and new ones (inserted, then indexed
        // in one statement; no insert trigger since v4), and a new case twice (case by case).
        Case changed = cases.at(10);
        changed.members.removeLast();
        changed.phone = QStringLiteral("+380 67 765 43 21");
        Case fresh = cases.at(11);
        fresh.id = uuid();
        fresh.members.first().fullName = QStringLiteral("Новенька Олена");
        REQUIRE_OK(m_repo->importCases({ fresh, changed }));
        QVERIFY(*m_repo->getCase(changed.id) == changed);
        QVERIFY(*m_repo->getCase(fresh.id) == fresh);
        QCOMPARE(m_repo->searchCases(QStringLiteral("Новенька"))->size(), 1);
        QCOMPARE(m_repo->searchCases(QStringLiteral("765 43"))->first().id, changed.id);
        Case newTwice = fresh;
        newTwice.id = uuid();
        newTwice.members.first().fullName = QStringLiteral("Двічі Ірина");
        REQUIRE_OK(m_repo->importCases({ newTwice, newTwice }));
        QCOMPARE(m_repo->searchCases(QStringLiteral("Двічі"))->size(), 1);
        QCOMPARE(*m_repo->countCases(), 77);
        // The search index holds exactly what the cases say (FTS5 checks its index against cases).
        REQUIRE_OK(
            m_db->exec(QStringLiteral("INSERT INTO case_search (case_search, rank) VALUES ('integrity-check', 1)")));
    }

    void migrationsFromEveryVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int version = 0; version < kRecordSchemaVersion; ++version)
            QTest::newRow(qPrintable(QStringLiteral("from v%1").arg(version))) << version;
    }
    void migrationsFromEveryVersion()
    {
        QFETCH(int, from);
        QCOMPARE(recordMigrations().size(), kRecordSchemaVersion);
        const QStringList fresh = schemaOf(*m_db);
        QVERIFY(fresh.size() > 5);

        const QString path = m_dir.filePath(QStringLiteral("migrate-%1.db").arg(from));
        auto db = openDb(path);
        QVERIFY(db);
        REQUIRE_OK(store::migrate(*db, recordMigrations().mid(0, from)));
        QCOMPARE(db->userVersion().value(), from);
        QString caseId;
        if (from >= 1) {
            // Data written by the older schema must survive and be found afterwards. The case row is
            // written as the code of v1-v3 wrote it (the insert trigger of v2/v3 indexes it; v2's
            // rebuild indexes a v1 row); today's writeCase indexes new cases itself (v4).
            RecordRepository old(*db, clock());
            const Case sample = fixtures::sampleCase();
            auto insert = db->prepare(QStringLiteral(
                "INSERT INTO cases (id, title, address, phone, categories, internally_displaced, status, complexity, "
                "assigned_workers, created_at, updated_at, updated_utc, search_text) "
                "VALUES (?1, ?2, ?3, ?4, '[]', 0, 'open', NULL, '[]', ?5, ?5, ?6, ?7)"));
            REQUIRE_OK(insert);
            REQUIRE_OK(insert->bind(1, sample.id)
                           .bind(2, sample.title())
                           .bind(3, sample.address)
                           .bind(4, sample.phone)
                           .bind(5, formatDateTime(sample.updatedAt))
                           .bind(6, sample.updatedAt.toSecsSinceEpoch())
                           .bind(7, caseSearchText(sample))
                           .run());
            caseId = sample.id;
            const Result<Record> draft = old.saveDraft(newDraft(caseId));
            REQUIRE_OK(draft);
            REQUIRE_OK(old.finalize(draft->id));
        }
        REQUIRE_OK(store::migrate(*db, recordMigrations()));
        QCOMPARE(db->userVersion().value(), kRecordSchemaVersion);
        QCOMPARE(schemaOf(*db), fresh);
        REQUIRE_OK(db->integrityCheck());
        if (from >= 1) {
            RecordRepository migrated(*db, clock());
            const auto found = migrated.searchCases(QStringLiteral("ШЕВЧЕНКО"));
            REQUIRE_OK(found);
            QCOMPARE(found->size(), 1);
            QCOMPARE(found->first().id, caseId);
            const auto file = migrated.openCase(caseId);
            REQUIRE_OK(file);
            QCOMPARE(file->records.size(), 1);
            const Result<Record> final = migrated.getRecord(file->records.first().id);
            REQUIRE_OK(final);
            QVERIFY(verifyContentHash(*final));
            QCOMPARE(db->exec(QStringLiteral("DELETE FROM records")).error().code, QStringLiteral("store.immutable"));
        }
    }

    void newerStoreIsRefused()
    {
        REQUIRE_OK(m_db->setUserVersion(kRecordSchemaVersion + 1));
        QCOMPARE(store::migrate(*m_db, recordMigrations()).error().code, QStringLiteral("store.too_new"));
    }

    void logsCarryNoPersonalData()
    {
        // Runs last: every earlier test logged through poruch.records/poruch.store.
        QMutexLocker lock(&g_logMutex);
        QVERIFY(!g_logLines.isEmpty());
        const QStringList markers { QStringLiteral("Шевченко"), QStringLiteral("Соборна"), QStringLiteral("123 45 67"),
            QStringLiteral("0501234567"), QStringLiteral("Дитина вдома"), QStringLiteral("Ковалів") };
        for (const QString& line : std::as_const(g_logLines)) {
            for (const QString& marker : markers)
                QVERIFY2(
                    !line.contains(marker, Qt::CaseInsensitive), qPrintable(QStringLiteral("log line leaks a marker")));
        }
    }
};

QTEST_GUILESS_MAIN(TestRecordRepository)
#include "tst_recordrepository.moc"
