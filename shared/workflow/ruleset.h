#pragma once

#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace poruch::workflow {

// A condition on the named fields of a record (all conditions of a list must hold).
struct Condition {
    enum class Kind {
        Equals, // {"field": f, "equals": v}
        In, // {"field": f, "in": [v...]}
        NotEmpty, // {"field": f, "notEmpty": true|false}: true = present and not "", [], {}, false
        AnyOf, // {"anyOf": [condition...]}
        CaseHas, // {"caseHas": {"type": t, "where": [condition...]}}: a final record of the same case matches
    };
    Kind kind = Kind::Equals;
    QString field;
    QJsonArray values; // Equals: one value; In: the allowed values
    bool notEmpty = true;
    QString recordType; // CaseHas
    std::vector<Condition> children; // AnyOf alternatives, CaseHas conditions
};

// How a step counts as done.
struct Completion {
    enum class Kind {
        None, // nothing recorded can complete it (a prompt)
        Action, // an `action` record with this code whose relatesTo is the trigger record
        Record, // a final record of a type in the same case, dated at or after the trigger moment
        Field, // a field of the trigger record (its newest version) becomes set (optionally to one of `in`)
        All, // every part is done
    };
    Kind kind = Kind::None;
    QString action; // Action
    bool matchQuarter = false; // Action: match body.quarter with the task's quarter instead of relatesTo
    QString recordType; // Record
    QString doneAtField; // Record, Field: which field gives the moment it was done
    std::vector<Condition> where; // Record
    QString field; // Field
    QJsonArray in; // Field
    // Field, "version": "any": set in any version of the trigger's amendment chain (e.g. the journal number,
    // which the original keeps whatever is corrected later). Default "newest": the newest version decides.
    bool anyVersion = false;
    std::vector<Completion> of; // All
};

struct Deadline {
    enum class Kind {
        Immediately, // due at the trigger moment itself
        SameWorkingDay, // end of the trigger day if it is a working day, else end of the next working day
        NextWorkingDay, // end of the first working day after the trigger day
        WorkingDays, // end of the count-th working day after the trigger day
        Hours, // trigger moment + count elapsed hours
        CalendarDays, // end of the day count days after the trigger day
        Months, // end of the same day count months later (clamped to month end)
        QuarterDayOfNextMonth, // end of day `count` of the month after the quarter
        AfterWorkingDaysWithout, // `without` not done by the end of the count-th working day: due then
    };
    Kind kind = Kind::Immediately;
    int count = 0;
    bool rollToWorkingDay = false; // CalendarDays/Months/Quarter: a non-working last day moves to the next
    Completion without; // AfterWorkingDaysWithout: the thing whose absence makes the step due
};

struct Trigger {
    enum class Kind { Record, QuarterEnd };
    enum class Pick { First, Latest };
    Kind kind = Kind::Record;
    QString recordType;
    std::vector<Condition> where;
    QStringList atFields; // fields giving the trigger moment
    Pick pick = Pick::First; // First: the first present field; Latest: the latest of those present
    int lookbackQuarters = 1; // QuarterEnd: how many finished quarters get a task (plus the current one)
};

struct Rule {
    QString id;
    int tableRow = 0; // row of the deadline table in the domain brief (0 = derived rule)
    QString source; // e.g. "001 §2.4"
    Trigger trigger;
    Deadline deadline;
    Completion completion;
    QString role;
    QString whatUk;
    QString whatEn;
    QString note; // why the rule reads the table this way
};

struct Task;

// Which record closes a task, read from the rule's own completion (never a second table): the form of
// `recordType` started with `overlay` prefilled and `doneAtField` set to the moment it was done. A step that
// nothing recorded on the tablet can close has onTablet = false and a `reason`:
//   "prompt" (completion none), "amend" (a field of the trigger record itself, e.g. the consent decision of
//   the notice: recorded in an amendment of that record, whose newest version the engine reads), "server"
//   (journalNumber, assigned by the server's journal), "office" (quarterly monitoring: no case, the office submits it),
//   "unknown_rule".
struct TaskCompletion {
    bool onTablet = false;
    QString recordType;
    QJsonObject overlay;
    QString doneAtField;
    QString reason;
};

// The statutory deadline rules, loaded from JSON and checked against the contract vocabulary: an unknown
// record type, field, action code, role or enum value is an Error "workflow.rules_invalid" naming the rule.
class RuleSet {
public:
    static Result<RuleSet> builtIn(); // :/poruch/workflow/rules.json
    static Result<RuleSet> fromFile(const QString& path);
    static Result<RuleSet> fromJson(const QByteArray& json);

    QString version() const { return m_version; }
    const QList<Rule>& rules() const { return m_rules; }
    const Rule* find(const QString& id) const;
    // How `task` (computed from these rules) is done on the tablet; for an `all` completion the first
    // part of task.openParts that the tablet can record.
    TaskCompletion completion(const Task& task) const;

private:
    QString m_version;
    QList<Rule> m_rules;
};

} // namespace poruch::workflow
