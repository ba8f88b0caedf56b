#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace poruch::forms {
class FormDefinition;
}
namespace poruch::records {
struct Record;
}

namespace poruch::app {

// Renders an act as an A4 PDF (QPdfWriter) in memory, laid out by the form version it was written with:
// the form title and source, every section with its fields in order (labels from the definition, values
// formatted by FieldFormat, signatures as images), then the record's status, dates and content hash.
// The result is plaintext personal data: it must never be written to a file as it is.
Result<QByteArray> renderRecordPdf(
    const forms::FormDefinition& form, const records::Record& record, const QHash<QString, QString>& memberNames);

// Renders the act and writes it to `path` encrypted with `password` (PdfEncryptor: AES-256, R6), atomically
// and readable by the owner only (0600). Only the encrypted bytes touch the disk. Errors: app.pdf,
// app.pdf_parse, app.pdf_crypto.
Result<void> exportRecordPdf(const forms::FormDefinition& form, const records::Record& record,
    const QHash<QString, QString>& memberNames, const QString& path, const QString& password);

} // namespace poruch::app
