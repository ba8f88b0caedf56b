// Unit: the HTTP request-head parser behind RequestGuard (sync_server/server/requestheadparser.*),
// without sockets: one complete head → verdict, and a byte stream in arbitrary chunks → verdicts,
// body accounting and the timer transitions RequestGuard follows.
#include "server/requestheadparser.h"

#include <QTest>

using poruch::server::decideRequestHead;
using poruch::server::RequestHeadParser;
using poruch::server::RequestVerdict;
using Event = RequestHeadParser::Event;

Q_DECLARE_METATYPE(RequestVerdict)
Q_DECLARE_METATYPE(RequestHeadParser::Event)

namespace {

constexpr qint64 MaxHeader = 256;
constexpr qint64 MaxBody = 1000;

QByteArray head(const QByteArray& requestLine, const QByteArray& headers = {})
{
    return requestLine + "\r\n" + headers + "\r\n";
}

} // namespace

class TestRequestHead : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decidesOneHead_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<RequestVerdict>("verdict");
        QTest::addColumn<qint64>("bodyLength");
        const QByteArray get = "GET /api/v1/health HTTP/1.1";
        const QByteArray post = "POST /api/v1/sync/push HTTP/1.1";
        QTest::newRow("get without body") << head(get, "Host: x\r\n") << RequestVerdict::Ok << qint64(0);
        QTest::newRow("post with length") << head(post, "Content-Length: 12\r\n") << RequestVerdict::Ok << qint64(12);
        QTest::newRow("name any case, value padded")
            << head(post, "cOnTeNt-LeNgTh:    7   \r\n") << RequestVerdict::Ok << qint64(7);
        QTest::newRow("length zero") << head(post, "Content-Length: 0\r\n") << RequestVerdict::Ok << qint64(0);
        QTest::newRow("length at the limit")
            << head(post, "Content-Length: 1000\r\n") << RequestVerdict::Ok << qint64(MaxBody);
        QTest::newRow("length above the limit")
            << head(post, "Content-Length: 1001\r\n") << RequestVerdict::BodyTooLarge << qint64(0);
        QTest::newRow("huge length") << head(post, "Content-Length: 9223372036854775807\r\n")
                                     << RequestVerdict::BodyTooLarge << qint64(0);
        QTest::newRow("length overflows")
            << head(post, "Content-Length: 99999999999999999999\r\n") << RequestVerdict::BadRequest << qint64(0);
        QTest::newRow("same length twice")
            << head(post, "Content-Length: 5\r\nContent-Length: 5\r\n") << RequestVerdict::Ok << qint64(5);
        QTest::newRow("two different lengths")
            << head(post, "Content-Length: 5\r\nContent-Length: 6\r\n") << RequestVerdict::BadRequest << qint64(0);
        QTest::newRow("length not a number")
            << head(post, "Content-Length: 5a\r\n") << RequestVerdict::BadRequest << qint64(0);
        QTest::newRow("length empty") << head(post, "Content-Length:\r\n") << RequestVerdict::BadRequest << qint64(0);
        QTest::newRow("negative length") << head(post, "Content-Length: -1\r\n") << RequestVerdict::BadRequest
                                         << qint64(0);
        QTest::newRow("chunked") << head(post, "Transfer-Encoding: chunked\r\n") << RequestVerdict::LengthRequired
                                 << qint64(0);
        QTest::newRow("any transfer coding") << head(post, "transfer-encoding: identity\r\nContent-Length: 3\r\n")
                                             << RequestVerdict::LengthRequired << qint64(0);
        QTest::newRow("line without colon is ignored")
            << head(post, "garbage line\r\nContent-Length: 2\r\n") << RequestVerdict::Ok << qint64(2);
        QTest::newRow("colon first is ignored")
            << head(post, ": Content-Length: 9\r\n") << RequestVerdict::Ok << qint64(0);
        QTest::newRow("bare LF line ends")
            << QByteArray("POST / HTTP/1.1\nContent-Length: 4\n\n") << RequestVerdict::Ok << qint64(4);
        QTest::newRow("request line of two parts") << head("GET /") << RequestVerdict::BadRequest << qint64(0);
        QTest::newRow("request line of four parts")
            << head("GET / HTTP/1.1 extra") << RequestVerdict::BadRequest << qint64(0);
        QTest::newRow("empty request line") << QByteArray("\r\n\r\n") << RequestVerdict::BadRequest << qint64(0);
        QTest::newRow("binary request line")
            << QByteArray("\x16\x03\x01\x02\x00\r\n\r\n", 9) << RequestVerdict::BadRequest << qint64(0);
    }

    void decidesOneHead()
    {
        QFETCH(QByteArray, head);
        QFETCH(RequestVerdict, verdict);
        QFETCH(qint64, bodyLength);
        const auto decision = decideRequestHead(head, MaxBody);
        QCOMPARE(decision.verdict, verdict);
        QCOMPARE(decision.bodyLength, bodyLength);
    }

    void followsTheStream_data()
    {
        QTest::addColumn<QByteArrayList>("chunks");
        QTest::addColumn<RequestVerdict>("verdict"); // of the last chunk
        QTest::addColumn<Event>("lastEvent"); // of the last chunk
        QTest::addColumn<qint64>("requests");
        QTest::addColumn<bool>("idle");
        QTest::addColumn<qint64>("bodyRemaining");
        const QByteArray get = head("GET / HTTP/1.1", "Host: x\r\n");
        const QByteArray post = head("POST /p HTTP/1.1", "Content-Length: 10\r\n");

        QTest::newRow("one get") << QByteArrayList { get } << RequestVerdict::Ok << Event::RequestComplete << qint64(1)
                                 << true << qint64(0);
        QTest::newRow("head begins") << QByteArrayList { "GET / HT" } << RequestVerdict::Ok << Event::HeadStarted
                                     << qint64(0) << false << qint64(0);
        QTest::newRow("head continues") << QByteArrayList { "GET / HT", "TP/1.1\r\n" } << RequestVerdict::Ok
                                        << Event::None << qint64(0) << false << qint64(0);
        QTest::newRow("terminator split across chunks")
            << QByteArrayList { "GET / HTTP/1.1\r\n\r", "\n" } << RequestVerdict::Ok << Event::RequestComplete
            << qint64(1) << true << qint64(0);
        QTest::newRow("terminator split 2+2") << QByteArrayList { "GET / HTTP/1.1\r\n", "\r\n" } << RequestVerdict::Ok
                                              << Event::RequestComplete << qint64(1) << true << qint64(0);
        QTest::newRow("head done, body pending: header timer keeps running")
            << QByteArrayList { "POST /p HT", "TP/1.1\r\nContent-Length: 10\r\n\r\n1234" } << RequestVerdict::Ok
            << Event::None << qint64(1) << false << qint64(6);
        QTest::newRow("body completes") << QByteArrayList { post + "12345", "67890" } << RequestVerdict::Ok
                                        << Event::RequestComplete << qint64(1) << true << qint64(0);
        QTest::newRow("pipelined in one chunk")
            << QByteArrayList { post + "1234567890" + get + post + "1234567890" } << RequestVerdict::Ok
            << Event::RequestComplete << qint64(3) << true << qint64(0);
        QTest::newRow("next head begins after a body")
            << QByteArrayList { post + "1234567890GET" } << RequestVerdict::Ok << Event::HeadStarted << qint64(1)
            << false << qint64(0);
        QTest::newRow("body bytes that look like a head are body")
            << QByteArrayList { head("POST /p HTTP/1.1", "Content-Length: 23\r\n") + "X\r\nTransfer-Encoding: c" }
            << RequestVerdict::Ok << Event::RequestComplete << qint64(1) << true << qint64(0);
        QTest::newRow("second head refused")
            << QByteArrayList { get + head("POST /p HTTP/1.1", "Transfer-Encoding: chunked\r\n") }
            << RequestVerdict::LengthRequired << Event::HeadStarted << qint64(1) << true << qint64(0);
        QTest::newRow("head exactly at the limit")
            << QByteArrayList { "GET / HTTP/1.1\r\nX: " + QByteArray(MaxHeader - 23, 'a') + "\r\n\r\n" }
            << RequestVerdict::Ok << Event::RequestComplete << qint64(1) << true << qint64(0);
        QTest::newRow("complete head one byte over the limit")
            << QByteArrayList { "GET / HTTP/1.1\r\nX: " + QByteArray(MaxHeader - 22, 'a') + "\r\n\r\n" }
            << RequestVerdict::HeaderTooLarge << Event::HeadStarted << qint64(0) << false << qint64(0);
        QTest::newRow("endless head") << QByteArrayList { "GET / HTTP/1.1\r\n", QByteArray(MaxHeader, 'a') }
                                      << RequestVerdict::HeaderTooLarge << Event::None << qint64(0) << false
                                      << qint64(0);
        QTest::newRow("endless head at the limit is still waiting")
            << QByteArrayList { QByteArray(MaxHeader, 'a') } << RequestVerdict::Ok << Event::HeadStarted << qint64(0)
            << false << qint64(0);
    }

    void followsTheStream()
    {
        QFETCH(QByteArrayList, chunks);
        QFETCH(RequestVerdict, verdict);
        QFETCH(Event, lastEvent);
        QFETCH(qint64, requests);
        QFETCH(bool, idle);
        QFETCH(qint64, bodyRemaining);
        RequestHeadParser parser(MaxHeader, MaxBody);
        RequestHeadParser::Step step;
        for (qsizetype i = 0; i < chunks.size(); ++i) {
            step = parser.consume(chunks.at(i));
            if (i + 1 < chunks.size())
                QCOMPARE(step.verdict, RequestVerdict::Ok);
        }
        QCOMPARE(step.verdict, verdict);
        QCOMPARE(step.lastEvent, lastEvent);
        QCOMPARE(parser.requestsSeen(), requests);
        if (verdict == RequestVerdict::Ok) {
            QCOMPARE(parser.idle(), idle);
            QCOMPARE(parser.bodyRemaining(), bodyRemaining);
            QCOMPARE(parser.inBody(), bodyRemaining > 0);
            QVERIFY(parser.bufferedHeadBytes() <= MaxHeader);
        }
    }

    // However the stream is cut into two chunks, the parser ends in the same place.
    void chunkBoundariesDoNotMatter()
    {
        const QByteArray stream = head("POST /p HTTP/1.1", "Content-Length: 3\r\n") + "abc"
            + head("GET / HTTP/1.1", "Host: y\r\n") + head("PUT /q HTTP/1.1", "Content-Length: 4\r\n") + "wx";
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            RequestHeadParser parser(MaxHeader, MaxBody);
            QCOMPARE(parser.consume(QByteArrayView(stream).first(cut)).verdict, RequestVerdict::Ok);
            QCOMPARE(parser.consume(QByteArrayView(stream).sliced(cut)).verdict, RequestVerdict::Ok);
            QCOMPARE(parser.requestsSeen(), qint64(3));
            QVERIFY(parser.inBody());
            QCOMPARE(parser.bodyRemaining(), qint64(2));
        }
    }
};

QTEST_APPLESS_MAIN(TestRequestHead)
#include "tst_requesthead.moc"
