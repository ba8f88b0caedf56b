#pragma once

// Reads the real server's embedded store directly (read-only use), to compare both sides by content.
#include "records/record.h"
#include "serverprocess.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>

namespace clienttest {

struct ServerRecord {
    poruch::records::Record record;
    int revision = 0;
    QString journalNumber;
};

inline QHash<QString, ServerRecord> serverRecords(const poruch::test::ServerProcess& server, int* rowCount = nullptr)
{
    QHash<QString, ServerRecord> out;
    QFile keyFile(QDir(server.workDir()).filePath(QStringLiteral("store.key")));
    if (!keyFile.open(QIODevice::ReadOnly))
        return out;
    const poruch::store::SecretBytes key(QByteArray::fromHex(keyFile.readAll().trimmed()));
    poruch::store::OpenOptions options;
    options.create = false;
    auto db = poruch::store::Database::open(QDir(server.dataDir()).filePath(QStringLiteral("server.db")), key, options);
    if (!db) {
        qWarning() << "cannot open the server store" << db.error().code;
        return out;
    }
    auto st = (*db)->prepare(QStringLiteral("SELECT id, revision, journal_number, json FROM records"));
    int rows = 0;
    while (st) {
        const auto row = st->step();
        if (!row || !*row)
            break;
        ++rows;
        auto record = poruch::records::Record::fromJson(QJsonDocument::fromJson(st->text(3).toUtf8()).object());
        if (record)
            out.insert(st->text(0), ServerRecord { *record, int(st->int64(1)), st->text(2) });
    }
    if (rowCount)
        *rowCount = rows;
    return out;
}

inline int serverCount(const poruch::test::ServerProcess& server, const QString& table)
{
    QFile keyFile(QDir(server.workDir()).filePath(QStringLiteral("store.key")));
    if (!keyFile.open(QIODevice::ReadOnly))
        return -1;
    const poruch::store::SecretBytes key(QByteArray::fromHex(keyFile.readAll().trimmed()));
    poruch::store::OpenOptions options;
    options.create = false;
    auto db = poruch::store::Database::open(QDir(server.dataDir()).filePath(QStringLiteral("server.db")), key, options);
    if (!db)
        return -1;
    auto st = (*db)->prepare(QStringLiteral("SELECT count(*) FROM %1").arg(table));
    if (!st)
        return -1;
    const auto row = st->step();
    if (!row || !*row)
        return -1;
    return int(st->int64(0));
}

inline bool serverExec(const poruch::test::ServerProcess& server, const QString& sql)
{
    QFile keyFile(QDir(server.workDir()).filePath(QStringLiteral("store.key")));
    if (!keyFile.open(QIODevice::ReadOnly))
        return false;
    const poruch::store::SecretBytes key(QByteArray::fromHex(keyFile.readAll().trimmed()));
    poruch::store::OpenOptions options;
    options.create = false;
    auto db = poruch::store::Database::open(QDir(server.dataDir()).filePath(QStringLiteral("server.db")), key, options);
    return db && (*db)->exec(sql).ok();
}

} // namespace clienttest
