#pragma once

#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace poruch::forms {

// One checklist entry. Children (e.g. the 8 parental-alienation signs under general.16) are selectable
// codes of their own.
struct CatalogItem {
    QString code;
    QString text;
    QString wording; // "" = copied from the source document, "local" = worded by us
    QList<CatalogItem> children;
};

struct CatalogSection {
    QString key;
    QString title;
    QList<CatalogItem> items;
};

struct CatalogRef {
    QString id;
    int version = 0;
};

// A versioned list of coded items (indicator catalogs, the services list). Immutable once loaded.
class Catalog {
public:
    // Checks structure: id/version/title, unique well-formed codes, non-empty texts.
    static Result<Catalog> fromJson(const QJsonObject& json);

    QString id() const { return m_id; }
    int version() const { return m_version; }
    QString title() const { return m_title; }
    QString source() const { return m_source; }
    const QList<CatalogSection>& sections() const { return m_sections; }
    const QJsonObject& json() const { return m_json; }

    // Every selectable code in document order, children right after their parent.
    QStringList codes() const { return m_codes; }
    bool contains(const QString& code) const { return m_sectionOfCode.contains(code); }
    // Section key of a code, or "" when the code is unknown.
    QString sectionOf(const QString& code) const { return m_sectionOfCode.value(code); }
    const CatalogItem* item(const QString& code) const;

private:
    QString m_id;
    int m_version = 0;
    QString m_title;
    QString m_source;
    QList<CatalogSection> m_sections;
    QJsonObject m_json;
    QStringList m_codes;
    QHash<QString, QString> m_sectionOfCode;
};

} // namespace poruch::forms
