// The SQLCipher wrapper: open/reopen, PRAGMAs actually applied, wrong key, tampered and truncated files,
// transactions, error codes, statement cache.

#include "store/database.h"
#include "storetestsupport.h"

#include <cstring>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QVersionNumber>

using namespace poruch;
using namespace poruch::store;

class TstDatabase : public QObject {
    Q_OBJECT

private:
    QTemporaryDir* m_dir = nullptr;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("store.db")); }

    // A keyed store with table t(id, name, body) holding `rows` rows; closed on return.
    void makeStore(const SecretBytes& key, int rows)
    {
        auto db = Database::open(dbPath(), key);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QVERIFY((*db)->exec(QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, body BLOB)")).ok());
        auto r = (*db)->transaction([&]() -> Result<void> {
            for (int i = 0; i < rows; ++i) {
                auto st = (*db)->prepare(QStringLiteral("INSERT INTO t(name, body) VALUES (?1, ?2)"));
                if (!st)
                    return st.error();
                if (auto ran = st.value()
                                   .bind(1, QStringLiteral("Рядок %1").arg(i))
                                   .bind(2, QByteArray(300, char('a' + i % 26)))
                                   .run();
                    !ran)
                    return ran;
            }
            return {};
        });
        QVERIFY(r.ok());
    }

    // Reads every row of t; returns the first error or ok.
    static Result<int> readAll(Database& db)
    {
        auto st = db.prepare(QStringLiteral("SELECT id, name, body FROM t ORDER BY id"));
        if (!st)
            return st.error();
        int n = 0;
        for (;;) {
            auto row = st.value().step();
            if (!row)
                return row.error();
            if (!*row)
                return n;
            ++n;
        }
    }

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

    void createReopenPersists()
    {
        const SecretBytes key = storetest::randomKey();
        makeStore(key, 50);
        auto db = Database::open(dbPath(), key, OpenOptions { .create = false });
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().code));
        auto n = readAll(**db);
        QVERIFY(n.ok());
        QCOMPARE(*n, 50);
        auto st = (*db)->prepare(QStringLiteral("SELECT name, body FROM t WHERE id = ?1"));
        QVERIFY(st.ok());
        QVERIFY(*st.value().bind(1, 7).step());
        QCOMPARE(st.value().text(0), QStringLiteral("Рядок 6"));
        QCOMPARE(st.value().blob(1), QByteArray(300, 'g'));
    }

    void bindRoundTrip_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("int64 max") << "int64max";
        QTest::newRow("int negative") << "intneg";
        QTest::newRow("double") << "double";
        QTest::newRow("bool true") << "bool";
        QTest::newRow("ukrainian text") << "text";
        QTest::newRow("empty text is not null") << "emptytext";
        QTest::newRow("null QString is NULL") << "nullstring";
        QTest::newRow("blob with zero bytes") << "blob";
        QTest::newRow("nullptr") << "nullptr";
        QTest::newRow("qsizetype via template") << "qsizetype";
    }
    void bindRoundTrip()
    {
        QFETCH(QString, kind);
        auto db = Database::open(dbPath(), storetest::randomKey());
        QVERIFY(db.ok());
        QVERIFY((*db)->exec(QStringLiteral("CREATE TABLE v(x)")).ok());
        auto ins = (*db)->prepare(QStringLiteral("INSERT INTO v(x) VALUES (?1)"));
        QVERIFY(ins.ok());
        const QString text = QStringLiteral("Ґанна Їжакевич — «є» ʼ 😀");
        const QByteArray blob("\0\1\2\0\xff", 5);
        if (kind == "int64max")
            ins.value().bind(1, std::numeric_limits<qint64>::max());
        else if (kind == "intneg")
            ins.value().bind(1, -42);
        else if (kind == "double")
            ins.value().bind(1, 2.5);
        else if (kind == "bool")
            ins.value().bind(1, true);
        else if (kind == "text")
            ins.value().bind(1, text);
        else if (kind == "emptytext")
            ins.value().bind(1, QString(QLatin1String("")));
        else if (kind == "nullstring")
            ins.value().bind(1, QString());
        else if (kind == "blob")
            ins.value().bind(1, blob);
        else if (kind == "nullptr")
            ins.value().bind(1, nullptr);
        else if (kind == "qsizetype")
            ins.value().bind(1, qsizetype(1) << 40);
        QVERIFY(ins.value().run().ok());
        auto sel = (*db)->prepare(QStringLiteral("SELECT x, typeof(x) FROM v"));
        QVERIFY(sel.ok());
        QVERIFY(*sel.value().step());
        if (kind == "int64max")
            QCOMPARE(sel.value().int64(0), std::numeric_limits<qint64>::max());
        else if (kind == "intneg")
            QCOMPARE(sel.value().int64(0), -42);
        else if (kind == "double")
            QCOMPARE(sel.value().real(0), 2.5);
        else if (kind == "bool")
            QCOMPARE(sel.value().int64(0), 1);
        else if (kind == "text")
            QCOMPARE(sel.value().text(0), text);
        else if (kind == "emptytext") {
            QVERIFY(!sel.value().isNull(0));
            QVERIFY(!sel.value().text(0).isNull());
            QCOMPARE(sel.value().text(0), QString());
        } else if (kind == "nullstring" || kind == "nullptr") {
            QVERIFY(sel.value().isNull(0));
            QVERIFY(sel.value().text(0).isNull());
        } else if (kind == "blob")
            QCOMPARE(sel.value().blob(0), blob);
        else if (kind == "qsizetype")
            QCOMPARE(sel.value().int64(0), qint64(1) << 40);
    }

    void pragmasApplied()
    {
        const SecretBytes key = storetest::randomKey();
        auto db = Database::open(dbPath(), key, OpenOptions { .create = true, .cacheSizeKiB = 8192 });
        QVERIFY(db.ok());
        Database& d = **db;
        QVERIFY(d.isEncrypted());
        auto version = d.pragma(QStringLiteral("cipher_version"));
        QVERIFY(version.ok());
        QVERIFY2(QVersionNumber::fromString(*version) >= QVersionNumber(4, 5), qPrintable(*version));
        const QList<QPair<QString, QString>> expected = {
            { QStringLiteral("journal_mode"), QStringLiteral("wal") },
            { QStringLiteral("synchronous"), QStringLiteral("2") }, // FULL
            { QStringLiteral("temp_store"), QStringLiteral("2") }, // MEMORY
            { QStringLiteral("foreign_keys"), QStringLiteral("1") },
            { QStringLiteral("recursive_triggers"), QStringLiteral("1") }, // REPLACE fires delete triggers
            { QStringLiteral("cache_size"), QStringLiteral("-8192") },
            { QStringLiteral("busy_timeout"), QStringLiteral("5000") },
            { QStringLiteral("cipher_memory_security"), QStringLiteral("1") },
            // SQLCipher 4 defaults are kept, never weakened.
            { QStringLiteral("cipher_page_size"), QStringLiteral("4096") },
            { QStringLiteral("cipher_hmac_algorithm"), QStringLiteral("HMAC_SHA512") },
            { QStringLiteral("cipher_use_hmac"), QStringLiteral("1") },
            { QStringLiteral("cipher_plaintext_header_size"), QStringLiteral("0") },
        };
        for (const auto& [name, value] : expected) {
            auto actual = d.pragma(name);
            QVERIFY2(actual.ok(), qPrintable(name));
            QVERIFY2(actual->compare(value, Qt::CaseInsensitive) == 0, qPrintable(name + " = " + *actual));
        }
        QVERIFY(d.exec(QStringLiteral("CREATE TABLE t(x)")).ok());
        QVERIFY(d.checkpoint().ok());
        const QByteArray head = storetest::readFile(dbPath()).left(16);
        QCOMPARE(head.size(), 16);
        QVERIFY(head != QByteArray("SQLite format 3\0", 16));
    }

    // Control for the header check above: an unkeyed store does carry the plain header.
    void plainStoreHasPlainHeader()
    {
        auto db = Database::open(dbPath(), SecretBytes());
        QVERIFY(db.ok());
        QVERIFY(!(*db)->isEncrypted());
        QVERIFY((*db)->exec(QStringLiteral("CREATE TABLE t(x)")).ok());
        QVERIFY((*db)->checkpoint().ok());
        QCOMPARE(storetest::readFile(dbPath()).left(16), QByteArray("SQLite format 3\0", 16));
    }

    void wrongKeyRefused_data()
    {
        QTest::addColumn<bool>("create");
        QTest::newRow("create=false") << false;
        QTest::newRow("create=true") << true;
    }
    void wrongKeyRefused()
    {
        QFETCH(bool, create);
        makeStore(storetest::randomKey(), 40);
        const QByteArray before = storetest::readFile(dbPath());
        auto db = Database::open(dbPath(), storetest::randomKey(), OpenOptions { .create = create });
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, QStringLiteral("store.wrong_key"));
        // Nothing was read and nothing was written: no silently empty store.
        QCOMPARE(storetest::readFile(dbPath()), before);
    }

    void noKeyOnEncryptedStore()
    {
        makeStore(storetest::randomKey(), 5);
        auto db = Database::open(dbPath(), SecretBytes(), OpenOptions { .create = false });
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, QStringLiteral("store.wrong_key"));
    }

    void keyOnPlainStore()
    {
        {
            auto db = Database::open(dbPath(), SecretBytes());
            QVERIFY(db.ok());
            QVERIFY((*db)->exec(QStringLiteral("CREATE TABLE t(x)")).ok());
        }
        auto db = Database::open(dbPath(), storetest::randomKey(), OpenOptions { .create = false });
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, QStringLiteral("store.corrupt"));
    }

    void rawKeyMustBe32Bytes()
    {
        auto db = Database::open(dbPath(), SecretBytes(QByteArray(16, 'k')));
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, QStringLiteral("store.sql"));
        QVERIFY(!QFileInfo::exists(dbPath()));
    }

    // A flipped byte anywhere must surface as an error: at open, when the damaged page is read, or from
    // integrityCheck() - never as silently different data.
    void tamperedByteDetected_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("openCode"); // expected open error, empty: open succeeds
        QTest::newRow("middle of the file") << "middle"
                                            << "";
        QTest::newRow("page 2") << "page2"
                                << "";
        QTest::newRow("last page") << "last"
                                   << "";
        QTest::newRow("page 1 body") << "page1"
                                     << "store.corrupt";
        QTest::newRow("page 1 HMAC") << "page1hmac"
                                     << "store.corrupt";
    }
    void tamperedByteDetected()
    {
        QFETCH(QString, where);
        QFETCH(QString, openCode);
        const SecretBytes key = storetest::randomKey();
        makeStore(key, 200);
        const qint64 size = QFileInfo(dbPath()).size();
        QVERIFY(size >= 8 * 4096);
        qint64 offset = 0;
        if (where == "middle")
            offset = size / 2 + 123;
        else if (where == "page2")
            offset = 4096 + 100;
        else if (where == "last")
            offset = size - 4096 + 200;
        else if (where == "page1")
            offset = 2000;
        else if (where == "page1hmac")
            offset = 4096 - 10;
        QVERIFY(storetest::flipByte(dbPath(), offset));

        auto db = Database::open(dbPath(), key, OpenOptions { .create = false });
        if (!openCode.isEmpty()) {
            QVERIFY(!db.ok());
            QCOMPARE(db.error().code, openCode);
            return;
        }
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        auto n = readAll(**db);
        auto check = (*db)->integrityCheck();
        QVERIFY2(!n.ok() || !check.ok(), "a tampered page went unnoticed");
        QVERIFY(!check.ok());
        QCOMPARE(check.error().code, QStringLiteral("store.corrupt"));
        if (!n.ok())
            QCOMPARE(n.error().code, QStringLiteral("store.corrupt"));
    }

    void truncatedFileRefused_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("half of the pages") << "half";
        QTest::newRow("last page cut short") << "partial";
        QTest::newRow("shorter than one page") << "tiny";
        QTest::newRow("only page 1") << "one";
    }
    void truncatedFileRefused()
    {
        QFETCH(QString, how);
        const SecretBytes key = storetest::randomKey();
        makeStore(key, 200);
        const qint64 size = QFileInfo(dbPath()).size();
        qint64 newSize = 0;
        if (how == "half")
            newSize = (size / 4096 / 2) * 4096;
        else if (how == "partial")
            newSize = size - 1000;
        else if (how == "tiny")
            newSize = 100;
        else if (how == "one")
            newSize = 4096;
        QVERIFY(storetest::resizeFile(dbPath(), newSize));
        auto db = Database::open(dbPath(), key, OpenOptions { .create = false });
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, QStringLiteral("store.corrupt"));
    }

    void missingStoreNotCreated_data()
    {
        QTest::addColumn<bool>("zeroLength");
        QTest::newRow("missing file") << false;
        QTest::newRow("zero-length file") << true;
    }
    void missingStoreNotCreated()
    {
        QFETCH(bool, zeroLength);
        if (zeroLength) {
            QFile f(dbPath());
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        auto db = Database::open(dbPath(), storetest::randomKey(), OpenOptions { .create = false });
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, QStringLiteral("store.missing"));
        QCOMPARE(QFileInfo::exists(dbPath()), zeroLength);
        if (zeroLength)
            QCOMPARE(QFileInfo(dbPath()).size(), 0);
        QVERIFY(!QFileInfo::exists(dbPath() + "-wal"));
    }

    void transactionRollsBack_data()
    {
        QTest::addColumn<QString>("failure");
        QTest::newRow("work returns an error") << "error";
        QTest::newRow("constraint violation") << "constraint";
    }
    void transactionRollsBack()
    {
        QFETCH(QString, failure);
        auto db = Database::open(dbPath(), storetest::randomKey());
        QVERIFY(db.ok());
        Database& d = **db;
        QVERIFY(d.exec(QStringLiteral("CREATE TABLE u(k TEXT PRIMARY KEY)")).ok());
        auto ins = [&](const QString& k) -> Result<void> {
            auto st = d.prepare(QStringLiteral("INSERT INTO u(k) VALUES (?1)"));
            if (!st)
                return st.error();
            return st.value().bind(1, k).run();
        };
        QVERIFY(ins(QStringLiteral("a")).ok());
        auto r = d.transaction([&]() -> Result<void> {
            if (auto x = ins(QStringLiteral("b")); !x)
                return x;
            if (failure == "error")
                return Error { QStringLiteral("test.failed"), QStringLiteral("deliberate") };
            return ins(QStringLiteral("a")); // duplicate key
        });
        QVERIFY(!r.ok());
        QCOMPARE(
            r.error().code, failure == "error" ? QStringLiteral("test.failed") : QStringLiteral("store.constraint"));
        QVERIFY(!d.inTransaction());
        auto count = d.prepare(QStringLiteral("SELECT count(*) FROM u"));
        QVERIFY(*count.value().step());
        QCOMPARE(count.value().int64(0), 1);
    }

    void nestedTransactionUsesSavepoint()
    {
        auto db = Database::open(dbPath(), storetest::randomKey());
        QVERIFY(db.ok());
        Database& d = **db;
        QVERIFY(d.exec(QStringLiteral("CREATE TABLE u(k TEXT)")).ok());
        auto ins = [&](const QString& k) {
            return d.prepare(QStringLiteral("INSERT INTO u(k) VALUES (?1)")).value().bind(1, k).run();
        };
        auto r = d.transaction([&]() -> Result<void> {
            if (auto x = ins(QStringLiteral("outer")); !x)
                return x;
            auto inner = d.transaction([&]() -> Result<void> {
                if (auto x = ins(QStringLiteral("inner")); !x)
                    return x;
                return Error { QStringLiteral("test.inner"), QStringLiteral("deliberate") };
            });
            if (inner.ok())
                return Error { QStringLiteral("test.unexpected"), QStringLiteral("inner should fail") };
            return d.transaction([&] { return ins(QStringLiteral("inner2")); });
        });
        QVERIFY(r.ok());
        auto sel = d.prepare(QStringLiteral("SELECT group_concat(k, ',') FROM (SELECT k FROM u ORDER BY k)"));
        QVERIFY(*sel.value().step());
        QCOMPARE(sel.value().text(0), QStringLiteral("inner2,outer"));
    }

    // atomically() inside a transaction runs without a savepoint; its failure rolls back the whole
    // enclosing transaction even when the caller swallows the error.
    void atomicallyInsideATransactionPoisonsIt()
    {
        auto db = Database::open(dbPath(), storetest::randomKey());
        QVERIFY(db.ok());
        Database& d = **db;
        QVERIFY(d.exec(QStringLiteral("CREATE TABLE u(k TEXT PRIMARY KEY)")).ok());
        auto ins = [&](const QString& k) {
            return d.prepare(QStringLiteral("INSERT INTO u(k) VALUES (?1)")).value().bind(1, k).run();
        };
        auto count = [&]() {
            auto st = d.prepare(QStringLiteral("SELECT count(*) FROM u"));
            return *st.value().step() ? st.value().int64(0) : -1;
        };
        // Alone it is a transaction of its own.
        QCOMPARE(d.atomically([&]() -> Result<void> {
                      if (auto x = ins(QStringLiteral("a")); !x)
                          return x;
                      return Error { QStringLiteral("test.failed"), QStringLiteral("deliberate") };
                  })
                     .error()
                     .code,
            QStringLiteral("test.failed"));
        QCOMPARE(count(), 0);
        QVERIFY(d.atomically([&] { return ins(QStringLiteral("a")); }).ok());
        QCOMPARE(count(), 1);

        // Inside a transaction: success commits with it, failure poisons it.
        QVERIFY(d.transaction([&]() -> Result<void> {
                     return d.atomically([&] { return ins(QStringLiteral("b")); });
                 }).ok());
        QCOMPARE(count(), 2);
        const auto r = d.transaction([&]() -> Result<void> {
            if (auto x = ins(QStringLiteral("c")); !x)
                return x;
            const auto inner = d.atomically([&]() -> Result<void> {
                if (auto x = ins(QStringLiteral("d")); !x)
                    return x;
                return Error { QStringLiteral("test.inner"), QStringLiteral("deliberate") };
            });
            if (inner.ok())
                return Error { QStringLiteral("test.unexpected"), QStringLiteral("inner should fail") };
            return ins(QStringLiteral("e")); // the caller carries on as if nothing happened
        });
        QCOMPARE(r.error().code, QStringLiteral("store.rolled_back"));
        QVERIFY(!d.inTransaction());
        QCOMPARE(count(), 2);
        QVERIFY(d.transaction([&] { return ins(QStringLiteral("f")); }).ok()); // the next one is clean
        QCOMPARE(count(), 3);
    }

    // A ROLLBACK conflict clause ends the transaction inside SQLite: nothing more runs in it, so
    // nothing after it can be committed statement by statement.
    void statementsAfterSqliteRolledBackAreRefused()
    {
        auto db = Database::open(dbPath(), storetest::randomKey());
        QVERIFY(db.ok());
        Database& d = **db;
        QVERIFY(d.exec(QStringLiteral("CREATE TABLE u(k TEXT PRIMARY KEY)")).ok());
        QVERIFY(d.exec(QStringLiteral("INSERT INTO u VALUES ('a')")).ok());
        const auto r = d.transaction([&]() -> Result<void> {
            auto dup = d.prepare(QStringLiteral("INSERT OR ROLLBACK INTO u(k) VALUES ('b'), ('a')"));
            if (!dup)
                return dup.error();
            const auto failed = dup.value().run();
            if (failed.ok())
                return Error { QStringLiteral("test.unexpected"), QStringLiteral("duplicate accepted") };
            auto after = d.prepare(QStringLiteral("INSERT INTO u(k) VALUES ('c')"));
            if (after.ok())
                return Error { QStringLiteral("test.unexpected"), QStringLiteral("statement after rollback") };
            if (after.error().code != QLatin1String("store.rolled_back"))
                return after.error();
            const auto nested = d.transaction([&] { return Result<void>(); });
            return nested.ok() ? Error { QStringLiteral("test.unexpected"), QStringLiteral("nested began") }
                               : nested.error();
        });
        QCOMPARE(r.error().code, QStringLiteral("store.rolled_back"));
        auto st = d.prepare(QStringLiteral("SELECT group_concat(k) FROM u"));
        QVERIFY(st.ok());
        QVERIFY(*st.value().step());
        QCOMPARE(st.value().text(0), QStringLiteral("a"));
    }

    void errorCodes_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("code");
        QTest::newRow("syntax") << "SELEC 1"
                                << "store.sql";
        QTest::newRow("unknown table") << "INSERT INTO nope VALUES (1)"
                                       << "store.sql";
        QTest::newRow("unique") << "INSERT INTO r(id, fin) VALUES (1, 0)"
                                << "store.constraint";
        QTest::newRow("trigger code") << "UPDATE r SET fin = 1 WHERE id = 2"
                                      << "store.immutable";
        QTest::newRow("foreign key on") << "INSERT INTO c(rid) VALUES (99)"
                                        << "store.constraint";
    }
    void errorCodes()
    {
        QFETCH(QString, sql);
        QFETCH(QString, code);
        auto db = Database::open(dbPath(), storetest::randomKey());
        QVERIFY(db.ok());
        QVERIFY((*db)
                    ->exec(QStringLiteral("CREATE TABLE r(id INTEGER PRIMARY KEY, fin INTEGER);"
                                          "CREATE TABLE c(rid INTEGER REFERENCES r(id));"
                                          "INSERT INTO r VALUES (1, 0), (2, 1);"
                                          "CREATE TRIGGER r_final BEFORE UPDATE ON r WHEN OLD.fin = 1 "
                                          "BEGIN SELECT RAISE(ABORT, 'store.immutable'); END;"))
                    .ok());
        auto st = (*db)->prepare(sql);
        Result<void> r = st.ok() ? st.value().run() : Result<void>(st.error());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QVERIFY(!r.error().message.isEmpty());
    }

    void badBindIndexReported()
    {
        auto db = Database::open(dbPath(), storetest::randomKey());
        QVERIFY(db.ok());
        auto st = (*db)->prepare(QStringLiteral("SELECT ?1"));
        QVERIFY(st.ok());
        auto r = st.value().bind(5, 1).step();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("store.sql"));
    }

    void prepareRefusesSeveralStatements()
    {
        auto db = Database::open(dbPath(), storetest::randomKey());
        QVERIFY(db.ok());
        auto st = (*db)->prepare(QStringLiteral("SELECT 1; SELECT 2"));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("store.sql"));
        QVERIFY((*db)->prepare(QStringLiteral("SELECT 1;  ")).ok());
    }

    void statementCache()
    {
        auto db = Database::open(dbPath(), storetest::randomKey());
        QVERIFY(db.ok());
        Database& d = **db;
        QVERIFY(d.exec(QStringLiteral("CREATE TABLE t(x)")).ok());
        const QString sql = QStringLiteral("INSERT INTO t(x) VALUES (?1)");
        QCOMPARE(d.cachedStatementCount(), 0);
        {
            auto st = d.prepare(sql);
            QVERIFY(st.ok());
            QVERIFY(st.value().bind(1, 1).run().ok());
            QCOMPARE(d.cachedStatementCount(), 0); // in use, not idle
        }
        QCOMPARE(d.cachedStatementCount(), 1); // returned to the cache
        {
            // Taken from the cache: bindings were cleared, so an unbound ?1 inserts NULL.
            auto st = d.prepare(sql);
            QCOMPARE(d.cachedStatementCount(), 0);
            QVERIFY(st.value().run().ok());
            // A second user of the same SQL at the same time gets its own statement.
            auto other = d.prepare(sql);
            QVERIFY(other.ok());
            QVERIFY(other.value().bind(1, 3).run().ok());
        }
        QCOMPARE(d.cachedStatementCount(), 1); // one idle statement per SQL text
        auto sel = d.prepare(QStringLiteral("SELECT count(*), count(x), sum(x) FROM t"));
        QVERIFY(*sel.value().step());
        QCOMPARE(sel.value().int64(0), 3);
        QCOMPARE(sel.value().int64(1), 2);
        QCOMPARE(sel.value().int64(2), 4);
        d.clearStatementCache();
        QCOMPARE(d.cachedStatementCount(), 0);
    }

    // Texts and blobs are bound without a copy inside SQLite: the statement must own the bytes. Bound from
    // temporaries that are gone (and their memory overwritten) before the step, kept across run()'s
    // reset, replaced by a rebind; a blob over raw data whose buffer changes after binding.
    void boundBytesOutliveTheirSource()
    {
        auto db = Database::open(dbPath(), storetest::randomKey());
        QVERIFY(db.ok());
        Database& d = **db;
        QVERIFY(d.exec(QStringLiteral("CREATE TABLE t(a, b)")).ok());
        auto ins = d.prepare(QStringLiteral("INSERT INTO t(a, b) VALUES (?1, ?2)"));
        QVERIFY(ins.ok());
        char raw[] = "raw-bytes";
        ins.value()
            .bind(1, QString(QStringLiteral("Ґанна ")) + QString::number(1) + QStringLiteral(" Їжакевич"))
            .bind(2, QByteArray::fromRawData(raw, 9));
        {
            // Reuse the heap the temporaries used.
            QList<QByteArray> noise;
            for (int i = 0; i < 64; ++i)
                noise << QByteArray(64, 'x');
        }
        std::memset(raw, 'z', 9);
        QVERIFY(ins.value().run().ok());
        QVERIFY(ins.value().run().ok()); // bindings kept after run(): the same row again
        ins.value().bind(1, QString(QStringLiteral("другий"))).bind(2, QByteArray("b2"));
        QVERIFY(ins.value().run().ok());
        auto sel = d.prepare(QStringLiteral("SELECT a, b FROM t ORDER BY rowid"));
        QVERIFY(sel.ok());
        QStringList rows;
        while (*sel.value().step())
            rows << sel.value().text(0) + QLatin1Char('|') + QString::fromLatin1(sel.value().blob(1));
        QCOMPARE(rows,
            QStringList({ QStringLiteral("Ґанна 1 Їжакевич|raw-bytes"), QStringLiteral("Ґанна 1 Їжакевич|raw-bytes"),
                QStringLiteral("другий|b2") }));
    }

    // A statement that outlives its database stays safe (the connection closes with the last owner).
    void statementOutlivesDatabase()
    {
        Statement st;
        {
            auto db = Database::open(dbPath(), storetest::randomKey());
            QVERIFY(db.ok());
            auto p = (*db)->prepare(QStringLiteral("SELECT 41 + 1"));
            QVERIFY(p.ok());
            st = std::move(p.value());
        }
        auto row = st.step();
        QVERIFY(row.ok() && *row);
        QCOMPARE(st.int64(0), 42);
    }

    void integrityCheckPassesOnHealthyStore()
    {
        const SecretBytes key = storetest::randomKey();
        makeStore(key, 100);
        auto db = Database::open(dbPath(), key, OpenOptions { .create = false });
        QVERIFY(db.ok());
        auto r = (*db)->integrityCheck();
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    }

    void userVersionRoundTrip()
    {
        const SecretBytes key = storetest::randomKey();
        {
            auto db = Database::open(dbPath(), key);
            QCOMPARE(*(*db)->userVersion(), 0);
            QVERIFY((*db)->setUserVersion(7).ok());
        }
        auto db = Database::open(dbPath(), key, OpenOptions { .create = false });
        QCOMPARE(*(*db)->userVersion(), 7);
    }

    void closedDatabaseFailsCleanly()
    {
        auto db = Database::open(dbPath(), storetest::randomKey());
        QVERIFY(db.ok());
        (*db)->close();
        auto st = (*db)->prepare(QStringLiteral("SELECT 1"));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("store.sql"));
    }
};

QTEST_GUILESS_MAIN(TstDatabase)
#include "tst_database.moc"
