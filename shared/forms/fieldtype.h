#pragma once

#include <QString>

#include <optional>

namespace poruch::forms {

// The value kinds a form field can hold. The JSON name of each is in fieldTypeName().
enum class FieldType {
    Text,
    Multiline,
    Date,
    DateTime,
    Number,
    YesNo,
    Choice,
    Multi, // several codes of one catalog version
    Member, // id of a member of the case (or several, "multiple": true)
    Participants, // rows of {name, position, role, phone}
    Signature, // {png, signer, signedAt}
    Consent, // {by, purpose, decision, at, refusalReason}
    Table, // rows of the field's own columns
    PngImage, // internal: the image part of a signature, never named in JSON
};

// Parses a JSON type name; std::nullopt for unknown names and for the internal PngImage.
std::optional<FieldType> fieldTypeFromName(const QString& name);
QString fieldTypeName(FieldType type);
// Ukrainian noun phrase for messages ("дата", "текст", ...).
QString fieldTypeDescription(FieldType type);

bool isDateLike(FieldType type);

} // namespace poruch::forms
