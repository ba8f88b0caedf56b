#pragma once

#include "core/result.h"

#include <QHash>
#include <QString>

namespace poruch::forms {
class FormDefinition;
}
namespace poruch::records {
struct Record;
}

namespace poruch::app {

// Writes an act as an A4 PDF (QPdfWriter) laid out by the form version it was written with: the form
// title and source, every section with its fields in order (labels from the definition, values
// formatted by FieldFormat, signatures as images), then the record's status, dates and content hash.
Result<void> exportRecordPdf(const forms::FormDefinition& form, const records::Record& record,
    const QHash<QString, QString>& memberNames, const QString& path);

} // namespace poruch::app
