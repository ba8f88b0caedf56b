// End to end: a real headless Chromium against the real poruch-server. A tablet pushes a family with a notice
// about a child over the sync API; the browser logs in through the form, finds the notice in the inbox, opens
// it, its print view and downloads its PDF (checked: a PDF with the journal number), and visits every office
// page. Each page is written to <build>/tests/office/screenshots/office-<page>.png; to refresh the ones in
// docs/screenshots, run it with PORUCH_SCREENSHOT_DIR=<repo>/docs/screenshots (docs/development.md).
#include "chromiumsession.h"
#include "officeclient.h"
#include "pdftext.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

using namespace poruch::test;

namespace {

const QString password = QStringLiteral("correct horse battery");

QString screenshotDir()
{
    const QString configured = qEnvironmentVariable("PORUCH_SCREENSHOT_DIR");
    // Not into the source tree by default: a test run must not leave the work tree modified.
    return configured.isEmpty() ? QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("screenshots"))
                                : configured;
}

} // namespace

class TestOfficeBrowser : public QObject {
    Q_OBJECT
private:
    ServerProcess m_server;
    PushedCase m_case;
    ChromiumSession m_browser;

    QUrl url(const QString& path) const { return m_server.baseUrl().resolved(QUrl(path)); }

    void shoot(const QString& name)
    {
        const QByteArray png = m_browser.screenshot();
        QVERIFY2(png.startsWith("\x89PNG"), qPrintable(name));
        QDir().mkpath(screenshotDir());
        QFile file(QDir(screenshotDir()).filePath(QStringLiteral("office-%1.png").arg(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(png);
    }

    void checkUkrainian()
    {
        const QString text = m_browser.bodyText();
        for (const char* english : { "Error", "error", "undefined", "null", "NaN", "not_found", "Internal" })
            QVERIFY2(!text.contains(QLatin1String(english)), english);
        // No raw codes on screen: dotted audit codes (web.view) or snake_case values (very_dangerous).
        static const QRegularExpression code(QStringLiteral("\\b[a-z]+(_[a-z]+)+\\b|\\b(web|record|case|user|device|"
                                                            "caseload|enrollment_code)\\.[a-z_]+\\b"));
        const auto match = code.match(text);
        QVERIFY2(!match.hasMatch(), qPrintable(match.captured(0)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (ChromiumSession::binary().isEmpty())
            QSKIP("chromium is not installed");
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        QVERIFY(!createWebUser(m_server, QStringLiteral("boss"), QStringLiteral("admin"), password).isEmpty());
        QVERIFY(
            !createWebUser(m_server, QStringLiteral("worker"), QStringLiteral("social_worker"), QString()).isEmpty());
        QString error;
        QVERIFY2(m_browser.start(&error), qPrintable(error));
    }

    void logInAndSeeThePushedNotice()
    {
        QVERIFY(m_browser.navigate(url(QStringLiteral("/office/login"))));
        QVERIFY(m_browser.bodyText().contains(QStringLiteral("Вхід до кабінету офісу")));
        shoot(QStringLiteral("login"));

        // The tablet syncs while the office has the login page open.
        m_case = enrollAndPushCase(m_server, QStringLiteral("worker"), QStringLiteral("Коваленко Дарина Петрівна"));
        QVERIFY2(m_case.error.isEmpty(), qPrintable(m_case.error));

        m_browser.evaluate(QStringLiteral("document.querySelector('input[name=username]').value = 'boss';"
                                          "document.querySelector('input[name=password]').value = '%1'; true")
                               .arg(password));
        QVERIFY(m_browser.evaluateAndWaitForLoad(QStringLiteral("document.querySelector('form.login').submit()")));
        QVERIFY2(m_browser.currentUrl().endsWith(QStringLiteral("/office/inbox")), qPrintable(m_browser.currentUrl()));
        const QString inbox = m_browser.bodyText();
        QVERIFY2(inbox.contains(m_case.journalNumber), qPrintable(inbox.left(500)));
        QVERIFY(inbox.contains(QStringLiteral("Повідомлення")));
        QVERIFY(inbox.contains(QStringLiteral("Приклад Олена Іванівна")));
        checkUkrainian();
        shoot(QStringLiteral("inbox"));
    }

    void openTheNoticeAndItsPrintView()
    {
        QVERIFY(m_browser.evaluateAndWaitForLoad(
            QStringLiteral("document.querySelector('a[href=\"/office/record?id=%1\"]').click()").arg(m_case.noticeId)));
        const QString act = m_browser.bodyText();
        QVERIFY(act.contains(QStringLiteral("Номер у журналі обліку")));
        QVERIFY(act.contains(m_case.journalNumber));
        QVERIFY(act.contains(QStringLiteral("Повідомлення")));
        checkUkrainian();
        shoot(QStringLiteral("record"));

        QVERIFY(m_browser.evaluateAndWaitForLoad(
            QStringLiteral("document.querySelector('a[href^=\"/office/record/print\"]').click()")));
        QVERIFY(m_browser.currentUrl().contains(QStringLiteral("/office/record/print")));
        QVERIFY(m_browser.bodyText().contains(m_case.journalNumber));
        m_browser.emulatePrintMedia(true);
        // Printed, the navigation and buttons are gone.
        QCOMPARE(m_browser.evaluate(QStringLiteral("getComputedStyle(document.querySelector('.actions')).display"))
                     .toString(),
            QStringLiteral("none"));
        shoot(QStringLiteral("print"));
        m_browser.emulatePrintMedia(false);
    }

    void downloadThePdf()
    {
        QTemporaryDir downloads;
        m_browser.allowDownloads(downloads.path());
        QVERIFY(m_browser.navigate(url(QStringLiteral("/office/record?id=%1").arg(m_case.noticeId))));
        m_browser.evaluate(QStringLiteral("document.querySelector('a[href^=\"/office/record/pdf\"]').click(); true"));
        QByteArray pdf;
        for (int i = 0; i < 300 && pdf.isEmpty(); ++i) {
            QThread::msleep(100);
            QCoreApplication::processEvents();
            const QStringList files = QDir(downloads.path()).entryList({ QStringLiteral("*.pdf") }, QDir::Files);
            if (!files.isEmpty()) {
                QFile file(QDir(downloads.path()).filePath(files.first()));
                if (file.open(QIODevice::ReadOnly))
                    pdf = file.readAll();
            }
        }
        QVERIFY2(!pdf.isEmpty(), "no PDF was downloaded");
        QVERIFY(pdf.startsWith("%PDF-1."));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        QVERIFY(pdf.contains("/Type /Page") || pdf.contains("/Type/Page"));
        QString text = pdfText(pdf);
        text.replace(QLatin1Char('\t'), QLatin1Char(' ')); // QPdfWriter's space glyph maps to a tab
        QVERIFY2(text.contains(m_case.journalNumber), qPrintable(text.left(300)));
        QVERIFY2(text.contains(QStringLiteral("Номер у журналі обліку")), qPrintable(text.left(300)));
        QVERIFY(pdf.contains("/FontFile2") || pdf.contains("/FontFile")); // an embedded font for Cyrillic text
    }

    void everyOtherPage()
    {
        struct Page {
            QString name;
            QString path;
            QString expected;
        };
        const QList<Page> pages {
            { QStringLiteral("act"), QStringLiteral("/office/record?id=%1").arg(m_case.assessmentId),
                QStringLiteral("небезпечно") },
            { QStringLiteral("case"), QStringLiteral("/office/case?id=%1").arg(m_case.caseId),
                QStringLiteral("ланцюжок хешів цілий") },
            { QStringLiteral("journal"), QStringLiteral("/office/journal"), m_case.journalNumber },
            { QStringLiteral("deadlines"), QStringLiteral("/office/deadlines"), QStringLiteral("Хто діє") },
            { QStringLiteral("audit"), QStringLiteral("/office/audit"), QStringLiteral("перегляд у кабінеті") },
            { QStringLiteral("report"), QStringLiteral("/office/report"), QStringLiteral("85 %") },
        };
        for (const Page& page : pages) {
            QVERIFY2(m_browser.navigate(url(page.path)), qPrintable(page.name));
            const QString text = m_browser.bodyText();
            QVERIFY2(text.contains(page.expected), qPrintable(page.name + QStringLiteral(": ") + text.left(300)));
            checkUkrainian();
            shoot(page.name);
        }
    }

    void usersPageShowsAnEnrollmentQrCode()
    {
        QVERIFY(m_browser.navigate(url(QStringLiteral("/office/users"))));
        QVERIFY(m_browser.evaluateAndWaitForLoad(
            QStringLiteral("document.querySelector('form[action=\"/office/users/code\"] button').click()")));
        QVERIFY(m_browser.bodyText().contains(QStringLiteral("Код підключення планшета")));
        QVERIFY(m_browser.evaluate(QStringLiteral("document.querySelectorAll('svg.qr path').length")).toInt() == 1);
        checkUkrainian();
        shoot(QStringLiteral("users"));
    }

    void logOut()
    {
        QVERIFY(m_browser.evaluateAndWaitForLoad(QStringLiteral("document.querySelector('form.logout').submit()")));
        QVERIFY(m_browser.currentUrl().endsWith(QStringLiteral("/office/login")));
        QVERIFY(m_browser.navigate(url(QStringLiteral("/office/inbox"))));
        QVERIFY(m_browser.currentUrl().endsWith(QStringLiteral("/office/login")));
    }
};

QTEST_GUILESS_MAIN(TestOfficeBrowser)
#include "tst_officebrowser.moc"
