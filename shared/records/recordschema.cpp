#include "records/recordschema.h"

namespace poruch::records {

namespace {
// v1: cases, members, records, immutability triggers, caseload indexes. Search over the
// lower-case search_text column with LIKE.
const char* const kV1 = R"SQL(
CREATE TABLE cases (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    address TEXT NOT NULL,
    phone TEXT NOT NULL,
    categories TEXT NOT NULL,
    internally_displaced INTEGER NOT NULL CHECK (internally_displaced IN (0, 1)),
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    complexity TEXT CHECK (complexity IN ('simple', 'medium', 'complex', 'emergency')),
    assigned_workers TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_utc INTEGER NOT NULL,
    search_text TEXT NOT NULL
);
CREATE INDEX cases_caseload ON cases (updated_utc DESC, seq);

CREATE TABLE members (
    case_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('adult', 'child')),
    full_name TEXT NOT NULL,
    birth_date TEXT,
    sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'unknown')),
    relation TEXT NOT NULL,
    PRIMARY KEY (case_id, position)
) WITHOUT ROWID;

CREATE TABLE records (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    case_id TEXT NOT NULL,
    type TEXT NOT NULL,
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL CHECK (form_version >= 1),
    status TEXT NOT NULL CHECK (status IN ('draft', 'final')),
    revision INTEGER NOT NULL CHECK (revision >= 1),
    author_user_id TEXT NOT NULL,
    author_device_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    finalized_at TEXT,
    content_hash TEXT,
    amends TEXT,
    body BLOB NOT NULL, -- compact UTF-8 JSON
    CHECK ((status = 'final') = (finalized_at IS NOT NULL AND content_hash IS NOT NULL))
);
CREATE INDEX records_by_case ON records (case_id, created_at, seq);
CREATE INDEX records_by_original ON records (amends) WHERE amends IS NOT NULL;

-- Acts are legal documents: once final, no UPDATE (including back to draft), no DELETE, and no
-- INSERT OR REPLACE over them (REPLACE deletes without firing delete triggers), whoever runs the SQL.
CREATE TRIGGER records_final_no_update BEFORE UPDATE ON records WHEN OLD.status = 'final'
BEGIN
    SELECT RAISE(ABORT, 'store.immutable');
END;
CREATE TRIGGER records_final_no_delete BEFORE DELETE ON records WHEN OLD.status = 'final'
BEGIN
    SELECT RAISE(ABORT, 'store.immutable');
END;
CREATE TRIGGER records_final_no_replace BEFORE INSERT ON records
WHEN EXISTS (SELECT 1 FROM records WHERE id = NEW.id AND status = 'final')
BEGIN
    SELECT RAISE(ABORT, 'store.immutable');
END;
)SQL";

// v2: full-text search (FTS5, unicode61 folds Cyrillic case) over cases.search_text, kept in
// step by triggers; existing cases are indexed by 'rebuild'.
const char* const kV2 = R"SQL(
CREATE VIRTUAL TABLE case_search USING fts5 (
    search_text, content = 'cases', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER cases_search_insert AFTER INSERT ON cases
BEGIN
    INSERT INTO case_search (rowid, search_text) VALUES (NEW.seq, NEW.search_text);
END;
CREATE TRIGGER cases_search_delete AFTER DELETE ON cases
BEGIN
    INSERT INTO case_search (case_search, rowid, search_text) VALUES ('delete', OLD.seq, OLD.search_text);
END;
CREATE TRIGGER cases_search_update AFTER UPDATE OF search_text ON cases
BEGIN
    INSERT INTO case_search (case_search, rowid, search_text) VALUES ('delete', OLD.seq, OLD.search_text);
    INSERT INTO case_search (rowid, search_text) VALUES (NEW.seq, NEW.search_text);
END;
INSERT INTO case_search (case_search) VALUES ('rebuild');
)SQL";

// v3: the tablet's sync state (mobile/sync, docs/sync-client.md): outbox with never-reused device
// sequence numbers (AUTOINCREMENT), key/value sync metadata (enrollment, token, pinned certificate,
// pull cursor), per-entity sync state, kept conflicts with both revisions, the server's copy of records
// held back because of local changes, synced form/catalog definitions. sync_purge lets the sync client
// remove a case that left the caseload, final records included, inside one transaction; nothing else
// may delete a final record.
const char* const kV3 = R"SQL(
CREATE TABLE sync_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('case', 'record')),
    entity_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 0,
    base_revision INTEGER NOT NULL DEFAULT 0,
    payload BLOB NOT NULL, -- compact UTF-8 JSON of the case or record as saved
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX sync_outbox_by_entity ON sync_outbox (entity_id, seq);

CREATE TABLE sync_meta (
    key TEXT PRIMARY KEY,
    value BLOB
) WITHOUT ROWID;

CREATE TABLE sync_state (
    entity_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('case', 'record')),
    case_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'conflict', 'rejected')),
    revision INTEGER NOT NULL DEFAULT 0,
    server_revision INTEGER NOT NULL DEFAULT 0,
    journal_number TEXT NOT NULL DEFAULT '',
    reason_code TEXT NOT NULL DEFAULT '',
    reason_message TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sync_state_by_state ON sync_state (state);

CREATE TABLE sync_conflicts (
    record_id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    local_json BLOB NOT NULL,
    server_revision INTEGER NOT NULL,
    server_json BLOB,
    detected_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE sync_server_copies (
    record_id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    json BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE sync_definitions (
    kind TEXT NOT NULL CHECK (kind IN ('form', 'catalog')),
    def_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    json BLOB NOT NULL,
    PRIMARY KEY (kind, def_id, version)
) WITHOUT ROWID;

CREATE TABLE sync_purge (
    case_id TEXT PRIMARY KEY
) WITHOUT ROWID;

DROP TRIGGER records_final_no_delete;
CREATE TRIGGER records_final_no_delete BEFORE DELETE ON records
WHEN OLD.status = 'final' AND NOT EXISTS (SELECT 1 FROM sync_purge WHERE case_id = OLD.case_id)
BEGIN
    SELECT RAISE(ABORT, 'store.immutable');
END;
)SQL";

// v4: no INSERT triggers on records and cases (P2, docs/data-model.md). An INSERT trigger makes SQLite
// stage every multi-row insert in a temporary b-tree and keep a statement journal (locked memory page
// by page in an encrypted store: ~18 locked allocations per record, ~28 per case of a first sync).
// - REPLACE over a final act, the one thing records_final_no_replace caught, is refused by
//   records_final_no_delete: store::Database::open turns recursive_triggers on, so rows that REPLACE
//   deletes fire delete triggers. A plain INSERT over an existing id fails on the UNIQUE id anyway.
// - A new case is added to case_search by its writer (RecordRepository, once per batch on import);
//   updates and deletes keep their triggers.
const char* const kV4 = R"SQL(
DROP TRIGGER records_final_no_replace;
DROP TRIGGER cases_search_insert;
)SQL";
} // namespace

const QList<store::Migration>& recordMigrations()
{
    static const QList<store::Migration> migrations {
        { 1, QString::fromUtf8(kV1) },
        { 2, QString::fromUtf8(kV2) },
        { 3, QString::fromUtf8(kV3) },
        { 4, QString::fromUtf8(kV4) },
    };
    return migrations;
}

} // namespace poruch::records
