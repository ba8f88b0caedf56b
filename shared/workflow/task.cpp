#include "workflow/task.h"

namespace poruch::workflow {

QString toString(TaskState state)
{
    switch (state) {
    case TaskState::Open:
        return QStringLiteral("open");
    case TaskState::Overdue:
        return QStringLiteral("overdue");
    case TaskState::Done:
        return QStringLiteral("done");
    }
    return {};
}

QString toString(Timeliness timeliness)
{
    switch (timeliness) {
    case Timeliness::NotDone:
        return QStringLiteral("not_done");
    case Timeliness::OnTime:
        return QStringLiteral("on_time");
    case Timeliness::Late:
        return QStringLiteral("late");
    case Timeliness::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

QJsonObject Task::toJson() const
{
    const auto iso = [](const QDateTime& dt) {
        return dt.isValid() ? QJsonValue(dt.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject {
        { QStringLiteral("ruleId"), ruleId },
        { QStringLiteral("tableRow"), tableRow },
        { QStringLiteral("source"), source },
        { QStringLiteral("caseId"), caseId },
        { QStringLiteral("triggerRecordId"), triggerRecordId },
        { QStringLiteral("triggerVersionId"), triggerVersionId },
        { QStringLiteral("quarter"), quarter },
        { QStringLiteral("role"), role },
        { QStringLiteral("what"), QJsonObject { { QStringLiteral("uk"), whatUk }, { QStringLiteral("en"), whatEn } } },
        { QStringLiteral("triggerAt"), iso(triggerAt) },
        { QStringLiteral("dueAt"), iso(dueAt) },
        { QStringLiteral("immediately"), immediately },
        { QStringLiteral("state"), toString(state) },
        { QStringLiteral("doneAt"), iso(doneAt) },
        { QStringLiteral("timeliness"), toString(timeliness) },
        { QStringLiteral("completedBy"), completedByRecordId },
    };
}

} // namespace poruch::workflow
