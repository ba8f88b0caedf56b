#include "csvwriter.h"

namespace poruch::server::office {

QString CsvWriter::field(const QString& value)
{
    QString text = value;
    if (!text.isEmpty()) {
        const QChar first = text.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
            || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            text.prepend(QLatin1Char('\''));
    }
    if (text.contains(QLatin1Char(';')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))
        || text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char(','))) {
        text.replace(QLatin1String("\""), QLatin1String("\"\""));
        text = QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

void CsvWriter::row(const QStringList& fields)
{
    QStringList quoted;
    for (const QString& value : fields)
        quoted << field(value);
    m_text += quoted.join(QLatin1Char(';'));
    m_text += QLatin1String("\r\n");
}

QByteArray CsvWriter::bytes() const
{
    return QByteArrayLiteral("\xEF\xBB\xBF") + m_text.toUtf8();
}

} // namespace poruch::server::office
