#include "forms/formvalidator.h"

#include "forms/formregistry.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace poruch::forms {

namespace {
// Tablet clocks drift; a date-time a few minutes "in the future" is not an error.
constexpr qint64 kNowToleranceSecs = 5 * 60;
const QByteArray kPngSignature = QByteArrayLiteral("\x89PNG\r\n\x1a\n");

QString tr(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

bool isEmptyValue(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return true;
    case QJsonValue::String:
        return v.toString().trimmed().isEmpty();
    case QJsonValue::Array:
        return v.toArray().isEmpty();
    case QJsonValue::Object:
        return v.toObject().isEmpty();
    default:
        return false;
    }
}

std::optional<QDate> parseDate(const QJsonValue& v)
{
    static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!v.isString() || !re.match(v.toString()).hasMatch())
        return std::nullopt;
    const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

std::optional<QDateTime> parseDateTime(const QJsonValue& v)
{
    // An explicit offset is required: the record must mean the same moment on every device.
    static const QRegularExpression re(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$"));
    if (!v.isString() || !re.match(v.toString()).hasMatch())
        return std::nullopt;
    const QDateTime dt = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return dt.isValid() ? std::optional<QDateTime>(dt) : std::nullopt;
}

// A date or a date-time value, compared by day when either side is a plain date.
struct Moment {
    std::optional<QDate> date;
    std::optional<QDateTime> dateTime;
    QDate day() const { return dateTime ? dateTime->date() : *date; }
};

int compare(const Moment& a, const Moment& b)
{
    if (a.dateTime && b.dateTime)
        return *a.dateTime < *b.dateTime ? -1 : (*b.dateTime < *a.dateTime ? 1 : 0);
    const QDate da = a.day();
    const QDate db = b.day();
    return da < db ? -1 : (db < da ? 1 : 0);
}

std::optional<Moment> momentOf(const FieldDef& def, const QJsonValue& v)
{
    if (def.type == FieldType::Date) {
        if (auto d = parseDate(v))
            return Moment { d, std::nullopt };
    } else if (def.type == FieldType::DateTime) {
        if (auto dt = parseDateTime(v))
            return Moment { std::nullopt, dt };
    }
    return std::nullopt;
}

using Defs = QList<const FieldDef*>;

Defs pointers(const QList<FieldDef>& list)
{
    Defs out;
    for (const FieldDef& f : list)
        out << &f;
    return out;
}

class Run {
public:
    Run(const ValidationContext& ctx, const std::optional<QStringList>& recordIds, FormValidator::Mode mode,
        const QJsonObject& root, const Defs& top)
        : m_ctx(ctx)
        , m_recordIds(recordIds)
        , m_final(mode == FormValidator::Mode::Final)
        , m_root(root)
        , m_top(top)
    {
    }

    ValidationIssues issues;

    // Validates `object` against `defs`; `scope` is the sibling set for path lookups.
    void object(const Defs& defs, const QJsonObject& object, const QString& prefix, const QString& labelPrefix)
    {
        for (const FieldDef* def : defs) {
            const QString path = prefix.isEmpty() ? def->key : prefix + QLatin1Char('.') + def->key;
            const QString label = labelPrefix.isEmpty() ? def->label : labelPrefix + QStringLiteral(": ") + def->label;
            const QJsonValue value = object.value(def->key);
            if (isEmptyValue(value)) {
                if (m_final && def->required)
                    add(path, "required", tr("Заповніть поле «%1».").arg(label));
                else if (m_final && def->requiredIf && holds(*def->requiredIf, defs, object))
                    add(path, "required_if",
                        tr("Заповніть поле «%1»: за зазначених відповідей воно обов'язкове.").arg(label));
                continue;
            }
            this->value(*def, value, path, label, defs, object);
        }
        QStringList unknown;
        for (auto it = object.begin(); it != object.end(); ++it) {
            bool known = false;
            for (const FieldDef* def : defs)
                known = known || def->key == it.key();
            if (!known)
                unknown << it.key();
        }
        std::sort(unknown.begin(), unknown.end());
        for (const QString& key : std::as_const(unknown)) {
            const QString path = prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
            add(path, "unknown_field", tr("Невідоме поле «%1»: його немає у цій версії форми.").arg(key));
        }
    }

private:
    const ValidationContext& m_ctx;
    const std::optional<QStringList>& m_recordIds;
    bool m_final;
    const QJsonObject& m_root;
    const Defs& m_top;

    void add(const QString& path, const char* code, const QString& message)
    {
        issues << ValidationIssue { path, QString::fromLatin1(code), message };
    }

    // Finds the definition and value a path names: among the siblings first, then at the top level.
    std::pair<const FieldDef*, QJsonValue> lookup(
        const QString& path, const Defs& scope, const QJsonObject& scopeObject) const
    {
        const QStringList parts = path.split(QLatin1Char('.'));
        const FieldDef* head = nullptr;
        QJsonValue value;
        for (const FieldDef* d : scope) {
            if (d->key == parts.first()) {
                head = d;
                value = scopeObject.value(d->key);
            }
        }
        if (!head) {
            for (const FieldDef* d : m_top) {
                if (d->key == parts.first()) {
                    head = d;
                    value = m_root.value(d->key);
                }
            }
        }
        if (!head || parts.size() == 1)
            return { head, value };
        const FieldDef* part = head->child(parts.at(1));
        return { part, value.toObject().value(parts.at(1)) };
    }

    bool holds(const Condition& c, const Defs& scope, const QJsonObject& scopeObject) const
    {
        const QJsonValue v = lookup(c.field, scope, scopeObject).second;
        switch (c.kind) {
        case Condition::Kind::NotEmpty:
            return !isEmptyValue(v);
        case Condition::Kind::Equals:
        case Condition::Kind::In:
            for (const QJsonValue& x : c.values) {
                if (v == x)
                    return true;
            }
            return false;
        }
        return false;
    }

    void typeError(const FieldDef& def, const QString& path, const QString& label)
    {
        add(path, "type",
            tr("Поле «%1» має неправильний тип значення: очікується %2.").arg(label, fieldTypeDescription(def.type)));
    }

    void dateOrder(const FieldDef& def, const Moment& own, const QString& path, const QString& label, const Defs& scope,
        const QJsonObject& scopeObject)
    {
        struct Rule {
            const QString& ref;
            bool notBefore;
        };
        for (const Rule rule : { Rule { def.notBefore, true }, Rule { def.notAfter, false } }) {
            if (rule.ref.isEmpty())
                continue;
            if (rule.ref == QLatin1String("now")) {
                const QDateTime now = m_ctx.now.isValid() ? m_ctx.now : QDateTime::currentDateTimeUtc();
                Moment nowMoment;
                if (own.dateTime)
                    nowMoment.dateTime = now.addSecs(rule.notBefore ? -kNowToleranceSecs : kNowToleranceSecs);
                else
                    nowMoment.date = now.toTimeZone(m_ctx.timeZone).date();
                const int cmp = compare(own, nowMoment);
                if (rule.notBefore && cmp < 0)
                    add(path, "not_before_now", tr("Поле «%1» не може бути в минулому.").arg(label));
                if (!rule.notBefore && cmp > 0)
                    add(path, "not_after_now", tr("Поле «%1» не може бути в майбутньому.").arg(label));
                continue;
            }
            const auto [otherDef, otherValue] = lookup(rule.ref, scope, scopeObject);
            if (!otherDef)
                continue;
            const auto other = momentOf(*otherDef, otherValue);
            if (!other)
                continue; // missing or malformed: reported on that field
            const int cmp = compare(own, *other);
            if (rule.notBefore && cmp < 0)
                add(path, "not_before", tr("Поле «%1» не може бути раніше, ніж «%2».").arg(label, otherDef->label));
            if (!rule.notBefore && cmp > 0)
                add(path, "not_after", tr("Поле «%1» не може бути пізніше, ніж «%2».").arg(label, otherDef->label));
        }
    }

    void rows(const FieldDef& def, const QJsonValue& v, const QString& path, const QString& label)
    {
        if (!v.isArray())
            return typeError(def, path, label);
        const QJsonArray array = v.toArray();
        if (m_final && def.minRows > 0 && array.size() < def.minRows)
            add(path, "min_rows", tr("Поле «%1»: мінімальна кількість записів — %2.").arg(label).arg(def.minRows));
        if (def.maxRows > 0 && array.size() > def.maxRows)
            add(path, "max_rows", tr("Поле «%1»: максимальна кількість записів — %2.").arg(label).arg(def.maxRows));
        const Defs columns = pointers(def.children);
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString rowPath = QStringLiteral("%1[%2]").arg(path).arg(i);
            const QString rowLabel = tr("%1, запис %2").arg(label).arg(i + 1);
            if (!array.at(i).isObject()) {
                add(rowPath, "type",
                    tr("Поле «%1» має неправильний тип значення: очікується запис таблиці.").arg(rowLabel));
                continue;
            }
            object(columns, array.at(i).toObject(), rowPath, rowLabel);
        }
    }

    void member(const QJsonValue& v, const QString& path, const QString& label)
    {
        if (m_ctx.memberIds && !m_ctx.memberIds->contains(v.toString()))
            add(path, "member", tr("Поле «%1»: особу не знайдено серед членів сім'ї у справі.").arg(label));
    }

    void value(const FieldDef& def, const QJsonValue& v, const QString& path, const QString& label, const Defs& scope,
        const QJsonObject& scopeObject)
    {
        switch (def.type) {
        case FieldType::Text:
        case FieldType::Multiline: {
            if (!v.isString())
                return typeError(def, path, label);
            const QString s = v.toString();
            if (s.size() > def.effectiveMaxLength())
                add(path, "max_length",
                    tr("Поле «%1»: не більше %2 символів.").arg(label).arg(def.effectiveMaxLength()));
            if (!def.pattern.pattern().isEmpty() && !def.pattern.match(s).hasMatch())
                add(path, "pattern", tr("Поле «%1» має неправильний формат.").arg(label));
            if (!def.refersTo.isEmpty() && m_recordIds && !m_recordIds->contains(s))
                add(path, "record", tr("Поле «%1»: запис не знайдено серед записів цієї справи.").arg(label));
            return;
        }
        case FieldType::Date:
        case FieldType::DateTime: {
            if (!v.isString())
                return typeError(def, path, label);
            const auto own = momentOf(def, v);
            if (!own) {
                if (def.type == FieldType::Date)
                    add(path, "format_date", tr("Поле «%1»: дату потрібно вказати у форматі РРРР-ММ-ДД.").arg(label));
                else
                    add(path, "format_datetime",
                        tr("Поле «%1»: дату й час потрібно вказати у форматі ISO 8601 з часовим поясом "
                           "(наприклад, 2026-03-27T17:30:00+02:00).")
                            .arg(label));
                return;
            }
            if (m_final)
                dateOrder(def, *own, path, label, scope, scopeObject);
            return;
        }
        case FieldType::Number: {
            if (!v.isDouble())
                return typeError(def, path, label);
            const double d = v.toDouble();
            if (def.integer && d != std::floor(d))
                add(path, "integer", tr("Поле «%1»: потрібне ціле число.").arg(label));
            if (def.min && d < *def.min)
                add(path, "min", tr("Поле «%1»: значення не може бути меншим за %2.").arg(label).arg(*def.min));
            if (def.max && d > *def.max)
                add(path, "max", tr("Поле «%1»: значення не може бути більшим за %2.").arg(label).arg(*def.max));
            return;
        }
        case FieldType::YesNo:
            if (!v.isBool())
                typeError(def, path, label);
            return;
        case FieldType::Choice:
            if (!v.isString())
                return typeError(def, path, label);
            if (!def.hasOption(v.toString()))
                add(path, "option", tr("Поле «%1»: значення не входить до переліку допустимих.").arg(label));
            return;
        case FieldType::Multi: {
            if (!v.isArray())
                return typeError(def, path, label);
            QSet<QString> seen;
            for (const QJsonValue& x : v.toArray()) {
                if (!x.isString()) {
                    typeError(def, path, label);
                    continue;
                }
                const QString code = x.toString();
                if (seen.contains(code)) {
                    add(path, "duplicate", tr("Поле «%1»: коди не повинні повторюватися.").arg(label));
                    continue;
                }
                seen.insert(code);
                if (!def.catalog->contains(code)
                    || (!def.catalogSection.isEmpty() && def.catalog->sectionOf(code) != def.catalogSection))
                    add(path, "catalog_code",
                        tr("Поле «%1»: коду «%2» немає в довіднику «%3» (версія %4).")
                            .arg(label, code, def.catalog->title())
                            .arg(def.catalog->version()));
            }
            return;
        }
        case FieldType::Member:
            if (def.multiple) {
                if (!v.isArray())
                    return typeError(def, path, label);
                QSet<QString> seen;
                for (const QJsonValue& x : v.toArray()) {
                    if (!x.isString() || x.toString().isEmpty()) {
                        typeError(def, path, label);
                        continue;
                    }
                    if (seen.contains(x.toString()))
                        add(path, "duplicate", tr("Поле «%1»: значення не повинні повторюватися.").arg(label));
                    seen.insert(x.toString());
                    member(x, path, label);
                }
            } else {
                if (!v.isString())
                    return typeError(def, path, label);
                member(v, path, label);
            }
            return;
        case FieldType::Participants:
        case FieldType::Table:
            return rows(def, v, path, label);
        case FieldType::Consent:
        case FieldType::Signature:
            if (!v.isObject())
                return typeError(def, path, label);
            return object(pointers(def.children), v.toObject(), path, label);
        case FieldType::PngImage: {
            if (!v.isString())
                return typeError(def, path, label);
            const auto decoded
                = QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded || !decoded.decoded.startsWith(kPngSignature)) {
                add(path, "image", tr("Поле «%1»: потрібне зображення PNG у кодуванні base64.").arg(label));
                return;
            }
            if (decoded.decoded.size() > def.maxBytes)
                add(path, "image_size",
                    tr("Поле «%1»: зображення завелике (понад %2 КБ).").arg(label).arg(def.maxBytes / 1024));
            return;
        }
        }
    }
};
} // namespace

FormValidator::FormValidator(ValidationContext context)
    : m_context(std::move(context))
{
    if (!m_context.timeZone.isValid())
        m_context.timeZone = QTimeZone(QByteArrayLiteral("Europe/Kiev")); // older tzdata
}

FormValidator& FormValidator::withCaseRecords(QStringList recordIds)
{
    m_recordIds = std::move(recordIds);
    return *this;
}

ValidationIssues FormValidator::validate(const FormDefinition& definition, const QJsonObject& body, Mode mode) const
{
    const Defs top = definition.fields();
    Run run(m_context, m_recordIds, mode, body, top);
    run.object(top, body, QString(), QString());
    return run.issues;
}

Result<ValidationIssues> FormValidator::validate(
    const FormRegistry& registry, const QString& formId, int formVersion, const QJsonObject& body, Mode mode) const
{
    const FormDefinition* definition = registry.definition(formId, formVersion);
    if (!definition)
        return Error { QStringLiteral("forms.unknown_form"),
            QStringLiteral("form '%1' version %2 is not known").arg(formId).arg(formVersion) };
    return validate(*definition, body, mode);
}

} // namespace poruch::forms
