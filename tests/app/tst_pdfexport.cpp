// The act's PDF never lands on the tablet in plaintext: FormController::exportPdf writes a PDF encrypted
// with the standard security handler (AES-256, R6), checked here against an independent implementation
// (Debian's qpdf): it opens with the one-time password and shows the act, fails without it, and neither the
// file's bytes nor its inflated streams carry the child's name.
#include "appsession.h"
#include "formcontroller.h"
#include "pdfencryptor.h"
#include "pdftext.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace poruch::app;

namespace {

const QString pin = QStringLiteral("482915");
const QString childName = QStringLiteral("Коваленко Марія Андріївна"); // a member of the demo household
const QString observation = QStringLiteral("Ярина Гнатюк спала в дитячій кімнаті");

struct Run {
    int exitCode = -1;
    QByteArray output;
};

Run qpdf(const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("qpdf"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return {};
    return { process.exitCode(), process.readAll() };
}

// Every stream of the file as it is, and inflated where it inflates (encrypted streams do not).
QList<QByteArray> streams(const QByteArray& pdf)
{
    QList<QByteArray> found;
    for (qsizetype at = pdf.indexOf("stream"); at >= 0; at = pdf.indexOf("stream", at + 6)) {
        if (at >= 3 && pdf.mid(at - 3, 3) == "end")
            continue;
        qsizetype start = at + 6;
        if (pdf.mid(start, 2) == "\r\n")
            start += 2;
        else if (pdf.mid(start, 1) == "\n")
            start += 1;
        const qsizetype end = pdf.indexOf("endstream", start);
        if (end < 0)
            break;
        const QByteArray data = pdf.mid(start, end - start);
        found << data;
        const QByteArray inflated = poruch::test::inflateZlib(data.trimmed());
        if (!inflated.isEmpty())
            found << inflated;
    }
    return found;
}

// The text drawn on the pages; lines are separate text runs, so compare without white space.
QString pageText(const QByteArray& qdf)
{
    static const QRegularExpression white(QStringLiteral("\\s+"));
    return poruch::test::pdfText(qdf).remove(white);
}

// Forms of a personal string a careless writer could leave in a file.
QList<QByteArray> encodings(const QString& text)
{
    QByteArray utf16;
    for (QChar c : text)
        utf16 += char(c.unicode() >> 8) + QByteArray(1, char(c.unicode() & 0xff));
    return { text.toUtf8(), utf16, utf16.toHex(), utf16.toHex().toUpper() };
}

// A hand-made PDF with what QPdfWriter produces and some it does not: an indirect /Length written after its
// stream, a literal string with escapes and nested parentheses, a hex string, a comment.
QByteArray handMadePdf()
{
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    const QByteArray content = "BT /F1 12 Tf 72 712 Td (Hello \\(nested (parens)\\) \\101\\102) Tj ET";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R % a comment (not a string\n"
        "/Resources << /Font << /F1 6 0 R >> >> >>",
        "<< /Length 5 0 R >>\nstream\n" + content + "\nendstream",
        QByteArray::number(content.size()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Title (Secret \\(title\\)\\nline) /Author <4D61726B6F> >>",
    };
    for (int i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R /Info 7 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace

class TestPdfExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (QStandardPaths::findExecutable(QStringLiteral("qpdf")).isEmpty())
            QFAIL("qpdf is missing: install it (tools/setup-deps.sh)");
    }

    void oneTimePasswords()
    {
        QSet<QString> seen;
        static const QRegularExpression unambiguous(QStringLiteral("^[2-9a-hjkmnp-z]{12}$"));
        for (int i = 0; i < 200; ++i) {
            const QString password = PdfEncryptor::oneTimePassword();
            QVERIFY2(unambiguous.match(password).hasMatch(), qPrintable(password));
            seen.insert(password);
        }
        QCOMPARE(seen.size(), 200);
        QCOMPARE(PdfEncryptor::oneTimePassword(20).size(), 20);
        QCOMPARE(PdfEncryptor::randomOwnerPassword().size(), 64);
    }

    void refusesWhatItCannotRead()
    {
        for (const QByteArray& input : { QByteArray("not a pdf"), QByteArray("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"),
                 handMadePdf().replace("/Root 1 0 R", "/Root 1 0 R /Encrypt 9 0 R") }) {
            const auto result = PdfEncryptor::encrypt(input, QStringLiteral("pw"), QStringLiteral("owner"));
            QVERIFY(!result);
            QCOMPARE(result.error().code, QStringLiteral("app.pdf_parse"));
        }
    }

    // Strings, escapes and an indirect stream length, decrypted by qpdf with the user password.
    void handMadePdfDecryptsWithQpdf()
    {
        QTemporaryDir dir;
        const QString password = QStringLiteral("k7m2pq9xw4ht");
        const auto encrypted = PdfEncryptor::encrypt(handMadePdf(), password, PdfEncryptor::randomOwnerPassword());
        QVERIFY(encrypted);
        QVERIFY(!encrypted->contains("Hello"));
        QVERIFY(!encrypted->contains("Secret"));
        QVERIFY(!encrypted->contains("4D61726B6F"));
        const QString in = dir.filePath(QStringLiteral("in.pdf"));
        const QString out = dir.filePath(QStringLiteral("out.pdf"));
        QFile file(in);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(*encrypted);
        file.close();

        Run check = qpdf({ QStringLiteral("--check"), QStringLiteral("--password=") + password, in });
        QVERIFY2(check.exitCode == 0, check.output.constData());
        Run shown = qpdf({ QStringLiteral("--show-encryption"), QStringLiteral("--password=") + password, in });
        QVERIFY2(shown.exitCode == 0, shown.output.constData());
        QVERIFY2(shown.output.contains("R = 6"), shown.output.constData());
        QVERIFY2(shown.output.contains("stream encryption method: AESv3"), shown.output.constData());
        Run decrypted = qpdf({ QStringLiteral("--password=") + password, QStringLiteral("--decrypt"),
            QStringLiteral("--qdf"), QStringLiteral("--normalize-content=n"), in, out });
        QVERIFY2(decrypted.exitCode == 0, decrypted.output.constData());
        QFile plain(out);
        QVERIFY(plain.open(QIODevice::ReadOnly));
        const QByteArray bytes = plain.readAll();
        // The content stream byte for byte (escapes in a stream are the content's own, not the file's).
        QVERIFY2(bytes.contains("(Hello \\(nested (parens)\\) \\101\\102) Tj"), bytes.constData());
        QVERIFY2(bytes.contains("/Title (Secret \\(title\\)\\nline)"), bytes.constData());
        QVERIFY2(bytes.contains("/Author (Marko)"), bytes.constData());
    }

    void exportedActIsEncrypted()
    {
        QTemporaryDir dir;
        AppSession::Config config;
        config.dataDir = dir.path();
        config.kdf = poruch::store::KdfParams::insecureForTests();
        AppSession session(config);
        QVERIFY(session.prepareDemo());
        FormController form;
        form.setRecordId(session.demoRecordId());
        QVERIFY(form.isLoaded());
        QVERIFY(form.setValue(QStringLiteral("observations"), observation));
        const QVariantList members = form.members();
        QVERIFY(!members.isEmpty());
        for (const QVariant& member : members)
            QVERIFY(form.toggleMember(QStringLiteral("membersPresent"), member.toMap().value("id").toString(), true));

        const QString path = form.exportPdf();
        QVERIFY2(!path.isEmpty(), qPrintable(form.error()));
        const QString password = form.exportPassword();
        QCOMPARE(password.size(), 12);
        QVERIFY(path.startsWith(dir.path()));
        // Owner-only, written atomically (no temporary file left next to it), nothing else in the folder.
        QCOMPARE(QFile::permissions(path), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden),
            QStringList { QFileInfo(path).fileName() });

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        // No personal string anywhere in the file, in the raw bytes or in any stream that inflates.
        QList<QByteArray> haystacks = streams(bytes);
        haystacks.prepend(bytes);
        for (const QString& personal : { childName, observation, QStringLiteral("Шевченка") }) {
            for (const QByteArray& needle : encodings(personal)) {
                for (const QByteArray& haystack : std::as_const(haystacks))
                    QVERIFY2(!haystack.contains(needle), qPrintable(personal));
            }
        }

        // A reader that ignores the encryption finds no text either (the same reader finds it below).
        QVERIFY(!pageText(bytes).contains(QStringLiteral("Коваленко")));

        QVERIFY(bytes.startsWith("%PDF-2.0"));
        QVERIFY(bytes.contains("/Encrypt"));

        // Without the password (or with a wrong one) qpdf cannot open it.
        QVERIFY(qpdf({ QStringLiteral("--check"), path }).exitCode == 2);
        const QString out = dir.filePath(QStringLiteral("decrypted.pdf"));
        QCOMPARE(qpdf({ QStringLiteral("--decrypt"), path, out }).exitCode, 2);
        QCOMPARE(
            qpdf({ QStringLiteral("--password=wrong2password"), QStringLiteral("--decrypt"), path, out }).exitCode, 2);
        QVERIFY(!QFile::exists(out));

        // With it: a valid PDF, AES-256 R6, print and copy allowed, editing not.
        Run check = qpdf({ QStringLiteral("--check"), QStringLiteral("--password=") + password, path });
        QVERIFY2(check.exitCode == 0, check.output.constData());
        Run shown = qpdf({ QStringLiteral("--show-encryption"), QStringLiteral("--password=") + password, path });
        QVERIFY2(shown.output.contains("R = 6"), shown.output.constData());
        QVERIFY2(shown.output.contains("print high resolution: allowed"), shown.output.constData());
        QVERIFY2(shown.output.contains("extract for any purpose: allowed"), shown.output.constData());
        QVERIFY2(shown.output.contains("modify other: not allowed"), shown.output.constData());
        Run decrypted = qpdf({ QStringLiteral("--password=") + password, QStringLiteral("--decrypt"),
            QStringLiteral("--qdf"), QStringLiteral("--object-streams=disable"), path, out });
        QVERIFY2(decrypted.exitCode == 0, decrypted.output.constData());
        QFile plain(out);
        QVERIFY(plain.open(QIODevice::ReadOnly));
        const QString text = pageText(plain.readAll());
        static const QRegularExpression white(QStringLiteral("\\s+"));
        QVERIFY2(text.contains(QString(childName).remove(white)), qPrintable(text.left(600)));
        QVERIFY2(text.contains(QString(observation).remove(white)), qPrintable(text.left(600)));

        // A second export gets a fresh password; the first no longer opens the new file.
        QVERIFY(!form.exportPdf().isEmpty());
        QVERIFY(form.exportPassword() != password);
        QCOMPARE(qpdf({ QStringLiteral("--check"), QStringLiteral("--password=") + password, path }).exitCode, 2);
        QVERIFY(
            qpdf({ QStringLiteral("--check"), QStringLiteral("--password=") + form.exportPassword(), path }).exitCode
            == 0);
    }
};

QTEST_MAIN(TestPdfExport)
#include "tst_pdfexport.moc"
