#include "workflow/workflowengine.h"

#include "workflow/workflowlogging.h"
#include "workflow/workflowvocabulary.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace poruch::workflow {

namespace {

struct Moment {
    QDateTime at; // invalid when the field is missing or unreadable
    bool dateOnly = false;
    bool isValid() const { return at.isValid(); }
};

struct Outcome {
    bool done = false;
    QDateTime at; // may be invalid even when done
    QString recordId;
};

QJsonValue valueAt(const QJsonObject& body, const QString& path)
{
    QJsonValue v = body;
    for (const auto& part : QStringView(path).split(u'.')) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(part);
    }
    return v;
}

bool isSet(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return !v.toString().isEmpty();
    case QJsonValue::Array:
        return !v.toArray().isEmpty();
    case QJsonValue::Object:
        return !v.toObject().isEmpty();
    case QJsonValue::Bool:
        return v.toBool();
    case QJsonValue::Double:
        return true;
    default:
        return false;
    }
}

class Engine {
public:
    Engine(const QList<WorkflowRecord>& records, const QDateTime& now, const WorkingCalendar& calendar)
        : m_now(now)
        , m_cal(calendar)
    {
        // A correction of a final record is a new final record that `amends` it. An original and all its
        // amendments are one chain: only the chain's newest version (its head) triggers, matches a
        // condition or completes a step, and every reference to any version means the chain (its root).
        QHash<QString, QString> amends;
        QSet<QString> amended;
        for (const WorkflowRecord& r : records) {
            if (!r.final || r.amends.isEmpty() || r.amends == r.id)
                continue;
            amends.insert(r.id, r.amends);
            amended.insert(r.amends);
        }
        QHash<QString, QList<const WorkflowRecord*>> chains; // root -> final versions
        for (const WorkflowRecord& r : records) {
            if (!r.final)
                continue;
            QString root = r.id;
            QSet<QString> seen { root };
            while (amends.contains(root) && !seen.contains(amends.value(root))) {
                root = amends.value(root);
                seen.insert(root);
            }
            m_rootOf.insert(r.id, root);
            chains[root].append(&r);
        }
        for (auto it = chains.begin(); it != chains.end(); ++it) {
            // Newest first. A version that was amended is never newer than its amendment; among the rest
            // (two corrections of the same version) the later finalisation wins, then the id, for determinism.
            auto& versions = it.value();
            std::sort(versions.begin(), versions.end(), [&](const WorkflowRecord* a, const WorkflowRecord* b) {
                const bool aOld = amended.contains(a->id);
                const bool bOld = amended.contains(b->id);
                if (aOld != bOld)
                    return bOld;
                if (a->finalizedAt != b->finalizedAt)
                    return a->finalizedAt > b->finalizedAt;
                return a->id > b->id;
            });
            m_versions.insert(it.key(), versions);
        }
        // Heads in input order, so the result does not depend on hash order.
        for (const WorkflowRecord& r : records) {
            if (!r.final || m_versions.value(m_rootOf.value(r.id)).constFirst() != &r)
                continue;
            m_finals.append(&r);
            m_byCase[r.caseId].append(&r);
            if (r.type == QLatin1String("action")) {
                m_actions.append(&r);
                m_actionsByRelatesTo[rootOf(r.body.value(QStringLiteral("relatesTo")).toString())].append(&r);
            }
        }
    }

    void run(const Rule& rule, QList<Task>& out) const
    {
        if (rule.trigger.kind == Trigger::Kind::QuarterEnd) {
            quarterly(rule, out);
            return;
        }
        for (const WorkflowRecord* r : m_finals) {
            if (r->type != rule.trigger.recordType || !matchesAll(*r, rule.trigger.where))
                continue;
            const Moment from = triggerMoment(*r, rule.trigger);
            if (!from.isValid()) {
                qCDebug(lcWorkflow) << "rule" << rule.id << "skips record" << r->id << ": no trigger moment";
                continue;
            }
            Task t = base(rule);
            t.caseId = r->caseId;
            t.triggerRecordId = rootOf(r->id);
            t.triggerVersionId = r->id;
            t.triggerAt = from.at.toTimeZone(m_cal.timeZone());
            t.dueAt = dueMoment(rule.deadline, from.at, m_cal);
            t.immediately = rule.deadline.kind == Deadline::Kind::Immediately
                || rule.deadline.kind == Deadline::Kind::AfterWorkingDaysWithout;
            const Outcome done = evaluate(rule.completion, *r, from, QString());
            if (rule.deadline.kind == Deadline::Kind::AfterWorkingDaysWithout && !done.done) {
                // The step exists only once the window has closed without the awaited record.
                const Outcome awaited = evaluate(rule.deadline.without, *r, from, QString());
                const bool inWindow = awaited.done && (!awaited.at.isValid() || awaited.at <= t.dueAt);
                if (inWindow || m_now <= t.dueAt)
                    continue;
            }
            finish(t, done, rule.completion.kind == Completion::Kind::None);
            if (!done.done && rule.completion.kind == Completion::Kind::All) {
                for (int i = 0; i < int(rule.completion.of.size()); ++i)
                    if (!evaluate(rule.completion.of[size_t(i)], *r, from, QString()).done)
                        t.openParts.append(i);
            }
            out.append(t);
        }
    }

private:
    Task base(const Rule& rule) const
    {
        Task t;
        t.ruleId = rule.id;
        t.tableRow = rule.tableRow;
        t.source = rule.source;
        t.role = rule.role;
        t.whatUk = rule.whatUk;
        t.whatEn = rule.whatEn;
        return t;
    }

    // prompt: nothing recorded can complete the step, so it stays open instead of turning overdue forever.
    void finish(Task& t, const Outcome& done, bool prompt = false) const
    {
        if (done.done) {
            t.state = TaskState::Done;
            t.doneAt = done.at.isValid() ? done.at.toTimeZone(m_cal.timeZone()) : QDateTime();
            t.completedByRecordId = done.recordId;
            t.timeliness = !done.at.isValid() ? Timeliness::Unknown
                : done.at <= t.dueAt          ? Timeliness::OnTime
                                              : Timeliness::Late;
        } else {
            t.state = (m_now > t.dueAt && !prompt) ? TaskState::Overdue : TaskState::Open;
            t.timeliness = Timeliness::NotDone;
        }
    }

    // Quarterly monitoring: the current quarter and `lookbackQuarters` finished ones, from the clock alone.
    void quarterly(const Rule& rule, QList<Task>& out) const
    {
        const QDate today = m_cal.localDate(m_now);
        int year = today.year();
        int quarter = (today.month() - 1) / 3 + 1;
        for (int i = 0; i <= rule.trigger.lookbackQuarters; ++i) {
            const QDate firstAfter = QDate(year, (quarter - 1) * 3 + 1, 1).addMonths(3);
            QDate due(firstAfter.year(), firstAfter.month(), rule.deadline.count);
            if (rule.deadline.rollToWorkingDay && !m_cal.isWorkingDay(due))
                due = m_cal.nextWorkingDay(due);
            Task t = base(rule);
            t.quarter = QStringLiteral("%1-Q%2").arg(year).arg(quarter);
            t.triggerAt = m_cal.startOfDay(firstAfter); // the quarter ends as this day starts
            t.dueAt = m_cal.endOfDay(due);
            finish(t, quarterAction(rule.completion, t.quarter));
            out.append(t);
            if (--quarter == 0) {
                quarter = 4;
                --year;
            }
        }
    }

    Outcome quarterAction(const Completion& c, const QString& quarter) const
    {
        Outcome best;
        for (const WorkflowRecord* a : m_actions) {
            if (a->body.value(QStringLiteral("action")).toString() != c.action
                || a->body.value(QStringLiteral("quarter")).toString() != quarter)
                continue;
            consider(best, actionMoment(*a), a->id);
        }
        return best;
    }

    // Earliest wins; a completion without a known moment counts only when nothing dated exists.
    static void consider(Outcome& best, const QDateTime& at, const QString& id)
    {
        if (!best.done || (at.isValid() && (!best.at.isValid() || at < best.at))
            || (at.isValid() == best.at.isValid() && at == best.at && id < best.recordId)) {
            best.done = true;
            best.at = at;
            best.recordId = id;
        }
    }

    QDateTime actionMoment(const WorkflowRecord& a) const
    {
        const Moment m = fieldMoment(a, QStringLiteral("action"), QStringLiteral("at"));
        return m.isValid() ? m.at : a.finalizedAt;
    }

    Moment fieldMoment(const WorkflowRecord& r, const QString& type, const QString& path) const
    {
        const QString text = valueAt(r.body, path).toString();
        if (text.isEmpty())
            return {};
        const auto info = vocabulary::field(type, path);
        if (info && info->kind == vocabulary::FieldKind::Date) {
            const QDate d = QDate::fromString(text, Qt::ISODate);
            return d.isValid() ? Moment { m_cal.startOfDay(d), true } : Moment {};
        }
        QDateTime dt = QDateTime::fromString(text, Qt::ISODate);
        // Without an offset the time is read in the calendar's zone, never the machine's.
        if (dt.isValid() && dt.timeSpec() == Qt::LocalTime)
            dt = QDateTime(dt.date(), dt.time(), m_cal.timeZone());
        return Moment { dt, false };
    }

    // The moment comes from the newest version that records one: an amendment corrects when the event
    // happened, but its own finalisation never restarts the clock.
    Moment triggerMoment(const WorkflowRecord& head, const Trigger& trigger) const
    {
        for (const WorkflowRecord* version : m_versions.value(rootOf(head.id))) {
            const Moment m = versionMoment(*version, trigger);
            if (m.isValid())
                return m;
        }
        return {};
    }

    Moment versionMoment(const WorkflowRecord& r, const Trigger& trigger) const
    {
        Moment chosen;
        for (const QString& field : trigger.atFields) {
            const Moment m = fieldMoment(r, r.type, field);
            if (!m.isValid())
                continue;
            if (trigger.pick == Trigger::Pick::First)
                return m;
            if (!chosen.isValid() || m.at > chosen.at)
                chosen = m;
        }
        return chosen;
    }

    bool matchesAll(const WorkflowRecord& r, const std::vector<Condition>& conditions) const
    {
        return std::all_of(conditions.cbegin(), conditions.cend(), [&](const Condition& c) { return matches(r, c); });
    }

    bool matches(const WorkflowRecord& r, const Condition& c) const
    {
        switch (c.kind) {
        case Condition::Kind::Equals:
        case Condition::Kind::In:
            return c.values.contains(valueAt(r.body, c.field));
        case Condition::Kind::NotEmpty:
            return isSet(valueAt(r.body, c.field)) == c.notEmpty;
        case Condition::Kind::AnyOf:
            return std::any_of(
                c.children.cbegin(), c.children.cend(), [&](const Condition& child) { return matches(r, child); });
        case Condition::Kind::CaseHas: {
            const auto& sameCase = m_byCase.value(r.caseId);
            return std::any_of(sameCase.cbegin(), sameCase.cend(), [&](const WorkflowRecord* other) {
                return other->type == c.recordType && matchesAll(*other, c.children);
            });
        }
        }
        return false;
    }

    Outcome evaluate(
        const Completion& c, const WorkflowRecord& trigger, const Moment& from, const QString& quarter) const
    {
        Outcome best;
        switch (c.kind) {
        case Completion::Kind::None:
            return best;
        case Completion::Kind::Action:
            if (c.matchQuarter)
                return quarterAction(c, quarter);
            for (const WorkflowRecord* a : m_actionsByRelatesTo.value(rootOf(trigger.id)))
                if (a->body.value(QStringLiteral("action")).toString() == c.action)
                    consider(best, actionMoment(*a), a->id);
            return best;
        case Completion::Kind::Record:
            for (const WorkflowRecord* r : m_byCase.value(trigger.caseId)) {
                if (r->type != c.recordType || !matchesAll(*r, c.where))
                    continue;
                const Moment m = fieldMoment(*r, r->type, c.doneAtField);
                if (!m.isValid())
                    continue;
                // A record from before the trigger belongs to an earlier episode of the case.
                const bool after = (m.dateOnly || from.dateOnly) ? m_cal.localDate(m.at) >= m_cal.localDate(from.at)
                                                                 : m.at >= from.at;
                if (after)
                    consider(best, m.at, r->id);
            }
            return best;
        case Completion::Kind::Field: {
            // The newest version decides, unless the rule says any version counts (then the oldest wins).
            const auto& versions = m_versions.value(rootOf(trigger.id));
            for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
                const WorkflowRecord* version = *it;
                if (!c.anyVersion && version != &trigger)
                    continue;
                const QJsonValue v = valueAt(version->body, c.field);
                if (!isSet(v) || (!c.in.isEmpty() && !c.in.contains(v)))
                    continue;
                best.done = true;
                best.recordId = version->id;
                if (!c.doneAtField.isEmpty())
                    best.at = fieldMoment(*version, version->type, c.doneAtField).at;
                return best;
            }
            return best;
        }
        case Completion::Kind::All: {
            best.done = true;
            bool allDated = true;
            for (const Completion& part : c.of) {
                const Outcome o = evaluate(part, trigger, from, quarter);
                if (!o.done)
                    return Outcome {};
                allDated = allDated && o.at.isValid();
                if (o.at.isValid() && (!best.at.isValid() || o.at > best.at)) {
                    best.at = o.at;
                    best.recordId = o.recordId;
                } else if (best.recordId.isEmpty()) {
                    best.recordId = o.recordId;
                }
            }
            if (!allDated)
                best.at = QDateTime(); // one part has no known moment, so neither has the whole
            return best;
        }
        }
        return best;
    }

    QString rootOf(const QString& id) const { return m_rootOf.value(id, id); }

    QDateTime m_now;
    const WorkingCalendar& m_cal;
    QHash<QString, QString> m_rootOf; // final record id -> id of its chain's original
    QHash<QString, QList<const WorkflowRecord*>> m_versions; // chain root -> final versions, newest first
    QList<const WorkflowRecord*> m_finals; // chain heads only
    QList<const WorkflowRecord*> m_actions;
    QHash<QString, QList<const WorkflowRecord*>> m_byCase;
    QHash<QString, QList<const WorkflowRecord*>> m_actionsByRelatesTo;
};

} // namespace

QDateTime dueMoment(const Deadline& deadline, const QDateTime& from, const WorkingCalendar& calendar)
{
    const QDate day = calendar.localDate(from);
    const auto rolled = [&](QDate d) {
        return deadline.rollToWorkingDay && !calendar.isWorkingDay(d) ? calendar.nextWorkingDay(d) : d;
    };
    switch (deadline.kind) {
    case Deadline::Kind::Immediately:
        return from.toTimeZone(calendar.timeZone());
    case Deadline::Kind::SameWorkingDay:
        return calendar.endOfWorkingDay(calendar.addWorkingDays(day, 0));
    case Deadline::Kind::NextWorkingDay:
        return calendar.endOfWorkingDay(calendar.nextWorkingDay(day));
    case Deadline::Kind::WorkingDays:
    case Deadline::Kind::AfterWorkingDaysWithout:
        return calendar.endOfWorkingDay(calendar.addWorkingDays(day, deadline.count));
    case Deadline::Kind::Hours:
        // Elapsed time, not wall-clock time: 24 hours across a DST change end at 23:00 or 01:00.
        return from.addSecs(qint64(deadline.count) * 3600).toTimeZone(calendar.timeZone());
    case Deadline::Kind::CalendarDays:
        return calendar.endOfDay(rolled(day.addDays(deadline.count)));
    case Deadline::Kind::Months:
        return calendar.endOfDay(rolled(day.addMonths(deadline.count)));
    case Deadline::Kind::QuarterDayOfNextMonth:
        return {}; // counted from the quarter, not from a moment (see computeTasks)
    }
    return {};
}

QList<Task> computeTasks(
    const QList<WorkflowRecord>& records, const QDateTime& now, const WorkingCalendar& calendar, const RuleSet& rules)
{
    const Engine engine(records, now, calendar);
    QList<Task> tasks;
    for (const Rule& rule : rules.rules())
        engine.run(rule, tasks);
    std::sort(tasks.begin(), tasks.end(), [](const Task& a, const Task& b) {
        if (a.dueAt != b.dueAt)
            return a.dueAt < b.dueAt;
        return std::tie(a.ruleId, a.triggerRecordId, a.quarter) < std::tie(b.ruleId, b.triggerRecordId, b.quarter);
    });
    qCDebug(lcWorkflow) << "tasks computed:" << tasks.size() << "from records:" << records.size();
    return tasks;
}

} // namespace poruch::workflow
