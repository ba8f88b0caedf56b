#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace poruch::server::office {

// Renders an HTML document to PDF with Qt's PDF writer (QTextDocument::print on a QPdfWriter) in the
// helper program poruch-office-pdf next to poruch-server (or $PORUCH_OFFICE_PDF), which runs a
// QGuiApplication on the offscreen platform. `title` goes into the PDF's document information.
// Errors: office.pdf_helper_missing, office.pdf_failed.
Result<QByteArray> renderPdf(const QString& html, const QString& title);

// Path of the helper program.
QString pdfHelperPath();

} // namespace poruch::server::office
