#include "pdftext.h"

#include <QHash>
#include <QRegularExpression>

namespace poruch::test {

QByteArray inflateZlib(const QByteArray& zlibStream)
{
    // qUncompress wants the expected size first (big-endian); give it a generous upper bound.
    QByteArray sized(4, '\0');
    const quint32 bound = quint32(qMin<qsizetype>(zlibStream.size() * 50 + 4096, 64 * 1024 * 1024));
    for (int i = 0; i < 4; ++i)
        sized[i] = char((bound >> (24 - 8 * i)) & 0xff);
    return qUncompress(sized + zlibStream);
}

namespace {

// One CMap: glyph code -> Unicode. Entries are "<from> <to> [<u> <u> ...]", "<from> <to> <u>" or "<code> <u>".
QHash<int, QString> parseCmap(const QString& cmapText)
{
    static const QRegularExpression rangeList(QStringLiteral("^<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)> \\[([^\\]]*)\\]$"));
    static const QRegularExpression rangeOne(QStringLiteral("^<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>$"));
    static const QRegularExpression single(QStringLiteral("^<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>$"));
    static const QRegularExpression hex(QStringLiteral("<([0-9A-Fa-f]+)>"));
    QHash<int, QString> cmap;
    for (const QString& rawLine : cmapText.split(QLatin1Char('\n'))) {
        const QString line = rawLine.trimmed();
        if (const auto list = rangeList.match(line); list.hasMatch()) {
            int code = list.captured(1).toInt(nullptr, 16);
            for (auto h = hex.globalMatch(list.captured(3)); h.hasNext();)
                cmap.insert(code++, QChar(h.next().captured(1).toInt(nullptr, 16)));
        } else if (const auto range = rangeOne.match(line); range.hasMatch()) {
            const int first = range.captured(1).toInt(nullptr, 16);
            for (int code = first; code <= range.captured(2).toInt(nullptr, 16); ++code)
                cmap.insert(code, QChar(range.captured(3).toInt(nullptr, 16) + code - first));
        } else if (const auto one = single.match(line); one.hasMatch()) {
            cmap.insert(one.captured(1).toInt(nullptr, 16), QChar(one.captured(2).toInt(nullptr, 16)));
        }
    }
    return cmap;
}

} // namespace

QString pdfText(const QByteArray& pdf)
{
    static const QRegularExpression objectPattern(
        QStringLiteral("(?:^|\\n)(\\d+) 0 obj(.*?)endobj"), QRegularExpression::DotMatchesEverythingOption);
    QHash<int, QByteArray> dictionaries;
    QHash<int, QByteArray> bodies; // stream contents, inflated where they inflate
    for (auto it = objectPattern.globalMatch(QString::fromLatin1(pdf)); it.hasNext();) {
        const auto match = it.next();
        const QByteArray body = match.captured(2).toLatin1();
        const qsizetype streamAt = body.indexOf("stream");
        dictionaries.insert(match.captured(1).toInt(), streamAt >= 0 ? body.left(streamAt) : body);
        if (streamAt < 0)
            continue;
        qsizetype start = streamAt + 6;
        start += body.mid(start, 2) == "\r\n" ? 2 : body.mid(start, 1) == "\n" ? 1 : 0;
        qsizetype end = body.lastIndexOf("endstream");
        if (end > start && body.at(end - 1) == '\n')
            --end;
        const QByteArray data = body.mid(start, end - start);
        const QByteArray inflated = inflateZlib(data);
        bodies.insert(match.captured(1).toInt(), inflated.isEmpty() ? data : inflated);
    }
    // Font resource name -> its CMap.
    static const QRegularExpression fontRef(QStringLiteral("/(F\\d+) (\\d+) 0 R"));
    static const QRegularExpression toUnicode(QStringLiteral("/ToUnicode (\\d+) 0 R"));
    QHash<QByteArray, QHash<int, QString>> cmaps;
    for (const QByteArray& dictionary : std::as_const(dictionaries)) {
        for (auto it = fontRef.globalMatch(QString::fromLatin1(dictionary)); it.hasNext();) {
            const auto ref = it.next();
            const auto unicode = toUnicode.match(QString::fromLatin1(dictionaries.value(ref.captured(2).toInt())));
            if (unicode.hasMatch())
                cmaps.insert(ref.captured(1).toLatin1(),
                    parseCmap(QString::fromLatin1(bodies.value(unicode.captured(1).toInt()))));
        }
    }
    QString text;
    static const QRegularExpression operators(QStringLiteral("/(F\\d+) [0-9.]+ Tf|<([0-9A-Fa-f]+)> Tj"));
    for (const QByteArray& body : std::as_const(bodies)) {
        QByteArray font;
        for (auto it = operators.globalMatch(QString::fromLatin1(body)); it.hasNext();) {
            const auto op = it.next();
            if (!op.captured(1).isEmpty()) {
                font = op.captured(1).toLatin1();
                continue;
            }
            const QString glyphs = op.captured(2);
            for (int i = 0; i + 4 <= glyphs.size(); i += 4)
                text += cmaps.value(font).value(glyphs.mid(i, 4).toInt(nullptr, 16));
        }
    }
    return text;
}

} // namespace poruch::test
