#include "officeclient.h"

#include "formbodies.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace poruch::test {

QByteArray WebReply::header(const QByteArray& name) const
{
    for (const auto& pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return QByteArray();
}

QList<QByteArray> WebReply::headersNamed(const QByteArray& name) const
{
    QList<QByteArray> values;
    for (const auto& pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            values.append(pair.second);
    }
    return values;
}

WebReply WebClient::send(const QByteArray& method, const QString& path, const QByteArray& body)
{
    QNetworkAccessManager network;
    QNetworkRequest request(m_base.resolved(QUrl(path)));
    request.setTransferTimeout(30000);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!m_trusted.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(m_trusted);
        request.setSslConfiguration(ssl);
    }
    QByteArrayList cookies;
    for (auto it = m_cookies.cbegin(); it != m_cookies.cend(); ++it) {
        if (!it.value().isEmpty())
            cookies << it.key() + '=' + it.value();
    }
    if (!cookies.isEmpty())
        request.setRawHeader("Cookie", cookies.join("; "));
    if (method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply* reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    WebReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto& pair : reply->rawHeaderPairs()) {
        // Qt joins repeated headers with "\n" (Set-Cookie) or ", ".
        for (const QByteArray& value : pair.second.split('\n'))
            result.headers.append({ pair.first, value });
    }
    reply->deleteLater();
    for (const QByteArray& setCookie : result.headersNamed("Set-Cookie")) {
        const QByteArray pair = setCookie.split(';').first();
        const int eq = pair.indexOf('=');
        if (eq > 0)
            m_cookies.insert(pair.left(eq).trimmed(), pair.mid(eq + 1).trimmed());
    }
    static const QRegularExpression csrfField(QStringLiteral("name=\"csrf\" value=\"([^\"]+)\""));
    const auto match = csrfField.match(QString::fromUtf8(result.body));
    if (match.hasMatch())
        m_csrf = match.captured(1);
    return result;
}

WebReply WebClient::get(const QString& path)
{
    return send("GET", path, QByteArray());
}

WebReply WebClient::post(const QString& path, const QList<QPair<QString, QString>>& fields)
{
    QUrlQuery query;
    for (const auto& field : fields)
        query.addQueryItem(field.first, QString::fromLatin1(QUrl::toPercentEncoding(field.second)));
    return send("POST", path, query.toString(QUrl::FullyEncoded).toLatin1());
}

WebReply WebClient::login(const QString& username, const QString& password)
{
    get(QStringLiteral("/office/login"));
    return post(QStringLiteral("/office/login"),
        { { QStringLiteral("csrf"), m_csrf }, { QStringLiteral("username"), username },
            { QStringLiteral("password"), password } });
}

QString createWebUser(const ServerProcess& server, const QString& username, const QString& role,
    const QString& password, const QString& unit)
{
    QProcess process;
    QStringList arguments { QStringLiteral("--config"), server.configFile(), QStringLiteral("create-user"), username,
        QStringLiteral("--role"), role, QStringLiteral("--name"), QStringLiteral("Тестова Особа %1").arg(username),
        QStringLiteral("--unit"), unit };
    if (!password.isEmpty())
        arguments << QStringLiteral("--password-stdin");
    process.start(ServerProcess::adminBinary(), arguments);
    process.waitForStarted();
    if (!password.isEmpty())
        process.write(password.toUtf8() + '\n');
    process.closeWriteChannel();
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace poruch::test

#include "records/canonicalform.h"
#include "sync/syncmessages.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace poruch::test {

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

records::Record finalRecord(records::Record record)
{
    record.status = records::RecordStatus::Final;
    record.finalizedAt = record.updatedAt;
    record.contentHash = records::contentHash(record);
    return record;
}

} // namespace

PushedCase enrollAndPushCase(const ServerProcess& server, const QString& workerUsername, const QString& childName)
{
    PushedCase pushed;
    pushed.childName = childName;
    QByteArray code;
    server.admin({ QStringLiteral("enroll-code"), workerUsername }, &code);
    const auto enrolled = apiRequest("POST", server.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/enroll"))),
        QJsonDocument(QJsonObject { { QStringLiteral("code"), QString::fromUtf8(code).trimmed() },
                          { QStringLiteral("deviceLabel"), QStringLiteral("планшет 1") } })
            .toJson());
    const QJsonObject enrollment = QJsonDocument::fromJson(enrolled.body).object();
    const QString deviceId = enrollment.value(QStringLiteral("deviceId")).toString();
    const QString token = enrollment.value(QStringLiteral("token")).toString();
    if (token.isEmpty()) {
        pushed.error = QStringLiteral("enroll failed: %1").arg(QString::fromUtf8(enrolled.body));
        return pushed;
    }
    const QString userId = enrollment.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
    const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(-600);

    records::Case family;
    family.id = newId();
    records::Member mother;
    mother.id = newId();
    mother.fullName = QStringLiteral("Приклад Олена Іванівна");
    mother.relation = QStringLiteral("mother");
    records::Member child;
    child.id = newId();
    child.role = records::Member::Role::Child;
    child.fullName = childName;
    child.birthDate = QDate(2016, 5, 3);
    child.relation = QStringLiteral("child");
    family.members = { mother, child };
    family.address = QStringLiteral("с. Тестове, вул. Садова, 4");
    family.phone = QStringLiteral("+380 50 000 00 01");
    family.internallyDisplaced = true;
    family.assignedWorkers = { userId };
    family.createdAt = now;
    family.updatedAt = now;

    records::Record notice;
    notice.id = newId();
    notice.type = records::RecordType::Notice;
    notice.formId = QStringLiteral("notice");
    notice.caseId = family.id;
    // A complete notice (forms test sample) with this family's facts on top: the server validates finals.
    notice.body = poruch::test::completeFormBody(QStringLiteral("notice"),
        QJsonObject { { QStringLiteral("concernsChild"), true },
            { QStringLiteral("subjectKind"), QStringLiteral("child") },
            { QStringLiteral("receivedAt"), now.toString(Qt::ISODate) },
            { QStringLiteral("identifiedAt"), now.toString(Qt::ISODate) },
            { QStringLiteral("origin"), QStringLiteral("report") }, { QStringLiteral("crisis"), false },
            { QStringLiteral("indicatorsAbuse"),
                QJsonArray { QStringLiteral("abuse.01"), QStringLiteral("abuse.03") } },
            { QStringLiteral("policeConsent"),
                QJsonObject { { QStringLiteral("decision"), QStringLiteral("given") },
                    { QStringLiteral("by"), QStringLiteral("Приклад О. І.") },
                    { QStringLiteral("at"), now.toString(Qt::ISODate) },
                    { QStringLiteral("refusalReason"), QString() } } } });
    notice.authorUserId = userId;
    notice.authorDeviceId = deviceId;
    notice.createdAt = now;
    notice.updatedAt = now;
    notice = finalRecord(notice);

    records::Record assessment;
    assessment.id = newId();
    assessment.type = records::RecordType::SafetyAssessment;
    assessment.formId = QStringLiteral("safety_assessment");
    assessment.caseId = family.id;
    assessment.body = poruch::test::completeFormBody(QStringLiteral("safety_assessment"),
        QJsonObject { { QStringLiteral("assessedAt"), now.addSecs(300).toString(Qt::ISODate) },
            { QStringLiteral("dangerLevel"), QStringLiteral("dangerous") }, { QStringLiteral("childMember"), child.id },
            { QStringLiteral("childName"), childName }, { QStringLiteral("place"), family.address } });
    assessment.authorUserId = userId;
    assessment.authorDeviceId = deviceId;
    assessment.createdAt = now.addSecs(300);
    assessment.updatedAt = assessment.createdAt;
    assessment = finalRecord(assessment);

    records::Record outcome;
    outcome.id = newId();
    outcome.type = records::RecordType::Action;
    outcome.formId = QStringLiteral("action");
    outcome.formVersion = 2;
    outcome.caseId = family.id;
    outcome.body = QJsonObject { { QStringLiteral("action"), QStringLiteral("child_stayed_in_family") },
        { QStringLiteral("at"), now.addSecs(400).toString(Qt::ISODate) }, { QStringLiteral("relatesTo"), notice.id },
        { QStringLiteral("childMembers"), QJsonArray { child.id } } };
    outcome.authorUserId = userId;
    outcome.authorDeviceId = deviceId;
    outcome.createdAt = now.addSecs(400);
    outcome.updatedAt = outcome.createdAt;
    outcome = finalRecord(outcome);

    sync::PushRequest request { deviceId, {} };
    sync::PushItem caseItem;
    caseItem.seq = 1;
    caseItem.kind = sync::PushItem::Kind::Case;
    caseItem.caseData = family;
    request.items.append(caseItem);
    qint64 seq = 2;
    for (const records::Record& record : { notice, assessment, outcome }) {
        sync::PushItem item;
        item.seq = seq++;
        item.kind = sync::PushItem::Kind::Record;
        item.record = record;
        request.items.append(item);
    }
    const auto reply = apiRequest(
        "POST", server.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/sync/push"))), request.toJson(), token);
    const auto response = sync::PushResponse::fromJson(reply.body);
    if (!response || response->results.size() != 4) {
        pushed.error
            = QStringLiteral("push failed: %1 %2").arg(reply.status).arg(QString::fromUtf8(reply.body.left(300)));
        return pushed;
    }
    for (const auto& result : response->results) {
        if (result.status != sync::PushResult::Status::Applied)
            pushed.error = QStringLiteral("push item %1 not applied: %2")
                               .arg(result.seq)
                               .arg(QString::fromUtf8(reply.body.left(300)));
    }
    pushed.caseId = family.id;
    pushed.noticeId = notice.id;
    pushed.assessmentId = assessment.id;
    pushed.outcomeId = outcome.id;
    pushed.outcomeAt = now.addSecs(400);
    pushed.childId = child.id;
    pushed.token = token;
    pushed.deviceId = deviceId;
    pushed.journalNumber = response->results.at(1).journalNumber;
    return pushed;
}

} // namespace poruch::test
