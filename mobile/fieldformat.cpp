#include "fieldformat.h"

#include "isotime.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace poruch::app {

using forms::FieldType;

FieldFormat::FieldFormat(QHash<QString, QString> memberNames)
    : m_memberNames(std::move(memberNames))
{
}

QString FieldFormat::dateTimeText(const QString& iso)
{
    const QDateTime moment = parseIsoDateTime(iso);
    if (!moment.isValid())
        return iso;
    return moment.toString(QStringLiteral("dd.MM.yyyy HH:mm"));
}

QString FieldFormat::dateText(const QString& iso)
{
    const QDate date = QDate::fromString(iso, Qt::ISODate);
    return date.isValid() ? date.toString(QStringLiteral("dd.MM.yyyy")) : iso;
}

QString FieldFormat::consentDecisionLabel(const QString& decision)
{
    if (decision == QLatin1String("given"))
        return tr("consent given");
    if (decision == QLatin1String("refused"))
        return tr("consent refused");
    if (decision == QLatin1String("not_asked"))
        return tr("not asked yet");
    return decision;
}

QString FieldFormat::text(const forms::FieldDef& field, const QJsonValue& value) const
{
    if (value.isUndefined() || value.isNull())
        return {};
    switch (field.type) {
    case FieldType::Text:
    case FieldType::Multiline:
    case FieldType::PngImage:
        return value.toString();
    case FieldType::Date:
        return dateText(value.toString());
    case FieldType::DateTime:
        return dateTimeText(value.toString());
    case FieldType::Number:
        return value.isDouble() ? QLocale().toString(value.toDouble(), 'g', 12) : value.toString();
    case FieldType::YesNo:
        return value.isBool() ? (value.toBool() ? tr("yes") : tr("no")) : QString();
    case FieldType::Choice: {
        for (const forms::Option& option : field.options) {
            if (option.value == value.toString())
                return option.label;
        }
        return value.toString();
    }
    case FieldType::Multi: {
        QStringList lines;
        for (const QJsonValue& code : value.toArray()) {
            const forms::CatalogItem* item = field.catalog ? field.catalog->item(code.toString()) : nullptr;
            lines << (item ? item->text : code.toString());
        }
        return lines.join(QLatin1Char('\n'));
    }
    case FieldType::Member: {
        QStringList names;
        const QJsonArray ids = value.isArray() ? value.toArray() : QJsonArray { value };
        for (const QJsonValue& id : ids)
            names << m_memberNames.value(id.toString(), id.toString());
        return names.join(QStringLiteral(", "));
    }
    case FieldType::Participants:
    case FieldType::Table: {
        QStringList lines;
        int n = 0;
        for (const QJsonValue& row : value.toArray()) {
            QStringList cells;
            const QJsonObject object = row.toObject();
            if (field.type == FieldType::Participants) {
                for (const QString& part : { QStringLiteral("name"), QStringLiteral("position"), QStringLiteral("role"),
                         QStringLiteral("phone") }) {
                    QString cell = object.value(part).toString();
                    for (const forms::Option& option : field.options) {
                        if (part == QLatin1String("role") && option.value == cell)
                            cell = option.label;
                    }
                    if (!cell.isEmpty())
                        cells << cell;
                }
            } else {
                for (const forms::FieldDef& column : field.children) {
                    const QString cell = text(column, object.value(column.key));
                    if (!cell.isEmpty())
                        cells << column.label + QStringLiteral(": ") + cell;
                }
            }
            lines << QStringLiteral("%1. %2").arg(++n).arg(cells.join(QStringLiteral("; ")));
        }
        return lines.join(QLatin1Char('\n'));
    }
    case FieldType::Signature: {
        const QJsonObject object = value.toObject();
        if (object.value(QStringLiteral("png")).toString().isEmpty())
            return {};
        QString signer = object.value(QStringLiteral("signer")).toString();
        const QString at = dateTimeText(object.value(QStringLiteral("signedAt")).toString());
        return tr("signed %1 %2").arg(signer, at).simplified();
    }
    case FieldType::Consent: {
        const QJsonObject object = value.toObject();
        QStringList parts { consentDecisionLabel(object.value(QStringLiteral("decision")).toString()) };
        if (const QString by = object.value(QStringLiteral("by")).toString(); !by.isEmpty())
            parts << by;
        if (const QString at = object.value(QStringLiteral("at")).toString(); !at.isEmpty())
            parts << dateTimeText(at);
        if (const QString reason = object.value(QStringLiteral("refusalReason")).toString(); !reason.isEmpty())
            parts << tr("reason: %1").arg(reason);
        return parts.join(QStringLiteral(", "));
    }
    }
    return {};
}

} // namespace poruch::app
