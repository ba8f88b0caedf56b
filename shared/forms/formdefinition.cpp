#include "forms/formdefinition.h"

#include "forms/jsonschema.h"

#include <QJsonArray>
#include <QSet>

namespace poruch::forms {

namespace {
constexpr int kDefaultPngMaxBytes = 256 * 1024;

Error invalid(const QString& where, const QString& what)
{
    return Error { QStringLiteral("forms.invalid_definition"), where + QStringLiteral(": ") + what };
}

FieldDef makeField(const char* key, FieldType type, const char* label, bool required = false)
{
    FieldDef f;
    f.key = QString::fromLatin1(key);
    f.type = type;
    f.label = QString::fromUtf8(label);
    f.wording = QStringLiteral("local");
    f.required = required;
    return f;
}

Option makeOption(const char* value, const char* label)
{
    return Option { QString::fromLatin1(value), QString::fromUtf8(label), QStringLiteral("local") };
}

// Fixed parts of the composite types; a definition may add rules to them with "parts".
QList<FieldDef> defaultChildren(const FieldDef& f)
{
    QList<FieldDef> out;
    switch (f.type) {
    case FieldType::Consent: {
        out << makeField("by", FieldType::Text, "Хто надає згоду");
        out.last().maxLength = 300;
        out << makeField("purpose", FieldType::Text, "На що надається згода");
        out.last().maxLength = 1000;
        FieldDef decision = makeField("decision", FieldType::Choice, "Рішення", true);
        decision.options = { makeOption("given", "згоду надано"), makeOption("refused", "у згоді відмовлено"),
            makeOption("not_asked", "згоду не запитували") };
        out << decision;
        out << makeField("at", FieldType::DateTime, "Дата і час");
        out << makeField("refusalReason", FieldType::Multiline, "Причина відмови");
        out.last().maxLength = 2000;
        break;
    }
    case FieldType::Signature: {
        FieldDef png = makeField("png", FieldType::PngImage, "Зображення підпису", true);
        png.maxBytes = f.maxBytes > 0 ? f.maxBytes : kDefaultPngMaxBytes;
        out << png;
        out << makeField("signer", FieldType::Text, "Хто підписав");
        out.last().maxLength = 300;
        out << makeField("signedAt", FieldType::DateTime, "Дата і час підпису");
        out.last().notAfter = QStringLiteral("now");
        break;
    }
    case FieldType::Participants: {
        out << makeField("name", FieldType::Text, "Прізвище, ім'я, по батькові", true);
        out.last().maxLength = 300;
        out << makeField("position", FieldType::Text, "Посада");
        out.last().maxLength = 300;
        FieldDef role = makeField("role", f.options.isEmpty() ? FieldType::Text : FieldType::Choice, "Роль");
        role.options = f.options;
        role.maxLength = 200;
        out << role;
        out << makeField("phone", FieldType::Text, "Телефон");
        out.last().maxLength = 50;
        break;
    }
    default:
        break;
    }
    return out;
}

Result<Condition> parseCondition(const QJsonValue& v, const QString& where)
{
    const QJsonObject o = v.toObject();
    if (!v.isObject() || !schema::unknownKeys(o, { "field", "equals", "in", "notEmpty" }).isEmpty())
        return invalid(where, QStringLiteral("requiredIf must be {field, equals | in | notEmpty}"));
    Condition c;
    c.field = o.value(QLatin1String("field")).toString();
    if (c.field.isEmpty())
        return invalid(where, QStringLiteral("requiredIf has no field"));
    const int kinds = int(o.contains(QLatin1String("equals"))) + int(o.contains(QLatin1String("in")))
        + int(o.contains(QLatin1String("notEmpty")));
    if (kinds != 1)
        return invalid(where, QStringLiteral("requiredIf needs exactly one of equals, in, notEmpty"));
    if (o.contains(QLatin1String("equals"))) {
        c.kind = Condition::Kind::Equals;
        c.values << o.value(QLatin1String("equals"));
    } else if (o.contains(QLatin1String("in"))) {
        c.kind = Condition::Kind::In;
        const QJsonArray in = o.value(QLatin1String("in")).toArray();
        if (in.isEmpty())
            return invalid(where, QStringLiteral("requiredIf.in must be a non-empty array"));
        for (const QJsonValue& x : in)
            c.values << x;
    } else {
        if (o.value(QLatin1String("notEmpty")) != QJsonValue(true))
            return invalid(where, QStringLiteral("requiredIf.notEmpty must be true"));
        c.kind = Condition::Kind::NotEmpty;
    }
    for (const QJsonValue& x : std::as_const(c.values)) {
        if (!x.isString() && !x.isBool() && !x.isDouble())
            return invalid(where, QStringLiteral("requiredIf values must be strings, booleans or numbers"));
    }
    return c;
}

bool isTextual(FieldType t)
{
    return t == FieldType::Text || t == FieldType::Multiline;
}

// Rules shared by fields and by "parts" overrides.
Result<void> parseRules(FieldDef& f, const QJsonObject& o, const QString& where)
{
    if (o.contains(QLatin1String("required"))) {
        if (!o.value(QLatin1String("required")).isBool())
            return invalid(where, QStringLiteral("required must be a boolean"));
        f.required = o.value(QLatin1String("required")).toBool();
    }
    if (o.contains(QLatin1String("requiredIf"))) {
        auto c = parseCondition(o.value(QLatin1String("requiredIf")), where);
        if (!c)
            return c.error();
        f.requiredIf = c.value();
    }
    const bool number = f.type == FieldType::Number;
    for (const char* k : { "min", "max" }) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isUndefined())
            continue;
        if (!number || !v.isDouble())
            return invalid(where, QStringLiteral("%1 is only for number fields and must be a number").arg(k));
        (qstrcmp(k, "min") == 0 ? f.min : f.max) = v.toDouble();
    }
    if (f.min && f.max && *f.min > *f.max)
        return invalid(where, QStringLiteral("min is greater than max"));
    if (o.contains(QLatin1String("integer"))) {
        if (!number || !o.value(QLatin1String("integer")).isBool())
            return invalid(where, QStringLiteral("integer is only for number fields"));
        f.integer = o.value(QLatin1String("integer")).toBool();
    }
    if (o.contains(QLatin1String("maxLength"))) {
        const QJsonValue v = o.value(QLatin1String("maxLength"));
        if (!isTextual(f.type) || !v.isDouble() || v.toInt() < 1 || v.toDouble() != v.toInt())
            return invalid(where, QStringLiteral("maxLength is only for text fields and must be a positive integer"));
        f.maxLength = v.toInt();
    }
    if (o.contains(QLatin1String("pattern"))) {
        if (!isTextual(f.type))
            return invalid(where, QStringLiteral("pattern is only for text fields"));
        f.pattern = QRegularExpression(o.value(QLatin1String("pattern")).toString());
        if (f.pattern.pattern().isEmpty() || !f.pattern.isValid())
            return invalid(where, QStringLiteral("pattern is not a valid regular expression"));
    }
    for (const char* k : { "notBefore", "notAfter" }) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isUndefined())
            continue;
        if (!isDateLike(f.type) || !v.isString() || v.toString().isEmpty())
            return invalid(
                where, QStringLiteral("%1 is only for date/datetime fields and names a field or \"now\"").arg(k));
        (qstrcmp(k, "notBefore") == 0 ? f.notBefore : f.notAfter) = v.toString();
    }
    return {};
}

Result<QList<Option>> parseOptions(const QJsonValue& v, const QString& where)
{
    QList<Option> out;
    QSet<QString> seen;
    for (const QJsonValue& ov : v.toArray()) {
        const QJsonObject o = ov.toObject();
        if (!schema::unknownKeys(o, { "value", "label", "wording" }).isEmpty())
            return invalid(where, QStringLiteral("an option has unknown keys"));
        Option opt { o.value(QLatin1String("value")).toString(), o.value(QLatin1String("label")).toString(),
            o.value(QLatin1String("wording")).toString() };
        if (!o.value(QLatin1String("value")).isString() || opt.label.isEmpty())
            return invalid(where, QStringLiteral("an option needs a string value and a label"));
        if (!schema::isWording(o.value(QLatin1String("wording"))))
            return invalid(where, QStringLiteral("option wording must be \"local\""));
        if (seen.contains(opt.value))
            return invalid(where, QStringLiteral("duplicate option value '%1'").arg(opt.value));
        seen.insert(opt.value);
        out << opt;
    }
    if (out.isEmpty())
        return invalid(where, QStringLiteral("options must be a non-empty array"));
    return out;
}

Result<FieldDef> parseField(const QJsonValue& value, const QString& context, int depth, const CatalogLookup& catalogs)
{
    static const QStringList allowed { "key", "type", "label", "hint", "wording", "required", "requiredIf", "min",
        "max", "integer", "maxLength", "pattern", "notBefore", "notAfter", "options", "catalog", "catalogSection",
        "multiple", "minRows", "maxRows", "maxBytes", "assignedBy", "refersTo", "purpose", "columns", "parts" };
    const QJsonObject o = value.toObject();
    FieldDef f;
    f.key = o.value(QLatin1String("key")).toString();
    const QString where = context + QStringLiteral(": field '%1'").arg(f.key);
    if (!value.isObject() || !schema::isIdentifier(f.key))
        return invalid(context, QStringLiteral("a field has no valid key"));
    if (const auto extra = schema::unknownKeys(o, allowed); !extra.isEmpty())
        return invalid(where, QStringLiteral("unknown key '%1'").arg(extra.first()));
    const QString typeName = o.value(QLatin1String("type")).toString();
    const auto type = fieldTypeFromName(typeName);
    if (!type)
        return invalid(where, QStringLiteral("unknown type '%1'").arg(typeName));
    f.type = *type;
    if (depth > 0 && (f.type == FieldType::Table || f.type == FieldType::Participants || f.type == FieldType::Consent))
        return invalid(where, QStringLiteral("type '%1' cannot be nested in a table").arg(typeName));
    f.label = o.value(QLatin1String("label")).toString();
    f.hint = o.value(QLatin1String("hint")).toString();
    if (f.label.isEmpty())
        return invalid(where, QStringLiteral("label is missing"));
    if (!schema::isWording(o.value(QLatin1String("wording"))))
        return invalid(where, QStringLiteral("wording must be \"local\""));
    f.wording = o.value(QLatin1String("wording")).toString();
    if (auto r = parseRules(f, o, where); !r)
        return r.error();

    if (o.contains(QLatin1String("options"))) {
        if (f.type != FieldType::Choice && f.type != FieldType::Participants)
            return invalid(where, QStringLiteral("options are only for choice and participants fields"));
        auto opts = parseOptions(o.value(QLatin1String("options")), where);
        if (!opts)
            return opts.error();
        f.options = opts.value();
    } else if (f.type == FieldType::Choice) {
        return invalid(where, QStringLiteral("a choice field needs options"));
    }

    if (f.type == FieldType::Multi) {
        const QJsonObject ref = o.value(QLatin1String("catalog")).toObject();
        f.catalogRef.id = ref.value(QLatin1String("id")).toString();
        f.catalogRef.version = ref.value(QLatin1String("version")).toInt();
        if (f.catalogRef.id.isEmpty() || f.catalogRef.version < 1)
            return invalid(where, QStringLiteral("a multi field needs catalog {id, version}"));
        f.catalog = catalogs ? catalogs(f.catalogRef) : nullptr;
        if (!f.catalog)
            return Error { QStringLiteral("forms.unknown_catalog"),
                where
                    + QStringLiteral(": catalog '%1' version %2 is not loaded")
                          .arg(f.catalogRef.id)
                          .arg(f.catalogRef.version) };
        f.catalogSection = o.value(QLatin1String("catalogSection")).toString();
        if (!f.catalogSection.isEmpty()) {
            bool found = false;
            for (const CatalogSection& s : f.catalog->sections())
                found = found || s.key == f.catalogSection;
            if (!found)
                return Error { QStringLiteral("forms.unknown_reference"),
                    where + QStringLiteral(": catalog section '%1' does not exist").arg(f.catalogSection) };
        }
    } else if (o.contains(QLatin1String("catalog")) || o.contains(QLatin1String("catalogSection"))) {
        return invalid(where, QStringLiteral("catalog is only for multi fields"));
    }

    if (o.contains(QLatin1String("multiple"))) {
        if (f.type != FieldType::Member || !o.value(QLatin1String("multiple")).isBool())
            return invalid(where, QStringLiteral("multiple is only for member fields"));
        f.multiple = o.value(QLatin1String("multiple")).toBool();
    }
    for (const char* k : { "minRows", "maxRows" }) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isUndefined())
            continue;
        if (!f.isRows() || !v.isDouble() || v.toInt() < 0 || v.toDouble() != v.toInt())
            return invalid(where, QStringLiteral("%1 is only for table/participants fields").arg(k));
        (qstrcmp(k, "minRows") == 0 ? f.minRows : f.maxRows) = v.toInt();
    }
    if (f.maxRows > 0 && f.minRows > f.maxRows)
        return invalid(where, QStringLiteral("minRows is greater than maxRows"));
    if (o.contains(QLatin1String("maxBytes"))) {
        if (f.type != FieldType::Signature || o.value(QLatin1String("maxBytes")).toInt() < 1)
            return invalid(where, QStringLiteral("maxBytes is only for signature fields"));
        f.maxBytes = o.value(QLatin1String("maxBytes")).toInt();
    }
    if (o.contains(QLatin1String("refersTo"))) {
        if (f.type != FieldType::Text || o.value(QLatin1String("refersTo")).toString() != QLatin1String("record"))
            return invalid(where, QStringLiteral("refersTo must be \"record\" on a text field"));
        f.refersTo = QStringLiteral("record");
    }
    if (o.contains(QLatin1String("assignedBy"))) {
        if (o.value(QLatin1String("assignedBy")).toString() != QLatin1String("server"))
            return invalid(where, QStringLiteral("assignedBy must be \"server\""));
        f.assignedBy = QStringLiteral("server");
    }
    if (o.contains(QLatin1String("purpose"))) {
        if (f.type != FieldType::Consent)
            return invalid(where, QStringLiteral("purpose is only for consent fields"));
        f.purpose = o.value(QLatin1String("purpose")).toString();
    }

    if (f.type == FieldType::Table) {
        const QJsonArray columns = o.value(QLatin1String("columns")).toArray();
        if (columns.isEmpty())
            return invalid(where, QStringLiteral("a table needs columns"));
        for (const QJsonValue& cv : columns) {
            auto column = parseField(cv, where, depth + 1, catalogs);
            if (!column)
                return column.error();
            if (f.child(column.value().key))
                return invalid(where, QStringLiteral("duplicate column '%1'").arg(column.value().key));
            f.children << column.value();
        }
    } else if (o.contains(QLatin1String("columns"))) {
        return invalid(where, QStringLiteral("columns are only for table fields"));
    } else {
        f.children = defaultChildren(f);
    }

    if (o.contains(QLatin1String("parts"))) {
        if (!f.isObject())
            return invalid(where, QStringLiteral("parts are only for consent and signature fields"));
        const QJsonObject parts = o.value(QLatin1String("parts")).toObject();
        for (auto it = parts.begin(); it != parts.end(); ++it) {
            FieldDef* part = nullptr;
            for (FieldDef& c : f.children)
                part = c.key == it.key() ? &c : part;
            const QString partWhere = where + QStringLiteral(" part '%1'").arg(it.key());
            if (!part)
                return invalid(partWhere, QStringLiteral("no such part"));
            const QJsonObject po = it.value().toObject();
            static const QStringList partKeys { "label", "required", "requiredIf", "notBefore", "notAfter", "maxLength",
                "pattern" };
            if (const auto extra = schema::unknownKeys(po, partKeys); !extra.isEmpty())
                return invalid(partWhere, QStringLiteral("unknown key '%1'").arg(extra.first()));
            if (po.contains(QLatin1String("label")))
                part->label = po.value(QLatin1String("label")).toString();
            if (auto r = parseRules(*part, po, partWhere); !r)
                return r.error();
        }
    }
    return f;
}

// Looks a path up among `siblings` first, then among the top-level fields.
const FieldDef* resolvePath(const QString& path, const QList<FieldDef>* siblings, const QList<const FieldDef*>& top)
{
    const QStringList parts = path.split(QLatin1Char('.'));
    if (parts.size() > 2)
        return nullptr;
    const FieldDef* head = nullptr;
    if (siblings) {
        for (const FieldDef& s : *siblings)
            head = s.key == parts.first() ? &s : head;
    }
    if (!head) {
        for (const FieldDef* t : top)
            head = t->key == parts.first() ? t : head;
    }
    if (!head || parts.size() == 1)
        return head;
    return head->isObject() ? head->child(parts.at(1)) : nullptr;
}

Error unknownReference(const QString& where, const QString& what)
{
    return Error { QStringLiteral("forms.unknown_reference"), where + QStringLiteral(": ") + what };
}

bool valueFits(const QJsonValue& v, const FieldDef& target)
{
    switch (target.type) {
    case FieldType::Choice:
        return v.isString() && target.hasOption(v.toString());
    case FieldType::YesNo:
        return v.isBool();
    case FieldType::Number:
        return v.isDouble();
    case FieldType::Text:
    case FieldType::Multiline:
    case FieldType::Member:
    case FieldType::Date:
    case FieldType::DateTime:
        return v.isString();
    default:
        return false;
    }
}

Result<void> checkReferences(const QList<FieldDef>& fields, const QList<FieldDef>* siblings,
    const QList<const FieldDef*>& top, const QString& where)
{
    for (const FieldDef& f : fields) {
        const QString at = where + QStringLiteral(": field '%1'").arg(f.key);
        if (f.requiredIf) {
            const FieldDef* target = resolvePath(f.requiredIf->field, siblings, top);
            if (!target)
                return unknownReference(
                    at, QStringLiteral("requiredIf names unknown field '%1'").arg(f.requiredIf->field));
            for (const QJsonValue& v : f.requiredIf->values) {
                if (!valueFits(v, *target))
                    return unknownReference(
                        at, QStringLiteral("requiredIf value does not fit field '%1'").arg(f.requiredIf->field));
            }
        }
        for (const QString& ref : { f.notBefore, f.notAfter }) {
            if (ref.isEmpty() || ref == QLatin1String("now"))
                continue;
            const FieldDef* target = resolvePath(ref, siblings, top);
            if (!target)
                return unknownReference(at, QStringLiteral("date order names unknown field '%1'").arg(ref));
            if (!isDateLike(target->type))
                return unknownReference(at, QStringLiteral("date order field '%1' is not a date").arg(ref));
        }
        if (!f.children.isEmpty()) {
            if (auto r = checkReferences(f.children, &f.children, top, at); !r)
                return r;
        }
    }
    return {};
}
} // namespace

const FieldDef* FieldDef::child(const QString& key) const
{
    for (const FieldDef& c : children) {
        if (c.key == key)
            return &c;
    }
    return nullptr;
}

bool FieldDef::hasOption(const QString& value) const
{
    for (const Option& o : options) {
        if (o.value == value)
            return true;
    }
    return false;
}

int FieldDef::effectiveMaxLength() const
{
    if (maxLength > 0)
        return maxLength;
    return type == FieldType::Multiline ? 20000 : 1000;
}

Result<FormDefinition> FormDefinition::fromJson(const QJsonObject& json, const CatalogLookup& catalogs)
{
    static const QStringList allowed { "kind", "id", "version", "recordType", "title", "source", "wording",
        "sections" };
    FormDefinition d;
    d.m_json = json;
    d.m_id = json.value(QLatin1String("id")).toString();
    const QString where = QStringLiteral("form '%1'").arg(d.m_id);
    if (json.value(QLatin1String("kind")).toString() != QLatin1String("form"))
        return invalid(where, QStringLiteral("kind must be \"form\""));
    if (const auto extra = schema::unknownKeys(json, allowed); !extra.isEmpty())
        return invalid(where, QStringLiteral("unknown key '%1'").arg(extra.first()));
    if (!schema::isIdentifier(d.m_id))
        return invalid(where, QStringLiteral("id is missing or not an identifier"));
    const QJsonValue version = json.value(QLatin1String("version"));
    if (!version.isDouble() || version.toDouble() != version.toInt() || version.toInt() < 1)
        return invalid(where, QStringLiteral("version must be an integer >= 1"));
    d.m_version = version.toInt();
    const QString at = where + QStringLiteral(" v%1").arg(d.m_version);
    d.m_title = json.value(QLatin1String("title")).toString().trimmed();
    if (d.m_title.isEmpty())
        return invalid(at, QStringLiteral("title is missing"));
    d.m_recordType = json.value(QLatin1String("recordType")).toString(d.m_id);
    d.m_source = json.value(QLatin1String("source")).toString();
    if (!schema::isWording(json.value(QLatin1String("wording"))))
        return invalid(at, QStringLiteral("wording must be \"local\""));

    const QJsonArray sections = json.value(QLatin1String("sections")).toArray();
    if (sections.isEmpty())
        return invalid(at, QStringLiteral("sections are missing"));
    QSet<QString> sectionKeys;
    QSet<QString> fieldKeys;
    for (const QJsonValue& sv : sections) {
        const QJsonObject so = sv.toObject();
        if (const auto extra = schema::unknownKeys(so, { "key", "title", "wording", "fields" }); !extra.isEmpty())
            return invalid(at, QStringLiteral("section: unknown key '%1'").arg(extra.first()));
        SectionDef s;
        s.key = so.value(QLatin1String("key")).toString();
        s.title = so.value(QLatin1String("title")).toString();
        s.wording = so.value(QLatin1String("wording")).toString();
        if (!schema::isIdentifier(s.key) || s.title.isEmpty())
            return invalid(at, QStringLiteral("a section needs a key and a title"));
        if (sectionKeys.contains(s.key))
            return invalid(at, QStringLiteral("duplicate section '%1'").arg(s.key));
        sectionKeys.insert(s.key);
        const QJsonArray fields = so.value(QLatin1String("fields")).toArray();
        if (fields.isEmpty())
            return invalid(at, QStringLiteral("section '%1' has no fields").arg(s.key));
        for (const QJsonValue& fv : fields) {
            auto f = parseField(fv, at, 0, catalogs);
            if (!f)
                return f.error();
            if (fieldKeys.contains(f.value().key))
                return invalid(at, QStringLiteral("duplicate field '%1'").arg(f.value().key));
            fieldKeys.insert(f.value().key);
            s.fields << f.value();
        }
        d.m_sections << s;
    }
    const QList<const FieldDef*> top = d.fields();
    for (const SectionDef& s : std::as_const(d.m_sections)) {
        if (auto r = checkReferences(s.fields, nullptr, top, at); !r)
            return r.error();
    }
    return d;
}

const FieldDef* FormDefinition::field(const QString& key) const
{
    for (const SectionDef& s : m_sections) {
        for (const FieldDef& f : s.fields) {
            if (f.key == key)
                return &f;
        }
    }
    return nullptr;
}

const FieldDef* FormDefinition::fieldAtPath(const QString& path) const
{
    const QStringList parts = path.split(QLatin1Char('.'));
    const FieldDef* f = field(parts.first());
    for (qsizetype i = 1; f && i < parts.size(); ++i)
        f = f->child(parts.at(i));
    return f;
}

QList<const FieldDef*> FormDefinition::fields() const
{
    QList<const FieldDef*> out;
    for (const SectionDef& s : m_sections) {
        for (const FieldDef& f : s.fields)
            out << &f;
    }
    return out;
}

} // namespace poruch::forms
