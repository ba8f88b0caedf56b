#pragma once

#include "forms/formregistry.h"
#include "records/case.h"
#include "records/record.h"

#include <QString>

#include <functional>

namespace poruch::server::office {

// The act laid out by exactly the form version it was written in: sections, field labels, option labels,
// catalog item texts, member names. Returns an HTML fragment (everything escaped). Without a definition
// (unknown form version) the fields are listed by key, so nothing is hidden.
// recordTitle names the record a "refersTo": "record" field holds (empty: no such record of the act's case, shown
// as «запис не знайдено»), so the act shows «Повідомлення № 2026/18 від 12.03.2026» instead of an id.
using RecordTitleLookup = std::function<QString(const QString& recordId)>;
QString renderActHtml(const forms::FormDefinition* definition, const records::Record& record,
    const records::Case* owner, const QString& journalNumber, const RecordTitleLookup& recordTitle);

} // namespace poruch::server::office
