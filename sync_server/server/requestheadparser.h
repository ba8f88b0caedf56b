#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace poruch::server {

// Limits every request must respect. QHttpServer 6.4 buffers whole requests with no limit, so these
// are enforced on the raw socket (RequestGuard) before QHttpServer reads the bytes.
struct RequestLimits {
    qint64 maxHeaderBytes = 16 * 1024;
    qint64 maxBodyBytes = 16 * 1024 * 1024;
    int headerTimeoutMs = 15'000; // a request's head must arrive within this (slow-header attacks)
    int idleTimeoutMs = 60'000; // a kept-alive connection with no traffic is closed after this
};

// What the guard answers: Ok lets the bytes through to QHttpServer; the others are refused with
// 431/413/411/400. Timeout (408) comes only from RequestGuard's timer, never from the parser.
enum class RequestVerdict { Ok, HeaderTooLarge, BodyTooLarge, LengthRequired, BadRequest, Timeout };

struct HeadDecision {
    RequestVerdict verdict = RequestVerdict::Ok;
    qint64 bodyLength = 0; // Ok: body bytes that follow the head (0: none)
};

// Decides one complete request head (request line and header lines up to and including the blank
// line): a request line of three parts, no Transfer-Encoding (chunked bodies are refused), at most one
// distinct numeric Content-Length, not above maxBodyBytes. Pure function, no state.
HeadDecision decideRequestHead(const QByteArray& head, qint64 maxBodyBytes);

// Follows one connection's byte stream request by request (head, then Content-Length bytes of body,
// then the next head; pipelined requests may share a chunk) and decides each head as it completes.
// Bytes in, verdict out: no socket and no timer, so it is unit-tested and fuzzed on its own
// (tests/server/tst_requesthead, tests/fuzz/fuzz_requesthead). Memory stays bounded: at most
// maxHeaderBytes of a head plus the last chunk are buffered; body bytes are counted, never kept.
class RequestHeadParser {
public:
    // Transitions RequestGuard's timers follow: a head began (header timeout runs from here), a request
    // ended (head without body, or the last body byte; idle timeout from here).
    enum class Event { None, HeadStarted, RequestComplete };
    struct Step {
        RequestVerdict verdict = RequestVerdict::Ok;
        Event lastEvent = Event::None; // the last transition inside the chunk (None: none happened)
    };

    RequestHeadParser(qint64 maxHeaderBytes, qint64 maxBodyBytes);

    // Feeds the next bytes of the stream. After a verdict other than Ok the stream is broken and the
    // parser must not be fed again.
    Step consume(QByteArrayView bytes);

    bool idle() const { return m_head.isEmpty() && !m_inBody; } // between requests
    bool inBody() const { return m_inBody; }
    qint64 bodyRemaining() const { return m_bodyRemaining; }
    qsizetype bufferedHeadBytes() const { return m_head.size(); }
    qint64 requestsSeen() const { return m_requests; } // heads decided Ok so far

private:
    qint64 m_maxHeaderBytes;
    qint64 m_maxBodyBytes;
    QByteArray m_head; // header bytes of the current request (bounded by maxHeaderBytes + one chunk)
    qint64 m_bodyRemaining = 0;
    bool m_inBody = false;
    qint64 m_requests = 0;
};

} // namespace poruch::server
