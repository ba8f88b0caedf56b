#include "records/recordrepository.h"

#include "records/canonicalform.h"
#include "records/casecategories.h"
#include "records/jsonreader.h"
#include "records/recordslog.h"
#include "store/database.h"
#include "store/multirowwrite.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

namespace poruch::records {

namespace {
const QString kNotFound = QStringLiteral("records.not_found");
const QString kImmutable = QStringLiteral("store.immutable");

Error immutableError()
{
    return Error { kImmutable, QStringLiteral("A final record cannot be changed; create an amendment") };
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString nullIfEmpty(const QString& text)
{
    return text.isEmpty() ? QString() : text;
}

QByteArray compactJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
QString compactJsonText(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QDateTime parseStoredDateTime(const QString& text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODate);
}

QStringList parseStringArray(const QString& text)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue& value : array)
        out.append(value.toString());
    return out;
}

// Apostrophe variants (' ’ ʼ ‘ `) are dropped so "Мар'яна" and "Марʼяна" are the same word.
QString normaliseForSearch(const QString& text)
{
    QString out = text.normalized(QString::NormalizationForm_C).toLower();
    out.remove(QChar(0x0027));
    out.remove(QChar(0x2019));
    out.remove(QChar(0x2018));
    out.remove(QChar(0x02BC));
    out.remove(QChar(0x0060));
    return out;
}

QString digitsOf(const QString& text)
{
    QString digits;
    for (const QChar c : text) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits.append(c);
    }
    return digits;
}

bool isPhoneLike(const QString& text)
{
    for (const QChar c : text) {
        if (!(c.isDigit() || c.isSpace() || c == QLatin1Char('+') || c == QLatin1Char('(') || c == QLatin1Char(')')
                || c == QLatin1Char('-') || c == QLatin1Char('.')))
            return false;
    }
    return true;
}

constexpr int kMinPhoneDigits = 3;

const char* const kCaseColumns = "c.id, c.title, c.address, c.phone, c.status, c.complexity, "
                                 "c.internally_displaced, c.updated_at";

CaseSummary summaryFromRow(const store::Statement& st)
{
    CaseSummary summary;
    summary.id = st.text(0);
    summary.title = st.text(1);
    summary.address = st.text(2);
    summary.phone = st.text(3);
    summary.status = st.text(4) == QLatin1String("closed") ? Case::Status::Closed : Case::Status::Open;
    summary.complexity = complexityFromId(st.text(5));
    summary.internallyDisplaced = st.int64(6) != 0;
    summary.updatedAt = parseStoredDateTime(st.text(7));
    return summary;
}

const char* const kRecordSummaryColumns
    = "id, type, form_id, form_version, status, revision, created_at, updated_at, finalized_at, amends";

RecordSummary recordSummaryFromRow(const store::Statement& st)
{
    RecordSummary summary;
    summary.id = st.text(0);
    summary.type = recordTypeFromId(st.text(1)).value_or(RecordType::Notice);
    summary.formId = st.text(2);
    summary.formVersion = static_cast<int>(st.int64(3));
    summary.status = st.text(4) == QLatin1String("final") ? RecordStatus::Final : RecordStatus::Draft;
    summary.revision = static_cast<int>(st.int64(5));
    summary.createdAt = parseStoredDateTime(st.text(6));
    summary.updatedAt = parseStoredDateTime(st.text(7));
    summary.finalizedAt = parseStoredDateTime(st.text(8));
    summary.amends = st.text(9);
    return summary;
}

Result<QList<CaseSummary>> collectCases(store::Statement& st)
{
    QList<CaseSummary> out;
    while (true) {
        const Result<bool> row = st.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        out.append(summaryFromRow(st));
    }
    return out;
}

Result<QList<RecordSummary>> collectRecordSummaries(store::Statement& st)
{
    QList<RecordSummary> out;
    while (true) {
        const Result<bool> row = st.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        out.append(recordSummaryFromRow(st));
    }
    return out;
}

// writeCase's upsert for an import (created_at taken from the value on an update too).
const char* const kCaseImportUpsertTail
    = " ON CONFLICT (id) DO UPDATE SET title = excluded.title, address = excluded.address, phone = excluded.phone, "
      "categories = excluded.categories, internally_displaced = excluded.internally_displaced, "
      "status = excluded.status, complexity = excluded.complexity, assigned_workers = excluded.assigned_workers, "
      "updated_at = excluded.updated_at, updated_utc = excluded.updated_utc, search_text = excluded.search_text, "
      "created_at = excluded.created_at";

// The upsert of writeRecord(replace = true): a stored draft is updated in place (an UPDATE, which the
// immutability trigger checks), never REPLACEd.
const char* const kRecordUpsertTail
    = " ON CONFLICT (id) DO UPDATE SET type = excluded.type, form_id = excluded.form_id, "
      "form_version = excluded.form_version, case_id = excluded.case_id, body = excluded.body, "
      "status = excluded.status, revision = excluded.revision, "
      "author_user_id = excluded.author_user_id, author_device_id = excluded.author_device_id, "
      "created_at = excluded.created_at, updated_at = excluded.updated_at, "
      "finalized_at = excluded.finalized_at, content_hash = excluded.content_hash, "
      "amends = excluded.amends";
} // namespace

QString caseSearchText(const Case& value)
{
    QStringList parts;
    for (const Member& member : value.members)
        parts.append(member.fullName);
    parts.append(value.address);
    parts.append(value.phone);
    QString text = normaliseForSearch(parts.join(QLatin1Char(' ')));
    // Every suffix of the phone digits is a token, so a prefix query finds any run of digits
    // ("0501234567", "1234567", "4567" all find +380 50 123 45 67).
    const QString digits = digitsOf(value.phone);
    for (qsizetype start = 0; start + kMinPhoneDigits <= digits.size(); ++start) {
        text.append(QLatin1Char(' '));
        text.append(digits.mid(start));
    }
    return text;
}

QString caseSearchQuery(const QString& typed)
{
    const QString normalised = normaliseForSearch(typed).trimmed();
    if (normalised.isEmpty())
        return {};
    if (isPhoneLike(normalised)) {
        const QString digits = digitsOf(normalised);
        if (digits.size() >= kMinPhoneDigits)
            return QStringLiteral("\"%1\"*").arg(digits);
    }
    QStringList terms;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty())
            terms.append(QStringLiteral("\"%1\"*").arg(word));
        word.clear();
    };
    for (const QChar c : normalised) {
        if (c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing)
            word.append(c);
        else
            flush();
    }
    flush();
    return terms.join(QLatin1Char(' '));
}

RecordRepository::RecordRepository(store::Database& db, Clock clock)
    : m_db(db)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTime(); }))
{
}

QDateTime RecordRepository::now() const
{
    // Second precision with an explicit offset: exactly what JSON carries, so a stored value reads
    // back equal and hashes the same.
    const QDateTime current = m_clock();
    return QDateTime::fromSecsSinceEpoch(current.toSecsSinceEpoch(), Qt::OffsetFromUTC, current.offsetFromUtc());
}

// ---- cases ----------------------------------------------------------------------------------------

Result<bool> RecordRepository::caseExists(const QString& caseId)
{
    auto st = m_db.prepare(QStringLiteral("SELECT 1 FROM cases WHERE id = ?1"));
    if (!st)
        return st.error();
    st.value().bind(1, caseId);
    return st.value().step();
}

Result<void> RecordRepository::writeCase(const Case& value, bool imported)
{
    const Result<bool> stored = caseExists(value.id);
    if (!stored)
        return stored.error();
    static const QString upsert = QStringLiteral(
        "INSERT INTO cases (id, title, address, phone, categories, internally_displaced, status, complexity, "
        "assigned_workers, created_at, updated_at, updated_utc, search_text) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
        "ON CONFLICT (id) DO UPDATE SET title = excluded.title, address = excluded.address, phone = excluded.phone, "
        "categories = excluded.categories, internally_displaced = excluded.internally_displaced, "
        "status = excluded.status, complexity = excluded.complexity, assigned_workers = excluded.assigned_workers, "
        "updated_at = excluded.updated_at, updated_utc = excluded.updated_utc, search_text = excluded.search_text");
    static const QString importUpsert = upsert + QStringLiteral(", created_at = excluded.created_at");
    auto st = m_db.prepare(imported ? importUpsert : upsert);
    if (!st)
        return st.error();
    const QString complexity = complexityId(value.complexity);
    st.value()
        .bind(1, value.id)
        // NOT NULL text: a household recorded before anyone's name is known has an empty title.
        .bind(2, value.title().isNull() ? QStringLiteral("") : value.title())
        .bind(3, value.address.isNull() ? QStringLiteral("") : value.address)
        .bind(4, value.phone.isNull() ? QStringLiteral("") : value.phone)
        .bind(5, compactJsonText(QJsonArray::fromStringList(value.categories)))
        .bind(6, value.internallyDisplaced)
        .bind(7, caseStatusId(value.status))
        .bind(8, complexity.isEmpty() ? QString() : complexity)
        .bind(9, compactJsonText(QJsonArray::fromStringList(value.assignedWorkers)))
        .bind(10, formatDateTime(value.createdAt))
        .bind(11, formatDateTime(value.updatedAt))
        .bind(12, value.updatedAt.toSecsSinceEpoch())
        .bind(13, caseSearchText(value));
    if (auto r = st.value().run(); !r)
        return r.error();
    if (!*stored) {
        // No insert trigger indexes a new case (schema v4): its writer does.
        auto index = m_db.prepare(QStringLiteral(
            "INSERT INTO case_search (rowid, search_text) SELECT seq, search_text FROM cases WHERE id = ?1"));
        if (!index)
            return index.error();
        if (auto r = index.value().bind(1, value.id).run(); !r)
            return r.error();
    }

    auto clear = m_db.prepare(QStringLiteral("DELETE FROM members WHERE case_id = ?1"));
    if (!clear)
        return clear.error();
    if (auto r = clear.value().bind(1, value.id).run(); !r)
        return r.error();
    auto insert = m_db.prepare(QStringLiteral("INSERT INTO members (case_id, position, id, role, full_name, "
                                              "birth_date, sex, relation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    if (!insert)
        return insert.error();
    for (qsizetype i = 0; i < value.members.size(); ++i) {
        const Member& member = value.members.at(i);
        insert.value()
            .bind(1, value.id)
            .bind(2, static_cast<qint64>(i))
            .bind(3, member.id)
            .bind(4, roleId(member.role))
            .bind(5, member.fullName)
            .bind(6, member.birthDate.isValid() ? formatDate(member.birthDate) : QString())
            .bind(7, sexId(member.sex))
            .bind(8, member.relation);
        if (auto r = insert.value().run(); !r)
            return r.error();
    }
    return {};
}

Result<Case> RecordRepository::saveCase(Case value)
{
    if (value.id.isEmpty())
        value.id = newUuid();
    if (auto r = validateCase(value); !r)
        return r.error();
    const QDateTime stamp = now();
    auto result = m_db.transaction([&]() -> Result<void> {
        {
            auto st = m_db.prepare(QStringLiteral("SELECT created_at FROM cases WHERE id = ?1"));
            if (!st)
                return st.error();
            st.value().bind(1, value.id);
            const Result<bool> row = st.value().step();
            if (!row)
                return row.error();
            value.createdAt = *row ? parseStoredDateTime(st.value().text(0)) : stamp;
        }
        value.updatedAt = stamp;
        return writeCase(value);
    });
    if (!result)
        return result.error();
    qCDebug(lcRecords) << "case saved" << value.id << "members" << value.members.size();
    return value;
}

Result<void> RecordRepository::importCases(QList<Case> cases)
{
    for (Case& value : cases) {
        if (auto r = validateCase(value); !r)
            return r;
        if (!value.createdAt.isValid() || !value.updatedAt.isValid())
            return Error { QStringLiteral("records.invalid"), QStringLiteral("Case has no creation or update time") };
    }
    QSet<QString> batchIds;
    for (const Case& value : std::as_const(cases))
        batchIds.insert(value.id);
    const bool duplicates = batchIds.size() != cases.size();
    // One transaction (inside a caller's: no savepoint, see Database::atomically) and a few multi-row
    // statements for the whole list (a first sync imports thousands
    // of cases; every statement costs locked memory in an encrypted store, and a statement with a
    // trigger copies each page it changes into its statement journal). A list holding the same case
    // twice goes case by case (its members would collide inside one statement).
    auto result = m_db.atomically([&]() -> Result<void> {
        if (!duplicates)
            return writeCases(cases);
        for (const Case& value : std::as_const(cases)) {
            if (auto r = writeCase(value, true); !r)
                return r;
        }
        return {};
    });
    if (!result)
        return result.error();
    qCDebug(lcRecords) << "cases imported" << cases.size();
    return {};
}

Result<void> RecordRepository::writeCases(const QList<Case>& cases)
{
    // Which of them are stored already, in one statement. The others go in with INSERT OR ROLLBACK
    // (no constraint can ABORT, so no statement journal: a locked copy of each page a statement
    // changes) and need no members deleted; stored ones are upserted.
    QJsonArray ids;
    for (const Case& value : cases)
        ids.append(value.id);
    auto st = m_db.prepare(QStringLiteral("SELECT id FROM cases WHERE id IN (SELECT value FROM json_each(?1))"));
    if (!st)
        return st.error();
    st.value().bind(1, compactJsonText(ids));
    QSet<QString> stored;
    while (true) {
        const Result<bool> row = st.value().step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        stored.insert(st.value().text(0));
    }
    st.value().reset();
    QList<const Case*> inserts;
    QList<const Case*> updates;
    QJsonArray storedIds;
    for (const Case& value : cases) {
        if (stored.contains(value.id)) {
            updates.append(&value);
            storedIds.append(value.id);
        } else {
            inserts.append(&value);
        }
    }
    if (auto r = writeCaseRows(inserts, false); !r)
        return r;
    if (!inserts.isEmpty()) {
        // New cases enter the search index in one statement for the batch (no insert trigger, schema v4).
        QJsonArray insertedIds;
        for (const Case* value : std::as_const(inserts))
            insertedIds.append(value->id);
        auto index = m_db.prepare(
            QStringLiteral("INSERT INTO case_search (rowid, search_text) SELECT seq, search_text FROM cases "
                           "WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY seq"));
        if (!index)
            return index.error();
        if (auto r = index.value().bind(1, compactJsonText(insertedIds)).run(); !r)
            return r;
    }
    if (auto r = writeCaseRows(updates, true); !r)
        return r;

    // Members: the stored cases' old lists go in one statement, the new ones in multi-row inserts.
    struct MemberRow {
        const Case* owner;
        qsizetype position;
    };
    QList<MemberRow> members;
    for (const Case& value : cases) {
        for (qsizetype i = 0; i < value.members.size(); ++i)
            members.append(MemberRow { &value, i });
    }
    if (!storedIds.isEmpty()) {
        auto clear
            = m_db.prepare(QStringLiteral("DELETE FROM members WHERE case_id IN (SELECT value FROM json_each(?1))"));
        if (!clear)
            return clear.error();
        if (auto r = clear.value().bind(1, compactJsonText(storedIds)).run(); !r)
            return r;
    }
    return store::writeRows(m_db, members.size(),
        QStringLiteral("INSERT OR ROLLBACK INTO members (case_id, position, id, role, full_name, birth_date, sex, "
                       "relation) VALUES "),
        8, QString(), [&](store::Statement& st, int base, qsizetype index) {
            const MemberRow& row = members.at(index);
            const Member& member = row.owner->members.at(row.position);
            st.bind(base + 1, row.owner->id)
                .bind(base + 2, static_cast<qint64>(row.position))
                .bind(base + 3, member.id)
                .bind(base + 4, roleId(member.role))
                .bind(base + 5, member.fullName)
                .bind(base + 6, member.birthDate.isValid() ? formatDate(member.birthDate) : QString())
                .bind(base + 7, sexId(member.sex))
                .bind(base + 8, member.relation);
        });
}

Result<void> RecordRepository::writeCaseRows(const QList<const Case*>& cases, bool update)
{
    return store::writeRows(m_db, cases.size(),
        (update ? QStringLiteral("INSERT INTO") : QStringLiteral("INSERT OR ROLLBACK INTO"))
            + QStringLiteral(" cases (id, title, address, phone, categories, internally_displaced, status, "
                             "complexity, assigned_workers, created_at, updated_at, updated_utc, search_text) "
                             "VALUES "),
        13, update ? QString::fromLatin1(kCaseImportUpsertTail) : QString(),
        [&](store::Statement& st, int base, qsizetype index) {
            const Case& value = *cases.at(index);
            const QString complexity = complexityId(value.complexity);
            st.bind(base + 1, value.id)
                .bind(base + 2, value.title().isNull() ? QStringLiteral("") : value.title())
                .bind(base + 3, value.address.isNull() ? QStringLiteral("") : value.address)
                .bind(base + 4, value.phone.isNull() ? QStringLiteral("") : value.phone)
                .bind(base + 5, compactJsonText(QJsonArray::fromStringList(value.categories)))
                .bind(base + 6, value.internallyDisplaced)
                .bind(base + 7, caseStatusId(value.status))
                .bind(base + 8, complexity.isEmpty() ? QString() : complexity)
                .bind(base + 9, compactJsonText(QJsonArray::fromStringList(value.assignedWorkers)))
                .bind(base + 10, formatDateTime(value.createdAt))
                .bind(base + 11, formatDateTime(value.updatedAt))
                .bind(base + 12, value.updatedAt.toSecsSinceEpoch())
                .bind(base + 13, caseSearchText(value));
        });
}

Result<void> RecordRepository::validateCase(Case& value)
{
    if (!isCanonicalUuid(value.id))
        return Error { QStringLiteral("records.invalid"), QStringLiteral("Case id must be a lower-case UUID") };
    for (const QString& code : std::as_const(value.categories)) {
        if (!isCaseCategory(code))
            return Error { QStringLiteral("records.invalid"), QStringLiteral("Case has an unknown category code") };
    }
    for (Member& member : value.members) {
        if (member.id.isEmpty())
            member.id = newUuid();
        if (!isCanonicalUuid(member.id))
            return Error { QStringLiteral("records.invalid"), QStringLiteral("Member id must be a lower-case UUID") };
    }
    return {};
}

Result<Case> RecordRepository::readCase(const QString& caseId)
{
    auto st
        = m_db.prepare(QStringLiteral("SELECT id, address, phone, categories, internally_displaced, status, "
                                      "complexity, assigned_workers, created_at, updated_at FROM cases WHERE id = ?1"));
    if (!st)
        return st.error();
    st.value().bind(1, caseId);
    const Result<bool> row = st.value().step();
    if (!row)
        return row.error();
    if (!*row)
        return Error { kNotFound, QStringLiteral("No case with this id") };
    Case value;
    value.id = st.value().text(0);
    value.address = st.value().text(1);
    value.phone = st.value().text(2);
    value.categories = parseStringArray(st.value().text(3));
    value.internallyDisplaced = st.value().int64(4) != 0;
    value.status = st.value().text(5) == QLatin1String("closed") ? Case::Status::Closed : Case::Status::Open;
    value.complexity = complexityFromId(st.value().text(6));
    value.assignedWorkers = parseStringArray(st.value().text(7));
    value.createdAt = parseStoredDateTime(st.value().text(8));
    value.updatedAt = parseStoredDateTime(st.value().text(9));

    auto members = m_db.prepare(QStringLiteral("SELECT id, role, full_name, birth_date, sex, relation FROM members "
                                               "WHERE case_id = ?1 ORDER BY position"));
    if (!members)
        return members.error();
    members.value().bind(1, caseId);
    while (true) {
        const Result<bool> memberRow = members.value().step();
        if (!memberRow)
            return memberRow.error();
        if (!*memberRow)
            break;
        Member member;
        member.id = members.value().text(0);
        member.role = members.value().text(1) == QLatin1String("child") ? Member::Role::Child : Member::Role::Adult;
        member.fullName = members.value().text(2);
        member.birthDate
            = members.value().isNull(3) ? QDate() : QDate::fromString(members.value().text(3), Qt::ISODate);
        const QString sex = members.value().text(4);
        member.sex = sex == QLatin1String("female") ? Member::Sex::Female
            : sex == QLatin1String("male")          ? Member::Sex::Male
                                                    : Member::Sex::Unknown;
        member.relation = members.value().text(5);
        value.members.append(member);
    }
    return value;
}

Result<Case> RecordRepository::getCase(const QString& caseId)
{
    return readCase(caseId);
}

Result<CaseFile> RecordRepository::openCase(const QString& caseId)
{
    Result<Case> value = readCase(caseId);
    if (!value)
        return value.error();
    Result<QList<RecordSummary>> records = listRecords(caseId);
    if (!records)
        return records.error();
    return CaseFile { std::move(value).value(), std::move(records).value() };
}

Result<QList<CaseSummary>> RecordRepository::listCaseload(const CaseloadQuery& query)
{
    const QString sql
        = QStringLiteral("SELECT %1 FROM cases c %2 ORDER BY c.updated_utc DESC, c.seq LIMIT ?1 OFFSET ?2")
              .arg(QLatin1String(kCaseColumns), query.status ? QStringLiteral("WHERE c.status = ?3") : QString());
    auto st = m_db.prepare(sql);
    if (!st)
        return st.error();
    st.value().bind(1, qMax(0, query.limit)).bind(2, qMax(0, query.offset));
    if (query.status)
        st.value().bind(3, caseStatusId(*query.status));
    return collectCases(st.value());
}

Result<int> RecordRepository::countCases(std::optional<Case::Status> status)
{
    auto st = m_db.prepare(status ? QStringLiteral("SELECT count(*) FROM cases WHERE status = ?1")
                                  : QStringLiteral("SELECT count(*) FROM cases"));
    if (!st)
        return st.error();
    if (status)
        st.value().bind(1, caseStatusId(*status));
    const Result<bool> row = st.value().step();
    if (!row)
        return row.error();
    return static_cast<int>(st.value().int64(0));
}

Result<QList<CaseSummary>> RecordRepository::searchCases(const QString& query, int limit)
{
    const QString match = caseSearchQuery(query);
    if (match.isEmpty())
        return QList<CaseSummary> {};
    // Walk the caseload index (already in display order) and keep rows whose seq the FTS match set holds,
    // stopping at the limit: a common prefix («ШЕВ», "067") matches thousands of cases, and joining and
    // sorting all of them cost ~20 µs each (bench/app P6: p95 55 ms over 20,000 cases, now < 10 ms).
    auto st = m_db.prepare(QStringLiteral("SELECT %1 FROM cases c INDEXED BY cases_caseload WHERE c.seq IN "
                                          "(SELECT rowid FROM case_search WHERE case_search MATCH ?1) "
                                          "ORDER BY c.updated_utc DESC, c.seq LIMIT ?2")
                               .arg(QLatin1String(kCaseColumns)));
    if (!st)
        return st.error();
    st.value().bind(1, match).bind(2, qMax(0, limit));
    return collectCases(st.value());
}

// ---- records --------------------------------------------------------------------------------------

Result<Record> RecordRepository::readRecord(const QString& recordId)
{
    auto st = m_db.prepare(QStringLiteral("SELECT id, type, form_id, form_version, case_id, body, status, revision, "
                                          "author_user_id, author_device_id, created_at, updated_at, finalized_at, "
                                          "content_hash, amends FROM records WHERE id = ?1"));
    if (!st)
        return st.error();
    st.value().bind(1, recordId);
    const Result<bool> row = st.value().step();
    if (!row)
        return row.error();
    if (!*row)
        return Error { kNotFound, QStringLiteral("No record with this id") };
    Record record;
    record.id = st.value().text(0);
    const auto type = recordTypeFromId(st.value().text(1));
    QJsonParseError parseError;
    const QJsonDocument body = QJsonDocument::fromJson(st.value().blob(5), &parseError);
    if (!type || parseError.error != QJsonParseError::NoError || !body.isObject())
        return Error { QStringLiteral("records.corrupt_row"),
            QStringLiteral("Stored record %1 cannot be read").arg(recordId) };
    record.type = *type;
    record.formId = st.value().text(2);
    record.formVersion = static_cast<int>(st.value().int64(3));
    record.caseId = st.value().text(4);
    record.body = body.object();
    record.status = st.value().text(6) == QLatin1String("final") ? RecordStatus::Final : RecordStatus::Draft;
    record.revision = static_cast<int>(st.value().int64(7));
    record.authorUserId = st.value().text(8);
    record.authorDeviceId = st.value().text(9);
    record.createdAt = parseStoredDateTime(st.value().text(10));
    record.updatedAt = parseStoredDateTime(st.value().text(11));
    record.finalizedAt = parseStoredDateTime(st.value().text(12));
    record.contentHash = st.value().text(13);
    record.amends = st.value().text(14);
    return record;
}

Result<Record> RecordRepository::getRecord(const QString& recordId)
{
    return readRecord(recordId);
}

Result<QList<RecordSummary>> RecordRepository::listRecords(const QString& caseId)
{
    auto st = m_db.prepare(QStringLiteral("SELECT %1 FROM records WHERE case_id = ?1 ORDER BY created_at, seq")
                               .arg(QLatin1String(kRecordSummaryColumns)));
    if (!st)
        return st.error();
    st.value().bind(1, caseId);
    return collectRecordSummaries(st.value());
}

Result<QList<RecordSummary>> RecordRepository::listAmendments(const QString& originalId)
{
    auto st = m_db.prepare(QStringLiteral("SELECT %1 FROM records WHERE amends = ?1 ORDER BY created_at, seq")
                               .arg(QLatin1String(kRecordSummaryColumns)));
    if (!st)
        return st.error();
    st.value().bind(1, originalId);
    return collectRecordSummaries(st.value());
}

Result<void> RecordRepository::writeRecord(const Record& record, bool replace)
{
    // Plain INSERT for new rows; the upsert path updates a draft in place (an UPDATE, which the
    // immutability trigger checks) instead of REPLACE (which would delete the row).
    const QString sql
        = QStringLiteral(
            "INSERT INTO records (id, type, form_id, form_version, case_id, body, status, revision, author_user_id, "
            "author_device_id, created_at, updated_at, finalized_at, content_hash, amends) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)%1")
              .arg(replace ? QStringLiteral(
                       " ON CONFLICT (id) DO UPDATE SET type = excluded.type, form_id = excluded.form_id, "
                       "form_version = excluded.form_version, case_id = excluded.case_id, body = excluded.body, "
                       "status = excluded.status, revision = excluded.revision, "
                       "author_user_id = excluded.author_user_id, author_device_id = excluded.author_device_id, "
                       "created_at = excluded.created_at, updated_at = excluded.updated_at, "
                       "finalized_at = excluded.finalized_at, content_hash = excluded.content_hash, "
                       "amends = excluded.amends")
                           : QString());
    auto st = m_db.prepare(sql);
    if (!st)
        return st.error();
    st.value()
        .bind(1, record.id)
        .bind(2, recordTypeId(record.type))
        .bind(3, record.formId)
        .bind(4, record.formVersion)
        .bind(5, record.caseId)
        .bind(6, compactJson(record.body))
        .bind(7, recordStatusId(record.status))
        .bind(8, record.revision)
        .bind(9, record.authorUserId)
        .bind(10, record.authorDeviceId)
        .bind(11, formatDateTime(record.createdAt))
        .bind(12, formatDateTime(record.updatedAt))
        .bind(13, record.finalizedAt.isValid() ? formatDateTime(record.finalizedAt) : QString())
        .bind(14, nullIfEmpty(record.contentHash))
        .bind(15, nullIfEmpty(record.amends));
    return st.value().run();
}

Result<Record> RecordRepository::saveDraft(Record draft)
{
    if (draft.formId.isEmpty() || draft.formVersion < 1 || draft.authorUserId.isEmpty()
        || draft.authorDeviceId.isEmpty())
        return Error { QStringLiteral("records.invalid"),
            QStringLiteral("A record needs formId, formVersion >= 1, authorUserId and authorDeviceId") };
    if (draft.id.isEmpty())
        draft.id = newUuid();
    if (!isCanonicalUuid(draft.id) || !isCanonicalUuid(draft.caseId)
        || (!draft.amends.isEmpty() && !isCanonicalUuid(draft.amends)))
        return Error { QStringLiteral("records.invalid"),
            QStringLiteral("Record, case and amends ids must be lower-case UUIDs") };
    const QDateTime stamp = now();

    auto result = m_db.transaction([&]() -> Result<void> {
        // Fast path (autosave): one UPDATE that only matches the expected draft revision.
        {
            auto update = m_db.prepare(QStringLiteral(
                "UPDATE records SET body = ?1, form_version = ?2, revision = revision + 1, updated_at = ?3 "
                "WHERE id = ?4 AND status = 'draft' AND revision = ?5"));
            if (!update)
                return update.error();
            update.value()
                .bind(1, compactJson(draft.body))
                .bind(2, draft.formVersion)
                .bind(3, formatDateTime(stamp))
                .bind(4, draft.id)
                .bind(5, draft.revision);
            if (auto r = update.value().run(); !r)
                return r.error();
        }
        if (m_db.changes() == 1) {
            Result<Record> stored = readRecord(draft.id);
            if (!stored)
                return stored.error();
            draft = std::move(stored).value();
            return {};
        }
        // Nothing updated: find out why.
        auto st = m_db.prepare(QStringLiteral("SELECT status, revision FROM records WHERE id = ?1"));
        if (!st)
            return st.error();
        st.value().bind(1, draft.id);
        const Result<bool> row = st.value().step();
        if (!row)
            return row.error();
        if (*row) {
            if (st.value().text(0) == QLatin1String("final"))
                return immutableError();
            return Error { QStringLiteral("records.stale_revision"),
                QStringLiteral("The draft was saved meanwhile (stored revision %1, given %2)")
                    .arg(st.value().int64(1))
                    .arg(draft.revision) };
        }
        const Result<bool> known = caseExists(draft.caseId);
        if (!known)
            return known.error();
        if (!*known)
            return Error { QStringLiteral("records.unknown_case"),
                QStringLiteral("The record's case is not in the store") };
        draft.status = RecordStatus::Draft;
        draft.revision = 1;
        draft.createdAt = stamp;
        draft.updatedAt = stamp;
        draft.finalizedAt = {};
        draft.contentHash.clear();
        return writeRecord(draft, false);
    });
    if (!result)
        return result.error();
    qCDebug(lcRecords) << "draft saved" << draft.id << "revision" << draft.revision;
    return draft;
}

Result<Record> RecordRepository::finalize(const QString& recordId)
{
    Record record;
    auto result = m_db.transaction([&]() -> Result<void> {
        Result<Record> stored = readRecord(recordId);
        if (!stored)
            return stored.error();
        record = std::move(stored).value();
        if (record.isFinal())
            return immutableError();
        const QDateTime stamp = now();
        record.status = RecordStatus::Final;
        record.finalizedAt = stamp;
        record.updatedAt = stamp;
        record.revision += 1;
        record.contentHash = contentHash(record);
        auto st = m_db.prepare(QStringLiteral(
            "UPDATE records SET status = 'final', finalized_at = ?1, updated_at = ?1, revision = ?2, content_hash = ?3 "
            "WHERE id = ?4 AND status = 'draft' AND revision = ?5"));
        if (!st)
            return st.error();
        st.value()
            .bind(1, formatDateTime(stamp))
            .bind(2, record.revision)
            .bind(3, record.contentHash)
            .bind(4, record.id)
            .bind(5, record.revision - 1);
        if (auto r = st.value().run(); !r)
            return r.error();
        if (m_db.changes() != 1)
            return Error { QStringLiteral("records.stale_revision"),
                QStringLiteral("The draft changed while finalizing") };
        return {};
    });
    if (!result)
        return result.error();
    qCInfo(lcRecords) << "record finalized" << record.id << "revision" << record.revision;
    return record;
}

Result<Record> RecordRepository::createAmendment(
    const QString& originalId, const QString& authorUserId, const QString& authorDeviceId)
{
    Result<Record> original = readRecord(originalId);
    if (!original)
        return original.error();
    if (!original->isFinal())
        return Error { QStringLiteral("records.not_final"),
            QStringLiteral("Only a final record can be amended; edit the draft instead") };
    Record amendment;
    amendment.id = newUuid();
    amendment.type = original->type;
    amendment.formId = original->formId;
    amendment.formVersion = original->formVersion;
    amendment.caseId = original->caseId;
    amendment.body = original->body;
    amendment.authorUserId = authorUserId;
    amendment.authorDeviceId = authorDeviceId;
    amendment.amends = originalId;
    Result<Record> saved = saveDraft(amendment);
    if (saved)
        qCInfo(lcRecords) << "amendment" << saved->id << "of" << originalId;
    return saved;
}

Result<void> RecordRepository::importRecords(const QList<Record>& records)
{
    QSet<QString> batchIds;
    bool duplicates = false;
    for (const Record& record : records) {
        if (!isCanonicalUuid(record.id) || !isCanonicalUuid(record.caseId) || record.formId.isEmpty()
            || record.revision < 1)
            return Error { QStringLiteral("records.invalid"),
                QStringLiteral("Record %1 is not well-formed").arg(record.id.left(36)) };
        if (record.isFinal() && (!record.finalizedAt.isValid() || !verifyContentHash(record)))
            return Error { QStringLiteral("records.bad_hash"),
                QStringLiteral("Record %1 does not match its content hash").arg(record.id) };
        if (!record.isFinal() && (!record.contentHash.isEmpty() || record.finalizedAt.isValid()))
            return Error { QStringLiteral("records.invalid"),
                QStringLiteral("Draft %1 carries final fields").arg(record.id) };
        if (!duplicates && batchIds.contains(record.id))
            duplicates = true;
        batchIds.insert(record.id);
    }
    auto result = m_db.atomically([&]() -> Result<void> {
        if (duplicates)
            return importRecordsOneByOne(records);
        // What is stored already, in one statement for the whole batch.
        auto st = m_db.prepare(QStringLiteral(
            "SELECT id, status, content_hash FROM records WHERE id IN (SELECT value FROM json_each(?1))"));
        if (!st)
            return st.error();
        QJsonArray ids;
        for (const Record& record : records)
            ids.append(record.id);
        st.value().bind(1, compactJsonText(ids));
        QHash<QString, QString> storedFinals; // id -> content hash
        QSet<QString> storedDrafts;
        while (true) {
            const Result<bool> row = st.value().step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            if (st.value().text(1) == QLatin1String("final"))
                storedFinals.insert(st.value().text(0), st.value().text(2));
            else
                storedDrafts.insert(st.value().text(0));
        }
        st.value().reset();
        QList<const Record*> inserts;
        QList<const Record*> updates;
        inserts.reserve(records.size());
        for (const Record& record : records) {
            const auto final = storedFinals.constFind(record.id);
            if (final != storedFinals.cend()) {
                if (*final == record.contentHash && record.isFinal())
                    continue; // the same act again: idempotent
                return immutableError();
            }
            (storedDrafts.contains(record.id) ? updates : inserts).append(&record);
        }
        if (auto r = writeRecords(inserts, false); !r)
            return r;
        return writeRecords(updates, true);
    });
    if (!result)
        return result.error();
    qCDebug(lcRecords) << "records imported" << records.size();
    return {};
}

Result<void> RecordRepository::importRecordsOneByOne(const QList<Record>& records)
{
    auto st = m_db.prepare(QStringLiteral("SELECT status, content_hash FROM records WHERE id = ?1"));
    if (!st)
        return st.error();
    for (const Record& record : records) {
        st.value().reset();
        st.value().bind(1, record.id);
        const Result<bool> row = st.value().step();
        if (!row)
            return row.error();
        if (*row && st.value().text(0) == QLatin1String("final")) {
            if (st.value().text(1) == record.contentHash && record.isFinal())
                continue; // the same act again: idempotent
            return immutableError();
        }
        st.value().reset();
        if (auto r = writeRecord(record, *row); !r)
            return r;
    }
    return {};
}

Result<void> RecordRepository::writeRecords(const QList<const Record*>& records, bool update)
{
    // Multi-row statements (store::writeRows). Rows the batch read found absent go in with INSERT OR ROLLBACK: no
    // constraint of that statement can ABORT, so SQLite keeps no statement journal (a copy of every page the statement
    // changes, ~5 locked allocations per page). A conflict there would be a bug; it ends the caller's transaction.
    // Stored drafts are updated in place by the upsert (an UPDATE, which the immutability trigger checks).
    return store::writeRows(m_db, records.size(),
        (update ? QStringLiteral("INSERT INTO") : QStringLiteral("INSERT OR ROLLBACK INTO"))
            + QStringLiteral(" records (id, type, form_id, form_version, case_id, body, status, revision, "
                             "author_user_id, author_device_id, created_at, updated_at, finalized_at, "
                             "content_hash, amends) VALUES "),
        15, update ? QString::fromLatin1(kRecordUpsertTail) : QString(),
        [&](store::Statement& st, int base, qsizetype index) {
            const Record& record = *records.at(index);
            st.bind(base + 1, record.id)
                .bind(base + 2, recordTypeId(record.type))
                .bind(base + 3, record.formId)
                .bind(base + 4, record.formVersion)
                .bind(base + 5, record.caseId)
                .bind(base + 6, compactJson(record.body))
                .bind(base + 7, recordStatusId(record.status))
                .bind(base + 8, record.revision)
                .bind(base + 9, record.authorUserId)
                .bind(base + 10, record.authorDeviceId)
                .bind(base + 11, formatDateTime(record.createdAt))
                .bind(base + 12, formatDateTime(record.updatedAt))
                .bind(base + 13, record.finalizedAt.isValid() ? formatDateTime(record.finalizedAt) : QString())
                .bind(base + 14, nullIfEmpty(record.contentHash))
                .bind(base + 15, nullIfEmpty(record.amends));
        });
}

} // namespace poruch::records
