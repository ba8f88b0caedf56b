#include "forms/formregistry.h"

#include "forms/formslogging.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace poruch::forms {

namespace {
const QString kResourceRoot = QStringLiteral(":/poruch/forms");

template <typename Map>
auto findVersion(const Map& map, const QString& id, int version) -> decltype(map.begin()->second.begin()->second.get())
{
    const auto byId = map.find(id);
    if (byId == map.end())
        return nullptr;
    const auto v = byId->second.find(version);
    return v == byId->second.end() ? nullptr : v->second.get();
}

template <typename Map>
auto findLatest(const Map& map, const QString& id) -> decltype(map.begin()->second.begin()->second.get())
{
    const auto byId = map.find(id);
    if (byId == map.end() || byId->second.empty())
        return nullptr;
    return byId->second.rbegin()->second.get();
}

bool sameJson(const QJsonObject& a, const QJsonObject& b)
{
    return a == b;
}

Result<QList<QJsonObject>> parseDocuments(const QByteArray& bytes, const QString& origin)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return Error {
            QStringLiteral("forms.parse"),
            QStringLiteral("%1: invalid JSON at offset %2: %3").arg(origin).arg(error.offset).arg(error.errorString())
        };
    QList<QJsonObject> out;
    if (doc.isObject()) {
        out << doc.object();
    } else {
        for (const QJsonValue& v : doc.array()) {
            if (!v.isObject())
                return Error { QStringLiteral("forms.parse"),
                    origin + QStringLiteral(": array items must be objects") };
            out << v.toObject();
        }
    }
    return out;
}

Result<QList<QString>> jsonFilesUnder(const QString& root)
{
    QList<QString> files;
    QDirIterator it(root, { QStringLiteral("*.json") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    std::sort(files.begin(), files.end());
    return files;
}
} // namespace

Result<void> FormRegistry::loadBuiltIn()
{
    if (!QFile::exists(kResourceRoot))
        return Error { QStringLiteral("forms.io"), QStringLiteral("built-in form resources are not linked in") };
    return loadDirectory(kResourceRoot);
}

Result<void> FormRegistry::loadDirectory(const QString& path)
{
    if (!QDir(path).exists())
        return Error { QStringLiteral("forms.io"), QStringLiteral("no such folder: %1").arg(path) };
    auto files = jsonFilesUnder(path);
    if (!files)
        return files.error();
    QList<Document> documents;
    for (const QString& file : files.value()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return Error { QStringLiteral("forms.io"), QStringLiteral("cannot read %1").arg(file) };
        auto parsed = parseDocuments(f.readAll(), file);
        if (!parsed)
            return parsed.error();
        for (const QJsonObject& o : parsed.value())
            documents << Document { file, o };
    }
    return addDocuments(documents);
}

Result<void> FormRegistry::loadJson(const QByteArray& json, const QString& origin)
{
    auto parsed = parseDocuments(json, origin);
    if (!parsed)
        return parsed.error();
    QList<Document> documents;
    for (const QJsonObject& o : parsed.value())
        documents << Document { origin, o };
    return addDocuments(documents);
}

Result<void> FormRegistry::addDocuments(const QList<Document>& documents)
{
    // Stage into copies so that a bad batch leaves the registry untouched.
    auto catalogs = m_catalogs;
    auto forms = m_forms;
    int added = 0;
    auto prefixed = [](const Document& d, const Error& e) {
        return Error { e.code, d.origin + QStringLiteral(": ") + e.message };
    };

    // Catalogs first: form definitions refer to them.
    for (const Document& d : documents) {
        const QString kind = d.json.value(QLatin1String("kind")).toString();
        if (kind != QLatin1String("catalog") && kind != QLatin1String("form"))
            return Error { QStringLiteral("forms.invalid_definition"),
                d.origin + QStringLiteral(": kind must be \"form\" or \"catalog\"") };
        if (kind != QLatin1String("catalog"))
            continue;
        auto c = Catalog::fromJson(d.json);
        if (!c)
            return prefixed(d, c.error());
        auto& slot = catalogs[c.value().id()][c.value().version()];
        if (slot) {
            if (!sameJson(slot->json(), d.json))
                return Error { QStringLiteral("forms.version_conflict"),
                    d.origin
                        + QStringLiteral(": catalog '%1' version %2 already exists with different content")
                              .arg(c.value().id())
                              .arg(c.value().version()) };
            continue;
        }
        slot = std::make_shared<const Catalog>(std::move(c).value());
        ++added;
    }
    const CatalogLookup lookup = [&catalogs](const CatalogRef& ref) -> std::shared_ptr<const Catalog> {
        const auto byId = catalogs.find(ref.id);
        if (byId == catalogs.end())
            return nullptr;
        const auto v = byId->second.find(ref.version);
        return v == byId->second.end() ? nullptr : v->second;
    };
    for (const Document& d : documents) {
        if (d.json.value(QLatin1String("kind")).toString() != QLatin1String("form"))
            continue;
        auto f = FormDefinition::fromJson(d.json, lookup);
        if (!f)
            return prefixed(d, f.error());
        auto& slot = forms[f.value().id()][f.value().version()];
        if (slot) {
            if (!sameJson(slot->json(), d.json))
                return Error { QStringLiteral("forms.version_conflict"),
                    d.origin
                        + QStringLiteral(": form '%1' version %2 already exists with different content")
                              .arg(f.value().id())
                              .arg(f.value().version()) };
            continue;
        }
        slot = std::make_shared<const FormDefinition>(std::move(f).value());
        ++added;
    }
    m_catalogs = std::move(catalogs);
    m_forms = std::move(forms);
    qCDebug(lcForms) << "loaded" << added << "new definitions/catalogs of" << documents.size() << "documents";
    return {};
}

const FormDefinition* FormRegistry::definition(const QString& id, int version) const
{
    return findVersion(m_forms, id, version);
}

const FormDefinition* FormRegistry::latest(const QString& id) const
{
    return findLatest(m_forms, id);
}

const Catalog* FormRegistry::catalog(const QString& id, int version) const
{
    return findVersion(m_catalogs, id, version);
}

const Catalog* FormRegistry::latestCatalog(const QString& id) const
{
    return findLatest(m_catalogs, id);
}

QStringList FormRegistry::formIds() const
{
    QStringList out;
    for (const auto& [id, _] : m_forms)
        out << id;
    return out;
}

QStringList FormRegistry::catalogIds() const
{
    QStringList out;
    for (const auto& [id, _] : m_catalogs)
        out << id;
    return out;
}

QList<int> FormRegistry::versions(const QString& formId) const
{
    QList<int> out;
    if (const auto it = m_forms.find(formId); it != m_forms.end()) {
        for (const auto& [v, _] : it->second)
            out << v;
    }
    return out;
}

QList<int> FormRegistry::catalogVersions(const QString& catalogId) const
{
    QList<int> out;
    if (const auto it = m_catalogs.find(catalogId); it != m_catalogs.end()) {
        for (const auto& [v, _] : it->second)
            out << v;
    }
    return out;
}

} // namespace poruch::forms
