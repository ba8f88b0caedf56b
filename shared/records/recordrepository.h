#pragma once

#include "core/result.h"
#include "records/case.h"
#include "records/record.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace poruch::store {
class Database;
}

namespace poruch::records {

// One line of the caseload list or of search results (no members, no records).
struct CaseSummary {
    QString id;
    QString title; // applicant / first adult name
    QString address;
    QString phone;
    Case::Status status = Case::Status::Open;
    Case::Complexity complexity = Case::Complexity::Unset;
    bool internallyDisplaced = false;
    QDateTime updatedAt;
    bool operator==(const CaseSummary& other) const = default;
};

// One line of a case's record list (no body).
struct RecordSummary {
    QString id;
    RecordType type = RecordType::Notice;
    QString formId;
    int formVersion = 1;
    RecordStatus status = RecordStatus::Draft;
    int revision = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime finalizedAt;
    QString amends;
    bool operator==(const RecordSummary& other) const = default;
};

// What the app shows when a case is opened: the case with its members, and its records (oldest first).
struct CaseFile {
    Case caseData;
    QList<RecordSummary> records;
};

struct CaseloadQuery {
    int offset = 0;
    int limit = 50;
    std::optional<Case::Status> status; // all statuses when unset
};

// Cases, members and records over an open, migrated store::Database (see recordMigrations()).
// Every write runs in a transaction (nested into the caller's transaction when there is one).
// Error codes: records.not_found, records.unknown_case, records.stale_revision, records.not_final,
// records.invalid, records.bad_hash, records.corrupt_row, store.immutable and the store.* codes.
class RecordRepository {
public:
    using Clock = std::function<QDateTime()>;

    // The repository does not own the database; clock defaults to the system clock.
    explicit RecordRepository(store::Database& db, Clock clock = {});

    // Inserts or updates a case with all its members (replacing the old member list). An empty id
    // gets a new UUID. createdAt is kept from the stored case (or now for a new one); updatedAt = now.
    Result<Case> saveCase(Case value);
    Result<Case> getCase(const QString& caseId);
    Result<CaseFile> openCase(const QString& caseId);
    Result<QList<CaseSummary>> listCaseload(const CaseloadQuery& query = {});
    Result<int> countCases(std::optional<Case::Status> status = std::nullopt);
    // Ukrainian, case-insensitive prefix search over member names, address and phone (any run of
    // 3+ digits of the phone). Every word of the query must match. Most recently updated first.
    Result<QList<CaseSummary>> searchCases(const QString& query, int limit = 50);

    // Saves a draft. A record unknown to the store is created (revision 1, createdAt = updatedAt = now,
    // an empty id gets a new UUID). A stored draft is updated only if draft.revision equals the stored
    // revision (else records.stale_revision): body and formVersion change, revision +1, updatedAt = now.
    // A stored final record: store.immutable.
    Result<Record> saveDraft(Record draft);
    // Draft -> final: finalizedAt = updatedAt = now, revision +1, contentHash computed. Body validation
    // is the caller's job (forms). Already final: store.immutable.
    Result<Record> finalize(const QString& recordId);
    // A new draft that corrects a final record: same case, type and form, a copy of the body, amends =
    // original id. The original must be final (else records.not_final).
    Result<Record> createAmendment(
        const QString& originalId, const QString& authorUserId, const QString& authorDeviceId);
    Result<Record> getRecord(const QString& recordId);
    Result<QList<RecordSummary>> listRecords(const QString& caseId);
    // Amendments of a record, oldest first.
    Result<QList<RecordSummary>> listAmendments(const QString& originalId);

    // Stores records as they are (sync pull, restore): drafts replace stored drafts; a final record must
    // carry a matching content hash (records.bad_hash); re-importing an identical final record is a
    // no-op, a different one over a stored final is store.immutable. All or nothing.
    Result<void> importRecords(const QList<Record>& records);
    // Stores cases as they are (sync pull): createdAt and updatedAt are kept from the values (not
    // stamped), a stored case is overwritten with its members. Validated like saveCase (a member without
    // an id gets one). One savepoint for the whole list: all or nothing.
    Result<void> importCases(QList<Case> cases);

private:
    QDateTime now() const;
    // imported: created_at is taken from the value on an update too (saveCase keeps the stored one).
    Result<void> writeCase(const Case& value, bool imported = false);
    // Imports validated cases with multi-row statements (ids must be distinct).
    Result<void> writeCases(const QList<Case>& cases);
    Result<void> writeCaseRows(const QList<const Case*>& cases, bool update);
    static Result<void> validateCase(Case& value);
    Result<void> writeRecord(const Record& record, bool replace);
    // Upserts the records with multi-row statements (checks done by the caller).
    Result<void> writeRecords(const QList<const Record*>& records, bool update);
    // The per-row import path, for a batch that holds the same id twice.
    Result<void> importRecordsOneByOne(const QList<Record>& records);
    Result<Case> readCase(const QString& caseId);
    Result<Record> readRecord(const QString& recordId);
    Result<bool> caseExists(const QString& caseId);

    store::Database& m_db;
    Clock m_clock;
};

// The lower-case text a case is found by (exposed for tests and migrations of the search index).
QString caseSearchText(const Case& value);
// The FTS5 MATCH expression for what the user typed; empty if there is nothing to search for.
QString caseSearchQuery(const QString& typed);

} // namespace poruch::records
