#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace poruch::workflow {

// What the deadline engine sees of a record. Deliberately decoupled from poruch::records: the caller
// adapts its records to this shape, so the engine stays a pure function that tests can feed directly.
struct WorkflowRecord {
    QString id;
    QString type; // one of the record type ids of the contract (notice, action, ...)
    QString caseId;
    bool final = false; // only final records trigger or complete a step
    QDateTime finalizedAt;
    QJsonObject body; // the named fields of the contract (receivedAt, dangerLevel, relatesTo, ...)
};

} // namespace poruch::workflow
