#pragma once

#include "records/record.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace poruch::records {

// Version of the canonical form; part of the hashed bytes so a future change cannot collide.
inline constexpr int kCanonicalFormVersion = 1;

// Deterministic UTF-8 bytes of any JSON value: object keys sorted by code point, no whitespace,
// minimal string escapes, integers without fraction or exponent, other numbers in shortest
// round-trip form. Exact rules in docs/data-model.md.
QByteArray canonicalJson(const QJsonValue& value);

// The bytes that are hashed for a record: its legal content (see docs/data-model.md), without the
// hash itself and without draft bookkeeping (status, revision, updatedAt).
QByteArray canonicalForm(const Record& record);

// Lower-case hex SHA-256 of canonicalForm(record).
QString contentHash(const Record& record);

// True when record.contentHash matches the record's content.
bool verifyContentHash(const Record& record);

} // namespace poruch::records
