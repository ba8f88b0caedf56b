#pragma once

#include "workflow/ruleset.h"
#include "workflow/task.h"
#include "workflow/workflowinput.h"
#include "workflow/workingcalendar.h"

#include <QDateTime>
#include <QList>

namespace poruch::workflow {

// The tasks that the statutory rules derive from the records at the instant `now`. A pure function: no
// clock, file or global state is read, so the same inputs always give the same list (sorted by dueAt,
// then rule id, trigger record id and quarter). Only final records trigger or complete a step.
QList<Task> computeTasks(
    const QList<WorkflowRecord>& records, const QDateTime& now, const WorkingCalendar& calendar, const RuleSet& rules);

// Due moment of a record-triggered deadline counted from the trigger moment `from` (a date-only trigger is
// passed as the start of that day). Exposed for tests and for "what if" hints in the UI.
QDateTime dueMoment(const Deadline& deadline, const QDateTime& from, const WorkingCalendar& calendar);

} // namespace poruch::workflow
