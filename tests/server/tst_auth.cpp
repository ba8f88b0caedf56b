#include "auth/passwordhash.h"
#include "auth/ratelimiter.h"
#include "auth/secrets.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace poruch::server;

class TestAuth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void passwordHashVerifies()
    {
        const PasswordHashParams fast { 1, 8 * 1024, 1 };
        const QString hash = hashPassword(QStringLiteral("пароль-офісу-2026"), fast);
        QVERIFY(hash.startsWith(QStringLiteral("$argon2id$v=19$m=8192,t=1,p=1$")));
        QVERIFY(!hash.contains(QStringLiteral("пароль")));
        QVERIFY(verifyPassword(QStringLiteral("пароль-офісу-2026"), hash));
        QVERIFY(!verifyPassword(QStringLiteral("пароль-офісу-2027"), hash));
        QVERIFY(!verifyPassword(QString(), hash));
        QVERIFY(!verifyPassword(QStringLiteral("x"), QStringLiteral("$argon2i$garbage")));
        QVERIFY(!verifyPassword(QStringLiteral("x"), QString()));
        // Same password, new salt, different hash.
        QVERIFY(hashPassword(QStringLiteral("пароль-офісу-2026"), fast) != hash);
    }

    void defaultParametersAreTheDocumentedOnes()
    {
        const QString hash = hashPassword(QStringLiteral("secret"));
        QVERIFY2(hash.contains(QStringLiteral("m=65536,t=3,p=1")), qPrintable(hash));
    }

    void tokensAreRandomAndDigestsStable()
    {
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            const QString token = newToken();
            QCOMPARE(token.size(), 43); // 32 bytes base64url without padding
            QVERIFY(!seen.contains(token));
            seen.insert(token);
        }
        QCOMPARE(secretDigest(QStringLiteral("abc")),
            QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void enrollmentCodesAreTypable()
    {
        static const QRegularExpression shape(
            QStringLiteral("^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$"));
        QSet<QString> seen;
        for (int i = 0; i < 500; ++i) {
            const QString code = newEnrollmentCode();
            QVERIFY2(shape.match(code).hasMatch(), qPrintable(code));
            seen.insert(code);
        }
        QCOMPARE(seen.size(), 500);
        QCOMPARE(normalizeEnrollmentCode(QStringLiteral(" k7q4 m2xp-9tab ")), QStringLiteral("K7Q4-M2XP-9TAB"));
    }

    void rateLimiterSlidesItsWindow()
    {
        QDateTime now = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        RateLimiter limiter(3, 60, [&] { return now; });
        QVERIFY(limiter.allow(QStringLiteral("10.0.0.1")));
        QVERIFY(limiter.allow(QStringLiteral("10.0.0.1")));
        now = now.addSecs(30);
        QVERIFY(limiter.allow(QStringLiteral("10.0.0.1")));
        QVERIFY(!limiter.allow(QStringLiteral("10.0.0.1")));
        QVERIFY(limiter.allow(QStringLiteral("other")));
        QCOMPARE(limiter.retryAfterSeconds(QStringLiteral("10.0.0.1")), 30);
        now = now.addSecs(31); // the first two attempts left the window
        QVERIFY(limiter.allow(QStringLiteral("10.0.0.1")));
        QVERIFY(limiter.allow(QStringLiteral("10.0.0.1")));
        QVERIFY(!limiter.allow(QStringLiteral("10.0.0.1")));
        limiter.reset(QStringLiteral("10.0.0.1"));
        QVERIFY(limiter.allow(QStringLiteral("10.0.0.1")));
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
