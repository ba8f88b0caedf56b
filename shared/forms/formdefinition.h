#pragma once

#include "core/result.h"
#include "forms/catalog.h"
#include "forms/fieldtype.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace poruch::forms {

struct Option {
    QString value;
    QString label;
    QString wording;
};

// "requiredIf": {"field": path, "equals": v} | {"field": path, "in": [v, ...]} | {"field": path, "notEmpty": true}.
// A path is a field key or "key.part"; it is looked up among the sibling fields first, then at the top level.
struct Condition {
    enum class Kind { Equals, In, NotEmpty };
    QString field;
    Kind kind = Kind::Equals;
    QList<QJsonValue> values; // one for Equals, several for In
};

struct FieldDef {
    QString key;
    FieldType type = FieldType::Text;
    QString label;
    QString hint;
    QString wording; // "" = from the source document, "local" = worded by us
    bool required = false;
    std::optional<Condition> requiredIf;
    std::optional<double> min;
    std::optional<double> max;
    bool integer = false;
    int maxLength = 0; // text kinds: 0 means the type default (see defaultMaxLength)
    QRegularExpression pattern; // empty pattern = none
    QString notBefore; // a date/date-time field path, or "now"
    QString notAfter;
    QList<Option> options; // choice; participants: allowed roles
    CatalogRef catalogRef; // multi
    std::shared_ptr<const Catalog> catalog; // resolved at load
    QString catalogSection; // multi: restrict to one section of the catalog
    bool multiple = false; // member
    int minRows = 0; // table/participants
    int maxRows = 0; // 0 = unlimited
    int maxBytes = 0; // png
    QString assignedBy; // "server": filled by the server, never entered on the form
    // "record": a text field that holds the id of another record of the same case (the tablet shows a picker
    // of the case's records, the validator checks the id). An attribute, not a new type: the value stays text.
    QString refersTo;
    QString purpose; // consent: to what the consent is given
    QList<FieldDef> children; // consent/signature parts; table/participants columns

    const FieldDef* child(const QString& key) const;
    bool hasOption(const QString& value) const;
    int effectiveMaxLength() const;
    bool isObject() const { return type == FieldType::Consent || type == FieldType::Signature; }
    bool isRows() const { return type == FieldType::Table || type == FieldType::Participants; }
};

struct SectionDef {
    QString key;
    QString title;
    QString wording;
    QList<FieldDef> fields;
};

// Resolves a catalog reference during loading; nullptr when the registry does not have that version.
using CatalogLookup = std::function<std::shared_ptr<const Catalog>(const CatalogRef&)>;

// One version of one form, parsed and checked. Immutable once loaded.
class FormDefinition {
public:
    // Parses and checks a definition: types, rules, unique keys, requiredIf/date-order paths, catalog references.
    // Errors: forms.invalid_definition, forms.unknown_catalog, forms.unknown_reference.
    static Result<FormDefinition> fromJson(const QJsonObject& json, const CatalogLookup& catalogs);

    QString id() const { return m_id; }
    int version() const { return m_version; }
    QString title() const { return m_title; }
    QString recordType() const { return m_recordType; }
    QString source() const { return m_source; }
    const QList<SectionDef>& sections() const { return m_sections; }
    const QJsonObject& json() const { return m_json; }

    // Top-level field by key, or nullptr.
    const FieldDef* field(const QString& key) const;
    // "key" or "key.part" from the top level, or nullptr.
    const FieldDef* fieldAtPath(const QString& path) const;
    // All top-level fields in document order.
    QList<const FieldDef*> fields() const;

private:
    QString m_id;
    int m_version = 0;
    QString m_title;
    QString m_recordType;
    QString m_source;
    QList<SectionDef> m_sections;
    QJsonObject m_json;
};

} // namespace poruch::forms
