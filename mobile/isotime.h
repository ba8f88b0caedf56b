#pragma once

#include <QDateTime>
#include <QString>

namespace poruch::app {

// Date-times in record bodies are ISO 8601 with an explicit offset, second precision.
inline QString isoDateTime(const QDateTime& moment)
{
    const QDateTime withOffset = moment.toOffsetFromUtc(moment.offsetFromUtc());
    QDateTime seconds = withOffset;
    seconds.setTime(QTime(withOffset.time().hour(), withOffset.time().minute(), withOffset.time().second()));
    return seconds.toString(Qt::ISODate);
}

inline QDateTime parseIsoDateTime(const QString& text)
{
    return QDateTime::fromString(text, Qt::ISODate);
}

} // namespace poruch::app
