#pragma once

#include "core/result.h"
#include "forms/formdefinition.h"
#include "forms/validationissue.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace poruch::forms {

class FormRegistry;

struct ValidationContext {
    // "now" for notAfter/notBefore: "now" rules; invalid = the system clock at validation time.
    QDateTime now;
    // Zone in which "today" is taken for date fields.
    QTimeZone timeZone = QTimeZone(QByteArrayLiteral("Europe/Kyiv"));
    // Ids of the case's members; when set, member fields must name one of them.
    std::optional<QStringList> memberIds;
};

// Checks a record body against one definition version.
//   Draft: only what is present: types, formats, ranges, lengths, patterns, options, catalog codes, unknown keys.
//   Final: all of Draft plus required, requiredIf, minRows and date order.
class FormValidator {
public:
    enum class Mode { Draft, Final };

    explicit FormValidator(ValidationContext context = {});
    // Ids of the case's other records; when given, fields with "refersTo": "record" must name one of them.
    // (Not a ValidationContext member: callers build that struct with aggregate initialisation.)
    FormValidator& withCaseRecords(QStringList recordIds);

    ValidationIssues validate(const FormDefinition& definition, const QJsonObject& body, Mode mode) const;
    // Looks the exact version up in the registry; Error "forms.unknown_form" when it is not there.
    Result<ValidationIssues> validate(
        const FormRegistry& registry, const QString& formId, int formVersion, const QJsonObject& body, Mode mode) const;

private:
    ValidationContext m_context;
    std::optional<QStringList> m_recordIds;
};

} // namespace poruch::forms
