#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace poruch::server {

// Roles of 001 (who uses Poruch): field roles sync from tablets; office roles use the web page.
enum class Role { SocialWorker, MobileBrigade, ChildrenService, Office, Admin };
QString roleId(Role role);
std::optional<Role> roleFromId(const QString& id);
QStringList roleIds();
bool isOfficeRole(Role role);

struct User {
    QString id;
    QString username; // login name, not personal data by policy (e.g. "worker17")
    QString displayName; // personal data: never logged
    Role role = Role::SocialWorker;
    QString unit = QStringLiteral("default"); // community/department: journal numbering and office scope
    QString passwordHash; // Argon2id PHC string; empty: no web login
    bool revoked = false;
    QDateTime createdAt;
};

struct EnrollmentCode {
    QString digest; // SHA-256 of the normalised code; the code itself is shown once and not stored
    QString userId;
    QString createdBy;
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime usedAt; // invalid while unused
    QString deviceId;
};

struct Device {
    QString id;
    QString userId;
    QString label;
    QDateTime enrolledAt;
    QDateTime revokedAt; // invalid while active
    bool revoked() const { return revokedAt.isValid(); }
};

struct TokenRow {
    QString digest;
    QString deviceId;
    QString userId;
    QDateTime issuedAt;
    QDateTime expiresAt;
};

// Who is calling, once the bearer token checked out.
struct Session {
    User user;
    Device device;
    QString tokenDigest;
    QDateTime tokenExpiresAt;
};

// What the server remembers of an applied push item, so a re-send is answered identically.
struct PushReceipt {
    QString deviceId;
    qint64 seq = 0;
    QString itemDigest;
    QString resultJson;
};

// A record as the server holds it: the record's JSON plus server-side facts.
struct StoredRecord {
    QString id;
    QString caseId;
    QString type;
    int revision = 0;
    bool final = false;
    QString contentHash;
    QString journalNumber;
    QString chainHash; // final records: SHA-256(previous final's chainHash ‖ contentHash), per case
    QString json; // records::Record::toJson(), compact
};

struct ChangeRow {
    qint64 cursor = 0;
    QString kind; // case, record, conflict, case_removed, form, catalog
    QString caseId;
    QString entityId; // record id, case id or conflict id
};

struct AuditEntry {
    qint64 id = 0;
    QDateTime at;
    QString userId;
    QString deviceId; // empty for web requests
    QString action; // e.g. record.write, record.read, case.read, user.create, device.revoke
    QString caseId;
    QString recordId;
    QString detail; // ids and codes only, never personal data
};

// Office page: how a record reached the server (first and latest write, from the audit log).
struct RecordIngest {
    QString recordId;
    QDateTime firstAt;
    QString firstUserId;
    QString firstDeviceId;
    QDateTime lastAt;
    QString lastUserId;
};

// Office page: a record marked as received / registered by office staff.
struct RecordMark {
    QString recordId;
    QString state; // "received" or "registered"
    QString userId;
    QDateTime at;
};

// Office page: a signed-in browser session. Only the SHA-256 of the session id (the cookie value) is
// stored, so a copy of the store never yields a usable cookie.
struct WebSessionRow {
    QString digest;
    QString userId;
    QString csrfToken; // random per session; every form of the session posts it back
    QDateTime createdAt;
    QDateTime lastSeenAt;
};

struct AuditFilter {
    QString userId;
    QString recordId;
    QString caseId;
    QDateTime from;
    QDateTime until;
    int limit = 200;
    QString action; // exact action, empty: any (office audit page)
};

} // namespace poruch::server
