// Unit: pure pieces of the office page: HTML escaping, page frame without inline script or style, CSV for
// spreadsheets, constant-time token comparison (CSRF), server-side web sessions, QR SVG, hash-chain check,
// how an act names the record it refers to.
#include "forms/formregistry.h"
#include "office/actrenderer.h"
#include "office/csvwriter.h"
#include "office/html.h"
#include "office/officedata.h"
#include "office/qrsvg.h"
#include "office/websessions.h"
#include "records/canonicalform.h"
#include "storage/embeddedstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace poruch::server::office;
using poruch::server::EmbeddedStore;
namespace records = poruch::records;

namespace {

QString sha(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toLatin1(), QCryptographicHash::Sha256).toHex());
}

// A real encrypted server store in dir (key file with owner-only permissions).
poruch::Result<std::unique_ptr<EmbeddedStore>> openStore(const QTemporaryDir& dir)
{
    const QString keyFile = dir.filePath(QStringLiteral("key"));
    if (!QFile::exists(keyFile)) {
        QFile file(keyFile);
        if (!file.open(QIODevice::WriteOnly))
            return poruch::Error { QStringLiteral("test.io"), QStringLiteral("key file not written") };
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(QByteArray(32, '\x5a').toHex());
    }
    return EmbeddedStore::open(dir.path(), keyFile);
}

OfficeRecord finalRecord(const QString& caseId, const QString& previousChain, int n)
{
    records::Record record;
    record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.type = records::RecordType::HomeVisit;
    record.formId = QStringLiteral("home_visit");
    record.caseId = caseId;
    record.body = QJsonObject { { QStringLiteral("visitedAt"), QStringLiteral("2026-03-0%1T10:00:00+02:00").arg(n) } };
    record.authorUserId = QStringLiteral("u");
    record.authorDeviceId = QStringLiteral("d");
    record.createdAt = QDateTime(QDate(2026, 3, n), QTime(10, 0), Qt::UTC);
    record.updatedAt = record.createdAt;
    record.status = records::RecordStatus::Final;
    record.finalizedAt = record.createdAt;
    record.contentHash = records::contentHash(record);
    OfficeRecord item;
    item.record = record;
    item.stored = poruch::server::StoredRecord { record.id, caseId, QStringLiteral("home_visit"), 1, true,
        record.contentHash, QString(), sha(previousChain + record.contentHash), QString() };
    return item;
}

} // namespace

class TestOfficeLogic : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void escapesMarkup_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("Приклад Олена") << QStringLiteral("Приклад Олена");
        QTest::newRow("script") << QStringLiteral("<script>alert(1)</script>")
                                << QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;");
        QTest::newRow("attribute") << QStringLiteral("\" onmouseover='x'")
                                   << QStringLiteral("&quot; onmouseover=&#39;x&#39;");
        QTest::newRow("ampersand first") << QStringLiteral("&lt;") << QStringLiteral("&amp;lt;");
        QTest::newRow("empty") << QString() << QString();
    }
    void escapesMarkup()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(escape(input), expected);
    }

    void pageHasNoInlineScriptOrStyle()
    {
        PageFrame frame;
        frame.title = QStringLiteral("<b>Вхідні</b>");
        frame.nav = { { QStringLiteral("/office/inbox"), QStringLiteral("Вхідні"), QStringLiteral("inbox") } };
        frame.activeKey = QStringLiteral("inbox");
        frame.userLabel = QStringLiteral("<img src=x>");
        frame.csrfToken = QStringLiteral("tok\"en");
        const QString html = page(frame, QStringLiteral("<p>тіло</p>"));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("lang=\"uk\"")));
        QVERIFY(!html.contains(QStringLiteral("<b>Вхідні</b>")));
        QVERIFY(!html.contains(QStringLiteral("<img src=x>")));
        QVERIFY(html.contains(QStringLiteral("value=\"tok&quot;en\"")));
        // CSP allows no inline code: every <script> has a src, there is no <style> and no style= attribute.
        static const QRegularExpression inlineScript(QStringLiteral("<script(?![^>]*\\bsrc=)"));
        QVERIFY(!inlineScript.match(html).hasMatch());
        QVERIFY(!html.contains(QStringLiteral("<style")));
        QVERIFY(!html.contains(QStringLiteral("style=")));
        QVERIFY(!html.contains(QStringLiteral(" on"))); // no event handler attributes
    }

    void csvIsSpreadsheetSafe_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("2026/17") << QStringLiteral("2026/17");
        QTest::newRow("separator") << QStringLiteral("a;b") << QStringLiteral("\"a;b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::newRow("formula") << QStringLiteral("=HYPERLINK(1)") << QStringLiteral("'=HYPERLINK(1)");
        QTest::newRow("plus") << QStringLiteral("+380") << QStringLiteral("'+380");
        QTest::newRow("at") << QStringLiteral("@x") << QStringLiteral("'@x");
    }
    void csvIsSpreadsheetSafe()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(CsvWriter::field(input), expected);
    }

    void csvHasBomAndCrlf()
    {
        CsvWriter writer;
        writer.row({ QStringLiteral("№"), QStringLiteral("Сім'я") });
        const QByteArray bytes = writer.bytes();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(bytes.mid(3), QStringLiteral("№;Сім'я\r\n").toUtf8());
    }

    void tokensCompare_data()
    {
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("given");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same") << QStringLiteral("abc") << QStringLiteral("abc") << true;
        QTest::newRow("different") << QStringLiteral("abc") << QStringLiteral("abd") << false;
        QTest::newRow("prefix") << QStringLiteral("abc") << QStringLiteral("ab") << false;
        QTest::newRow("both empty") << QString() << QString() << false;
        QTest::newRow("given empty") << QStringLiteral("abc") << QString() << false;
    }
    void tokensCompare()
    {
        QFETCH(QString, expected);
        QFETCH(QString, given);
        QFETCH(bool, equal);
        QCOMPARE(tokensEqual(expected, given), equal);
    }

    void sessionsExpireAndEnd()
    {
        QTemporaryDir dir;
        auto opened = openStore(dir);
        QVERIFY(opened);
        QDateTime now(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        WebSessions sessions(**opened, [&] { return now; });
        const auto created = sessions.create(QStringLiteral("u1"));
        QVERIFY(created);
        const QString id = *created;
        QVERIFY(id.size() >= 40);
        const auto found = sessions.find(id);
        QVERIFY(found && found->has_value());
        QCOMPARE((*found)->userId, QStringLiteral("u1"));
        QVERIFY((*found)->csrfToken.size() >= 40);
        QVERIFY(!sessions.find(id + QLatin1Char('x'))->has_value());

        // Idle timeout: used within 30 minutes stays, a longer pause ends it.
        now = now.addSecs(WebSessions::idleSeconds - 10);
        QVERIFY(sessions.find(id)->has_value());
        now = now.addSecs(WebSessions::idleSeconds + 1);
        QVERIFY(!sessions.find(id)->has_value());

        // Absolute lifetime even when used all the time.
        const QString busy = *sessions.create(QStringLiteral("u2"));
        for (int minutes = 0; minutes < WebSessions::lifetimeSeconds / 60 - 20; minutes += 20) {
            now = now.addSecs(20 * 60);
            QVERIFY2(sessions.find(busy)->has_value(), qPrintable(QString::number(minutes)));
        }
        now = now.addSecs(3600);
        QVERIFY(!sessions.find(busy)->has_value());

        // Logout and revocation end sessions on the server.
        const QString a = *sessions.create(QStringLiteral("u3"));
        const QString b = *sessions.create(QStringLiteral("u3"));
        const QString c = *sessions.create(QStringLiteral("u4"));
        QVERIFY(sessions.end(a));
        QVERIFY(!sessions.find(a)->has_value());
        QVERIFY(sessions.find(b)->has_value());
        QVERIFY(sessions.endAllOf(QStringLiteral("u3")));
        QVERIFY(!sessions.find(b)->has_value());
        QVERIFY(sessions.find(c)->has_value());
    }

    // The store keeps the session's hash, never the cookie value; the session and its CSRF token survive a
    // reopen of the store (a server restart), and the expiry counts from the stored times, not from the restart.
    void sessionsLiveInTheStore()
    {
        QTemporaryDir dir;
        QDateTime now(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        QString id, csrf, expiring;
        {
            auto opened = openStore(dir);
            QVERIFY(opened);
            WebSessions sessions(**opened, [&] { return now; });
            id = *sessions.create(QStringLiteral("u1"));
            csrf = (*sessions.find(id))->csrfToken;
            QVERIFY((*opened)->findWebSession(sha(id))->has_value());
            QVERIFY(!(*opened)->findWebSession(id)->has_value());
            now = now.addSecs(60);
            expiring = *sessions.create(QStringLiteral("u2"));
        }
        QFile file(dir.filePath(QStringLiteral("server.db")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray raw = file.readAll();
        QVERIFY(!raw.contains(id.toLatin1()));
        QVERIFY(!raw.contains(sha(id).toLatin1())); // encrypted at rest, not even the hash is readable

        auto reopened = openStore(dir);
        QVERIFY(reopened);
        now = now.addSecs(WebSessions::idleSeconds - 120);
        WebSessions sessions(**reopened, [&] { return now; });
        const auto again = sessions.find(id);
        QVERIFY(again && again->has_value());
        QCOMPARE((*again)->csrfToken, csrf);
        // "expiring" was last used 60 s after "id"; "id" was just used, so only "expiring" goes idle here.
        now = now.addSecs(WebSessions::idleSeconds - 30);
        QVERIFY(sessions.find(id)->has_value());
        QVERIFY((*reopened)->findWebSession(sha(expiring))->has_value());
        // A new login purges the rows of sessions that are over.
        QVERIFY(sessions.create(QStringLiteral("u3")));
        QVERIFY(!(*reopened)->findWebSession(sha(expiring))->has_value());
        QVERIFY((*reopened)->findWebSession(sha(id))->has_value());
    }

    void qrSvgDrawsModules()
    {
        const QString svg = qrSvg(QStringLiteral("poruch://enroll?code=K7Q4-M2XP-9TAB"));
        QVERIFY(svg.startsWith(QStringLiteral("<svg")));
        QVERIFY(svg.count(QStringLiteral("h1v1h-1z")) > 100); // dark modules of at least a version-2 code
        QVERIFY(!svg.contains(QStringLiteral("<script")));
        QVERIFY(qrSvg(QString(5000, QLatin1Char('x'))).isEmpty()); // too long for any QR code
    }

    void chainVerifies()
    {
        const QString caseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const OfficeRecord first = finalRecord(caseId, QString(), 1);
        const OfficeRecord second = finalRecord(caseId, first.stored.chainHash, 2);
        OfficeRecord draft = finalRecord(caseId, QString(), 3);
        draft.stored.final = false;
        const ChainCheck good = verifyChain({ &first, &draft, &second });
        QVERIFY(good.ok);
        QCOMPARE(good.finals, 2);

        // Swapped order breaks the chain.
        const ChainCheck swapped = verifyChain({ &second, &first });
        QVERIFY(!swapped.ok);
        QCOMPARE(swapped.firstBadRecordId, second.stored.id);

        // Changed content no longer matches its hash.
        OfficeRecord tampered = second;
        tampered.record.body.insert(QStringLiteral("visitedAt"), QStringLiteral("2026-03-09T10:00:00+02:00"));
        const ChainCheck changed = verifyChain({ &first, &tampered });
        QVERIFY(!changed.ok);
        QCOMPARE(changed.firstBadRecordId, second.stored.id);

        // A stored chain value that was rewritten is caught too.
        OfficeRecord rewritten = second;
        rewritten.stored.chainHash = sha(rewritten.stored.contentHash);
        QVERIFY(!verifyChain({ &first, &rewritten }).ok);
    }

    void workflowRecordGetsJournalNumber()
    {
        records::Record notice;
        notice.id = QStringLiteral("n1");
        notice.type = records::RecordType::Notice;
        notice.caseId = QStringLiteral("c1");
        notice.status = records::RecordStatus::Final;
        notice.body = QJsonObject { { QStringLiteral("concernsChild"), true } };
        poruch::server::StoredRecord stored;
        stored.journalNumber = QStringLiteral("2026/5");
        const auto input = toWorkflowRecord(stored, notice);
        QCOMPARE(input.type, QStringLiteral("notice"));
        QVERIFY(input.final);
        QCOMPARE(input.body.value(QStringLiteral("journalNumber")).toString(), QStringLiteral("2026/5"));
        QVERIFY(input.body.value(QStringLiteral("concernsChild")).toBool());
    }

    void recordTitleSaysWhatAndWhen()
    {
        OfficeRecord notice;
        notice.stored.type = QStringLiteral("notice");
        notice.stored.journalNumber = QStringLiteral("2026/18");
        // 23:30 UTC on 11 March is already 12 March in Kyiv.
        notice.record.body = QJsonObject { { QStringLiteral("receivedAt"), QStringLiteral("2026-03-11T23:30:00Z") } };
        QCOMPARE(recordTitle(notice), QStringLiteral("Повідомлення № 2026/18 від 12.03.2026"));
        OfficeRecord decision;
        decision.stored.type = QStringLiteral("services_decision");
        decision.record.body = QJsonObject { { QStringLiteral("decisionDate"), QStringLiteral("2026-04-02") } };
        QCOMPARE(recordTitle(decision), QStringLiteral("Рішення про надання послуг від 02.04.2026"));
    }

    void actNamesTheReferredRecordNotItsId()
    {
        poruch::forms::FormRegistry forms;
        QVERIFY(forms.loadBuiltIn().ok());
        const poruch::forms::FormDefinition* action = forms.definition(QStringLiteral("action"), 3);
        QVERIFY(action);
        const QString known = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const RecordTitleLookup titles = [&](const QString& id) {
            return id == known ? QStringLiteral("Повідомлення № 2026/18 від 12.03.2026") : QString();
        };
        records::Record record;
        record.type = records::RecordType::Action;
        record.formId = QStringLiteral("action");
        record.formVersion = 3;
        record.body = QJsonObject { { QStringLiteral("relatesTo"), known } };
        const QString shown = renderActHtml(action, record, nullptr, QString(), titles);
        QVERIFY(shown.contains(QStringLiteral("Повідомлення № 2026/18 від 12.03.2026")));
        QVERIFY(!shown.contains(known));
        record.body = QJsonObject { { QStringLiteral("relatesTo"), unknown } };
        const QString missing = renderActHtml(action, record, nullptr, QString(), titles);
        QVERIFY(missing.contains(QStringLiteral("запис не знайдено")));
        QVERIFY(!missing.contains(unknown));
        // Version 2 has no "refersTo": its relatesTo stays the text it was.
        record.formVersion = 2;
        QVERIFY(renderActHtml(forms.definition(QStringLiteral("action"), 2), record, nullptr, QString(), titles)
                    .contains(unknown));
    }
};

QTEST_GUILESS_MAIN(TestOfficeLogic)
#include "tst_officelogic.moc"
