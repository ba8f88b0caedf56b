#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace poruch::workflow {

enum class TaskState { Open, Overdue, Done };
enum class Timeliness {
    NotDone,
    OnTime, // done at or before dueAt
    Late, // done after dueAt
    Unknown, // done, but nothing recorded says when (e.g. a journal number assigned by the server)
};

// One statutory step that a record (or the quarter clock) makes due.
struct Task {
    QString ruleId;
    int tableRow = 0;
    QString source; // "001 §2.4"
    QString caseId; // empty for quarterly monitoring
    QString triggerRecordId; // the ORIGINAL record of the trigger's amendment chain; empty for quarterly monitoring
    QString triggerVersionId; // the version whose facts were read: the newest amendment, else the original
    QString quarter; // "2026-Q1" for quarterly monitoring, else empty
    QString role;
    QString whatUk;
    QString whatEn;
    QDateTime triggerAt; // the moment the deadline counts from, in the calendar's zone
    QDateTime dueAt; // in the calendar's zone (Europe/Kyiv), so it carries the Kyiv offset
    bool immediately = false; // due at the trigger moment itself: show "негайно", not a time
    TaskState state = TaskState::Open;
    QDateTime doneAt; // invalid when not done or when the moment is not recorded
    Timeliness timeliness = Timeliness::NotDone;
    QString completedByRecordId;
    // An `all` completion that is not done: indices (into Rule::completion.of) of the parts still missing,
    // so the UI offers the next one instead of one that is already recorded.
    QList<int> openParts;

    QJsonObject toJson() const;
};

QString toString(TaskState state);
QString toString(Timeliness timeliness);

} // namespace poruch::workflow
