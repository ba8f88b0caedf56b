// A minimal tablet on the command line for fault tests (killed with SIGKILL at random points):
//   synctool DIR enroll URL CODE FINGERPRINT
//   synctool DIR add COUNT SEED        offline work: new cases/notices, edits of drafts, some finalized
//   synctool DIR sync [BATCH]          one sync round; exit 0 when complete, 1 otherwise
//   synctool DIR dump                  one JSON line per record (id, digest, journal, state), then counts
// The store is DIR/tablet.db, encrypted with the raw key in DIR/raw.key (made on first use).
#include "formbodies.h"
#include "records/canonicalform.h"
#include "store/database.h"
#include "sync/localsyncstore.h"
#include "sync/syncclient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>

#include <cstdio>

namespace client = poruch::client;
namespace records = poruch::records;
namespace store = poruch::store;

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "synctool: %s\n", qPrintable(message));
    return 2;
}

QByteArray rawKey(const QString& dir)
{
    QFile file(QDir(dir).filePath(QStringLiteral("raw.key")));
    if (file.exists() && file.open(QIODevice::ReadOnly))
        return QByteArray::fromHex(file.readAll().trimmed());
    QByteArray key(32, '\0');
    for (auto& byte : key)
        byte = char(QRandomGenerator::system()->bounded(256));
    if (file.open(QIODevice::WriteOnly))
        file.write(key.toHex());
    return key;
}

int addWork(client::LocalSyncStore& local, int count, quint32 seed)
{
    QRandomGenerator random(seed);
    const auto enrollment = local.enrollment();
    const QString user = enrollment && *enrollment ? (*enrollment)->userId : QStringLiteral("offline");
    const QString device = enrollment && *enrollment ? (*enrollment)->deviceId : QStringLiteral("offline");
    // Edit a few existing drafts first (new revisions of records that may be on the wire).
    auto drafts = local.database().prepare(QStringLiteral("SELECT id FROM records WHERE status = 'draft' LIMIT 50"));
    QStringList draftIds;
    while (drafts) {
        const auto row = drafts->step();
        if (!row || !*row)
            break;
        draftIds.append(drafts->text(0));
    }
    drafts = poruch::Error {};
    for (int i = 0; i < qMin(3, int(draftIds.size())); ++i) {
        auto record = local.repository().getRecord(draftIds.at(int(random.bounded(int(draftIds.size())))));
        if (!record || record->isFinal())
            continue;
        record->body.insert(QStringLiteral("contentText"), QStringLiteral("правка %1").arg(random.bounded(100000)));
        if (auto saved = local.saveDraft(*record); !saved)
            return fail(saved.error().code);
    }
    QString caseId;
    for (int i = 0; i < count; ++i) {
        if (i % 10 == 0) {
            records::Case value;
            records::Member child;
            child.role = records::Member::Role::Child;
            child.fullName = QStringLiteral("Дитина %1").arg(random.bounded(1000));
            child.relation = QStringLiteral("child");
            value.members = { child };
            value.address = QStringLiteral("с. Тестове");
            value.phone = QStringLiteral("");
            auto saved = local.saveCase(value);
            if (!saved)
                return fail(saved.error().code);
            caseId = saved->id;
        }
        records::Record record;
        record.formId = QStringLiteral("notice");
        record.caseId = caseId;
        record.body = poruch::test::completeFormBody(QStringLiteral("notice"),
            QJsonObject { { QStringLiteral("concernsChild"), i % 2 == 0 },
                { QStringLiteral("contentText"), QStringLiteral("запис %1").arg(random.bounded(100000)) } });
        record.authorUserId = user;
        record.authorDeviceId = device;
        auto saved = local.saveDraft(record);
        if (!saved)
            return fail(saved.error().code);
        if (i % 3 == 0) {
            if (auto final = local.finalize(saved->id); !final)
                return fail(final.error().code);
        }
    }
    return 0;
}

int dump(client::LocalSyncStore& local)
{
    auto st = local.database().prepare(QStringLiteral("SELECT id FROM records ORDER BY id"));
    QStringList ids;
    while (st) {
        const auto row = st->step();
        if (!row || !*row)
            break;
        ids.append(st->text(0));
    }
    st = poruch::Error {};
    for (const QString& id : ids) {
        const auto record = local.repository().getRecord(id);
        if (!record)
            return fail(record.error().code);
        const auto state = local.stateOf(id);
        const QByteArray digest = QCryptographicHash::hash(
            QJsonDocument(record->toJson()).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
                                      .toHex();
        const QJsonObject line { { QStringLiteral("id"), id },
            { QStringLiteral("digest"), QString::fromLatin1(digest) },
            { QStringLiteral("journal"), *local.journalNumber(id) },
            { QStringLiteral("state"),
                state && *state ? client::entityStateId((*state)->state) : QStringLiteral("none") } };
        std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    }
    const auto counts = local.counts();
    const QJsonObject summary { { QStringLiteral("outbox"), counts ? counts->outbox : -1 },
        { QStringLiteral("conflicts"), counts ? counts->conflicts : -1 },
        { QStringLiteral("rejected"), counts ? counts->rejected : -1 },
        { QStringLiteral("cases"), *local.repository().countCases() } };
    std::printf("%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return fail(QStringLiteral("usage: synctool DIR enroll|add|sync|dump ..."));
    const QString dir = args.at(1);
    const QString command = args.at(2);
    auto db = store::Database::open(QDir(dir).filePath(QStringLiteral("tablet.db")), store::SecretBytes(rawKey(dir)));
    if (!db)
        return fail(db.error().code);
    if (auto migrated = client::LocalSyncStore::migrate(**db); !migrated)
        return fail(migrated.error().code);
    client::LocalSyncStore local(**db);

    if (command == QLatin1String("add") && args.size() == 5)
        return addWork(local, args.at(3).toInt(), args.at(4).toUInt());
    if (command == QLatin1String("dump"))
        return dump(local);

    client::SyncClientOptions options;
    options.autoSyncIntervalMs = 0;
    options.transferTimeoutMs = 10000;
    if (command == QLatin1String("sync") && args.size() >= 4)
        options.batchSize = args.at(3).toInt();
    client::SyncClient sync(local, options);
    int exitCode = 1;
    if (command == QLatin1String("enroll") && args.size() == 6) {
        QObject::connect(&sync, &client::SyncClient::enrollFinished, &app, [&](bool ok, const QString& code) {
            if (!ok)
                std::fprintf(stderr, "synctool: enrollment failed: %s\n", qPrintable(code));
            exitCode = ok ? 0 : 1;
            app.quit();
        });
        sync.enroll(QUrl(args.at(3)), args.at(4), args.at(5));
    } else if (command == QLatin1String("sync")) {
        QObject::connect(&sync, &client::SyncClient::syncFinished, &app, [&](bool complete) {
            if (!complete)
                std::fprintf(stderr, "synctool: incomplete: %s %s\n", qPrintable(sync.errorCode()),
                    qPrintable(sync.errorMessage()));
            exitCode = complete ? 0 : 1;
            app.quit();
        });
        QTimer::singleShot(0, &sync, &client::SyncClient::syncNow);
    } else {
        return fail(QStringLiteral("unknown command"));
    }
    app.exec();
    return exitCode;
}
