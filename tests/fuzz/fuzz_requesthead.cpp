// libFuzzer target: the HTTP request-head parser that guards the server's sockets (RequestHeadParser and
// decideRequestHead of sync_server/server/requestheadparser.*). Input: one byte that chooses how the
// stream is cut into chunks (as TCP may deliver it), then the bytes of the stream.
// Properties: no crash or sanitizer report; the outcome does not depend on the chunking (verdict,
// requests seen, body accounting equal to feeding everything at once); buffered head bytes stay within
// the header limit while the stream is accepted; an accepted body length is within the body limit.
#include "fuzzcheck.h"
#include "server/requestheadparser.h"

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

using poruch::server::decideRequestHead;
using poruch::server::RequestHeadParser;
using poruch::server::RequestVerdict;

namespace {

constexpr qint64 MaxHeader = 512; // small limits so short inputs reach them
constexpr qint64 MaxBody = 2048;

struct Outcome {
    RequestVerdict verdict = RequestVerdict::Ok;
    qint64 requests = 0;
    bool idle = true;
    qint64 bodyRemaining = 0;
};

Outcome feed(QByteArrayView stream, unsigned chunking)
{
    RequestHeadParser parser(MaxHeader, MaxBody);
    Outcome outcome;
    quint32 state = chunking * 2654435761u + 1;
    qsizetype offset = 0;
    while (offset < stream.size()) {
        qsizetype size = stream.size() - offset;
        if (chunking != 0) {
            state = state * 1664525u + 1013904223u;
            size = qMin<qsizetype>(size, 1 + qsizetype((state >> 16) % (chunking + 1)));
        }
        const RequestHeadParser::Step step = parser.consume(stream.sliced(offset, size));
        offset += size;
        if (step.verdict != RequestVerdict::Ok) {
            outcome.verdict = step.verdict;
            break; // the guard stops reading a refused stream
        }
        PORUCH_FUZZ_CHECK(step.verdict != RequestVerdict::Timeout, "the parser never times out");
        PORUCH_FUZZ_CHECK(parser.bufferedHeadBytes() <= MaxHeader, "an accepted partial head is within the limit");
        PORUCH_FUZZ_CHECK(parser.bodyRemaining() >= 0 && parser.bodyRemaining() <= MaxBody, "body within the limit");
        PORUCH_FUZZ_CHECK(parser.inBody() == (parser.bodyRemaining() > 0), "in a body exactly while bytes remain");
        PORUCH_FUZZ_CHECK(!parser.inBody() || parser.bufferedHeadBytes() == 0, "no head bytes kept inside a body");
    }
    outcome.requests = parser.requestsSeen();
    outcome.idle = parser.idle();
    outcome.bodyRemaining = parser.bodyRemaining();
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const unsigned chunking = data[0];
    const QByteArrayView stream(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));

    const auto decision = decideRequestHead(stream.toByteArray(), MaxBody);
    PORUCH_FUZZ_CHECK(decision.verdict != RequestVerdict::Timeout, "a head decision never times out");
    PORUCH_FUZZ_CHECK(decision.bodyLength >= 0 && decision.bodyLength <= MaxBody, "accepted body length in range");
    PORUCH_FUZZ_CHECK(decision.verdict == RequestVerdict::Ok || decision.bodyLength == 0, "refusals carry no body");

    const Outcome whole = feed(stream, 0);
    const Outcome chunked = feed(stream, chunking);
    PORUCH_FUZZ_CHECK(whole.verdict == chunked.verdict, "the verdict does not depend on chunk boundaries");
    PORUCH_FUZZ_CHECK(whole.requests == chunked.requests, "requests seen do not depend on chunk boundaries");
    if (whole.verdict == RequestVerdict::Ok) {
        PORUCH_FUZZ_CHECK(whole.idle == chunked.idle, "idle state does not depend on chunk boundaries");
        PORUCH_FUZZ_CHECK(whole.bodyRemaining == chunked.bodyRemaining, "body accounting does not depend on chunks");
    }
    return 0;
}
