#include "pdfrenderer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

namespace poruch::server::office {

QString pdfHelperPath()
{
    const QString configured = qEnvironmentVariable("PORUCH_OFFICE_PDF");
    if (!configured.isEmpty())
        return configured;
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("poruch-office-pdf"));
}

Result<QByteArray> renderPdf(const QString& html, const QString& title)
{
    const QString helper = pdfHelperPath();
    if (!QFileInfo(helper).isExecutable())
        return Error { QStringLiteral("office.pdf_helper_missing"),
            QStringLiteral("the PDF helper %1 is missing").arg(helper) };
    // A private folder (0700): the PDF holds personal data and never lands in a shared place.
    QTemporaryDir folder;
    if (!folder.isValid())
        return Error { QStringLiteral("office.pdf_failed"), QStringLiteral("no temporary folder for the PDF") };
    const QString output = folder.filePath(QStringLiteral("act.pdf"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(helper, { output, title });
    if (!process.waitForStarted(10000))
        return Error { QStringLiteral("office.pdf_failed"), QStringLiteral("the PDF helper did not start") };
    process.write(html.toUtf8());
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(2000);
        return Error { QStringLiteral("office.pdf_failed"), QStringLiteral("the PDF helper took too long") };
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error { QStringLiteral("office.pdf_failed"),
            QStringLiteral("the PDF helper failed with exit code %1").arg(process.exitCode()) };
    QFile file(output);
    if (!file.open(QIODevice::ReadOnly))
        return Error { QStringLiteral("office.pdf_failed"), QStringLiteral("the PDF helper wrote no file") };
    const QByteArray pdf = file.readAll();
    if (!pdf.startsWith("%PDF-"))
        return Error { QStringLiteral("office.pdf_failed"), QStringLiteral("the PDF helper wrote no PDF") };
    return pdf;
}

} // namespace poruch::server::office
