#include "requestheadparser.h"

#include <QList>

namespace poruch::server {

HeadDecision decideRequestHead(const QByteArray& head, qint64 maxBodyBytes)
{
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty() || lines.first().trimmed().split(' ').size() != 3)
        return { RequestVerdict::BadRequest, 0 };
    qint64 contentLength = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "transfer-encoding")
            return { RequestVerdict::LengthRequired, 0 };
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            // Two different lengths or a non-number: request smuggling territory, refuse.
            if (!ok || length < 0 || (contentLength >= 0 && contentLength != length))
                return { RequestVerdict::BadRequest, 0 };
            contentLength = length;
        }
    }
    if (contentLength > maxBodyBytes)
        return { RequestVerdict::BodyTooLarge, 0 };
    return { RequestVerdict::Ok, qMax<qint64>(0, contentLength) };
}

RequestHeadParser::RequestHeadParser(qint64 maxHeaderBytes, qint64 maxBodyBytes)
    : m_maxHeaderBytes(maxHeaderBytes)
    , m_maxBodyBytes(maxBodyBytes)
{
}

RequestHeadParser::Step RequestHeadParser::consume(QByteArrayView bytes)
{
    Step step;
    qsizetype offset = 0;
    while (offset < bytes.size()) {
        if (m_inBody) {
            const qint64 take = qMin<qint64>(m_bodyRemaining, bytes.size() - offset);
            m_bodyRemaining -= take;
            offset += take;
            if (m_bodyRemaining == 0) {
                m_inBody = false;
                step.lastEvent = Event::RequestComplete;
            }
            continue;
        }
        if (m_head.isEmpty())
            step.lastEvent = Event::HeadStarted;
        // Look for the end of the head across chunk boundaries.
        const qsizetype searchFrom = qMax<qsizetype>(0, m_head.size() - 3);
        m_head.append(bytes.data() + offset, bytes.size() - offset);
        const qsizetype end = m_head.indexOf("\r\n\r\n", searchFrom);
        if (end < 0) {
            if (m_head.size() > m_maxHeaderBytes)
                step.verdict = RequestVerdict::HeaderTooLarge;
            return step;
        }
        const qsizetype headLength = end + 4;
        if (headLength > m_maxHeaderBytes) {
            step.verdict = RequestVerdict::HeaderTooLarge;
            return step;
        }
        const qsizetype consumedFromChunk = (bytes.size() - offset) - (m_head.size() - headLength);
        offset += consumedFromChunk;
        m_head.truncate(headLength);
        const HeadDecision decision = decideRequestHead(m_head, m_maxBodyBytes);
        m_head.clear();
        if (decision.verdict != RequestVerdict::Ok) {
            step.verdict = decision.verdict;
            return step;
        }
        ++m_requests;
        m_bodyRemaining = decision.bodyLength;
        m_inBody = m_bodyRemaining > 0;
        if (!m_inBody)
            step.lastEvent = Event::RequestComplete;
    }
    return step;
}

} // namespace poruch::server
