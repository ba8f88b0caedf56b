#include "pdfexport.h"

#include "fieldformat.h"
#include "forms/formdefinition.h"
#include "pdfencryptor.h"
#include "records/record.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonObject>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include <sys/stat.h>

namespace poruch::app {

namespace {
QString html(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}
} // namespace

Result<QByteArray> renderRecordPdf(
    const forms::FormDefinition& form, const records::Record& record, const QHash<QString, QString>& memberNames)
{
    QTextDocument document;
    const FieldFormat format(memberNames);
    QString body;
    body += QStringLiteral("<h2>%1</h2>").arg(html(form.title()));
    if (!form.source().isEmpty())
        body += QStringLiteral("<p><i>%1</i></p>").arg(html(form.source()));
    for (const forms::SectionDef& section : form.sections()) {
        body += QStringLiteral("<h3>%1</h3><table width=\"100%\" cellpadding=\"4\" border=\"0\">")
                    .arg(html(section.title));
        for (const forms::FieldDef& field : section.fields) {
            const QJsonValue value = record.body.value(field.key);
            QString cell = html(format.text(field, value));
            if (field.type == forms::FieldType::Signature) {
                const QByteArray png
                    = QByteArray::fromBase64(value.toObject().value(QStringLiteral("png")).toString().toLatin1());
                QImage image;
                if (!png.isEmpty() && image.loadFromData(png, "PNG")) {
                    const QUrl url(QStringLiteral("signature://") + field.key);
                    document.addResource(QTextDocument::ImageResource, url, image);
                    cell = QStringLiteral("<img src=\"%1\" height=\"60\"><br>%2").arg(url.toString(), cell);
                }
            }
            if (cell.isEmpty())
                cell = QStringLiteral("—");
            body += QStringLiteral("<tr><td width=\"40%\" valign=\"top\"><b>%1</b></td><td valign=\"top\">%2</td></tr>")
                        .arg(html(field.label), cell);
        }
        body += QStringLiteral("</table>");
    }
    body += QStringLiteral("<hr><p style=\"font-size:8pt\">%1</p>")
                .arg(html(QStringLiteral("%1 %2 v%3 · %4 · %5 %6")
                              .arg(form.id(), record.id)
                              .arg(form.version())
                              .arg(record.isFinal() ? QStringLiteral("final") : QStringLiteral("draft"),
                                  record.finalizedAt.isValid() ? record.finalizedAt.toString(Qt::ISODate)
                                                               : record.updatedAt.toString(Qt::ISODate),
                                  record.contentHash)));
    document.setHtml(QStringLiteral("<html><body style=\"font-size:10pt\">%1</body></html>").arg(body));

    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        // The writer finishes the document when it is destroyed.
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setTitle(form.title());
        writer.setCreator(QStringLiteral("Poruch"));
        document.print(&writer);
    }
    if (!pdf.startsWith("%PDF-"))
        return Error { QStringLiteral("app.pdf"), QStringLiteral("The PDF could not be rendered") };
    return pdf;
}

Result<void> exportRecordPdf(const forms::FormDefinition& form, const records::Record& record,
    const QHash<QString, QString>& memberNames, const QString& path, const QString& password)
{
    auto pdf = renderRecordPdf(form, record, memberNames);
    if (!pdf)
        return pdf.error();
    auto encrypted = PdfEncryptor::encrypt(pdf.value(), password, PdfEncryptor::randomOwnerPassword());
    pdf.value().fill('\0'); // the plaintext rendering lived in memory only; do not leave it lying there
    if (!encrypted)
        return encrypted.error();

    const QFileInfo target(path);
    if (!QDir().mkpath(target.absolutePath()))
        return Error { QStringLiteral("app.pdf"), QStringLiteral("The export folder could not be created") };
    ::chmod(QFile::encodeName(target.absolutePath()).constData(), 0700);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || ::fchmod(file.handle(), 0600) != 0)
        return Error { QStringLiteral("app.pdf"), QStringLiteral("The PDF could not be written") };
    if (file.write(encrypted.value()) != encrypted.value().size() || !file.commit())
        return Error { QStringLiteral("app.pdf"), QStringLiteral("The PDF could not be written") };
    return {};
}

} // namespace poruch::app
