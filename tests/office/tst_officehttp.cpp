// Integration: the office web page of the real poruch-server binary over HTTP. Login and sessions, security
// headers, CSRF rejection, roles (field role → 403, office → no audit page), unit scoping, marks stored and
// audited, every view of personal data audited, logout ending the session on the server, sessions kept across a
// server restart, login rate limit, an act naming the record it relates to (page, print view, PDF).
#include "formbodies.h"
#include "officeclient.h"
#include "pdftext.h"
#include "records/canonicalform.h"
#include "sync/syncmessages.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace poruch::test;
namespace records = poruch::records;
namespace wire = poruch::sync;

namespace {
const QString password = QStringLiteral("correct horse battery");
}

class TestOfficeHttp : public QObject {
    Q_OBJECT
private:
    ServerProcess m_server;
    PushedCase m_case;
    QString m_officeId;

    // Finalizes `record` and pushes it from the test tablet; the server's answer for it (rejected with
    // code test.bad_reply when the reply cannot be read).
    wire::PushResult pushFinal(records::Record record, qint64 seq)
    {
        record.status = records::RecordStatus::Final;
        record.finalizedAt = record.updatedAt;
        record.contentHash = records::contentHash(record);
        wire::PushItem item;
        item.seq = seq;
        item.kind = wire::PushItem::Kind::Record;
        item.record = record;
        const auto reply = apiRequest("POST", m_server.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/sync/push"))),
            wire::PushRequest { m_case.deviceId, { item } }.toJson(), m_case.token);
        const auto response = wire::PushResponse::fromJson(reply.body);
        if (response && response->results.size() == 1)
            return response->results.first();
        wire::PushResult failed;
        failed.status = wire::PushResult::Status::Rejected;
        failed.reason = { QStringLiteral("test.bad_reply"), QString::fromUtf8(reply.body.left(300)) };
        return failed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        m_officeId = createWebUser(m_server, QStringLiteral("clerk"), QStringLiteral("office"), password);
        QVERIFY(!m_officeId.isEmpty());
        QVERIFY(!createWebUser(m_server, QStringLiteral("boss"), QStringLiteral("admin"), password).isEmpty());
        QVERIFY(!createWebUser(
            m_server, QStringLiteral("other-unit"), QStringLiteral("office"), password, QStringLiteral("north"))
                     .isEmpty());
        QVERIFY(!createWebUser(m_server, QStringLiteral("field"), QStringLiteral("social_worker"), password).isEmpty());
        QVERIFY(
            !createWebUser(m_server, QStringLiteral("worker"), QStringLiteral("social_worker"), QString()).isEmpty());
        m_case = enrollAndPushCase(m_server, QStringLiteral("worker"), QStringLiteral("Коваленко Дарина Петрівна"));
        QVERIFY2(m_case.error.isEmpty(), qPrintable(m_case.error));
        QVERIFY(!m_case.journalNumber.isEmpty());
    }

    void pagesNeedALogin_data()
    {
        QTest::addColumn<QString>("path");
        for (const char* path : { "/office/inbox", "/office/case", "/office/record/pdf", "/office/journal.csv",
                 "/office/deadlines", "/office/users", "/office/audit", "/office/report" })
            QTest::newRow(path) << QString::fromLatin1(path);
    }
    void pagesNeedALogin()
    {
        QFETCH(QString, path);
        WebClient anonymous(m_server.baseUrl());
        const auto reply = anonymous.get(path);
        QCOMPARE(reply.status, 303);
        QCOMPARE(reply.header("Location"), QByteArray("/office/login"));
        QVERIFY(!reply.text().contains(m_case.childName));
    }

    void loginPageHasSecurityHeaders()
    {
        WebClient client(m_server.baseUrl());
        const auto reply = client.get(QStringLiteral("/office/login"));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("Content-Type").startsWith("text/html; charset=utf-8"));
        const QByteArray csp = reply.header("Content-Security-Policy");
        QVERIFY(csp.contains("default-src 'none'"));
        QVERIFY(csp.contains("script-src 'self'"));
        QVERIFY(!csp.contains("unsafe-inline"));
        QVERIFY(csp.contains("frame-ancestors 'none'"));
        QCOMPARE(reply.header("X-Frame-Options"), QByteArray("DENY"));
        QCOMPARE(reply.header("Referrer-Policy"), QByteArray("no-referrer"));
        QCOMPARE(reply.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QVERIFY(reply.text().contains(QStringLiteral("Вхід до кабінету офісу")));
        QVERIFY(!client.csrf().isEmpty());
    }

    void loginSetsAHardenedSessionCookie()
    {
        WebClient client(m_server.baseUrl());
        const auto reply = client.login(QStringLiteral("clerk"), password);
        QCOMPARE(reply.status, 303);
        QCOMPARE(reply.header("Location"), QByteArray("/office/inbox"));
        QByteArray sessionCookie;
        for (const QByteArray& value : reply.headersNamed("Set-Cookie")) {
            if (value.startsWith("poruch_session="))
                sessionCookie = value;
        }
        QVERIFY(sessionCookie.contains("HttpOnly"));
        QVERIFY(sessionCookie.contains("SameSite=Strict"));
        QVERIFY(sessionCookie.contains("Path=/office"));
        QVERIFY(client.cookie("poruch_session").size() >= 40);
        const auto inbox = client.get(QStringLiteral("/office/inbox"));
        QCOMPARE(inbox.status, 200);
        QVERIFY(inbox.text().contains(m_case.journalNumber));
        QVERIFY(inbox.text().contains(QStringLiteral("Вхідні акти і повідомлення")));
    }

    void wrongPasswordAndMissingCsrfAreRefused()
    {
        WebClient client(m_server.baseUrl());
        const auto wrong = client.login(QStringLiteral("clerk"), QStringLiteral("wrong password!"));
        QCOMPARE(wrong.status, 401);
        QVERIFY(client.cookie("poruch_session").isEmpty());
        const auto unknown = client.login(QStringLiteral("nobody"), password);
        QCOMPARE(unknown.status, 401);
        QVERIFY(unknown.text().contains(QStringLiteral("Неправильне ім&#39;я користувача або пароль")));

        WebClient forged(m_server.baseUrl());
        const auto noToken = forged.post(QStringLiteral("/office/login"),
            { { QStringLiteral("username"), QStringLiteral("clerk") }, { QStringLiteral("password"), password } });
        QCOMPARE(noToken.status, 403);
        QVERIFY(forged.cookie("poruch_session").isEmpty());
    }

    void fieldRoleCannotLogIn()
    {
        WebClient client(m_server.baseUrl());
        const auto reply = client.login(QStringLiteral("field"), password);
        QCOMPARE(reply.status, 403);
        QVERIFY(client.cookie("poruch_session").isEmpty());
        QVERIFY(reply.text().contains(QStringLiteral("Доступ заборонено")));
    }

    void formsWithoutTheSessionTokenAreRejected()
    {
        WebClient client(m_server.baseUrl());
        QCOMPARE(client.login(QStringLiteral("clerk"), password).status, 303);
        const auto missing = client.post(QStringLiteral("/office/mark"),
            { { QStringLiteral("record"), m_case.noticeId }, { QStringLiteral("state"), QStringLiteral("received") } });
        QCOMPARE(missing.status, 403);
        const auto forged = client.post(QStringLiteral("/office/mark"),
            { { QStringLiteral("csrf"), QStringLiteral("x").repeated(43) },
                { QStringLiteral("record"), m_case.noticeId },
                { QStringLiteral("state"), QStringLiteral("received") } });
        QCOMPARE(forged.status, 403);
        const auto stillNew = client.get(QStringLiteral("/office/inbox"));
        QVERIFY(stillNew.text().contains(m_case.journalNumber));

        // Another session's token does not work either.
        WebClient second(m_server.baseUrl());
        QCOMPARE(second.login(QStringLiteral("clerk"), password).status, 303);
        second.get(QStringLiteral("/office/inbox"));
        client.get(QStringLiteral("/office/inbox"));
        QVERIFY(second.csrf() != client.csrf());
        const auto crossed = client.post(QStringLiteral("/office/mark"),
            { { QStringLiteral("csrf"), second.csrf() }, { QStringLiteral("record"), m_case.noticeId },
                { QStringLiteral("state"), QStringLiteral("received") } });
        QCOMPARE(crossed.status, 403);
    }

    void markIsStoredAndAudited()
    {
        WebClient client(m_server.baseUrl());
        QCOMPARE(client.login(QStringLiteral("clerk"), password).status, 303);
        client.get(QStringLiteral("/office/inbox"));
        const auto marked = client.post(QStringLiteral("/office/mark"),
            { { QStringLiteral("csrf"), client.csrf() }, { QStringLiteral("record"), m_case.noticeId },
                { QStringLiteral("state"), QStringLiteral("registered") } });
        QCOMPARE(marked.status, 303);
        const auto all = client.get(QStringLiteral("/office/inbox?show=all"));
        QVERIFY(all.text().contains(QStringLiteral("зареєстровано")));
        const auto journal = client.get(QStringLiteral("/office/journal?status=registered"));
        QVERIFY(journal.text().contains(m_case.journalNumber));
        const auto journalNew = client.get(QStringLiteral("/office/journal?status=new"));
        QVERIFY(!journalNew.text().contains(QStringLiteral(">%1<").arg(m_case.journalNumber)));

        WebClient admin(m_server.baseUrl());
        QCOMPARE(admin.login(QStringLiteral("boss"), password).status, 303);
        const auto audit = admin.get(QStringLiteral("/office/audit?action=web.mark&record=%1").arg(m_case.noticeId));
        QCOMPARE(audit.status, 200);
        QVERIFY(audit.text().contains(QStringLiteral("web.mark")));
        QVERIFY(audit.text().contains(QStringLiteral("registered")));
        QVERIFY(audit.text().contains(QStringLiteral("clerk")));
    }

    void viewsOfPersonalDataAreAudited()
    {
        WebClient client(m_server.baseUrl());
        QCOMPARE(client.login(QStringLiteral("clerk"), password).status, 303);
        const auto casePage = client.get(QStringLiteral("/office/case?id=%1").arg(m_case.caseId));
        QCOMPARE(casePage.status, 200);
        QVERIFY(casePage.text().contains(m_case.childName));
        QVERIFY(casePage.text().contains(QStringLiteral("ланцюжок хешів цілий")));
        const auto act = client.get(QStringLiteral("/office/record?id=%1").arg(m_case.assessmentId));
        QCOMPARE(act.status, 200);
        QVERIFY(act.text().contains(QStringLiteral("небезпечно")));

        WebClient admin(m_server.baseUrl());
        QCOMPARE(admin.login(QStringLiteral("boss"), password).status, 303);
        const auto byRecord
            = admin.get(QStringLiteral("/office/audit?action=web.view&record=%1").arg(m_case.assessmentId));
        QVERIFY(byRecord.text().contains(QStringLiteral("page record")));
        const auto byCase
            = admin.get(QStringLiteral("/office/audit?action=web.view&case=%1&user=clerk").arg(m_case.caseId));
        QVERIFY(byCase.text().contains(QStringLiteral("page case")));
        QVERIFY(byCase.text().contains(QStringLiteral("clerk")));
    }

    // Resolution 817 §9 outcome facts: the pushed action (form version 2) is counted in the report of its
    // quarter (page and CSV, no footnote any more); version 1 of the action form refuses the new codes.
    void reportCountsTheOutcomeFacts()
    {
        WebClient client(m_server.baseUrl());
        QCOMPARE(client.login(QStringLiteral("clerk"), password).status, 303);
        const QDate kyivDay = m_case.outcomeAt.toTimeZone(QTimeZone(QByteArrayLiteral("Europe/Kyiv"))).date();
        const QString quarter = QStringLiteral("%1-Q%2").arg(kyivDay.year()).arg((kyivDay.month() - 1) / 3 + 1);
        const auto page = client.get(QStringLiteral("/office/report?quarter=%1").arg(quarter));
        QCOMPARE(page.status, 200);
        static const QRegularExpression stayed(QStringLiteral("залишилися у сім'ях, в яких існував ризик їх "
                                                              "відібрання</td><td>(\\d+)</td><td>(\\d+)</td>"));
        const auto row = stayed.match(page.text().replace(QStringLiteral("&#39;"), QStringLiteral("'")));
        QVERIFY2(row.hasMatch(), qPrintable(page.text().right(3000)));
        QCOMPARE(row.captured(1), QStringLiteral("1"));
        QCOMPARE(row.captured(2), QStringLiteral("0"));
        QVERIFY(!page.text().contains(QStringLiteral("—*")));
        const auto csv = client.get(QStringLiteral("/office/report.csv?quarter=%1").arg(quarter));
        QVERIFY(csv.text().contains(QStringLiteral("ризик їх відібрання\";1;0")));

        // The same fact in form version 1 is refused by the server's validation; in version 2 it is applied.
        const auto push = [&](int formVersion, qint64 seq) {
            records::Record record;
            record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            record.type = records::RecordType::Action;
            record.formId = QStringLiteral("action");
            record.formVersion = formVersion;
            record.caseId = m_case.caseId;
            record.body = QJsonObject { { QStringLiteral("action"), QStringLiteral("child_returned_to_family") },
                { QStringLiteral("at"), m_case.outcomeAt.toString(Qt::ISODate) },
                { QStringLiteral("relatesTo"), m_case.noticeId },
                { QStringLiteral("childMembers"), QJsonArray { m_case.childId } } };
            record.createdAt = m_case.outcomeAt;
            record.updatedAt = record.createdAt;
            record.status = records::RecordStatus::Final;
            record.finalizedAt = record.updatedAt;
            record.contentHash = records::contentHash(record);
            wire::PushItem item;
            item.seq = seq;
            item.kind = wire::PushItem::Kind::Record;
            item.record = record;
            const auto reply
                = apiRequest("POST", m_server.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/sync/push"))),
                    wire::PushRequest { m_case.deviceId, { item } }.toJson(), m_case.token);
            const auto response = wire::PushResponse::fromJson(reply.body);
            return response && response->results.size() == 1 ? std::optional(response->results.first()) : std::nullopt;
        };
        const auto asV1 = push(1, 100);
        QVERIFY(asV1.has_value());
        QCOMPARE(asV1->status, wire::PushResult::Status::Rejected);
        QVERIFY2(asV1->reason.message.contains(QStringLiteral("action (option)")), qPrintable(asV1->reason.message));
        const auto asV2 = push(2, 101);
        QVERIFY(asV2.has_value());
        QCOMPARE(asV2->status, wire::PushResult::Status::Applied);
        const auto after = client.get(QStringLiteral("/office/report.csv?quarter=%1").arg(quarter));
        QVERIFY2(after.text().contains(QStringLiteral("виховання дітей\";1;0")), qPrintable(after.text()));
    }

    void officeRoleHasNoAuditPage()
    {
        WebClient client(m_server.baseUrl());
        QCOMPARE(client.login(QStringLiteral("clerk"), password).status, 303);
        QCOMPARE(client.get(QStringLiteral("/office/audit")).status, 403);
        // Office staff cannot create office or admin accounts.
        client.get(QStringLiteral("/office/users"));
        const auto escalate = client.post(QStringLiteral("/office/users/create"),
            { { QStringLiteral("csrf"), client.csrf() }, { QStringLiteral("username"), QStringLiteral("evil") },
                { QStringLiteral("name"), QStringLiteral("Evil") }, { QStringLiteral("role"), QStringLiteral("admin") },
                { QStringLiteral("password"), password } });
        QCOMPARE(escalate.status, 403);
    }

    void otherUnitSeesNothingOfThisUnit()
    {
        WebClient client(m_server.baseUrl());
        QCOMPARE(client.login(QStringLiteral("other-unit"), password).status, 303);
        const auto inbox = client.get(QStringLiteral("/office/inbox?show=all"));
        QCOMPARE(inbox.status, 200);
        QVERIFY(!inbox.text().contains(m_case.journalNumber));
        QCOMPARE(client.get(QStringLiteral("/office/case?id=%1").arg(m_case.caseId)).status, 404);
        QCOMPARE(client.get(QStringLiteral("/office/record?id=%1").arg(m_case.noticeId)).status, 404);
        QVERIFY(!client.get(QStringLiteral("/office/journal.csv")).text().contains(m_case.journalNumber));
    }

    void journalCsvIsForSpreadsheets()
    {
        WebClient client(m_server.baseUrl());
        QCOMPARE(client.login(QStringLiteral("clerk"), password).status, 303);
        const auto csv = client.get(QStringLiteral("/office/journal.csv"));
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.header("Content-Type").startsWith("text/csv"));
        QVERIFY(csv.body.startsWith("\xEF\xBB\xBF"));
        QVERIFY(csv.text().contains(m_case.journalNumber));
        QVERIFY(csv.text().contains(QStringLiteral("№ у журналі")));
    }

    void enrollmentCodeWithQrImage()
    {
        WebClient client(m_server.baseUrl());
        QCOMPARE(client.login(QStringLiteral("clerk"), password).status, 303);
        const auto users = client.get(QStringLiteral("/office/users"));
        static const QRegularExpression workerRow(QStringLiteral("name=\"user\" value=\"([0-9a-f-]{36})\""));
        QVERIFY(workerRow.match(users.text()).hasMatch());
        const QString anyField = workerRow.match(users.text()).captured(1);
        const auto code = client.post(QStringLiteral("/office/users/code"),
            { { QStringLiteral("csrf"), client.csrf() }, { QStringLiteral("user"), anyField } });
        QCOMPARE(code.status, 200);
        QVERIFY(code.text().contains(QStringLiteral("<svg")));
        static const QRegularExpression codeText(QStringLiteral("class=\"code-text\">([A-Z0-9-]{14})<"));
        QVERIFY(codeText.match(code.text()).hasMatch());
    }

    void logoutEndsTheSessionOnTheServer()
    {
        WebClient client(m_server.baseUrl());
        QCOMPARE(client.login(QStringLiteral("clerk"), password).status, 303);
        const QByteArray stolen = client.cookie("poruch_session");
        client.get(QStringLiteral("/office/inbox"));
        const auto out = client.post(QStringLiteral("/office/logout"), { { QStringLiteral("csrf"), client.csrf() } });
        QCOMPARE(out.status, 303);
        WebClient replay(m_server.baseUrl());
        replay.setCookie("poruch_session", stolen);
        const auto again = replay.get(QStringLiteral("/office/inbox"));
        QCOMPARE(again.status, 303);
        QCOMPARE(again.header("Location"), QByteArray("/office/login"));
    }

    // Sessions live in the server store: a restart keeps the signed-in user signed in (with the same CSRF
    // token), and a logout before a restart stays a logout after it.
    void sessionsSurviveARestart()
    {
        WebClient client(m_server.baseUrl());
        QCOMPARE(client.login(QStringLiteral("clerk"), password).status, 303);
        QCOMPARE(client.get(QStringLiteral("/office/inbox")).status, 200);
        const QByteArray cookie = client.cookie("poruch_session");
        const QString csrf = client.csrf();
        WebClient leaving(m_server.baseUrl());
        QCOMPARE(leaving.login(QStringLiteral("clerk"), password).status, 303);
        QCOMPARE(leaving.get(QStringLiteral("/office/inbox")).status, 200);
        const QByteArray leavingCookie = leaving.cookie("poruch_session");

        m_server.stop();
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));

        WebClient resumed(m_server.baseUrl()); // the port changes with the restart; the cookie does not
        resumed.setCookie("poruch_session", cookie);
        const auto inbox = resumed.get(QStringLiteral("/office/inbox?show=all"));
        QCOMPARE(inbox.status, 200);
        QVERIFY(inbox.text().contains(m_case.journalNumber));
        QCOMPARE(resumed.csrf(), csrf);
        const auto marked = resumed.post(QStringLiteral("/office/mark"),
            { { QStringLiteral("csrf"), csrf }, { QStringLiteral("record"), m_case.assessmentId },
                { QStringLiteral("state"), QStringLiteral("received") } });
        QCOMPARE(marked.status, 303);

        WebClient leavingAgain(m_server.baseUrl());
        leavingAgain.setCookie("poruch_session", leavingCookie);
        QCOMPARE(leavingAgain.get(QStringLiteral("/office/inbox")).status, 200);
        const auto out
            = leavingAgain.post(QStringLiteral("/office/logout"), { { QStringLiteral("csrf"), leavingAgain.csrf() } });
        QCOMPARE(out.status, 303);

        m_server.stop();
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        WebClient replay(m_server.baseUrl());
        replay.setCookie("poruch_session", leavingCookie);
        const auto refused = replay.get(QStringLiteral("/office/inbox"));
        QCOMPARE(refused.status, 303);
        QCOMPARE(refused.header("Location"), QByteArray("/office/login"));
        WebClient stillIn(m_server.baseUrl());
        stillIn.setCookie("poruch_session", cookie);
        QCOMPARE(stillIn.get(QStringLiteral("/office/inbox")).status, 200);
    }

    void underTlsTheCookieIsSecureAndTheCodeCarriesTheFingerprint()
    {
        ServerProcess tlsServer;
        QVERIFY2(tlsServer.start({}, true), qPrintable(tlsServer.error()));
        QVERIFY(!createWebUser(tlsServer, QStringLiteral("clerk"), QStringLiteral("office"), password).isEmpty());
        QVERIFY(
            !createWebUser(tlsServer, QStringLiteral("worker"), QStringLiteral("social_worker"), QString()).isEmpty());
        WebClient client(tlsServer.baseUrl(), { tlsServer.tls().certificate });
        const auto login = client.login(QStringLiteral("clerk"), password);
        QCOMPARE(login.status, 303);
        bool secure = false;
        for (const QByteArray& value : login.headersNamed("Set-Cookie"))
            secure = secure || (value.startsWith("poruch_session=") && value.contains("; Secure"));
        QVERIFY(secure);
        QVERIFY(login.header("Strict-Transport-Security").contains("max-age="));
        const auto users = client.get(QStringLiteral("/office/users"));
        static const QRegularExpression codeForm(
            QStringLiteral("action=\"/office/users/code\">.*?name=\"user\" value=\"([0-9a-f-]{36})\""));
        const auto match = codeForm.match(users.text());
        QVERIFY(match.hasMatch());
        const auto code = client.post(QStringLiteral("/office/users/code"),
            { { QStringLiteral("csrf"), client.csrf() }, { QStringLiteral("user"), match.captured(1) } });
        QCOMPARE(code.status, 200);
        QStringList pairs;
        const QString hex
            = QString::fromLatin1(tlsServer.tls().certificate.digest(QCryptographicHash::Sha256).toHex().toUpper());
        for (int i = 0; i < hex.size(); i += 2)
            pairs << hex.mid(i, 2);
        QVERIFY2(code.text().contains(pairs.join(QLatin1Char(':'))), "the certificate fingerprint is not shown");
    }

    // An action (form version 3) names the notice it follows: the act page, its print view and its PDF show
    // «Повідомлення № … від …», never the id.
    void actNamesTheRecordItRelatesTo()
    {
        records::Record record;
        record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        record.type = records::RecordType::Action;
        record.formId = QStringLiteral("action");
        record.formVersion = 3;
        record.caseId = m_case.caseId;
        record.body = completeFormBody(QStringLiteral("action"),
            QJsonObject { { QStringLiteral("at"), m_case.outcomeAt.toString(Qt::ISODate) },
                { QStringLiteral("relatesTo"), m_case.noticeId } });
        record.createdAt = m_case.outcomeAt;
        record.updatedAt = record.createdAt;
        const wire::PushResult pushed = pushFinal(record, 300);
        QVERIFY2(pushed.status == wire::PushResult::Status::Applied, qPrintable(pushed.reason.message));

        // The notice was received 400 s before the outcome (enrollAndPushCase); its day in Kyiv.
        const QString day = m_case.outcomeAt.addSecs(-400)
                                .toTimeZone(QTimeZone(QByteArrayLiteral("Europe/Kyiv")))
                                .date()
                                .toString(QStringLiteral("dd.MM.yyyy"));
        const QString title = QStringLiteral("Повідомлення № %1 від %2").arg(m_case.journalNumber, day);
        WebClient client(m_server.baseUrl());
        QCOMPARE(client.login(QStringLiteral("clerk"), password).status, 303);
        for (const char* path : { "/office/record?id=%1", "/office/record/print?id=%1" }) {
            const auto page = client.get(QString::fromLatin1(path).arg(record.id));
            QCOMPARE(page.status, 200);
            QVERIFY2(page.text().contains(title), qPrintable(title));
            QVERIFY(page.text().contains(QStringLiteral("Запис справи, що зумовив дію")));
            QVERIFY(!page.text().contains(m_case.noticeId));
        }
        const auto pdf = client.get(QStringLiteral("/office/record/pdf?id=%1").arg(record.id));
        QCOMPARE(pdf.status, 200);
        QString text = pdfText(pdf.body);
        text.replace(QLatin1Char('\t'), QLatin1Char(' ')); // QPdfWriter's space glyph maps to a tab
        QVERIFY2(text.contains(title), qPrintable(text.left(2000)));
        QVERIFY(!text.contains(m_case.noticeId));
    }

    void aCorrectedNoticeKeepsItsOneJournalRow()
    {
        records::Record amendment;
        amendment.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        amendment.type = records::RecordType::Notice;
        amendment.formId = QStringLiteral("notice");
        amendment.caseId = m_case.caseId;
        amendment.amends = m_case.noticeId;
        amendment.body = completeFormBody(QStringLiteral("notice"),
            QJsonObject { { QStringLiteral("concernsChild"), true },
                { QStringLiteral("receivedAt"), m_case.outcomeAt.addSecs(-400).toString(Qt::ISODate) } });
        amendment.createdAt = m_case.outcomeAt;
        amendment.updatedAt = amendment.createdAt;
        const wire::PushResult pushed = pushFinal(amendment, 400);
        QVERIFY2(pushed.status == wire::PushResult::Status::Applied, qPrintable(pushed.reason.message));
        QCOMPARE(pushed.journalNumber, m_case.journalNumber);

        // The journal lists the registration once, not once per version.
        WebClient client(m_server.baseUrl());
        QCOMPARE(client.login(QStringLiteral("clerk"), password).status, 303);
        const QString page = client.get(QStringLiteral("/office/journal")).text();
        QCOMPARE(page.count(QStringLiteral(">%1<").arg(m_case.journalNumber)), 1);
        const QString csv = client.get(QStringLiteral("/office/journal.csv")).text();
        QCOMPARE(csv.count(QStringLiteral("\n%1;").arg(m_case.journalNumber)), 1);
    }

    void loginIsRateLimited()
    {
        WebClient client(m_server.baseUrl());
        int limited = 0;
        for (int i = 0; i < 7; ++i) {
            const auto reply = client.login(QStringLiteral("boss2"), QStringLiteral("not the password"));
            if (reply.status == 429) {
                ++limited;
                QVERIFY(reply.header("Retry-After").toInt() > 0);
            }
        }
        QVERIFY(limited >= 2);
    }
};

QTEST_GUILESS_MAIN(TestOfficeHttp)
#include "tst_officehttp.moc"
