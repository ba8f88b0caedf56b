#pragma once
// Records derived from a rule's own trigger and conditions, shared by the workflow tests that cover every
// shipped rule without naming its fields (tst_taskcompletion, tst_amendments).
#include "workflow/ruleset.h"
#include "workflow/workflowinput.h"
#include "workflow/workflowvocabulary.h"

#include <QJsonArray>
#include <QTimeZone>

namespace poruch::workflow::testing {

inline const QDateTime kTrigger(QDate(2026, 3, 3), QTime(10, 0), QTimeZone(QByteArrayLiteral("Europe/Kyiv")));

inline void setPath(QJsonObject& body, const QString& path, const QJsonValue& value)
{
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0) {
        body.insert(path, value);
        return;
    }
    QJsonObject inner = body.value(path.left(dot)).toObject();
    setPath(inner, path.mid(dot + 1), value);
    body.insert(path.left(dot), inner);
}

inline QJsonValue momentValue(const QString& type, const QString& path, const QDateTime& at)
{
    const auto info = vocabulary::field(type, path);
    if (info && info->kind == vocabulary::FieldKind::Date)
        return at.date().toString(Qt::ISODate);
    return at.toString(Qt::ISODateWithMs);
}

// Makes `body` satisfy the conditions; records a `caseHas` needs are appended to `extra`.
inline void satisfy(const QString& type, const std::vector<Condition>& where, QJsonObject& body,
    QList<WorkflowRecord>& extra, const QString& caseId)
{
    for (const Condition& c : where) {
        switch (c.kind) {
        case Condition::Kind::Equals:
        case Condition::Kind::In:
            setPath(body, c.field, c.values.first());
            break;
        case Condition::Kind::NotEmpty: {
            if (!c.notEmpty)
                break;
            const auto info = vocabulary::field(type, c.field);
            QJsonValue v = QStringLiteral("x");
            if (info && info->kind == vocabulary::FieldKind::Array)
                v = QJsonArray { QStringLiteral("x") };
            else if (info && info->kind == vocabulary::FieldKind::Bool)
                v = true;
            else if (info
                && (info->kind == vocabulary::FieldKind::Date || info->kind == vocabulary::FieldKind::DateTime))
                v = momentValue(type, c.field, kTrigger);
            setPath(body, c.field, v);
            break;
        }
        case Condition::Kind::AnyOf:
            satisfy(type, { c.children.front() }, body, extra, caseId);
            break;
        case Condition::Kind::CaseHas: {
            WorkflowRecord other { QStringLiteral("other-%1").arg(extra.size()), c.recordType, caseId, true,
                kTrigger.addSecs(-3600), {} };
            satisfy(c.recordType, c.children, other.body, extra, caseId);
            extra.append(other);
            break;
        }
        }
    }
}

// A final record of the rule's trigger type that starts the rule's task at kTrigger.
inline WorkflowRecord deriveTrigger(
    const Rule& rule, const QString& id, const QString& caseId, QList<WorkflowRecord>& extra)
{
    WorkflowRecord trigger { id, rule.trigger.recordType, caseId, true, kTrigger, {} };
    satisfy(trigger.type, rule.trigger.where, trigger.body, extra, caseId);
    for (const QString& field : rule.trigger.atFields)
        setPath(trigger.body, field, momentValue(trigger.type, field, kTrigger));
    return trigger;
}

} // namespace poruch::workflow::testing
