#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace poruch::workflow {

// What the deadline engine sees of a record. Deliberately decoupled from poruch::records: the caller
// adapts its records to this shape, so the engine stays a pure function that tests can feed directly.
struct WorkflowRecord {
    WorkflowRecord() = default;
    // amends last and optional, so callers that know no amendments keep their six-value initialiser.
    WorkflowRecord(QString id, QString type, QString caseId, bool final, QDateTime finalizedAt, QJsonObject body,
        QString amends = {})
        : id(std::move(id))
        , type(std::move(type))
        , caseId(std::move(caseId))
        , final(final)
        , finalizedAt(std::move(finalizedAt))
        , body(std::move(body))
        , amends(std::move(amends))
    {
    }

    QString id;
    QString type; // one of the record type ids of the contract (notice, action, ...)
    QString caseId;
    bool final = false; // only final records trigger or complete a step
    QDateTime finalizedAt;
    QJsonObject body; // the named fields of the contract (receivedAt, dangerLevel, relatesTo, ...)
    // The record this one corrects (records::Record::amends), empty for an original. An original and its
    // amendments form one chain: the engine reads the newest version's facts and makes one task per chain.
    QString amends;
};

} // namespace poruch::workflow
