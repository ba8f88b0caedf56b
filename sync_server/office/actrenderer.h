#pragma once

#include "forms/formregistry.h"
#include "records/case.h"
#include "records/record.h"

#include <QString>

namespace poruch::server::office {

// The act laid out by exactly the form version it was written in: sections, field labels, option labels,
// catalog item texts, member names. Returns an HTML fragment (everything escaped). Without a definition
// (unknown form version) the fields are listed by key, so nothing is hidden.
QString renderActHtml(const forms::FormDefinition* definition, const records::Record& record,
    const records::Case* owner, const QString& journalNumber);

} // namespace poruch::server::office
