// SecretBytes owns its buffer exclusively, so wiping one never clobbers another.

#include "store/secretbytes.h"

#include <QTest>

using namespace poruch::store;

class TstSecretBytes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sharedInputIsNotClobbered()
    {
        QByteArray original(32, 'k');
        const QByteArray copy = original; // implicitly shared with `original`
        {
            SecretBytes secret(original);
            QCOMPARE(secret.bytes(), copy);
        }
        QCOMPARE(original, QByteArray(32, 'k'));
        QCOMPARE(copy, QByteArray(32, 'k'));
    }

    void copiesAreIndependent()
    {
        SecretBytes a(QByteArray(16, 'a'));
        SecretBytes b = a;
        QVERIFY(a.equals(b));
        QVERIFY(a.bytes().constData() != b.bytes().constData());
        a.clear();
        QVERIFY(a.isEmpty());
        QCOMPARE(b.bytes(), QByteArray(16, 'a'));
    }

    void moveLeavesSourceEmpty()
    {
        SecretBytes a(QByteArray(16, 'a'));
        SecretBytes b = std::move(a);
        QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move): checking the documented state
        QCOMPARE(b.size(), 16);
    }

    void wipeLeavesSharedCopiesAlone()
    {
        QByteArray a(8, 'x');
        QByteArray b = a;
        wipe(a); // shared: must not scribble over b's data
        QVERIFY(a.isEmpty());
        QCOMPARE(b, QByteArray(8, 'x'));
    }

    void randomIsRandom()
    {
        const SecretBytes a = SecretBytes::random(32);
        const SecretBytes b = SecretBytes::random(32);
        QCOMPARE(a.size(), 32);
        QVERIFY(!a.equals(b));
        QVERIFY(!a.equals(SecretBytes(QByteArray(32, '\0'))));
    }
};

QTEST_GUILESS_MAIN(TstSecretBytes)
#include "tst_secretbytes.moc"
