#include "actrenderer.h"

#include "html.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace poruch::server::office {

namespace {

QString memberName(const records::Case* owner, const QString& id)
{
    if (owner) {
        for (const records::Member& member : owner->members) {
            if (member.id == id)
                return member.fullName;
        }
    }
    return id;
}

QString momentText(const QString& text)
{
    const QDateTime moment = QDateTime::fromString(text, Qt::ISODateWithMs);
    return moment.isValid() ? kyivDateTime(moment) : text;
}

QString decisionLabel(const QString& decision)
{
    if (decision == QLatin1String("given"))
        return QStringLiteral("згоду надано");
    if (decision == QLatin1String("refused"))
        return QStringLiteral("у згоді відмовлено");
    if (decision == QLatin1String("not_asked"))
        return QStringLiteral("згоду не запитували");
    return decision;
}

// What values name: members of the act's case, other records of it.
struct Names {
    const records::Case* owner;
    const RecordTitleLookup& recordTitle;
};

QString valueHtml(const forms::FieldDef& field, const QJsonValue& value, const Names& names);

QString rowsHtml(const QList<forms::FieldDef>& columns, const QJsonArray& rows, const Names& names)
{
    QString html = QStringLiteral("<table class=\"inner\"><thead><tr>");
    for (const forms::FieldDef& column : columns)
        html += QStringLiteral("<th>%1</th>").arg(escape(column.label));
    html += QStringLiteral("</tr></thead><tbody>");
    for (const QJsonValue& row : rows) {
        html += QStringLiteral("<tr>");
        for (const forms::FieldDef& column : columns)
            html += QStringLiteral("<td>%1</td>").arg(valueHtml(column, row.toObject().value(column.key), names));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</tbody></table>");
}

QString valueHtml(const forms::FieldDef& field, const QJsonValue& value, const Names& names)
{
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty())
        || (value.isArray() && value.toArray().isEmpty()))
        return QStringLiteral("<span class=\"empty\">—</span>");
    switch (field.type) {
    case forms::FieldType::Text:
        if (field.refersTo == QLatin1String("record")) {
            const QString title = names.recordTitle ? names.recordTitle(value.toString()) : QString();
            return title.isEmpty() ? QStringLiteral("<span class=\"empty\">запис не знайдено</span>") : escape(title);
        }
        return escape(value.toString());
    case forms::FieldType::Multiline:
        return QStringLiteral("<span class=\"multiline\">%1</span>").arg(escape(value.toString()));
    case forms::FieldType::Date: {
        const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
        return escape(date.isValid() ? date.toString(QStringLiteral("dd.MM.yyyy")) : value.toString());
    }
    case forms::FieldType::DateTime:
        return escape(momentText(value.toString()));
    case forms::FieldType::Number:
        return escape(QString::number(value.toDouble()));
    case forms::FieldType::YesNo:
        return value.toBool() ? QStringLiteral("так") : QStringLiteral("ні");
    case forms::FieldType::Choice:
        for (const forms::Option& option : field.options) {
            if (option.value == value.toString())
                return escape(option.label);
        }
        return escape(value.toString());
    case forms::FieldType::Multi: {
        QString html = QStringLiteral("<ul class=\"codes\">");
        for (const QJsonValue& code : value.toArray()) {
            const forms::CatalogItem* item = field.catalog ? field.catalog->item(code.toString()) : nullptr;
            html += QStringLiteral("<li><span class=\"code\">%1</span> %2</li>")
                        .arg(escape(code.toString()), item ? escape(item->text) : QString());
        }
        return html + QStringLiteral("</ul>");
    }
    case forms::FieldType::Member: {
        QStringList people;
        if (value.isArray()) {
            for (const QJsonValue& id : value.toArray())
                people << memberName(names.owner, id.toString());
        } else {
            people << memberName(names.owner, value.toString());
        }
        return escape(people.join(QStringLiteral(", ")));
    }
    case forms::FieldType::Participants: {
        QList<forms::FieldDef> columns;
        const char* keys[][2]
            = { { "name", "Прізвище, ім'я" }, { "position", "Посада" }, { "role", "Роль" }, { "phone", "Телефон" } };
        for (const auto& key : keys) {
            forms::FieldDef column;
            column.key = QLatin1String(key[0]);
            column.label = QString::fromUtf8(key[1]);
            column.type = forms::FieldType::Text;
            if (column.key == QLatin1String("role") && !field.options.isEmpty()) {
                column.type = forms::FieldType::Choice;
                column.options = field.options;
            }
            columns.append(column);
        }
        return rowsHtml(columns, value.toArray(), names);
    }
    case forms::FieldType::Table:
        return rowsHtml(field.children, value.toArray(), names);
    case forms::FieldType::Signature: {
        const QJsonObject signature = value.toObject();
        return QStringLiteral("підписано: %1, %2")
            .arg(escape(signature.value(QStringLiteral("signer")).toString()),
                escape(momentText(signature.value(QStringLiteral("signedAt")).toString())));
    }
    case forms::FieldType::Consent: {
        const QJsonObject consent = value.toObject();
        QString html = escape(decisionLabel(consent.value(QStringLiteral("decision")).toString()));
        const QString by = consent.value(QStringLiteral("by")).toString();
        if (!by.isEmpty())
            html += QStringLiteral("; хто: %1").arg(escape(by));
        const QString at = consent.value(QStringLiteral("at")).toString();
        if (!at.isEmpty())
            html += QStringLiteral("; коли: %1").arg(escape(momentText(at)));
        const QString reason = consent.value(QStringLiteral("refusalReason")).toString();
        if (!reason.isEmpty())
            html += QStringLiteral("; причина відмови: %1").arg(escape(reason));
        return html;
    }
    case forms::FieldType::PngImage:
        break;
    }
    return escape(QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact)));
}

} // namespace

QString renderActHtml(const forms::FormDefinition* definition, const records::Record& record,
    const records::Case* owner, const QString& journalNumber, const RecordTitleLookup& recordTitle)
{
    const Names names { owner, recordTitle };
    QString html;
    const QString title = definition ? definition->title() : record.formId;
    html += QStringLiteral("<article class=\"act\"><h1 class=\"act-title\">%1</h1>").arg(escape(title));
    html += QStringLiteral("<table class=\"act-meta\">");
    if (!journalNumber.isEmpty())
        html += QStringLiteral("<tr><th>Номер у журналі обліку</th><td class=\"journal-number\">%1</td></tr>")
                    .arg(escape(journalNumber));
    html += QStringLiteral("<tr><th>Версія форми</th><td>%1</td></tr>").arg(record.formVersion);
    html += QStringLiteral("<tr><th>Стан</th><td>%1</td></tr>")
                .arg(record.isFinal()
                        ? QStringLiteral("остаточний (підписаний) від %1").arg(kyivDateTime(record.finalizedAt))
                        : QStringLiteral("чернетка, редакція %1").arg(record.revision));
    if (owner)
        html += QStringLiteral("<tr><th>Адреса</th><td>%1</td></tr>").arg(escape(owner->address));
    if (record.isFinal())
        html += QStringLiteral("<tr><th>Хеш вмісту (SHA-256)</th><td class=\"hash\">%1</td></tr>")
                    .arg(escape(record.contentHash));
    html += QStringLiteral("</table>");

    QSet<QString> shown;
    if (definition) {
        for (const forms::SectionDef& section : definition->sections()) {
            html += QStringLiteral("<section class=\"act-section\"><h2>%1</h2><table class=\"fields\">")
                        .arg(escape(section.title));
            for (const forms::FieldDef& field : section.fields) {
                shown.insert(field.key);
                if (field.assignedBy == QLatin1String("server"))
                    continue; // shown in the header (journal number)
                html += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>")
                            .arg(escape(field.label), valueHtml(field, record.body.value(field.key), names));
            }
            html += QStringLiteral("</table></section>");
        }
    } else {
        html += QStringLiteral("<p class=\"warning\">Версія форми невідома серверу; поля показано за ключами.</p>");
    }
    QString extra;
    for (auto it = record.body.begin(); it != record.body.end(); ++it) {
        if (shown.contains(it.key()) || it.key() == QLatin1String("journalNumber"))
            continue;
        const QString text = it.value().isString()
            ? escape(it.value().toString())
            : escape(QString::fromUtf8(QJsonDocument(QJsonArray { it.value() }).toJson(QJsonDocument::Compact)));
        extra += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>").arg(escape(it.key()), text);
    }
    if (!extra.isEmpty())
        html += QStringLiteral("<section class=\"act-section\"><h2>Інші дані</h2><table class=\"fields\">%1</table>"
                               "</section>")
                    .arg(extra);
    return html + QStringLiteral("</article>");
}

} // namespace poruch::server::office
