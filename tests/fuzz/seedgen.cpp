// fuzz_seedgen: writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/) from the real
// message types, so every seed is a valid message and the fuzzer starts deep inside the parsers.
// Run once after a message type changes:  fuzz_seedgen tests/fuzz/corpus
#include "core/gzip.h"
#include "records/canonicalform.h"
#include "sync/syncmessages.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

using namespace poruch;

namespace {

records::Case makeCase()
{
    records::Case value;
    value.id = QStringLiteral("0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d");
    records::Member child;
    child.id = QStringLiteral("1c8b4d2f-6e3a-4b9c-8d7e-2f3a4b5c6d7e");
    child.role = records::Member::Role::Child;
    child.fullName = QStringLiteral("Коваленко Дарина");
    child.birthDate = QDate(2016, 5, 3);
    child.relation = QStringLiteral("child");
    value.members = { child };
    value.address = QStringLiteral("с. Тестове, вул. Садова, 1");
    value.phone = QStringLiteral("+380501234567");
    value.createdAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    value.updatedAt = value.createdAt;
    return value;
}

records::Record makeNotice(bool final)
{
    records::Record record;
    record.id = final ? QStringLiteral("2d9c5e3a-7f4b-4c0d-9e8f-3a4b5c6d7e8f")
                      : QStringLiteral("3e0d6f4b-8a5c-4d1e-8f9a-4b5c6d7e8f9a");
    record.type = records::RecordType::Notice;
    record.formId = QStringLiteral("notice");
    record.caseId = QStringLiteral("0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d");
    record.body = QJsonObject { { QStringLiteral("concernsChild"), true },
        { QStringLiteral("receivedAt"), QStringLiteral("2026-03-02T09:00:00+02:00") },
        { QStringLiteral("indicatorsAbuse"), QJsonArray { QStringLiteral("abuse.03") } },
        { QStringLiteral("policeConsent"), QJsonObject { { QStringLiteral("decision"), QStringLiteral("given") } } } };
    record.authorUserId = QStringLiteral("worker");
    record.authorDeviceId = QStringLiteral("4f1e7a5c-9b6d-4e2f-9a0b-5c6d7e8f9a0b");
    record.createdAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    record.updatedAt = record.createdAt;
    if (final) {
        record.status = records::RecordStatus::Final;
        record.finalizedAt = record.updatedAt;
        record.contentHash = records::contentHash(record);
    } else {
        record.revision = 3;
    }
    return record;
}

bool write(const QString& dir, const QString& name, const QByteArray& bytes)
{
    QDir().mkpath(dir);
    QFile file(QDir(dir).filePath(name));
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// gzip (RFC 1952) as the tablet sends push bodies: zlib's default level, one member.
QByteArray gzip(const QByteArray& data)
{
    return poruch::gzipCompress(data, -1);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seedgen CORPUS_ROOT\n");
        return 2;
    }
    const QString root = QString::fromLocal8Bit(argv[1]);
    const QString deviceId = QStringLiteral("4f1e7a5c-9b6d-4e2f-9a0b-5c6d7e8f9a0b");
    bool ok = true;

    sync::PushItem caseItem;
    caseItem.seq = 1;
    caseItem.kind = sync::PushItem::Kind::Case;
    caseItem.caseData = makeCase();
    sync::PushItem draftItem;
    draftItem.seq = 2;
    draftItem.record = makeNotice(false);
    draftItem.baseRevision = 2;
    sync::PushItem finalItem;
    finalItem.seq = 3;
    finalItem.record = makeNotice(true);
    const QString push = root + QStringLiteral("/pushrequest");
    ok &= write(push, QStringLiteral("batch.json"),
        sync::PushRequest { deviceId, { caseItem, draftItem, finalItem } }.toJson());
    ok &= write(push, QStringLiteral("one-draft.json"), sync::PushRequest { deviceId, { draftItem } }.toJson());

    sync::PullResponse pull;
    sync::Change change;
    change.cursor = 7;
    change.kind = sync::Change::Kind::Case;
    change.caseData = makeCase();
    pull.changes << change;
    change = {};
    change.cursor = 8;
    change.record = makeNotice(true);
    change.journalNumber = QStringLiteral("2026/17");
    pull.changes << change;
    change = {};
    change.cursor = 9;
    change.kind = sync::Change::Kind::Conflict;
    change.record = makeNotice(false);
    pull.changes << change;
    change = {};
    change.cursor = 10;
    change.kind = sync::Change::Kind::CaseRemoved;
    change.caseId = makeCase().id;
    pull.changes << change;
    change = {};
    change.cursor = 11;
    change.kind = sync::Change::Kind::Form;
    change.definition
        = QJsonObject { { QStringLiteral("id"), QStringLiteral("notice") }, { QStringLiteral("version"), 2 } };
    pull.changes << change;
    pull.nextCursor = 11;
    pull.hasMore = true;
    const QString pullDir = root + QStringLiteral("/pullresponse");
    ok &= write(pullDir, QStringLiteral("changes.json"), pull.toJson());
    sync::PushResponse pushResponse;
    sync::PushResult applied;
    applied.seq = 2;
    applied.revision = 3;
    applied.journalNumber = QStringLiteral("2026/17");
    sync::PushResult refused;
    refused.seq = 3;
    refused.status = sync::PushResult::Status::Rejected;
    refused.reason = Error { QStringLiteral("immutable"), QStringLiteral("the record is final") };
    pushResponse.results = { applied, refused };
    pushResponse.cursor = 12;
    ok &= write(pullDir, QStringLiteral("push-response.json"), pushResponse.toJson());

    const QString recordDir = root + QStringLiteral("/record");
    ok &= write(recordDir, QStringLiteral("final-notice.json"), compact(makeNotice(true).toJson()));
    ok &= write(recordDir, QStringLiteral("draft-notice.json"), compact(makeNotice(false).toJson()));
    ok &= write(recordDir, QStringLiteral("case.json"), compact(makeCase().toJson()));

    const QString configDir = root + QStringLiteral("/serverconfig");
    ok &= write(configDir, QStringLiteral("minimal.json"), R"({"dataDir":"data","store":{"keyFile":"store.key"}})");
    ok &= write(configDir, QStringLiteral("full.json"),
        R"({"listen":{"address":"0.0.0.0","port":8443},"dataDir":"/var/lib/poruch","tls":{"certificate":"s.crt","key":"s.key"},)"
        R"("store":{"keyFile":"/etc/poruch/store.key"},"limits":{"maxHeaderBytes":16384,"maxBodyBytes":16777216,)"
        R"("headerTimeoutMs":15000,"idleTimeoutMs":60000}})");
    ok &= write(configDir, QStringLiteral("loopback.json"),
        R"({"listen":{"address":"::1","port":0},"dataDir":"d","store":{"keyFile":"k"}})");

    // fuzz_requesthead: first byte = how the stream is cut into chunks, then raw HTTP/1.1 bytes.
    const QString headDir = root + QStringLiteral("/requesthead");
    ok &= write(headDir, QStringLiteral("get.http"),
        QByteArray("\x07GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:8443\r\nPoruch-Protocol: 1\r\n\r\n"));
    ok &= write(headDir, QStringLiteral("push.http"),
        QByteArray("\x10POST /api/v1/sync/push HTTP/1.1\r\nHost: s\r\nContent-Type: application/json\r\n"
                   "Content-Length: 16\r\n\r\n{\"deviceId\":\"d\"}"));
    ok &= write(headDir, QStringLiteral("pipelined.http"),
        QByteArray("\x03POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\n\r\n"
                   "GET /c HTTP/1.1\r\nContent-Length: 0\r\n\r\n"));
    ok &= write(headDir, QStringLiteral("chunked.http"),
        QByteArray("\x01POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"));
    ok &= write(headDir, QStringLiteral("two-lengths.http"),
        QByteArray("\x05POST /a HTTP/1.1\r\nContent-Length: 3\r\ncontent-length: 4\r\n\r\nabcd"));

    // fuzz_bodydecoder: first byte = which Content-Encoding header (1: gzip, 0: none, 3: " GZip ", 6: br), then
    // the body. The limit there is 4096 bytes: a 6 KB body inflates beyond it.
    const QString bodyDir = root + QStringLiteral("/bodydecoder");
    const QByteArray one = sync::PushRequest { deviceId, { draftItem } }.toJson();
    ok &= write(bodyDir, QStringLiteral("push.gz"), "\x01" + gzip(one));
    ok &= write(bodyDir, QStringLiteral("spelled.gz"), "\x03" + gzip(one));
    ok &= write(bodyDir, QStringLiteral("too-large.gz"), "\x01" + gzip(QByteArray(6000, '[')));
    ok &= write(bodyDir, QStringLiteral("trailing.gz"), "\x01" + gzip("{}") + "x");
    ok &= write(bodyDir, QStringLiteral("plain.json"), "\x00" + one);
    ok &= write(bodyDir, QStringLiteral("br.gz"), "\x06" + gzip("{}"));
    if (!ok) {
        std::fprintf(stderr, "fuzz_seedgen: could not write the corpus under %s\n", argv[1]);
        return 1;
    }
    return 0;
}
