#pragma once

#include "core/result.h"
#include "records/case.h"
#include "records/record.h"
#include "storage/servertypes.h"
#include "workflow/workflowinput.h"

#include <QHash>
#include <QList>
#include <QString>

namespace poruch::server {
class ServerStore;
}

namespace poruch::server::office {

// One record as the office sees it: stored facts, the parsed record, how it arrived, the office mark.
struct OfficeRecord {
    StoredRecord stored;
    records::Record record;
    RecordIngest ingest; // empty when the audit has no write (should not happen)
    std::optional<RecordMark> mark;
    int ingestOrder = 0; // position of the latest write among all writes (chain order)
};

// Everything of one unit the office pages read, loaded once per request (a community has hundreds to a
// few thousand records: a full read is cheap and keeps scoping in one place).
struct OfficeData {
    QString unit;
    QHash<QString, User> users; // every user (names for "who sent it"); pages filter by unit
    QHash<QString, records::Case> cases; // of this unit only
    QList<OfficeRecord> records; // of this unit only, in ingest order

    static Result<OfficeData> load(ServerStore& store, const QString& unit);

    const OfficeRecord* record(const QString& id) const;
    QList<const OfficeRecord*> recordsOfCase(const QString& caseId) const;
    QString userName(const QString& userId) const;
};

// Result of recomputing a case's hash chain.
struct ChainCheck {
    bool ok = true;
    int finals = 0;
    QString firstBadRecordId;
    QString problem; // Ukrainian, for the page
};

// Recomputes every final record's content hash and the per-case chain
// chainHash = SHA-256(previous chainHash ‖ contentHash), in ingest order.
ChainCheck verifyChain(const QList<const OfficeRecord*>& recordsInIngestOrder);

// A record as the deadline engine sees it; notices get the server's journalNumber in their body.
workflow::WorkflowRecord toWorkflowRecord(const StoredRecord& stored, const records::Record& record);

// Ukrainian names of things the pages show.
QString recordTypeLabel(const QString& typeId);
// How an act names another record («Запис справи, що зумовив дію»): its type, its journal number when it has
// one and the day it is about, e.g. «Повідомлення № 2026/18 від 12.03.2026».
QString recordTitle(const OfficeRecord& item);
QString roleLabel(const QString& roleId); // user roles (social_worker ...) and workflow roles (department ...)
QString markLabel(const QString& state);

} // namespace poruch::server::office
