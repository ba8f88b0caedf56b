// OpenOptions::memorySecurity reaches SQLCipher: read back through PRAGMA cipher_memory_security and
// seen by the kernel as locked memory. Its own executable, because SQLCipher keeps the setting
// process-wide and never turns it off once on: the order of the steps below is the test.

#include "store/database.h"
#include "storetestsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace poruch;
using namespace poruch::store;

namespace {

// VmLck of this process in KiB (memory locked with mlock), -1 when unknown.
qint64 lockedKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpression line(QStringLiteral("^VmLck:\\s+(\\d+) kB"), QRegularExpression::MultilineOption);
    const auto match = line.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

// Some writes, so SQLCipher allocates page buffers (locked ones when memory security is on).
void fill(Database& db)
{
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, body TEXT)")).ok());
    QVERIFY(db.transaction([&]() -> Result<void> {
                  for (int i = 0; i < 200; ++i) {
                      auto st = db.prepare(QStringLiteral("INSERT INTO t(body) VALUES (?1)"));
                      if (!st)
                          return st.error();
                      if (auto ran = st->bind(1, QString(500, QLatin1Char('a' + i % 26))).run(); !ran)
                          return ran;
                  }
                  return {};
              }).ok());
}

// Whether locked memory is visible here: ASan turns mlock into a no-op, and a zero RLIMIT_MEMLOCK refuses it.
bool lockingObservable()
{
#if defined(__SANITIZE_ADDRESS__)
    return false;
#else
    rlimit limit {};
    return getrlimit(RLIMIT_MEMLOCK, &limit) == 0 && limit.rlim_cur > 0;
#endif
}

} // namespace

class TstMemorySecurity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void offLeavesSqlcipherDefaultThenOnLocksAndSticks()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const SecretBytes key = storetest::randomKey();

        // The server's way: nothing in this process has turned memory security on yet.
        auto off = Database::open(dir.filePath(QStringLiteral("off.db")), key, OpenOptions { .memorySecurity = false });
        QVERIFY2(off.ok(), qPrintable(off.ok() ? QString() : off.error().message));
        fill(**off);
        auto offValue = (*off)->memorySecurity();
        QVERIFY(offValue.ok());
        QCOMPARE(*offValue, false);
        QCOMPARE((*off)->pragma(QStringLiteral("cipher_memory_security")).value(), QStringLiteral("0"));
        const qint64 lockedWhenOff = lockedKiB();
        QVERIFY(lockedWhenOff >= 0);

        // The tablet's way (the default).
        auto on = Database::open(dir.filePath(QStringLiteral("on.db")), key);
        QVERIFY(on.ok());
        fill(**on);
        auto onValue = (*on)->memorySecurity();
        QVERIFY(onValue.ok());
        QCOMPARE(*onValue, true);
        // SQLCipher now mlocks its allocations: the kernel counts them.
        if (lockingObservable())
            QVERIFY2(lockedKiB() > lockedWhenOff,
                qPrintable(QStringLiteral("VmLck %1 kB after ON, %2 kB before").arg(lockedKiB()).arg(lockedWhenOff)));

        // Process-wide and one-way: asking for OFF now cannot weaken the other connection.
        auto later
            = Database::open(dir.filePath(QStringLiteral("later.db")), key, OpenOptions { .memorySecurity = false });
        QVERIFY(later.ok());
        QCOMPARE((*later)->memorySecurity().value(), true);
        QCOMPARE((*on)->memorySecurity().value(), true);
    }
};

QTEST_GUILESS_MAIN(TstMemorySecurity)
#include "tst_memorysecurity.moc"
