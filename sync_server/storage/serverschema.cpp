#include "serverschema.h"

namespace poruch::server {

QList<store::Migration> serverSchemaMigrations()
{
    return {
        { 1, QStringLiteral(R"(
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    unit TEXT NOT NULL,
    password_hash TEXT NOT NULL DEFAULT '',
    revoked INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE caseload (
    user_id TEXT NOT NULL REFERENCES users(id),
    case_id TEXT NOT NULL,
    PRIMARY KEY (user_id, case_id)
) WITHOUT ROWID;
CREATE INDEX caseload_by_case ON caseload(case_id);
CREATE TABLE enrollment_codes (
    digest TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    device_id TEXT
);
CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    label TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE TABLE tokens (
    digest TEXT PRIMARY KEY,
    device_id TEXT NOT NULL REFERENCES devices(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE push_receipts (
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    item_digest TEXT NOT NULL,
    result_json TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
) WITHOUT ROWID;
CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL
);
CREATE TABLE records (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    type TEXT NOT NULL,
    revision INTEGER NOT NULL,
    final INTEGER NOT NULL,
    content_hash TEXT NOT NULL DEFAULT '',
    journal_number TEXT NOT NULL DEFAULT '',
    chain_hash TEXT NOT NULL DEFAULT '',
    json TEXT NOT NULL
);
CREATE INDEX records_by_case ON records(case_id);
-- Acts are legal documents: a final record never changes again, whatever code runs.
CREATE TRIGGER records_final_immutable BEFORE UPDATE ON records
WHEN OLD.final = 1
BEGIN
    SELECT RAISE(ABORT, 'store.immutable');
END;
CREATE TRIGGER records_final_undeletable BEFORE DELETE ON records
WHEN OLD.final = 1
BEGIN
    SELECT RAISE(ABORT, 'store.immutable');
END;
CREATE TABLE record_conflicts (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    device_id TEXT NOT NULL,
    json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX record_conflicts_by_record ON record_conflicts(record_id);
CREATE TABLE journal_counters (
    unit TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (unit, year)
) WITHOUT ROWID;
CREATE TABLE changes (
    cursor INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    case_id TEXT,
    entity_id TEXT NOT NULL,
    target_user TEXT
);
CREATE INDEX changes_by_case ON changes(case_id, cursor);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    action TEXT NOT NULL,
    case_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_by_user ON audit_log(user_id, id);
CREATE INDEX audit_by_record ON audit_log(record_id, id);
-- Append-only: the audit trail cannot be edited or trimmed through SQL.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'store.audit_append_only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'store.audit_append_only');
END;
)") },
        // Office page: records marked received / registered by office staff (one row per record, latest state).
        { 2, QStringLiteral(R"(
CREATE TABLE office_marks (
    record_id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    user_id TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX audit_by_action ON audit_log(action, id);
)") },
        // Office web sessions survive a restart. Only the SHA-256 of the session id is stored; the expiry
        // rules (idle 30 min, lifetime 10 h) are checked against these times on every request.
        { 3, QStringLiteral(R"(
CREATE TABLE web_sessions (
    digest TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX web_sessions_by_user ON web_sessions(user_id);
)") },
        // Sync: which device pushed each change, so that device's pull skips it (docs/sync-protocol.md).
        // Existing rows keep NULL (no origin): they are delivered as before. The pull and the hash chain
        // are driven by changes_by_case (case_id, cursor); no new index is needed for them.
        { 4, QStringLiteral(R"(
ALTER TABLE changes ADD COLUMN origin_device TEXT;
)") },
    };
}

} // namespace poruch::server
