#include "workflow/ruleset.h"

#include "workflow/task.h"
#include "workflow/workflowlogging.h"
#include "workflow/workflowvocabulary.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace poruch::workflow {

namespace {

using vocabulary::FieldKind;

// Parses one rule; every error names the rule so an office editing the file finds it.
class RuleParser {
public:
    explicit RuleParser(QString ruleId)
        : m_ruleId(std::move(ruleId))
    {
    }

    Error error(const QString& what) const
    {
        return Error { QStringLiteral("workflow.rules_invalid"), QStringLiteral("rule '%1': %2").arg(m_ruleId, what) };
    }

    Result<vocabulary::FieldInfo> field(const QString& type, const QString& path) const
    {
        if (path.isEmpty())
            return error(QStringLiteral("a field name is missing for record type '%1'").arg(type));
        const auto info = vocabulary::field(type, path);
        if (!info)
            return error(QStringLiteral("unknown field '%1' for record type '%2'").arg(path, type));
        return *info;
    }

    Result<void> recordType(const QString& type) const
    {
        if (!vocabulary::recordTypes().contains(type))
            return error(QStringLiteral("unknown record type '%1'").arg(type));
        return {};
    }

    Result<void> momentField(const QString& type, const QString& path) const
    {
        const auto info = field(type, path);
        if (!info)
            return info.error();
        if (info->kind != FieldKind::DateTime && info->kind != FieldKind::Date)
            return error(QStringLiteral("field '%1' of '%2' is not a date or date-time").arg(path, type));
        return {};
    }

    // A value compared with a field must fit the field's kind (and be one of an enum's values).
    Result<void> value(const QString& path, const vocabulary::FieldInfo& info, const QJsonValue& v) const
    {
        switch (info.kind) {
        case FieldKind::Bool:
            if (v.isBool())
                return {};
            return error(QStringLiteral("field '%1' is yes/no; compare it with true or false").arg(path));
        case FieldKind::Enum:
            if (v.isString() && info.values.contains(v.toString()))
                return {};
            return error(QStringLiteral("'%1' is not a value of field '%2' (allowed: %3)")
                             .arg(v.toVariant().toString(), path, info.values.join(QStringLiteral(", "))));
        case FieldKind::Text:
            if (v.isString())
                return {};
            return error(QStringLiteral("field '%1' is text; compare it with a string").arg(path));
        default:
            return error(QStringLiteral("field '%1' can only be tested with notEmpty").arg(path));
        }
    }

    Result<std::vector<Condition>> conditions(const QString& type, const QJsonValue& v) const
    {
        std::vector<Condition> out;
        if (v.isUndefined() || v.isNull())
            return out;
        if (!v.isArray())
            return error(QStringLiteral("'where' must be an array of conditions"));
        for (const QJsonValue& c : v.toArray()) {
            auto parsed = condition(type, c.toObject());
            if (!parsed)
                return parsed.error();
            out.push_back(std::move(parsed).value());
        }
        return out;
    }

    Result<Condition> condition(const QString& type, const QJsonObject& o) const
    {
        Condition c;
        if (o.contains(QStringLiteral("anyOf"))) {
            c.kind = Condition::Kind::AnyOf;
            auto children = conditions(type, o.value(QStringLiteral("anyOf")));
            if (!children)
                return children.error();
            if (children->empty())
                return error(QStringLiteral("anyOf needs at least one condition"));
            c.children = std::move(children).value();
            return c;
        }
        if (o.contains(QStringLiteral("caseHas"))) {
            c.kind = Condition::Kind::CaseHas;
            const QJsonObject has = o.value(QStringLiteral("caseHas")).toObject();
            c.recordType = has.value(QStringLiteral("type")).toString();
            if (auto ok = recordType(c.recordType); !ok)
                return ok.error();
            auto children = conditions(c.recordType, has.value(QStringLiteral("where")));
            if (!children)
                return children.error();
            c.children = std::move(children).value();
            return c;
        }
        c.field = o.value(QStringLiteral("field")).toString();
        const auto info = field(type, c.field);
        if (!info)
            return info.error();
        if (o.contains(QStringLiteral("equals"))) {
            c.kind = Condition::Kind::Equals;
            c.values = QJsonArray { o.value(QStringLiteral("equals")) };
        } else if (o.contains(QStringLiteral("in"))) {
            c.kind = Condition::Kind::In;
            c.values = o.value(QStringLiteral("in")).toArray();
            if (c.values.isEmpty())
                return error(QStringLiteral("'in' for field '%1' needs a non-empty array").arg(c.field));
        } else if (o.contains(QStringLiteral("notEmpty"))) {
            c.kind = Condition::Kind::NotEmpty;
            c.notEmpty = o.value(QStringLiteral("notEmpty")).toBool(true);
            return c;
        } else {
            return error(QStringLiteral("condition on '%1' needs equals, in or notEmpty").arg(c.field));
        }
        for (const QJsonValue& v : std::as_const(c.values))
            if (auto ok = value(c.field, *info, v); !ok)
                return ok.error();
        return c;
    }

    // triggerType: the record type the trigger reads (for Field completions on the trigger record).
    Result<Completion> completion(const QString& triggerType, const QJsonValue& v) const
    {
        Completion c;
        if (!v.isObject())
            return error(QStringLiteral("'completion' must be an object"));
        const QJsonObject o = v.toObject();
        const QString kind = o.value(QStringLiteral("kind")).toString();
        if (kind == QLatin1String("none")) {
            c.kind = Completion::Kind::None;
        } else if (kind == QLatin1String("action")) {
            c.kind = Completion::Kind::Action;
            c.action = o.value(QStringLiteral("action")).toString();
            if (!vocabulary::actionCodes().contains(c.action))
                return error(QStringLiteral("unknown action code '%1'").arg(c.action));
            c.matchQuarter = o.value(QStringLiteral("matchQuarter")).toBool(false);
        } else if (kind == QLatin1String("record")) {
            c.kind = Completion::Kind::Record;
            c.recordType = o.value(QStringLiteral("type")).toString();
            if (auto ok = recordType(c.recordType); !ok)
                return ok.error();
            c.doneAtField = o.value(QStringLiteral("doneAtField")).toString();
            if (auto ok = momentField(c.recordType, c.doneAtField); !ok)
                return ok.error();
            auto where = conditions(c.recordType, o.value(QStringLiteral("where")));
            if (!where)
                return where.error();
            c.where = std::move(where).value();
        } else if (kind == QLatin1String("field")) {
            c.kind = Completion::Kind::Field;
            if (triggerType.isEmpty())
                return error(QStringLiteral("a field completion needs a record trigger"));
            c.field = o.value(QStringLiteral("field")).toString();
            const auto info = field(triggerType, c.field);
            if (!info)
                return info.error();
            c.in = o.value(QStringLiteral("in")).toArray();
            for (const QJsonValue& value : std::as_const(c.in))
                if (auto ok = this->value(c.field, *info, value); !ok)
                    return ok.error();
            const QString version = o.value(QStringLiteral("version")).toString(QStringLiteral("newest"));
            if (version != QLatin1String("newest") && version != QLatin1String("any"))
                return error(QStringLiteral("a field completion's version must be newest or any"));
            c.anyVersion = version == QLatin1String("any");
            c.doneAtField = o.value(QStringLiteral("doneAtField")).toString();
            if (!c.doneAtField.isEmpty())
                if (auto ok = momentField(triggerType, c.doneAtField); !ok)
                    return ok.error();
        } else if (kind == QLatin1String("all")) {
            c.kind = Completion::Kind::All;
            const QJsonArray parts = o.value(QStringLiteral("of")).toArray();
            if (parts.isEmpty())
                return error(QStringLiteral("an 'all' completion needs parts in 'of'"));
            for (const QJsonValue& part : parts) {
                auto parsed = completion(triggerType, part);
                if (!parsed)
                    return parsed.error();
                c.of.push_back(std::move(parsed).value());
            }
        } else {
            return error(QStringLiteral("unknown completion kind '%1'").arg(kind));
        }
        return c;
    }

    Result<Deadline> deadline(const QString& triggerType, const QJsonValue& v) const
    {
        static const QHash<QString, Deadline::Kind> kinds = {
            { QStringLiteral("immediately"), Deadline::Kind::Immediately },
            { QStringLiteral("same_working_day"), Deadline::Kind::SameWorkingDay },
            { QStringLiteral("next_working_day"), Deadline::Kind::NextWorkingDay },
            { QStringLiteral("working_days"), Deadline::Kind::WorkingDays },
            { QStringLiteral("hours"), Deadline::Kind::Hours },
            { QStringLiteral("calendar_days"), Deadline::Kind::CalendarDays },
            { QStringLiteral("months"), Deadline::Kind::Months },
            { QStringLiteral("quarter_day_of_next_month"), Deadline::Kind::QuarterDayOfNextMonth },
            { QStringLiteral("after_working_days_without"), Deadline::Kind::AfterWorkingDaysWithout },
        };
        const QJsonObject o = v.toObject();
        const QString kind = o.value(QStringLiteral("kind")).toString();
        if (!kinds.contains(kind))
            return error(QStringLiteral("unknown deadline kind '%1'").arg(kind));
        Deadline d;
        d.kind = kinds.value(kind);
        d.count = o.value(QStringLiteral("count")).toInt(0);
        d.rollToWorkingDay = o.value(QStringLiteral("rollToWorkingDay")).toBool(false);
        const bool counted = d.kind != Deadline::Kind::Immediately && d.kind != Deadline::Kind::SameWorkingDay
            && d.kind != Deadline::Kind::NextWorkingDay;
        if (counted && d.count <= 0)
            return error(QStringLiteral("deadline '%1' needs a positive count").arg(kind));
        if (d.kind == Deadline::Kind::QuarterDayOfNextMonth && d.count > 28)
            return error(QStringLiteral("day of the month must be 1..28"));
        if (d.kind == Deadline::Kind::AfterWorkingDaysWithout) {
            auto without = completion(triggerType, o.value(QStringLiteral("without")));
            if (!without)
                return without.error();
            d.without = std::move(without).value();
            if (d.without.kind == Completion::Kind::None)
                return error(QStringLiteral("'without' must name something that can happen"));
        }
        return d;
    }

    Result<Rule> rule(const QJsonObject& o) const
    {
        Rule r;
        r.id = m_ruleId;
        r.tableRow = o.value(QStringLiteral("tableRow")).toInt(0);
        r.source = o.value(QStringLiteral("source")).toString();
        if (r.source.isEmpty())
            return error(QStringLiteral("source paragraph is missing"));
        r.role = o.value(QStringLiteral("role")).toString();
        if (!vocabulary::roles().contains(r.role))
            return error(QStringLiteral("unknown role '%1'").arg(r.role));
        const QJsonObject what = o.value(QStringLiteral("what")).toObject();
        r.whatUk = what.value(QStringLiteral("uk")).toString();
        r.whatEn = what.value(QStringLiteral("en")).toString();
        if (r.whatUk.isEmpty() || r.whatEn.isEmpty())
            return error(QStringLiteral("'what' needs both uk and en text"));
        r.note = o.value(QStringLiteral("note")).toString();

        const QJsonObject t = o.value(QStringLiteral("trigger")).toObject();
        const QString triggerKind = t.value(QStringLiteral("kind")).toString(QStringLiteral("record"));
        if (triggerKind == QLatin1String("quarter_end")) {
            r.trigger.kind = Trigger::Kind::QuarterEnd;
            r.trigger.lookbackQuarters = t.value(QStringLiteral("lookbackQuarters")).toInt(1);
            if (r.trigger.lookbackQuarters < 0 || r.trigger.lookbackQuarters > 40)
                return error(QStringLiteral("lookbackQuarters must be 0..40"));
        } else if (triggerKind == QLatin1String("record")) {
            r.trigger.recordType = t.value(QStringLiteral("type")).toString();
            if (auto ok = recordType(r.trigger.recordType); !ok)
                return ok.error();
            auto where = conditions(r.trigger.recordType, t.value(QStringLiteral("where")));
            if (!where)
                return where.error();
            r.trigger.where = std::move(where).value();
            const QJsonObject at = t.value(QStringLiteral("at")).toObject();
            for (const QJsonValue& f : at.value(QStringLiteral("fields")).toArray()) {
                if (auto ok = momentField(r.trigger.recordType, f.toString()); !ok)
                    return ok.error();
                r.trigger.atFields.append(f.toString());
            }
            if (r.trigger.atFields.isEmpty())
                return error(QStringLiteral("trigger.at.fields must name the field giving the trigger moment"));
            const QString pick = at.value(QStringLiteral("pick")).toString(QStringLiteral("first"));
            if (pick != QLatin1String("first") && pick != QLatin1String("latest"))
                return error(QStringLiteral("trigger.at.pick must be first or latest"));
            r.trigger.pick = pick == QLatin1String("latest") ? Trigger::Pick::Latest : Trigger::Pick::First;
        } else {
            return error(QStringLiteral("unknown trigger kind '%1'").arg(triggerKind));
        }

        auto d = deadline(r.trigger.recordType, o.value(QStringLiteral("deadline")));
        if (!d)
            return d.error();
        r.deadline = std::move(d).value();
        const bool quarterly = r.trigger.kind == Trigger::Kind::QuarterEnd;
        if (quarterly != (r.deadline.kind == Deadline::Kind::QuarterDayOfNextMonth))
            return error(QStringLiteral("quarter_end triggers go with quarter_day_of_next_month deadlines only"));

        auto c = completion(r.trigger.recordType, o.value(QStringLiteral("completion")));
        if (!c)
            return c.error();
        r.completion = std::move(c).value();
        if (quarterly && !(r.completion.kind == Completion::Kind::Action && r.completion.matchQuarter))
            return error(QStringLiteral("a quarterly rule completes by an action with matchQuarter"));
        return r;
    }

private:
    QString m_ruleId;
};

} // namespace

Result<RuleSet> RuleSet::builtIn()
{
    return fromFile(QStringLiteral(":/poruch/workflow/rules.json"));
}

Result<RuleSet> RuleSet::fromFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { QStringLiteral("workflow.io"), QStringLiteral("Cannot read the rules file") };
    return fromJson(file.readAll());
}

Result<RuleSet> RuleSet::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error { QStringLiteral("workflow.rules_parse"),
            QStringLiteral("Rules file is not a JSON object: %1 at offset %2")
                .arg(parseError.errorString())
                .arg(parseError.offset) };
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("schema")).toString() != QLatin1String("poruch.workflow-rules/1"))
        return Error { QStringLiteral("workflow.rules_invalid"),
            QStringLiteral("Rules schema must be \"poruch.workflow-rules/1\"") };

    RuleSet set;
    set.m_version = root.value(QStringLiteral("version")).toString();
    QSet<QString> ids;
    for (const QJsonValue& v : root.value(QStringLiteral("rules")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString id = o.value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            return Error { QStringLiteral("workflow.rules_invalid"), QStringLiteral("Every rule needs an id") };
        if (ids.contains(id))
            return Error { QStringLiteral("workflow.rules_invalid"), QStringLiteral("duplicate rule id '%1'").arg(id) };
        ids.insert(id);
        auto rule = RuleParser(id).rule(o);
        if (!rule)
            return rule.error();
        set.m_rules.append(std::move(rule).value());
    }
    if (set.m_rules.isEmpty())
        return Error { QStringLiteral("workflow.rules_invalid"), QStringLiteral("The rules file holds no rules") };
    qCDebug(lcWorkflow) << "rules loaded:" << set.m_rules.size();
    return set;
}

const Rule* RuleSet::find(const QString& id) const
{
    for (const Rule& r : m_rules)
        if (r.id == id)
            return &r;
    return nullptr;
}

namespace {

// Values that make a record match `where`: an equality or the first allowed value. Conditions that name
// no single value (notEmpty, anyOf, caseHas) are left to the worker and the form's validation.
QJsonObject overlayFor(const std::vector<Condition>& where)
{
    QJsonObject overlay;
    for (const Condition& c : where) {
        if ((c.kind == Condition::Kind::Equals || c.kind == Condition::Kind::In) && !c.values.isEmpty()
            && !c.field.contains(u'.'))
            overlay.insert(c.field, c.values.first());
    }
    return overlay;
}

TaskCompletion resolve(const Completion& c, const Task& task)
{
    TaskCompletion out;
    switch (c.kind) {
    case Completion::Kind::None:
        out.reason = QStringLiteral("prompt");
        return out;
    case Completion::Kind::Action:
        if (c.matchQuarter || task.caseId.isEmpty() || task.triggerRecordId.isEmpty()) {
            out.reason = QStringLiteral("office");
            return out;
        }
        out.onTablet = true;
        out.recordType = QStringLiteral("action");
        out.overlay = QJsonObject {
            { QStringLiteral("action"), c.action },
            { QStringLiteral("relatesTo"), task.triggerRecordId },
        };
        out.doneAtField = QStringLiteral("at");
        return out;
    case Completion::Kind::Record:
        if (task.caseId.isEmpty()) {
            out.reason = QStringLiteral("office");
            return out;
        }
        out.onTablet = true;
        out.recordType = c.recordType;
        out.overlay = overlayFor(c.where);
        out.doneAtField = c.doneAtField;
        return out;
    case Completion::Kind::Field:
        // The value belongs to the trigger record: the worker records it in a correction (amendment) of that
        // record, whose newest version the engine reads; no new record of another form closes the step.
        out.reason = c.field == QLatin1String("journalNumber") ? QStringLiteral("server") : QStringLiteral("amend");
        return out;
    case Completion::Kind::All: {
        TaskCompletion first;
        for (int i = 0; i < int(c.of.size()); ++i) {
            if (!task.openParts.isEmpty() && !task.openParts.contains(i))
                continue;
            TaskCompletion part = resolve(c.of[size_t(i)], task);
            if (part.onTablet)
                return part;
            if (first.reason.isEmpty())
                first = part;
        }
        return first;
    }
    }
    return out;
}

} // namespace

TaskCompletion RuleSet::completion(const Task& task) const
{
    const Rule* rule = find(task.ruleId);
    if (!rule) {
        TaskCompletion none;
        none.reason = QStringLiteral("unknown_rule");
        return none;
    }
    return resolve(rule->completion, task);
}

} // namespace poruch::workflow
