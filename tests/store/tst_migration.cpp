// Forward-only schema migrations: every earlier version reaches the same schema; too-new stores and
// failing migrations are refused without partial changes.

#include "store/database.h"
#include "store/migration.h"
#include "storetestsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace poruch;
using namespace poruch::store;

namespace {

// A realistic sample: create, then add a column + index, then a new table with a foreign key and a
// data migration that reads what version 2 added.
QList<Migration> sampleMigrations()
{
    return {
        { 1, QStringLiteral("CREATE TABLE cases(id TEXT PRIMARY KEY, title TEXT NOT NULL);") },
        { 2,
            QStringLiteral("ALTER TABLE cases ADD COLUMN status TEXT NOT NULL DEFAULT 'open';"
                           "CREATE INDEX cases_status ON cases(status);") },
        { 3,
            QStringLiteral("CREATE TABLE records(id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),"
                           " body TEXT);"
                           "INSERT INTO records(id, case_id, body) SELECT 'r-' || id, id, status FROM cases;"
                           "CREATE INDEX records_case ON records(case_id);") },
    };
}

QString schemaOf(Database& db)
{
    auto st = db.prepare(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"));
    QStringList lines;
    while (st.ok() && *st.value().step()) {
        Statement& s = st.value();
        lines << QStringList { s.text(0), s.text(1), s.text(2), s.text(3) }.join(QLatin1Char('|'));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TstMigration : public QObject {
    Q_OBJECT

private:
    QTemporaryDir* m_dir = nullptr;
    SecretBytes m_key = storetest::randomKey();
    QString path(const QString& name) const { return m_dir->filePath(name); }

private Q_SLOTS:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
    }
    void cleanup()
    {
        delete m_dir;
        m_dir = nullptr;
    }

    void fromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("start");
        QTest::newRow("from 0 (new store)") << 0;
        QTest::newRow("from 1") << 1;
        QTest::newRow("from 2") << 2;
        QTest::newRow("from 3 (up to date)") << 3;
    }
    void fromEveryEarlierVersion()
    {
        QFETCH(int, start);
        const QList<Migration> all = sampleMigrations();

        // Reference: a new store migrated in one go.
        auto ref = Database::open(path(QStringLiteral("ref.db")), m_key);
        QVERIFY(ref.ok());
        QVERIFY(migrate(**ref, all).ok());
        const QString expected = schemaOf(**ref);
        QVERIFY(expected.contains(QLatin1String("records_case")));

        // A store written by an older build (only the first `start` migrations), holding data.
        const QString file = path(QStringLiteral("old.db"));
        {
            auto old = Database::open(file, m_key);
            QVERIFY(old.ok());
            QVERIFY(migrate(**old, all.mid(0, start)).ok());
            QCOMPARE(*(*old)->userVersion(), start);
            if (start >= 1) {
                auto ins = (*old)->prepare(QStringLiteral("INSERT INTO cases(id, title) VALUES (?1, ?2)"));
                QVERIFY(ins.value().bind(1, QStringLiteral("c1")).bind(2, QStringLiteral("Сім'я")).run().ok());
            }
        }
        auto db = Database::open(file, m_key, OpenOptions { .create = false, .cacheSizeKiB = 2048 });
        if (start == 0) // the older build never wrote anything: the file does not exist yet
            db = Database::open(file, m_key);
        QVERIFY(db.ok());
        auto r = migrate(**db, all);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(*(*db)->userVersion(), 3);
        QCOMPARE(schemaOf(**db), expected);
        if (start >= 1 && start < 3) {
            // The data migration of version 3 ran over the old rows.
            auto sel = (*db)->prepare(QStringLiteral("SELECT body FROM records WHERE case_id = 'c1'"));
            QVERIFY(*sel.value().step());
            QCOMPARE(sel.value().text(0), QStringLiteral("open"));
        }
        // Running again is a no-op.
        QVERIFY(migrate(**db, all).ok());
        QCOMPARE(*(*db)->userVersion(), 3);
    }

    void tooNewStoreRefused()
    {
        auto db = Database::open(path(QStringLiteral("new.db")), m_key);
        QVERIFY(db.ok());
        QVERIFY(migrate(**db, sampleMigrations()).ok());
        QVERIFY((*db)->setUserVersion(4).ok());
        const QString before = schemaOf(**db);
        auto r = migrate(**db, sampleMigrations());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("store.too_new"));
        QCOMPARE(*(*db)->userVersion(), 4);
        QCOMPARE(schemaOf(**db), before);
    }

    void failingMigrationRolledBack()
    {
        QList<Migration> list = sampleMigrations();
        list[1].sql = QStringLiteral("CREATE TABLE half_done(x); INSERT INTO no_such_table VALUES (1);");
        auto db = Database::open(path(QStringLiteral("f.db")), m_key);
        QVERIFY(db.ok());
        auto r = migrate(**db, list);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("store.sql"));
        QVERIFY(r.error().message.contains(QLatin1String("version 2")));
        QCOMPARE(*(*db)->userVersion(), 1); // version 1 stays applied
        QVERIFY(!schemaOf(**db).contains(QLatin1String("half_done")));
        QVERIFY(!(*db)->inTransaction());
    }

    void invalidListRefused_data()
    {
        QTest::addColumn<QList<int>>("versions");
        QTest::newRow("gap") << QList<int> { 1, 3 };
        QTest::newRow("duplicate") << QList<int> { 1, 1, 2 };
        QTest::newRow("out of order") << QList<int> { 2, 1 };
        QTest::newRow("starts at 0") << QList<int> { 0, 1 };
    }
    void invalidListRefused()
    {
        QFETCH(QList<int>, versions);
        QList<Migration> list;
        for (int v : versions)
            list.append({ v, QStringLiteral("CREATE TABLE t%1(x);").arg(list.size()) });
        auto db = Database::open(path(QStringLiteral("i.db")), m_key);
        QVERIFY(db.ok());
        auto r = migrate(**db, list);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("store.sql"));
        QCOMPARE(*(*db)->userVersion(), 0);
        QCOMPARE(schemaOf(**db), QString());
    }
};

QTEST_GUILESS_MAIN(TstMigration)
#include "tst_migration.moc"
