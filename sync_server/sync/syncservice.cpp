#include "syncservice.h"

#include "auth/secrets.h"
#include "forms/formregistry.h"
#include "forms/formvalidator.h"
#include "records/canonicalform.h"
#include "server/serverlogging.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>

namespace poruch::server {

namespace {

using sync::PushResult;

const QTimeZone kyiv(QByteArrayLiteral("Europe/Kyiv"));

Error protocolError(const char* code, const QString& message)
{
    return Error { QString::fromLatin1(code), message };
}

PushResult rejected(qint64 seq, const QString& code, const QString& message)
{
    PushResult result;
    result.seq = seq;
    result.status = PushResult::Status::Rejected;
    result.reason = Error { code, message };
    return result;
}

QString compactJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

bool concernsChild(const records::Record& record)
{
    return record.type == records::RecordType::Notice
        && record.body.value(QStringLiteral("concernsChild")).toBool(false);
}

// Built-in form definitions, loaded once: a pushed record must match the form version it names.
const forms::FormRegistry& formRegistry()
{
    static const forms::FormRegistry registry = [] {
        forms::FormRegistry loaded;
        if (auto ok = loaded.loadBuiltIn(); !ok)
            qCCritical(lcServer) << "built-in forms failed to load:" << ok.error().code;
        return loaded;
    }();
    return registry;
}

// Whether a form has a field that names another record of the case (at any depth: table columns too).
bool refersToRecords(const QList<forms::FieldDef>& fields)
{
    return std::any_of(fields.begin(), fields.end(),
        [](const forms::FieldDef& field) { return !field.refersTo.isEmpty() || refersToRecords(field.children); });
}

// The built-in form versions with such a field, found once: a push of any other form costs one hash lookup.
bool refersToRecords(const forms::FormDefinition& definition)
{
    static const QSet<const forms::FormDefinition*> referring = [] {
        QSet<const forms::FormDefinition*> found;
        const forms::FormRegistry& registry = formRegistry();
        for (const QString& id : registry.formIds()) {
            for (const int version : registry.versions(id)) {
                const forms::FormDefinition* form = registry.definition(id, version);
                if (form
                    && std::any_of(form->sections().begin(), form->sections().end(),
                        [](const forms::SectionDef& section) { return refersToRecords(section.fields); }))
                    found.insert(form);
            }
        }
        return found;
    }();
    return referring.contains(&definition);
}

// Drafts may be incomplete, final acts must be complete. The message names fields and rule codes only.
// caseRecordIds: the other records of the record's case, for "refersTo": "record" fields (nullptr: the form has
// none). An id outside them gets the same "record" issue whether it is unknown or of another case, so the
// answer does not tell whether a record exists outside the caller's caseload.
std::optional<Error> bodyProblem(const records::Record& record, const QDateTime& now, const QStringList* caseRecordIds)
{
    forms::FormValidator validator(forms::ValidationContext { now, QTimeZone(QByteArrayLiteral("Europe/Kyiv")), {} });
    if (caseRecordIds)
        validator.withCaseRecords(*caseRecordIds);
    const auto issues = validator.validate(formRegistry(), record.formId, record.formVersion, record.body,
        record.isFinal() ? forms::FormValidator::Mode::Final : forms::FormValidator::Mode::Draft);
    if (!issues)
        return Error { QStringLiteral("unknown_form"),
            QStringLiteral("form %1 version %2 is not known to the server")
                .arg(record.formId.left(40))
                .arg(record.formVersion) };
    if (issues->isEmpty())
        return std::nullopt;
    QStringList problems;
    for (const auto& issue : *issues)
        problems << QStringLiteral("%1 (%2)").arg(issue.fieldKey, issue.code);
    return Error { QStringLiteral("invalid_field"),
        QStringLiteral("the body does not match form %1 v%2: %3")
            .arg(record.formId)
            .arg(record.formVersion)
            .arg(problems.join(QStringLiteral(", "))) };
}

QString chainHash(const QString& previous, const QString& contentHash)
{
    return QString::fromLatin1(
        QCryptographicHash::hash((previous + contentHash).toLatin1(), QCryptographicHash::Sha256).toHex());
}

} // namespace

SyncService::SyncService(ServerStore& store, Clock clock)
    : m_store(store)
    , m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); })
{
}

Result<Session> SyncService::authenticate(const QString& token)
{
    if (token.isEmpty())
        return protocolError("unauthorized", QStringLiteral("a bearer token is required"));
    const auto row = m_store.findToken(secretDigest(token));
    if (!row)
        return row.error();
    if (!*row)
        return protocolError("unauthorized", QStringLiteral("unknown token"));
    const auto device = m_store.findDevice((*row)->deviceId);
    if (!device)
        return device.error();
    const auto user = m_store.findUserById((*row)->userId);
    if (!user)
        return user.error();
    if (!*device || !*user)
        return protocolError("unauthorized", QStringLiteral("unknown token"));
    // Revocation wins over expiry: a revoked tablet must learn it is revoked, so it wipes itself.
    if ((*device)->revoked())
        return protocolError("device_revoked", QStringLiteral("this device was revoked"));
    if ((*user)->revoked)
        return protocolError("user_revoked", QStringLiteral("this user was revoked"));
    if ((*row)->expiresAt <= m_clock())
        return protocolError("token_expired", QStringLiteral("the token expired; enroll again"));
    return Session { **user, **device, (*row)->digest, (*row)->expiresAt };
}

Result<QString> SyncService::createEnrollmentCode(const QString& userId, const QString& createdBy)
{
    const auto user = m_store.findUserById(userId);
    if (!user)
        return user.error();
    if (!*user || (*user)->revoked)
        return protocolError("not_found", QStringLiteral("no such active user"));
    const QString code = newEnrollmentCode();
    const QDateTime now = m_clock();
    EnrollmentCode row { secretDigest(code), userId, createdBy, now, now.addSecs(enrollmentCodeLifetimeHours * 3600),
        QDateTime(), QString() };
    auto done = m_store.transaction([&]() -> Result<void> {
        if (auto inserted = m_store.insertEnrollmentCode(row); !inserted)
            return inserted;
        return m_store.appendAudit(AuditEntry { 0, now, createdBy, QString(), QStringLiteral("enrollment_code.create"),
            QString(), QString(), QStringLiteral("for user %1").arg(userId) });
    });
    if (!done)
        return done.error();
    return code;
}

Result<EnrollmentReply> SyncService::enroll(const QString& code, const QString& deviceLabel)
{
    const QDateTime now = m_clock();
    const QString digest = secretDigest(normalizeEnrollmentCode(code));
    EnrollmentReply reply;
    auto done = m_store.transaction([&]() -> Result<void> {
        const auto found = m_store.findEnrollmentCode(digest);
        if (!found)
            return found.error();
        if (!*found || (*found)->usedAt.isValid() || (*found)->expiresAt <= now)
            return protocolError("enrollment_code_invalid", QStringLiteral("enrollment code unknown, used or expired"));
        const auto user = m_store.findUserById((*found)->userId);
        if (!user)
            return user.error();
        if (!*user || (*user)->revoked)
            return protocolError("enrollment_code_invalid", QStringLiteral("the code's user is not active"));
        const Device device { QUuid::createUuid().toString(QUuid::WithoutBraces), (*user)->id, deviceLabel.left(80),
            now, QDateTime() };
        if (auto inserted = m_store.insertDevice(device); !inserted)
            return inserted;
        if (auto used = m_store.markEnrollmentCodeUsed(digest, device.id, now); !used)
            return used;
        reply.token = newToken();
        reply.tokenExpiresAt = now.addDays(tokenLifetimeDays);
        if (auto token = m_store.insertToken(
                TokenRow { secretDigest(reply.token), device.id, (*user)->id, now, reply.tokenExpiresAt });
            !token)
            return token;
        reply.deviceId = device.id;
        reply.user = **user;
        return m_store.appendAudit(AuditEntry {
            0, now, (*user)->id, device.id, QStringLiteral("device.enroll"), QString(), QString(), QString() });
    });
    if (!done)
        return done.error();
    qCInfo(lcServer) << "device enrolled" << reply.deviceId;
    return reply;
}

Result<EnrollmentReply> SyncService::refreshToken(const Session& session)
{
    const QDateTime now = m_clock();
    EnrollmentReply reply { session.device.id, newToken(), now.addDays(tokenLifetimeDays), session.user };
    auto done = m_store.transaction([&]() -> Result<void> {
        if (auto removed = m_store.deleteToken(session.tokenDigest); !removed)
            return removed;
        return m_store.insertToken(
            TokenRow { secretDigest(reply.token), session.device.id, session.user.id, now, reply.tokenExpiresAt });
    });
    if (!done)
        return done.error();
    return reply;
}

Result<sync::PushResponse> SyncService::push(const Session& session, const sync::PushRequest& request)
{
    if (request.deviceId != session.device.id)
        return protocolError("bad_request", QStringLiteral("deviceId does not match the token's device"));
    sync::PushResponse response;
    CaseRecordIds caseRecords;
    auto done = m_store.transaction([&]() -> Result<void> {
        for (const sync::PushItem& item : request.items) {
            const QString digest = item.digest();
            const auto receipt = m_store.findReceipt(session.device.id, item.seq);
            if (!receipt)
                return receipt.error();
            if (*receipt) {
                // A re-send (lost reply, retry after a kill): answer what was answered, change nothing.
                if ((*receipt)->itemDigest != digest)
                    return protocolError("sequence_reused",
                        QStringLiteral("sequence %1 was already used for a different item").arg(item.seq));
                auto previous = PushResult::fromJson(QJsonDocument::fromJson((*receipt)->resultJson.toUtf8()).object());
                if (!previous)
                    return previous.error();
                if (previous->status == PushResult::Status::Applied)
                    previous->status = PushResult::Status::Duplicate;
                response.results.append(*previous);
                continue;
            }
            auto result = applyItem(session, item, caseRecords);
            if (!result)
                return result.error();
            if (auto stored = m_store.insertReceipt(
                    PushReceipt { session.device.id, item.seq, digest, compactJson(result->toJson()) });
                !stored)
                return stored;
            response.results.append(*result);
        }
        const auto cursor = m_store.lastCursor();
        if (!cursor)
            return cursor.error();
        response.cursor = *cursor;
        return {};
    });
    if (!done)
        return done.error();
    qCInfo(lcServer) << "push from device" << session.device.id << "items" << request.items.size();
    return response;
}

Result<PushResult> SyncService::applyItem(
    const Session& session, const sync::PushItem& item, CaseRecordIds& caseRecords)
{
    return item.kind == sync::PushItem::Kind::Case ? applyCase(session, item) : applyRecord(session, item, caseRecords);
}

Result<PushResult> SyncService::applyCase(const Session& session, const sync::PushItem& item)
{
    const QString caseId = item.caseData.id;
    const auto existing = m_store.findCase(caseId);
    if (!existing)
        return existing.error();
    if (*existing) {
        const auto assigned = m_store.isAssigned(session.user.id, caseId);
        if (!assigned)
            return assigned.error();
        if (!*assigned)
            return rejected(item.seq, QStringLiteral("forbidden_case"), QStringLiteral("case is not in your caseload"));
    } else if (auto assigned = m_store.setAssignment(session.user.id, caseId, true); !assigned) {
        // A case made on this tablet (a new family) joins its author's caseload.
        return assigned.error();
    }
    if (auto saved = m_store.saveCase(caseId, item.caseData.toJson()); !saved)
        return saved.error();
    if (auto change = m_store.appendChange(QStringLiteral("case"), caseId, caseId, QString(), session.device.id);
        !change)
        return change.error();
    if (auto audited = audit(session, QStringLiteral("case.write"), caseId, QString()); !audited)
        return audited.error();
    PushResult result;
    result.seq = item.seq;
    return result;
}

Result<PushResult> SyncService::applyRecord(
    const Session& session, const sync::PushItem& item, CaseRecordIds& caseRecords)
{
    const records::Record& record = item.record;
    const auto assigned = m_store.isAssigned(session.user.id, record.caseId);
    if (!assigned)
        return assigned.error();
    if (!*assigned)
        return rejected(item.seq, QStringLiteral("forbidden_case"), QStringLiteral("case is not in your caseload"));
    if (record.isFinal() && !records::verifyContentHash(record))
        return rejected(item.seq, QStringLiteral("invalid_field"),
            QStringLiteral("the final record's contentHash does not match its content"));

    if (records::recordTypeId(record.type) != record.formId)
        return rejected(item.seq, QStringLiteral("invalid_field"), QStringLiteral("formId must match the record type"));
    // Only a form with a record reference costs a lookup, and only the first time its case comes up in the batch.
    // The store answers inside this batch's transaction, so records applied earlier in the batch are among them;
    // a record that comes later in the batch is not (the tablet pushes in outbox order: the referred one first).
    std::optional<QStringList> otherRecords;
    const forms::FormDefinition* definition = formRegistry().definition(record.formId, record.formVersion);
    if (definition && refersToRecords(*definition)) {
        auto known = caseRecords.find(record.caseId);
        if (known == caseRecords.end()) {
            auto ids = m_store.recordIdsOfCase(record.caseId);
            if (!ids)
                return ids.error();
            known = caseRecords.insert(record.caseId, std::move(ids).value());
        }
        otherRecords = *known;
        otherRecords->removeAll(record.id); // "another record": never the record itself, as on the tablet
    }
    if (const auto problem = bodyProblem(record, m_clock(), otherRecords ? &*otherRecords : nullptr))
        return rejected(item.seq, problem->code, problem->message);

    // A correction names the final act it corrects: of the same case and type, stored already (or earlier in
    // this batch). Its notice keeps the original's journal number: one registration per notice, however often
    // it is corrected. The answer is the same whatever the id names, so it tells nothing of other cases.
    QString inheritedJournalNumber;
    if (!record.amends.isEmpty()) {
        const auto amended = m_store.findRecord(record.amends);
        if (!amended)
            return amended.error();
        if (!*amended || (*amended)->caseId != record.caseId || (*amended)->type != records::recordTypeId(record.type)
            || !(*amended)->final)
            return rejected(item.seq, QStringLiteral("invalid_field"),
                QStringLiteral("amends must name a final record of the same case and type"));
        inheritedJournalNumber = (*amended)->journalNumber;
    }

    const QString json = compactJson(record.toJson());
    const auto existing = m_store.findRecord(record.id);
    if (!existing)
        return existing.error();

    PushResult result;
    result.seq = item.seq;
    if (*existing) {
        const StoredRecord& current = **existing;
        if (current.caseId != record.caseId)
            return rejected(
                item.seq, QStringLiteral("invalid_field"), QStringLiteral("a record cannot move to another case"));
        result.journalNumber = current.journalNumber;
        if (current.final) {
            if (record.isFinal() && record.contentHash == current.contentHash) {
                result.status = PushResult::Status::Duplicate;
                result.revision = current.revision;
                return result;
            }
            return rejected(item.seq, QStringLiteral("immutable"),
                QStringLiteral("the record is final; a correction is an amendment record"));
        }
        const bool sameRevision = record.revision == current.revision;
        if (sameRevision && json == current.json) {
            result.status = PushResult::Status::Duplicate;
            result.revision = current.revision;
            return result;
        }
        if (sameRevision || item.baseRevision != current.revision) {
            // Edited elsewhere meanwhile: keep both; the user resolves on the tablet.
            const auto conflictId
                = m_store.insertConflict(record.id, record.revision, session.device.id, json, m_clock());
            if (!conflictId)
                return conflictId.error();
            if (auto change = m_store.appendChange(QStringLiteral("conflict"), record.caseId,
                    QString::number(*conflictId), QString(), session.device.id);
                !change)
                return change.error();
            if (auto audited = audit(session, QStringLiteral("record.conflict"), record.caseId, record.id); !audited)
                return audited.error();
            result.status = PushResult::Status::Conflict;
            result.serverRevision = current.revision;
            return result;
        }
    }

    StoredRecord stored { record.id, record.caseId, records::recordTypeId(record.type), record.revision,
        record.isFinal(), record.contentHash, result.journalNumber, QString(), json };
    if (stored.journalNumber.isEmpty())
        stored.journalNumber = inheritedJournalNumber;
    if (stored.journalNumber.isEmpty() && concernsChild(record)) {
        // Notices about children are registered in the journal on first ingest, per unit and year.
        const int year = m_clock().toTimeZone(kyiv).date().year();
        const auto number = m_store.nextJournalNumber(session.user.unit, year);
        if (!number)
            return number.error();
        stored.journalNumber = QStringLiteral("%1/%2").arg(year).arg(*number);
    }
    if (stored.final) {
        const auto previous = m_store.lastChainHash(record.caseId);
        if (!previous)
            return previous.error();
        stored.chainHash = chainHash(*previous, record.contentHash);
    }
    if (auto saved = m_store.saveRecord(stored); !saved)
        return saved.error();
    if (auto known = caseRecords.find(record.caseId); known != caseRecords.end() && !known->contains(record.id))
        known->append(record.id);
    if (auto change
        = m_store.appendChange(QStringLiteral("record"), record.caseId, record.id, QString(), session.device.id);
        !change)
        return change.error();
    if (auto audited = audit(session, QStringLiteral("record.write"), record.caseId, record.id,
            QStringLiteral("revision %1").arg(record.revision));
        !audited)
        return audited.error();
    result.status = PushResult::Status::Applied;
    result.revision = record.revision;
    result.journalNumber = stored.journalNumber;
    return result;
}

Result<int> SyncService::announceDefinitions()
{
    int added = 0;
    auto done = m_store.transaction([&]() -> Result<void> {
        const auto announced = m_store.announcedDefinitions();
        if (!announced)
            return announced.error();
        const QSet<QString> known(announced->cbegin(), announced->cend());
        const forms::FormRegistry& registry = formRegistry();
        const auto announce = [&](const QString& kind, const QString& id, int version) -> Result<void> {
            const QString entity = QStringLiteral("%1@%2").arg(id).arg(version);
            if (known.contains(kind + QLatin1Char(':') + entity))
                return {};
            if (auto change = m_store.appendChange(kind, QString(), entity); !change)
                return change.error();
            ++added;
            return {};
        };
        // Catalogs first: a form refers to its catalogs, and a tablet applies changes in cursor order.
        for (const QString& id : registry.catalogIds())
            for (int version : registry.catalogVersions(id))
                if (auto r = announce(QStringLiteral("catalog"), id, version); !r)
                    return r;
        for (const QString& id : registry.formIds())
            for (int version : registry.versions(id))
                if (auto r = announce(QStringLiteral("form"), id, version); !r)
                    return r;
        return {};
    });
    if (!done)
        return done.error();
    return added;
}

Result<sync::PullResponse> SyncService::pull(const Session& session, qint64 cursor, int limit)
{
    limit = qBound(1, limit, sync::maxPullLimit);
    sync::PullResponse response;
    auto done = m_store.transaction([&]() -> Result<void> {
        // The device's own pushes are left out: it has them, and its push results carried the server's facts.
        const auto rows = m_store.changesAfter(cursor, session.user.id, session.device.id, limit + 1);
        if (!rows)
            return rows.error();
        response.hasMore = rows->size() > limit;
        const qsizetype count = qMin<qsizetype>(rows->size(), limit);
        for (qsizetype i = 0; i < count; ++i) {
            const ChangeRow& row = rows->at(i);
            sync::Change change;
            change.cursor = row.cursor;
            if (row.kind == QLatin1String("record")) {
                const auto stored = m_store.findRecord(row.entityId);
                if (!stored)
                    return stored.error();
                if (!*stored)
                    continue;
                auto record = records::Record::fromJson(QJsonDocument::fromJson((*stored)->json.toUtf8()).object());
                if (!record)
                    return record.error();
                change.kind = sync::Change::Kind::Record;
                change.record = std::move(record).value();
                change.journalNumber = (*stored)->journalNumber;
                if (auto audited = audit(session, QStringLiteral("record.read"), row.caseId, row.entityId); !audited)
                    return audited;
            } else if (row.kind == QLatin1String("conflict")) {
                const auto json = m_store.findConflictJson(row.entityId.toLongLong());
                if (!json)
                    return json.error();
                if (!*json)
                    continue;
                auto record = records::Record::fromJson(QJsonDocument::fromJson((*json)->toUtf8()).object());
                if (!record)
                    return record.error();
                change.kind = sync::Change::Kind::Conflict;
                change.record = std::move(record).value();
                if (auto audited = audit(session, QStringLiteral("record.read"), row.caseId, change.record.id);
                    !audited)
                    return audited;
            } else if (row.kind == QLatin1String("case")) {
                const auto json = m_store.findCase(row.entityId);
                if (!json)
                    return json.error();
                if (!*json)
                    continue;
                auto parsed = records::Case::fromJson(**json);
                if (!parsed)
                    return parsed.error();
                change.kind = sync::Change::Kind::Case;
                change.caseData = std::move(parsed).value();
                if (auto audited = audit(session, QStringLiteral("case.read"), row.entityId, QString()); !audited)
                    return audited;
            } else if (row.kind == QLatin1String("case_removed")) {
                change.kind = sync::Change::Kind::CaseRemoved;
                change.caseId = row.entityId;
            } else if (row.kind == QLatin1String("form") || row.kind == QLatin1String("catalog")) {
                const bool form = row.kind == QLatin1String("form");
                const QString id = row.entityId.section(QLatin1Char('@'), 0, 0);
                const int version = row.entityId.section(QLatin1Char('@'), 1).toInt();
                const forms::FormRegistry& registry = formRegistry();
                const forms::FormDefinition* definition = form ? registry.definition(id, version) : nullptr;
                const forms::Catalog* catalog = form ? nullptr : registry.catalog(id, version);
                if (!definition && !catalog)
                    continue; // announced by a newer server build than this one
                change.kind = form ? sync::Change::Kind::Form : sync::Change::Kind::Catalog;
                change.definition = definition ? definition->json() : catalog->json();
            } else {
                continue;
            }
            response.changes.append(change);
        }
        response.nextCursor = count > 0 ? rows->at(count - 1).cursor : cursor;
        if (!response.hasMore) {
            // Everything visible after the cursor is in this page: move past the rest (other users' changes,
            // this device's own pushes) in the same transaction, so the next pull starts after them.
            const auto last = m_store.lastCursor();
            if (!last)
                return last.error();
            response.nextCursor = qMax(cursor, *last);
        }
        return {};
    });
    if (!done)
        return done.error();
    return response;
}

Result<void> SyncService::assignCase(const QString& userId, const QString& caseId, const QString& byUserId)
{
    const QDateTime now = m_clock();
    return m_store.transaction([&]() -> Result<void> {
        if (auto assigned = m_store.setAssignment(userId, caseId, true); !assigned)
            return assigned;
        // Re-announce the case and its records after every cursor, so the new worker's next pull
        // brings them even though they were written before.
        if (auto change = m_store.appendChange(QStringLiteral("case"), caseId, caseId, userId); !change)
            return change.error();
        const auto recordIds = m_store.recordIdsOfCase(caseId);
        if (!recordIds)
            return recordIds.error();
        for (const QString& recordId : *recordIds) {
            if (auto change = m_store.appendChange(QStringLiteral("record"), caseId, recordId, userId); !change)
                return change.error();
        }
        return m_store.appendAudit(AuditEntry { 0, now, byUserId, QString(), QStringLiteral("caseload.assign"), caseId,
            QString(), QStringLiteral("user %1").arg(userId) });
    });
}

Result<void> SyncService::unassignCase(const QString& userId, const QString& caseId, const QString& byUserId)
{
    const QDateTime now = m_clock();
    return m_store.transaction([&]() -> Result<void> {
        if (auto removed = m_store.setAssignment(userId, caseId, false); !removed)
            return removed;
        if (auto change = m_store.appendChange(QStringLiteral("case_removed"), QString(), caseId, userId); !change)
            return change.error();
        return m_store.appendAudit(AuditEntry { 0, now, byUserId, QString(), QStringLiteral("caseload.unassign"),
            caseId, QString(), QStringLiteral("user %1").arg(userId) });
    });
}

Result<void> SyncService::revokeDevice(const QString& deviceId, const QString& byUserId)
{
    const QDateTime now = m_clock();
    return m_store.transaction([&]() -> Result<void> {
        const auto device = m_store.findDevice(deviceId);
        if (!device)
            return device.error();
        if (!*device)
            return protocolError("not_found", QStringLiteral("no such device"));
        if (auto revoked = m_store.revokeDevice(deviceId, now); !revoked)
            return revoked;
        return m_store.appendAudit(AuditEntry {
            0, now, byUserId, deviceId, QStringLiteral("device.revoke"), QString(), QString(), QString() });
    });
}

Result<void> SyncService::revokeUser(const QString& userId, const QString& byUserId)
{
    const QDateTime now = m_clock();
    return m_store.transaction([&]() -> Result<void> {
        auto user = m_store.findUserById(userId);
        if (!user)
            return user.error();
        if (!*user)
            return protocolError("not_found", QStringLiteral("no such user"));
        (*user)->revoked = true;
        if (auto updated = m_store.updateUser(**user); !updated)
            return updated;
        return m_store.appendAudit(AuditEntry { 0, now, byUserId, QString(), QStringLiteral("user.revoke"), QString(),
            QString(), QStringLiteral("user %1").arg(userId) });
    });
}

Result<void> SyncService::audit(const Session& session, const QString& action, const QString& caseId,
    const QString& recordId, const QString& detail)
{
    return m_store.appendAudit(
        AuditEntry { 0, m_clock(), session.user.id, session.device.id, action, caseId, recordId, detail });
}

} // namespace poruch::server
