#pragma once

#include "forms/formdefinition.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QString>

namespace poruch::app {

// Human-readable text of a record body value, laid out by its field definition: choice labels, catalog
// item texts, yes/no, dates as dd.MM.yyyy, member names, rows as lines. Used by the PDF export and the
// conflict page (both revisions side by side).
class FieldFormat {
    Q_DECLARE_TR_FUNCTIONS(FieldFormat)
public:
    explicit FieldFormat(QHash<QString, QString> memberNames = {});

    QString text(const forms::FieldDef& field, const QJsonValue& value) const;

    static QString dateTimeText(const QString& iso);
    static QString dateText(const QString& iso);
    static QString consentDecisionLabel(const QString& decision);

private:
    QHash<QString, QString> m_memberNames;
};

} // namespace poruch::app
