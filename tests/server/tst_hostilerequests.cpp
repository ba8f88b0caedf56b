// Integration: a table of malformed and hostile requests against the real server. Each gets a 4xx
// with a stable error code, the server keeps serving, and nothing is written.
#include "records/canonicalform.h"
#include "serverprocess.h"
#include "sync/syncmessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

using poruch::test::apiRequest;
using poruch::test::rawRequest;
using poruch::test::ServerProcess;
namespace records = poruch::records;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject validRecord(const QString& caseId)
{
    records::Record record;
    record.id = uuid();
    record.type = records::RecordType::HomeVisit;
    record.formId = QStringLiteral("home_visit");
    record.caseId = caseId;
    record.body = QJsonObject { { QStringLiteral("visitedAt"), QStringLiteral("2026-03-02T09:00:00+02:00") } };
    record.authorUserId = QStringLiteral("u");
    record.authorDeviceId = uuid();
    record.createdAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    record.updatedAt = record.createdAt;
    return record.toJson();
}

QJsonObject item(const QJsonObject& record, qint64 seq = 1)
{
    return QJsonObject { { QStringLiteral("seq"), double(seq) }, { QStringLiteral("kind"), QStringLiteral("record") },
        { QStringLiteral("baseRevision"), 0 }, { QStringLiteral("record"), record } };
}

QByteArray push(const QString& deviceId, const QJsonArray& items, const QJsonObject& extra = {})
{
    QJsonObject body { { QStringLiteral("deviceId"), deviceId }, { QStringLiteral("items"), items } };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QJsonObject withKey(QJsonObject object, const QString& key, const QJsonValue& value)
{
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    return object;
}

} // namespace

class TestHostileRequests : public QObject {
    Q_OBJECT
private:
    ServerProcess m_server;
    QString m_token;
    QString m_deviceId;
    QString m_caseId;
    QByteArray m_countsBefore;

    QByteArray counts()
    {
        QByteArray out;
        m_server.admin({ QStringLiteral("counts") }, &out);
        QJsonObject object = QJsonDocument::fromJson(out).object();
        object.remove(QStringLiteral("audit_log")); // reads are audited; the point is that no data changes
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        QCOMPARE(m_server.admin({ QStringLiteral("create-user"), QStringLiteral("worker"), QStringLiteral("--role"),
                     QStringLiteral("social_worker"), QStringLiteral("--name"), QStringLiteral("W") }),
            0);
        QByteArray code;
        QCOMPARE(m_server.admin({ QStringLiteral("enroll-code"), QStringLiteral("worker") }, &code), 0);
        const auto enrolled = apiRequest("POST", m_server.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/enroll"))),
            QJsonDocument(QJsonObject { { QStringLiteral("code"), QString::fromLatin1(code.trimmed()) },
                              { QStringLiteral("deviceLabel"), QStringLiteral("t") } })
                .toJson());
        QCOMPARE(enrolled.status, 201);
        const QJsonObject reply = QJsonDocument::fromJson(enrolled.body).object();
        m_token = reply.value(QStringLiteral("token")).toString();
        m_deviceId = reply.value(QStringLiteral("deviceId")).toString();
        // One legitimate case so that hostile items have something real to aim at.
        m_caseId = uuid();
        records::Case value;
        value.id = m_caseId;
        value.createdAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        value.updatedAt = value.createdAt;
        const QJsonArray items { QJsonObject { { QStringLiteral("seq"), 1000000 },
            { QStringLiteral("kind"), QStringLiteral("case") }, { QStringLiteral("case"), value.toJson() } } };
        const auto pushed = apiRequest("POST", m_server.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/sync/push"))),
            push(m_deviceId, items), m_token);
        QCOMPARE(pushed.status, 200);
        m_countsBefore = counts();
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("auth"); // 0 none, 1 valid token, 2 token below
        QTest::addColumn<QString>("token");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<bool>("protocolHeader");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");

        // Placeholders are replaced in refused(): DEVICE with the real device id, CASE with the real case.
        const QString device = QStringLiteral("DEVICE");
        const QJsonObject record = validRecord(QStringLiteral("00000000-0000-4000-8000-000000000000"));
        const QJsonArray one { item(record) };
        const QString pushPath = QStringLiteral("/api/v1/sync/push");
        const QString pullPath = QStringLiteral("/api/v1/sync/pull");
        const Headers none;
        auto row = [&](const char* name, const QByteArray& method, const QString& path, const QByteArray& body,
                       int auth, int status, const char* code, const Headers& headers = {}, bool protocol = true,
                       const QString& token = {}) {
            QTest::newRow(name) << method << path << body << auth << token << headers << protocol << status
                                << QString::fromLatin1(code);
        };
        auto pushRow = [&](const char* name, const QByteArray& body, int status = 400,
                           const char* code = "invalid_field") { row(name, "POST", pushPath, body, 1, status, code); };
        auto recordRow = [&](const char* name, const QString& key, const QJsonValue& value) {
            pushRow(name, push(device, QJsonArray { item(withKey(record, key, value)) }));
        };

        // Authentication and protocol.
        row("pull without token", "GET", pullPath, {}, 0, 401, "unauthorized");
        row("empty bearer", "GET", pullPath, {}, 0, 401, "unauthorized", { { "Authorization", "Bearer " } });
        row("basic auth", "GET", pullPath, {}, 0, 401, "unauthorized", { { "Authorization", "Basic dXNlcjpwYXNz" } });
        row("SQL in token", "GET", pullPath, {}, 2, 401, "unauthorized", none, true, QStringLiteral("' OR '1'='1' --"));
        row("8 KB token", "GET", pullPath, {}, 2, 401, "unauthorized", none, true, QString(8000, QLatin1Char('A')));
        row("no protocol header", "GET", pullPath, {}, 1, 426, "protocol_unsupported", none, false);
        row("protocol 2", "GET", pullPath, {}, 1, 426, "protocol_unsupported", { { "Poruch-Protocol", "2" } }, false);
        row("protocol with SQL", "GET", pullPath, {}, 1, 426, "protocol_unsupported",
            { { "Poruch-Protocol", "1; DROP TABLE users" } }, false);

        // Body syntax.
        pushRow("truncated JSON", "{\"deviceId\":", 400, "invalid_json");
        pushRow("JSON array", "[1,2,3]", 400, "bad_request");
        pushRow("JSON string", "\"push\"", 400, "invalid_json"); // Qt accepts only objects and arrays at the top
        pushRow("empty body", "", 400, "invalid_json");
        pushRow("invalid UTF-8", QByteArray("{\"deviceId\":\"\xff\xfe\xfd\",\"items\":[]}"), 400, "invalid_json");
        pushRow("NUL byte", QByteArray("{\"deviceId\":\"a\0b\"}", 19), 400, "invalid_json");
        pushRow("deep nesting", QByteArray(5000, '[') + QByteArray(5000, ']'), 400, "invalid_json");
        pushRow("trailing garbage", push(device, one) + "garbage", 400, "invalid_json");

        // Envelope.
        pushRow("missing deviceId", QJsonDocument(QJsonObject { { QStringLiteral("items"), one } }).toJson());
        pushRow("deviceId not a UUID", push(QStringLiteral("tablet-1"), one));
        pushRow("deviceId path traversal", push(QStringLiteral("../../etc/passwd"), one));
        pushRow("deviceId of another device", push(uuid(), one), 400, "bad_request");
        pushRow("deviceId as number",
            QJsonDocument(QJsonObject { { QStringLiteral("deviceId"), 5 }, { QStringLiteral("items"), one } })
                .toJson());
        pushRow("items missing", QJsonDocument(QJsonObject { { QStringLiteral("deviceId"), device } }).toJson());
        pushRow("items not an array",
            QJsonDocument(QJsonObject { { QStringLiteral("deviceId"), device }, { QStringLiteral("items"), 1 } })
                .toJson());
        pushRow("items empty", push(device, QJsonArray {}));
        {
            QJsonArray many;
            for (int i = 1; i <= 201; ++i)
                many.append(item(validRecord(QStringLiteral("00000000-0000-4000-8000-000000000000")), i));
            pushRow("201 items", push(device, many));
        }
        pushRow("item not an object", push(device, QJsonArray { 42 }));
        pushRow("unknown top-level key", push(device, one, QJsonObject { { QStringLiteral("admin"), true } }));

        // Items.
        pushRow("seq missing", push(device, QJsonArray { withKey(item(record), QStringLiteral("seq"), QJsonValue()) }));
        pushRow("seq zero", push(device, QJsonArray { item(record, 0) }));
        pushRow("seq negative", push(device, QJsonArray { item(record, -5) }));
        pushRow("seq fractional", push(device, QJsonArray { withKey(item(record), QStringLiteral("seq"), 1.5) }));
        pushRow("seq huge", push(device, QJsonArray { withKey(item(record), QStringLiteral("seq"), 1e300) }));
        pushRow("seq as string",
            push(device, QJsonArray { withKey(item(record), QStringLiteral("seq"), QStringLiteral("1")) }));
        pushRow("seq not increasing", push(device, QJsonArray { item(record, 5), item(record, 5) }));
        pushRow("kind unknown",
            push(device, QJsonArray { withKey(item(record), QStringLiteral("kind"), QStringLiteral("user")) }));
        pushRow(
            "kind missing", push(device, QJsonArray { withKey(item(record), QStringLiteral("kind"), QJsonValue()) }));
        pushRow("unknown item key", push(device, QJsonArray { withKey(item(record), QStringLiteral("force"), true) }));
        pushRow("record missing",
            push(device, QJsonArray { withKey(item(record), QStringLiteral("record"), QJsonValue()) }));
        pushRow("record as array",
            push(device, QJsonArray { withKey(item(record), QStringLiteral("record"), QJsonArray {}) }));
        pushRow("baseRevision equals revision",
            push(device, QJsonArray { withKey(item(record), QStringLiteral("baseRevision"), 1) }));
        pushRow("baseRevision negative",
            push(device, QJsonArray { withKey(item(record), QStringLiteral("baseRevision"), -1) }));
        pushRow("case item with array case",
            push(device,
                QJsonArray { QJsonObject { { QStringLiteral("seq"), 1 },
                    { QStringLiteral("kind"), QStringLiteral("case") }, { QStringLiteral("case"), QJsonArray {} } } }));

        // Records.
        recordRow("record id path traversal", QStringLiteral("id"), QStringLiteral("../../records/x"));
        recordRow("record id SQL", QStringLiteral("id"), QStringLiteral("'; DROP TABLE records; --"));
        recordRow("record id empty", QStringLiteral("id"), QStringLiteral(""));
        recordRow("caseId path traversal", QStringLiteral("caseId"), QStringLiteral("..%2F..%2Fetc"));
        recordRow("type unknown", QStringLiteral("type"), QStringLiteral("user_account"));
        recordRow("revision zero", QStringLiteral("revision"), 0);
        recordRow("revision huge", QStringLiteral("revision"), 1e20);
        recordRow("revision as string", QStringLiteral("revision"), QStringLiteral("2"));
        recordRow("body not an object", QStringLiteral("body"), QStringLiteral("text"));
        recordRow("unknown record key", QStringLiteral("isAdmin"), true);
        recordRow("status unknown", QStringLiteral("status"), QStringLiteral("approved"));
        recordRow("createdAt not a date", QStringLiteral("createdAt"), QStringLiteral("yesterday"));
        recordRow("formVersion negative", QStringLiteral("formVersion"), -1);

        // Media types and sizes.
        row("text/plain body", "POST", pushPath, push(device, one), 1, 415, "unsupported_media_type",
            { { "Content-Type", "text/plain" } });

        // Pull parameters.
        row("cursor negative", "GET", pullPath + QStringLiteral("?cursor=-1"), {}, 1, 400, "invalid_field");
        row("cursor not a number", "GET", pullPath + QStringLiteral("?cursor=abc"), {}, 1, 400, "invalid_field");
        row("cursor huge", "GET", pullPath + QStringLiteral("?cursor=1000000000000000000000000000000"), {}, 1, 400,
            "invalid_field");
        row("cursor with SQL", "GET", pullPath + QStringLiteral("?cursor=1%3BDROP%20TABLE%20records"), {}, 1, 400,
            "invalid_field");
        row("limit too big", "GET", pullPath + QStringLiteral("?limit=100000"), {}, 1, 400, "invalid_field");

        // Paths and methods.
        row("path traversal", "GET", QStringLiteral("/api/v1/../../etc/passwd"), {}, 1, 404, "not_found");
        row("pull with POST", "POST", pullPath, "{}", 1, 404, "not_found");
        row("push with GET", "GET", pushPath, {}, 1, 404, "not_found");
        row("unknown API", "GET", QStringLiteral("/api/v2/sync/pull"), {}, 1, 404, "not_found");

        // Enrollment.
        const QString enrollPath = QStringLiteral("/api/v1/enroll");
        row("enroll code too long", "POST", enrollPath,
            QJsonDocument(QJsonObject { { QStringLiteral("code"), QString(1000, QLatin1Char('A')) },
                              { QStringLiteral("deviceLabel"), QStringLiteral("t") } })
                .toJson(),
            0, 400, "invalid_field");
        row("enroll code as number", "POST", enrollPath,
            QJsonDocument(
                QJsonObject { { QStringLiteral("code"), 123 }, { QStringLiteral("deviceLabel"), QStringLiteral("t") } })
                .toJson(),
            0, 400, "invalid_field");
        row("enroll unknown key", "POST", enrollPath,
            QJsonDocument(QJsonObject { { QStringLiteral("code"), QStringLiteral("X") },
                              { QStringLiteral("deviceLabel"), QStringLiteral("t") },
                              { QStringLiteral("role"), QStringLiteral("admin") } })
                .toJson(),
            0, 400, "invalid_field");
        row("enroll SQL code", "POST", enrollPath,
            QJsonDocument(QJsonObject { { QStringLiteral("code"), QStringLiteral("' OR 1=1 --") },
                              { QStringLiteral("deviceLabel"), QStringLiteral("t") } })
                .toJson(),
            0, 410, "enrollment_code_invalid");
    }

    void refused()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, auth);
        QFETCH(QString, token);
        QFETCH(Headers, headers);
        QFETCH(bool, protocolHeader);
        QFETCH(int, status);
        QFETCH(QString, code);
        body.replace("DEVICE", m_deviceId.toLatin1());
        body.replace("00000000-0000-4000-8000-000000000000", m_caseId.toLatin1());
        const QString useToken = auth == 1 ? m_token : auth == 2 ? token : QString();
        const auto reply = apiRequest(method, m_server.baseUrl().resolved(QUrl(path)),
            method == "GET" ? QByteArray() : body, useToken, {}, headers, protocolHeader);
        QCOMPARE(reply.status, status);
        const QJsonObject error
            = QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
        QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
    }

    void refusedOnTheRawSocket_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("statusLine");
        QTest::newRow("announced 2 GB") << QByteArray("POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\n"
                                                      "Content-Length: 2000000000\r\n\r\n")
                                        << QByteArray("HTTP/1.1 413");
        QTest::newRow("chunked") << QByteArray("POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\n"
                                               "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
                                 << QByteArray("HTTP/1.1 411");
        QTest::newRow("oversized header")
            << QByteArray("GET /api/v1/sync/pull HTTP/1.1\r\nX-A: ") + QByteArray(20000, 'a') + "\r\n\r\n"
            << QByteArray("HTTP/1.1 431");
        QTest::newRow("no request line") << QByteArray("\r\n\r\n") << QByteArray("HTTP/1.1 400");
    }
    void refusedOnTheRawSocket()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, statusLine);
        const QByteArray reply = rawRequest(m_server.baseUrl(), request, 3000);
        QVERIFY2(reply.startsWith(statusLine), reply.left(80).constData());
    }

    void serverStillServesAndNothingWasWritten()
    {
        const auto health = poruch::test::httpGet(m_server.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/health"))));
        QCOMPARE(health.status, 200);
        QCOMPARE(counts(), m_countsBefore);
        QCOMPARE(m_server.admin({ QStringLiteral("check") }), 0);
    }
};

QTEST_GUILESS_MAIN(TestHostileRequests)
#include "tst_hostilerequests.moc"
