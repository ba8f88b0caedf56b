#pragma once

#include "formbodies.h"

// A simulated tablet for client tests: an encrypted store (KeyVault with test-strength KDF, device
// secret in the folder), the LocalSyncStore over it and a SyncClient with short test timings.
#include "records/canonicalform.h"
#include "store/database.h"
#include "store/devicesecretstorage.h"
#include "store/keyvault.h"
#include "sync/localsyncstore.h"
#include "sync/syncclient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace clienttest {

namespace client = poruch::client;
namespace records = poruch::records;
namespace store = poruch::store;

inline QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

inline client::SyncClientOptions testOptions()
{
    client::SyncClientOptions options;
    options.initialBackoffMs = 200;
    options.maxBackoffMs = 2000;
    options.probeIntervalMs = 300;
    options.transferTimeoutMs = 4000;
    options.autoSyncIntervalMs = 0;
    return options;
}

struct Device {
    QTemporaryDir dir;
    std::unique_ptr<store::FileDeviceSecretStorage> secret;
    std::unique_ptr<store::KeyVault> vault;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<client::LocalSyncStore> local;
    std::unique_ptr<client::SyncClient> client;
    QString userId = QStringLiteral("unknown");
    QString deviceId = QStringLiteral("unenrolled");
    bool wipedCallback = false;

    QString dbPath() const { return QDir(dir.path()).filePath(QStringLiteral("poruch.db")); }

    bool open(bool create, client::SyncClientOptions options = testOptions())
    {
        secret = std::make_unique<store::FileDeviceSecretStorage>(dir.path());
        vault = std::make_unique<store::KeyVault>(dir.path(), *secret);
        auto key = create ? vault->create(QStringLiteral("2468"), store::KdfParams::insecureForTests())
                          : vault->unlock(QStringLiteral("2468"));
        if (!key)
            return false;
        auto opened = store::Database::open(dbPath(), *key);
        if (!opened)
            return false;
        db = std::move(opened).value();
        if (!client::LocalSyncStore::migrate(*db))
            return false;
        local = std::make_unique<client::LocalSyncStore>(*db);
        options.wipe = [this](const QString& path) -> poruch::Result<void> {
            wipedCallback = true;
            if (auto r = client::wipeStoreFiles(path); !r)
                return r;
            return vault->wipe();
        };
        client = std::make_unique<client::SyncClient>(*local, options);
        return true;
    }

    void close()
    {
        client.reset();
        local.reset();
        db.reset();
    }

    // Enrolls through the real client (certificate check + POST /enroll). Returns the error code or "".
    QString enroll(const QUrl& url, const QString& code, const QString& fingerprint)
    {
        QSignalSpy done(client.get(), &client::SyncClient::enrollFinished);
        client->enroll(url, code, fingerprint);
        if (!done.wait(20000))
            return QStringLiteral("timeout");
        if (!done.first().at(0).toBool())
            return done.first().at(1).toString();
        const auto e = local->enrollment();
        userId = (*e)->userId;
        deviceId = (*e)->deviceId;
        return QString();
    }

    // One round; returns whether it completed (outbox empty, pull done).
    bool sync(int timeoutMs = 30000)
    {
        QSignalSpy finished(client.get(), &client::SyncClient::syncFinished);
        client->syncNow();
        if (finished.isEmpty() && !finished.wait(timeoutMs))
            return false;
        return finished.first().at(0).toBool();
    }

    records::Case newCase(const QString& familyName)
    {
        records::Case value;
        records::Member child;
        child.role = records::Member::Role::Child;
        child.fullName = familyName + QStringLiteral(" Дарина");
        child.birthDate = QDate(2016, 5, 3);
        child.relation = QStringLiteral("child");
        records::Member mother;
        mother.role = records::Member::Role::Adult;
        mother.fullName = familyName + QStringLiteral(" Олена");
        mother.relation = QStringLiteral("applicant");
        value.members = { mother, child };
        value.address = QStringLiteral("с. Тестове, вул. Садова, 1");
        value.phone = QStringLiteral("");
        auto saved = local->saveCase(value);
        if (!saved)
            qWarning() << "saveCase" << saved.error().code << saved.error().message;
        return saved ? *saved : records::Case {};
    }

    records::Record newNotice(const QString& caseId, bool concernsChild)
    {
        records::Record record;
        record.type = records::RecordType::Notice;
        record.formId = QStringLiteral("notice");
        record.formVersion = 1;
        record.caseId = caseId;
        // Complete notice (forms test sample): the server validates final acts in full.
        record.body = poruch::test::completeFormBody(QStringLiteral("notice"),
            QJsonObject { { QStringLiteral("concernsChild"), concernsChild },
                { QStringLiteral("receivedAt"), QStringLiteral("2026-03-02T09:00:00+02:00") },
                { QStringLiteral("contentText"), QStringLiteral("початковий текст") } });
        record.authorUserId = userId;
        record.authorDeviceId = deviceId;
        auto saved = local->saveDraft(record);
        if (!saved)
            qWarning() << "saveDraft" << saved.error().code << saved.error().message;
        return saved ? *saved : records::Record {};
    }

    records::Record edit(const QString& recordId, const QString& key, const QJsonValue& value)
    {
        auto current = local->repository().getRecord(recordId);
        if (!current)
            return {};
        records::Record draft = *current;
        draft.body.insert(key, value);
        auto saved = local->saveDraft(draft);
        if (!saved)
            qWarning() << "edit" << saved.error().code << saved.error().message;
        return saved ? *saved : records::Record {};
    }

    client::EntityState stateOf(const QString& id)
    {
        const auto state = local->stateOf(id);
        return state && *state ? (*state)->state : client::EntityState::Pending;
    }
};

// Content identity of a record for cross-device comparisons: everything but local bookkeeping.
inline QByteArray recordDigest(const records::Record& record)
{
    return QCryptographicHash::hash(
        QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
        .toHex();
}

} // namespace clienttest
