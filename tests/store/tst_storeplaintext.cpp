// No plaintext personal data in any file the store writes (db, -wal, -shm, key file, device secret),
// neither after a clean close nor after a SIGKILL before close, and none in any log line.
//
// The crash case re-runs this binary with --write-markers-then-hang <folder>: the child writes the
// markers, reports READY, and is killed with SIGKILL while the store is open (its WAL holds the data).

#include "store/database.h"
#include "store/devicesecretstorage.h"
#include "store/keyvault.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFileInfo>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>

using namespace poruch;
using namespace poruch::store;

namespace {

const QString Pin = QStringLiteral("735911");
const char* const ChildFlag = "--write-markers-then-hang";

// Unique strings that cannot occur by chance: names, an address, free text, a phone number.
const QStringList Markers = {
    QStringLiteral("Гнатюк-Маркерович Ярослава Богданівна"),
    QStringLiteral("Ящиковський Олекса Маркерянович"),
    QStringLiteral("вул. Маркерна Січових Стрільців, 17, кв. 42, м. Коломия"),
    QStringLiteral("Дитина розповіла маркер-текст про синці на руках 7f3a9c"),
    QStringLiteral("PORUCH-MARKER-PHONE +380671234567"),
};

// Every form a marker could take on disk.
QList<QByteArray> encodings(const QString& marker)
{
    QList<QByteArray> out;
    for (const QString& s : { marker, marker.left(14) }) {
        out << s.toUtf8();
        QByteArray le(reinterpret_cast<const char*>(s.utf16()), s.size() * 2);
        out << le;
        QByteArray be = le;
        for (qsizetype i = 0; i + 1 < be.size(); i += 2)
            std::swap(be[i], be[i + 1]);
        out << be;
    }
    return out;
}

// Files under folder that contain any marker (as "file: marker").
QStringList scanFolder(const QString& folder, QStringList* scanned = nullptr)
{
    QStringList hits;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            hits << path + QStringLiteral(": unreadable");
            continue;
        }
        const QByteArray content = file.readAll();
        if (scanned)
            *scanned << QFileInfo(path).fileName();
        for (const QString& marker : Markers) {
            for (const QByteArray& form : encodings(marker)) {
                if (content.contains(form)) {
                    hits << QFileInfo(path).fileName() + QStringLiteral(": ") + marker.left(14);
                    break;
                }
            }
        }
    }
    return hits;
}

// Writes `copies` rows of markers, each row in its own transaction (like autosaves), long free text
// so overflow pages are used too, and a UTF-16 blob.
Result<void> writeMarkers(Database& db, int copies)
{
    if (auto r = db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS cases(id INTEGER PRIMARY KEY, name TEXT UNIQUE,"
                                        " address TEXT, note TEXT, raw BLOB)"));
        !r)
        return r;
    for (int i = 0; i < copies; ++i) {
        auto r = db.transaction([&]() -> Result<void> {
            auto st = db.prepare(QStringLiteral("INSERT INTO cases(name, address, note, raw) VALUES (?1, ?2, ?3, ?4)"));
            if (!st)
                return st.error();
            const QString name = Markers[i % 2] + QStringLiteral(" #%1").arg(i);
            const QString note = QStringList(20, Markers[3] + QLatin1Char(' ') + Markers[4]).join(QLatin1Char('\n'));
            const QByteArray raw(reinterpret_cast<const char*>(Markers[2].utf16()), Markers[2].size() * 2);
            return st.value().bind(1, name).bind(2, Markers[2]).bind(3, note).bind(4, raw).run();
        });
        if (!r)
            return r;
    }
    return {};
}

Result<qint64> countMarkerRows(Database& db)
{
    auto st = db.prepare(QStringLiteral("SELECT count(*) FROM cases WHERE address = ?1 AND instr(note, ?2) > 0"));
    if (!st)
        return st.error();
    auto row = st.value().bind(1, Markers[2]).bind(2, Markers[3]).step();
    if (!row)
        return row.error();
    return st.value().int64(0);
}

// Log capture: every message from every category, debug included.
QMutex g_logMutex;
QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_logLines << QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// The child of crashBeforeClose: set up a vault and a store, write, report, wait to be killed.
int childWriteMarkersThenHang(const QString& folder)
{
    FileDeviceSecretStorage secret(folder);
    KeyVault vault(folder, secret);
    auto key = vault.create(Pin, KdfParams::insecureForTests());
    if (!key)
        return 2;
    auto db = Database::open(QDir(folder).filePath(QStringLiteral("store.db")), *key);
    if (!db)
        return 3;
    if (!writeMarkers(**db, 40))
        return 4;
    std::fputs("READY\n", stdout);
    std::fflush(stdout);
    for (;;)
        QThread::sleep(1);
}

} // namespace

class TstStorePlaintext : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { g_previousHandler = qInstallMessageHandler(captureMessage); }

    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    // Control: the scanner does find the markers when the store is not encrypted.
    void scannerFindsMarkersInPlainStore()
    {
        QTemporaryDir dir;
        {
            auto db = Database::open(dir.filePath(QStringLiteral("plain.db")), SecretBytes());
            QVERIFY(db.ok());
            QVERIFY(writeMarkers(**db, 5).ok());
        }
        const QStringList hits = scanFolder(dir.path());
        for (const QString& marker : Markers)
            QVERIFY2(hits.join(QLatin1Char('\n')).contains(marker.left(14)), qPrintable(marker.left(14)));
    }

    void encryptedStoreHasNoPlaintext()
    {
        QTemporaryDir dir;
        FileDeviceSecretStorage secret(dir.path());
        KeyVault vault(dir.path(), secret);
        auto key = vault.create(Pin, KdfParams::insecureForTests());
        QVERIFY(key.ok());
        const QString path = dir.filePath(QStringLiteral("store.db"));
        {
            auto db = Database::open(path, *key);
            QVERIFY(db.ok());
            QVERIFY(writeMarkers(**db, 60).ok());
            // While open: the data sits in the WAL, which must be encrypted too.
            QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
            QStringList scanned;
            const QStringList hits = scanFolder(dir.path(), &scanned);
            QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
            for (const char* name : { "store.db", "store.db-wal", "store.db-shm", "store.key", "device.secret" })
                QVERIFY2(scanned.contains(QLatin1String(name)), name);
        }
        QStringList hits = scanFolder(dir.path());
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));

        // The markers really are in there: unlock, reopen, read them back.
        auto unlocked = vault.unlock(Pin);
        QVERIFY(unlocked.ok());
        auto db = Database::open(path, *unlocked, OpenOptions { .create = false });
        QVERIFY(db.ok());
        QCOMPARE(*countMarkerRows(**db), 60);
        QVERIFY((*db)->checkpoint().ok());
        hits = scanFolder(dir.path());
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
    }

    void crashBeforeClose()
    {
        QTemporaryDir dir;
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), { QString::fromLatin1(ChildFlag), dir.path() });
        QVERIFY(child.waitForStarted(10000));
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains("READY") && timer.elapsed() < 60000 && child.state() == QProcess::Running) {
            child.waitForReadyRead(1000);
            out += child.readAllStandardOutput();
        }
        QVERIFY2(out.contains("READY"), child.readAllStandardError().constData());
        const QString path = dir.filePath(QStringLiteral("store.db"));
        QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0); // killed with data only in the WAL
        child.kill(); // SIGKILL: no destructors, no checkpoint, no close
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        QStringList scanned;
        QStringList hits = scanFolder(dir.path(), &scanned);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
        QVERIFY(scanned.contains(QStringLiteral("store.db-wal")));
        // Nothing personal in what the child logged either.
        const QString childOutput = QString::fromUtf8(out + child.readAllStandardError());
        for (const QString& marker : Markers)
            QVERIFY(!childOutput.contains(marker.left(14)));

        // The committed rows survived the kill (synchronous=FULL) and open with the PIN.
        FileDeviceSecretStorage secret(dir.path());
        KeyVault vault(dir.path(), secret);
        auto key = vault.unlock(Pin);
        QVERIFY(key.ok());
        auto db = Database::open(path, *key, OpenOptions { .create = false });
        QVERIFY(db.ok());
        QCOMPARE(*countMarkerRows(**db), 40);
        QVERIFY((*db)->integrityCheck().ok());
        (*db)->close();
        hits = scanFolder(dir.path());
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
    }

    // Error messages are logged and shown: they must not echo bound values.
    void errorsCarryNoPersonalData()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("e.db")), SecretBytes::random(32));
        QVERIFY(db.ok());
        QVERIFY(writeMarkers(**db, 1).ok());
        auto again = writeMarkers(**db, 1); // same name: UNIQUE violation with a marker as the value
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("store.constraint"));
        for (const QString& marker : Markers) {
            QVERIFY(!again.error().message.contains(marker.left(14)));
            QVERIFY(!again.error().code.contains(marker.left(14)));
        }
    }

    // Runs last (declaration order): everything the store tests logged, debug included.
    void logsCarryNoPersonalData()
    {
        QMutexLocker lock(&g_logMutex);
        QVERIFY2(g_logLines.size() > 10, "log capture saw nothing: is it installed?");
        QVERIFY(g_logLines.join(QLatin1Char('\n')).contains(QLatin1String("store opened")));
        for (const QString& line : std::as_const(g_logLines)) {
            for (const QString& marker : Markers)
                QVERIFY2(!line.contains(marker.left(14)), qPrintable(line));
        }
    }
};

int main(int argc, char** argv)
{
    // Capture debug lines too, whatever the test environment says (ctest sets *.debug=false, and the
    // environment outranks QLoggingCategory::setFilterRules).
    qputenv("QT_LOGGING_RULES", "poruch.*=true");
    if (argc >= 3 && qstrcmp(argv[1], ChildFlag) == 0) {
        QCoreApplication app(argc, argv);
        return childWriteMarkersThenHang(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TstStorePlaintext test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_storeplaintext.moc"
