#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace poruch::workflow {

// The record types, named fields, action codes and roles of the shared contract (helper-briefs/contract.md).
// The rule loader accepts nothing outside this vocabulary, so a typo in a rules file fails at load.
namespace vocabulary {

enum class FieldKind { DateTime, Date, Bool, Text, Enum, Array, Object };

struct FieldInfo {
    FieldKind kind = FieldKind::Text;
    QStringList values; // allowed values when kind == Enum
};

const QStringList& recordTypes();
const QStringList& actionCodes();
const QStringList& roles();
// Field of a record type by dotted path ("policeConsent.decision"); nullopt when unknown.
std::optional<FieldInfo> field(const QString& recordType, const QString& path);

} // namespace vocabulary
} // namespace poruch::workflow
