#include "forms/fieldtype.h"

#include <array>
#include <utility>

namespace poruch::forms {

namespace {
struct TypeName {
    FieldType type;
    const char* name;
    const char* description;
};
constexpr std::array kTypes {
    TypeName { FieldType::Text, "text", "текст" },
    TypeName { FieldType::Multiline, "multiline", "текст" },
    TypeName { FieldType::Date, "date", "дата" },
    TypeName { FieldType::DateTime, "datetime", "дата й час" },
    TypeName { FieldType::Number, "number", "число" },
    TypeName { FieldType::YesNo, "yesno", "так/ні" },
    TypeName { FieldType::Choice, "choice", "значення з переліку" },
    TypeName { FieldType::Multi, "multi", "список кодів довідника" },
    TypeName { FieldType::Member, "member", "член сім'ї" },
    TypeName { FieldType::Participants, "participants", "список учасників" },
    TypeName { FieldType::Signature, "signature", "підпис" },
    TypeName { FieldType::Consent, "consent", "згода" },
    TypeName { FieldType::Table, "table", "таблиця" },
    TypeName { FieldType::PngImage, "png", "зображення PNG" },
};
} // namespace

std::optional<FieldType> fieldTypeFromName(const QString& name)
{
    for (const auto& t : kTypes) {
        if (t.type != FieldType::PngImage && name == QLatin1String(t.name))
            return t.type;
    }
    return std::nullopt;
}

QString fieldTypeName(FieldType type)
{
    for (const auto& t : kTypes) {
        if (t.type == type)
            return QString::fromLatin1(t.name);
    }
    return {};
}

QString fieldTypeDescription(FieldType type)
{
    for (const auto& t : kTypes) {
        if (t.type == type)
            return QString::fromUtf8(t.description);
    }
    return {};
}

bool isDateLike(FieldType type)
{
    return type == FieldType::Date || type == FieldType::DateTime;
}

} // namespace poruch::forms
