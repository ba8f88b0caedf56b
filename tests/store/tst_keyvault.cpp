// The key hierarchy: data key wrapped by Argon2id(PIN, salt, device secret) + AES-256-GCM.

#include "store/devicesecretstorage.h"
#include "store/keyfile.h"
#include "store/keyvault.h"
#include "storetestsupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace poruch;
using namespace poruch::store;

namespace {
const QString Pin = QStringLiteral("4821");
const KdfParams Cheap = KdfParams::insecureForTests();

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
}
} // namespace

class TstKeyVault : public QObject {
    Q_OBJECT

private:
    QTemporaryDir* m_dir = nullptr;
    QString folder() const { return m_dir->path(); }

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

    void createThenUnlock()
    {
        FileDeviceSecretStorage secret(folder());
        KeyVault vault(folder(), secret);
        QVERIFY(!vault.exists());
        auto created = vault.create(Pin, Cheap);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QCOMPARE(created->size(), KeyVault::DataKeySize);
        QVERIFY(vault.exists());
        QVERIFY(secret.exists());
        QCOMPARE(*vault.storedParams(), Cheap);

        // A second vault object (as after an app restart) unlocks the same key.
        FileDeviceSecretStorage secret2(folder());
        KeyVault again(folder(), secret2);
        auto unlocked = again.unlock(Pin);
        QVERIFY(unlocked.ok());
        QVERIFY(unlocked->equals(*created));
    }

    void createRefusesToOverwrite()
    {
        FileDeviceSecretStorage secret(folder());
        KeyVault vault(folder(), secret);
        auto first = vault.create(Pin, Cheap);
        QVERIFY(first.ok());
        auto second = vault.create(QStringLiteral("0000"), Cheap);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, QStringLiteral("store.exists"));
        QVERIFY(vault.unlock(Pin)->equals(*first));
    }

    void wrongPinRefused_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::newRow("one digit off") << "4822";
        QTest::newRow("empty") << "";
        QTest::newRow("prefix") << "482";
        QTest::newRow("trailing space") << "4821 ";
    }
    void wrongPinRefused()
    {
        QFETCH(QString, pin);
        FileDeviceSecretStorage secret(folder());
        KeyVault vault(folder(), secret);
        QVERIFY(vault.create(Pin, Cheap).ok());
        auto r = vault.unlock(pin);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("store.wrong_pin"));
    }

    // The same passphrase typed as composed or decomposed Unicode gives the same key (NFC).
    void passphraseIsNormalized()
    {
        FileDeviceSecretStorage secret(folder());
        KeyVault vault(folder(), secret);
        const QString composed = QStringLiteral("Їжак й ґава");
        QVERIFY(vault.create(composed, Cheap).ok());
        const QString decomposed = composed.normalized(QString::NormalizationForm_D);
        QVERIFY(decomposed != composed);
        QVERIFY(vault.unlock(decomposed).ok());
    }

    void changePinKeepsDataKey()
    {
        FileDeviceSecretStorage secret(folder());
        KeyVault vault(folder(), secret);
        auto key = vault.create(Pin, Cheap);
        QVERIFY(key.ok());
        const QByteArray before = storetest::readFile(vault.keyFilePath());

        auto wrongOld = vault.changePin(QStringLiteral("1111"), QStringLiteral("2222"));
        QVERIFY(!wrongOld.ok());
        QCOMPARE(wrongOld.error().code, QStringLiteral("store.wrong_pin"));
        QCOMPARE(storetest::readFile(vault.keyFilePath()), before);

        QVERIFY(vault.changePin(Pin, QStringLiteral("Нова фраза 7")).ok());
        auto withNew = vault.unlock(QStringLiteral("Нова фраза 7"));
        QVERIFY(withNew.ok());
        QVERIFY(withNew->equals(*key));
        auto withOld = vault.unlock(Pin);
        QVERIFY(!withOld.ok());
        QCOMPARE(withOld.error().code, QStringLiteral("store.wrong_pin"));
        // Fresh salt and nonce: the whole wrapped file changed.
        auto parsedBefore = detail::WrappedKeyFile::parse(before);
        auto parsedAfter = detail::WrappedKeyFile::parse(storetest::readFile(vault.keyFilePath()));
        QVERIFY(parsedBefore.ok() && parsedAfter.ok());
        QVERIFY(parsedBefore->salt != parsedAfter->salt);
        QVERIFY(parsedBefore->nonce != parsedAfter->nonce);
        QCOMPARE(parsedAfter->params, Cheap); // cost kept unless asked
    }

    void changePinCanRaiseCost()
    {
        FileDeviceSecretStorage secret(folder());
        KeyVault vault(folder(), secret);
        QVERIFY(vault.create(Pin, Cheap).ok());
        const KdfParams stronger { 2, 2048, 1 };
        QVERIFY(vault.changePin(Pin, Pin, stronger).ok());
        QCOMPARE(*vault.storedParams(), stronger);
        QVERIFY(vault.unlock(Pin).ok());
    }

    void deviceSecretIsPartOfTheKey()
    {
        FileDeviceSecretStorage secret(folder());
        KeyVault vault(folder(), secret);
        QVERIFY(vault.create(Pin, Cheap).ok());
        // The right PIN with another device's secret (a copied key file) must not unlock.
        writeFile(secret.filePath(), SecretBytes::random(32).bytes());
        auto r = vault.unlock(Pin);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("store.wrong_pin"));
        QFile::remove(secret.filePath());
        r = vault.unlock(Pin);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("store.device_secret_missing"));
        writeFile(secret.filePath(), QByteArray(5, 'x'));
        r = vault.unlock(Pin);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("store.key_file_corrupt"));
    }

    // Damage that the format/checksum can see is "corrupt"; anything that only the GCM tag can see is
    // reported as a wrong PIN (an attacker can always fix up the checksum).
    void tamperedKeyFile_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<QString>("code");
        QTest::newRow("truncated") << "truncate"
                                   << "store.key_file_corrupt";
        QTest::newRow("not JSON") << "garbage"
                                  << "store.key_file_corrupt";
        QTest::newRow("empty") << "empty"
                               << "store.key_file_corrupt";
        QTest::newRow("unknown version") << "version"
                                         << "store.key_file_corrupt";
        QTest::newRow("salt too short") << "salt"
                                        << "store.key_file_corrupt";
        QTest::newRow("absurd memory cost") << "memory"
                                            << "store.key_file_corrupt";
        QTest::newRow("flipped ciphertext, checksum stale") << "flip"
                                                            << "store.key_file_corrupt";
        QTest::newRow("flipped ciphertext, checksum fixed") << "flipfixed"
                                                            << "store.wrong_pin";
        QTest::newRow("flipped tag, checksum fixed") << "tagfixed"
                                                     << "store.wrong_pin";
        QTest::newRow("lowered cost, checksum fixed") << "costfixed"
                                                      << "store.wrong_pin";
        QTest::newRow("missing file") << "delete"
                                      << "store.missing";
    }
    void tamperedKeyFile()
    {
        QFETCH(QString, how);
        QFETCH(QString, code);
        FileDeviceSecretStorage secret(folder());
        KeyVault vault(folder(), secret);
        QVERIFY(vault.create(Pin, KdfParams { 2, 1024, 1 }).ok());
        const QString path = vault.keyFilePath();
        const QByteArray json = storetest::readFile(path);
        QJsonObject root = QJsonDocument::fromJson(json).object();
        auto parsed = detail::WrappedKeyFile::parse(json);
        QVERIFY(parsed.ok());
        detail::WrappedKeyFile file = *parsed;
        auto setField = [&](const char* name, const QJsonValue& value) {
            root.insert(QLatin1String(name), value);
            writeFile(path, QJsonDocument(root).toJson());
        };
        if (how == "truncate")
            writeFile(path, json.left(json.size() / 2));
        else if (how == "garbage")
            writeFile(path, QByteArray(200, '\x07'));
        else if (how == "empty")
            writeFile(path, QByteArray());
        else if (how == "version")
            setField("version", 2);
        else if (how == "salt") {
            QJsonObject kdf = root.value(QLatin1String("kdf")).toObject();
            kdf.insert(QStringLiteral("salt"), QString::fromLatin1(QByteArray(8, 's').toBase64()));
            setField("kdf", kdf);
        } else if (how == "memory") {
            QJsonObject kdf = root.value(QLatin1String("kdf")).toObject();
            kdf.insert(QStringLiteral("memoryKiB"), 1e12);
            setField("kdf", kdf);
        } else if (how == "flip") {
            file.wrappedKey[3] = char(file.wrappedKey[3] ^ 1);
            setField("wrappedKey", QString::fromLatin1(file.wrappedKey.toBase64()));
        } else if (how == "flipfixed") {
            file.wrappedKey[3] = char(file.wrappedKey[3] ^ 1);
            writeFile(path, file.serialize());
        } else if (how == "tagfixed") {
            file.tag[0] = char(file.tag[0] ^ 0x80);
            writeFile(path, file.serialize());
        } else if (how == "costfixed") {
            file.params.timeCost = 1;
            writeFile(path, file.serialize());
        } else if (how == "delete")
            QFile::remove(path);
        auto r = vault.unlock(Pin);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
    }

    void filesAreOwnerOnly()
    {
        FileDeviceSecretStorage secret(folder());
        KeyVault vault(folder(), secret);
        QVERIFY(vault.create(Pin, Cheap).ok());
        const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        for (const QString& path : { vault.keyFilePath(), secret.filePath() }) {
            const auto perms = QFileInfo(path).permissions()
                & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
            QCOMPARE(perms, ownerOnly);
        }
        QVERIFY(vault.changePin(Pin, QStringLiteral("9999")).ok());
        QCOMPARE(QFileInfo(vault.keyFilePath()).permissions()
                & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
            ownerOnly);
    }

    // Neither file holds the data key in any encoding.
    void noPlainKeyOnDisk()
    {
        FileDeviceSecretStorage secret(folder());
        KeyVault vault(folder(), secret);
        auto key = vault.create(Pin, Cheap);
        QVERIFY(key.ok());
        for (const QString& path : { vault.keyFilePath(), secret.filePath() }) {
            const QByteArray content = storetest::readFile(path);
            QVERIFY(!content.isEmpty());
            for (const QByteArray& form : { key->bytes(), key->bytes().toHex(), key->bytes().toHex().toUpper(),
                     key->bytes().toBase64(), key->bytes().toBase64(QByteArray::Base64UrlEncoding) })
                QVERIFY2(!content.contains(form), qPrintable(path));
        }
    }

    void wipeDestroysEverything()
    {
        FileDeviceSecretStorage secret(folder());
        KeyVault vault(folder(), secret);
        QVERIFY(vault.create(Pin, Cheap).ok());
        QVERIFY(vault.wipe().ok());
        QVERIFY(!vault.exists());
        QVERIFY(!secret.exists());
        auto r = vault.unlock(Pin);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("store.missing"));
        QVERIFY(vault.wipe().ok()); // idempotent
        // A new vault can be set up afterwards (re-enrolment).
        auto fresh = vault.create(Pin, Cheap);
        QVERIFY(fresh.ok());
    }

    void kdfDependsOnEveryInput_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("pin") << "pin";
        QTest::newRow("salt") << "salt";
        QTest::newRow("device secret") << "secret";
        QTest::newRow("time cost") << "t";
        QTest::newRow("memory cost") << "m";
        QTest::newRow("parallelism") << "p";
    }
    void kdfDependsOnEveryInput()
    {
        QFETCH(QString, change);
        const QByteArray salt(16, 's');
        const SecretBytes device(QByteArray(32, 'd'));
        auto base = KeyVault::deriveKek(Pin, salt, device, Cheap);
        QVERIFY(base.ok());
        QCOMPARE(base->size(), 32);
        auto same = KeyVault::deriveKek(Pin, salt, device, Cheap);
        QVERIFY(base->equals(*same)); // deterministic

        QString pin = Pin;
        QByteArray salt2 = salt;
        SecretBytes device2 = device;
        KdfParams params = Cheap;
        if (change == "pin")
            pin = QStringLiteral("4820");
        else if (change == "salt")
            salt2[15] = 't';
        else if (change == "secret")
            device2 = SecretBytes(QByteArray(31, 'd') + 'e');
        else if (change == "t")
            params.timeCost = 2;
        else if (change == "m")
            params.memoryKiB = 2048;
        else if (change == "p")
            params.parallelism = 2;
        auto other = KeyVault::deriveKek(pin, salt2, device2, params);
        QVERIFY(other.ok());
        QVERIFY(!base->equals(*other));
    }

    void kdfParamsValidated_data()
    {
        QTest::addColumn<quint32>("t");
        QTest::addColumn<quint32>("m");
        QTest::addColumn<quint32>("p");
        QTest::newRow("t=0") << 0u << 1024u << 1u;
        QTest::newRow("m below 8*p") << 1u << 8u << 2u;
        QTest::newRow("p=0") << 1u << 1024u << 0u;
    }
    void kdfParamsValidated()
    {
        QFETCH(quint32, t);
        QFETCH(quint32, m);
        QFETCH(quint32, p);
        FileDeviceSecretStorage secret(folder());
        KeyVault vault(folder(), secret);
        auto r = vault.create(Pin, KdfParams { t, m, p });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("store.sql"));
        QVERIFY(!vault.exists());
    }

    // Production strength (t=3, m=64 MiB, p=1): measures the KDF alone and a full unlock.
    void defaultStrengthCost()
    {
        const KdfParams defaults;
        QCOMPARE(defaults, (KdfParams { 3, 65536, 1 }));
        FileDeviceSecretStorage secret(folder());
        KeyVault vault(folder(), secret);
        QVERIFY(vault.create(Pin).ok());
        QCOMPARE(*vault.storedParams(), defaults);
        const SecretBytes device = *secret.load();
        QList<qint64> kdfMs;
        QList<qint64> unlockMs;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            QVERIFY(KeyVault::deriveKek(Pin, QByteArray(16, 's'), device, defaults).ok());
            kdfMs << timer.elapsed();
            timer.restart();
            QVERIFY(vault.unlock(Pin).ok());
            unlockMs << timer.elapsed();
        }
        std::sort(kdfMs.begin(), kdfMs.end());
        std::sort(unlockMs.begin(), unlockMs.end());
        qInfo(
            "Argon2id t=3 m=64MiB p=1: KDF alone median %lld ms, unlock median %lld ms (of 5)", kdfMs[2], unlockMs[2]);
        QVERIFY2(kdfMs[2] >= 20, "suspiciously cheap: is the cost really applied?");
    }
};

QTEST_GUILESS_MAIN(TstKeyVault)
#include "tst_keyvault.moc"
