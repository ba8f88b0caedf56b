#pragma once

#include "core/result.h"
#include "forms/catalog.h"
#include "forms/formdefinition.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>

namespace poruch::forms {

// Every known version of every form definition and catalog. A record names formId + formVersion and is
// always validated and rendered with exactly that version, so versions are never replaced or dropped:
// loading an id+version that is already present is a no-op when identical and an error when different.
class FormRegistry {
public:
    // The definitions built into poruch_core (Qt resources under :/poruch/forms).
    Result<void> loadBuiltIn();
    // Every *.json file under `path` (recursively), e.g. definitions synced from the server.
    Result<void> loadDirectory(const QString& path);
    // One definition/catalog object or an array of them. `origin` only names the source in error messages.
    Result<void> loadJson(const QByteArray& json, const QString& origin = QStringLiteral("json"));

    // nullptr when that id or version is unknown.
    const FormDefinition* definition(const QString& id, int version) const;
    const FormDefinition* latest(const QString& id) const;
    const Catalog* catalog(const QString& id, int version) const;
    const Catalog* latestCatalog(const QString& id) const;

    QStringList formIds() const;
    QStringList catalogIds() const;
    QList<int> versions(const QString& formId) const;
    QList<int> catalogVersions(const QString& catalogId) const;

private:
    struct Document {
        QString origin;
        QJsonObject json;
    };
    // All-or-nothing: either every document is added or the registry is unchanged.
    Result<void> addDocuments(const QList<Document>& documents);

    std::map<QString, std::map<int, std::shared_ptr<const FormDefinition>>> m_forms;
    std::map<QString, std::map<int, std::shared_ptr<const Catalog>>> m_catalogs;
};

} // namespace poruch::forms
