#include "forms/catalog.h"

#include "forms/jsonschema.h"

#include <QJsonArray>

namespace poruch::forms {

namespace {
Error invalid(const QString& where, const QString& what)
{
    return Error { QStringLiteral("forms.invalid_catalog"), where + QStringLiteral(": ") + what };
}

Result<CatalogItem> parseItem(const QJsonObject& o, const QString& where, bool allowChildren)
{
    static const QStringList allowed { "code", "text", "wording", "children" };
    if (const auto extra = schema::unknownKeys(o, allowed); !extra.isEmpty())
        return invalid(where, QStringLiteral("unknown key '%1'").arg(extra.first()));
    CatalogItem item;
    item.code = o.value(QLatin1String("code")).toString();
    item.text = o.value(QLatin1String("text")).toString().trimmed();
    if (!schema::isCode(item.code))
        return invalid(where, QStringLiteral("item code '%1' is not a valid code").arg(item.code));
    if (item.text.isEmpty())
        return invalid(where, QStringLiteral("item '%1' has no text").arg(item.code));
    if (!schema::isWording(o.value(QLatin1String("wording"))))
        return invalid(where, QStringLiteral("item '%1': wording must be \"local\"").arg(item.code));
    item.wording = o.value(QLatin1String("wording")).toString();
    const QJsonValue children = o.value(QLatin1String("children"));
    if (!children.isUndefined()) {
        if (!allowChildren || !children.isArray())
            return invalid(
                where, QStringLiteral("item '%1': children must be an array, one level deep").arg(item.code));
        for (const QJsonValue& c : children.toArray()) {
            auto child = parseItem(c.toObject(), where, false);
            if (!child)
                return child.error();
            item.children << child.value();
        }
    }
    return item;
}
} // namespace

Result<Catalog> Catalog::fromJson(const QJsonObject& json)
{
    static const QStringList allowed { "kind", "id", "version", "title", "source", "wording", "sections" };
    Catalog c;
    c.m_json = json;
    c.m_id = json.value(QLatin1String("id")).toString();
    const QString where = QStringLiteral("catalog '%1'").arg(c.m_id);
    if (json.value(QLatin1String("kind")).toString() != QLatin1String("catalog"))
        return invalid(where, QStringLiteral("kind must be \"catalog\""));
    if (const auto extra = schema::unknownKeys(json, allowed); !extra.isEmpty())
        return invalid(where, QStringLiteral("unknown key '%1'").arg(extra.first()));
    if (!schema::isIdentifier(c.m_id))
        return invalid(where, QStringLiteral("id is missing or not an identifier"));
    const QJsonValue version = json.value(QLatin1String("version"));
    if (!version.isDouble() || version.toDouble() != version.toInt() || version.toInt() < 1)
        return invalid(where, QStringLiteral("version must be an integer >= 1"));
    c.m_version = version.toInt();
    c.m_title = json.value(QLatin1String("title")).toString().trimmed();
    c.m_source = json.value(QLatin1String("source")).toString();
    if (c.m_title.isEmpty())
        return invalid(where, QStringLiteral("title is missing"));
    const QJsonArray sections = json.value(QLatin1String("sections")).toArray();
    if (sections.isEmpty())
        return invalid(where, QStringLiteral("sections are missing"));
    for (const QJsonValue& sv : sections) {
        const QJsonObject so = sv.toObject();
        if (const auto extra = schema::unknownKeys(so, { "key", "title", "items" }); !extra.isEmpty())
            return invalid(where, QStringLiteral("section: unknown key '%1'").arg(extra.first()));
        CatalogSection section;
        section.key = so.value(QLatin1String("key")).toString();
        section.title = so.value(QLatin1String("title")).toString();
        if (!schema::isIdentifier(section.key))
            return invalid(where, QStringLiteral("section key is missing or not an identifier"));
        for (const CatalogSection& other : std::as_const(c.m_sections)) {
            if (other.key == section.key)
                return invalid(where, QStringLiteral("duplicate section key '%1'").arg(section.key));
        }
        const QJsonArray items = so.value(QLatin1String("items")).toArray();
        if (items.isEmpty())
            return invalid(where, QStringLiteral("section '%1' has no items").arg(section.key));
        for (const QJsonValue& iv : items) {
            auto item = parseItem(iv.toObject(), where, true);
            if (!item)
                return item.error();
            section.items << item.value();
        }
        auto addCode = [&](const QString& code) -> bool {
            if (c.m_sectionOfCode.contains(code))
                return false;
            c.m_sectionOfCode.insert(code, section.key);
            c.m_codes << code;
            return true;
        };
        for (const CatalogItem& item : std::as_const(section.items)) {
            if (!addCode(item.code))
                return invalid(where, QStringLiteral("duplicate code '%1'").arg(item.code));
            for (const CatalogItem& child : item.children) {
                if (!addCode(child.code))
                    return invalid(where, QStringLiteral("duplicate code '%1'").arg(child.code));
            }
        }
        c.m_sections << section;
    }
    return c;
}

const CatalogItem* Catalog::item(const QString& code) const
{
    for (const CatalogSection& s : m_sections) {
        for (const CatalogItem& i : s.items) {
            if (i.code == code)
                return &i;
            for (const CatalogItem& child : i.children) {
                if (child.code == code)
                    return &child;
            }
        }
    }
    return nullptr;
}

} // namespace poruch::forms
