#pragma once

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace formstest {

inline QByteArray readData(const QString& name)
{
    QFile f(QStringLiteral(PORUCH_TEST_DATA_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(name));
    return f.readAll();
}

inline QJsonObject readObject(const QString& name)
{
    return QJsonDocument::fromJson(readData(name)).object();
}

inline QByteArray toBytes(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Applies `edit` to the field object with `key` (top-level fields and table columns) of a form definition.
inline QJsonObject editField(QJsonObject form, const QString& key, const std::function<void(QJsonObject&)>& edit)
{
    QJsonArray sections = form.value(QLatin1String("sections")).toArray();
    for (qsizetype s = 0; s < sections.size(); ++s) {
        QJsonObject section = sections.at(s).toObject();
        QJsonArray fields = section.value(QLatin1String("fields")).toArray();
        for (qsizetype i = 0; i < fields.size(); ++i) {
            QJsonObject field = fields.at(i).toObject();
            if (field.value(QLatin1String("key")).toString() == key) {
                edit(field);
            } else if (field.contains(QLatin1String("columns"))) {
                QJsonArray columns = field.value(QLatin1String("columns")).toArray();
                for (qsizetype c = 0; c < columns.size(); ++c) {
                    QJsonObject column = columns.at(c).toObject();
                    if (column.value(QLatin1String("key")).toString() == key) {
                        edit(column);
                        columns[c] = column;
                    }
                }
                field[QLatin1String("columns")] = columns;
            }
            fields[i] = field;
        }
        section[QLatin1String("fields")] = fields;
        sections[s] = section;
    }
    form[QLatin1String("sections")] = sections;
    return form;
}

} // namespace formstest
