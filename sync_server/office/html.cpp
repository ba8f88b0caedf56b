#include "html.h"

#include <QTimeZone>
#include <QUrl>

namespace poruch::server::office {

QString escape(const QString& text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case '\'':
            out += QLatin1String("&#39;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString urlValue(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QDateTime toKyiv(const QDateTime& moment)
{
    static const QTimeZone kyiv(QByteArrayLiteral("Europe/Kyiv"));
    return moment.toTimeZone(kyiv);
}

QString kyivDateTime(const QDateTime& moment)
{
    if (!moment.isValid())
        return QStringLiteral("—");
    return toKyiv(moment).toString(QStringLiteral("dd.MM.yyyy HH:mm"));
}

QString kyivDate(const QDateTime& moment)
{
    if (!moment.isValid())
        return QStringLiteral("—");
    return toKyiv(moment).toString(QStringLiteral("dd.MM.yyyy"));
}

QString csrfField(const QString& token)
{
    return QStringLiteral("<input type=\"hidden\" name=\"csrf\" value=\"%1\">").arg(escape(token));
}

QString page(const PageFrame& frame, const QString& body)
{
    QString html;
    html += QLatin1String("<!DOCTYPE html>\n<html lang=\"uk\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html += QStringLiteral("<title>%1 — Поруч</title>\n").arg(escape(frame.title));
    html += QLatin1String("<link rel=\"stylesheet\" href=\"/office/assets/office.css\">\n"
                          "<script src=\"/office/assets/office.js\" defer></script>\n</head>\n");
    html += frame.printView ? QLatin1String("<body class=\"print-view\">\n") : QLatin1String("<body>\n");
    if (!frame.nav.isEmpty()) {
        html
            += QStringLiteral("<header class=\"top no-print\"><span class=\"brand\">Поруч · кабінет офісу</span><nav>");
        for (const NavItem& item : frame.nav) {
            html += QStringLiteral("<a href=\"%1\"%2>%3</a>")
                        .arg(escape(item.href),
                            item.key == frame.activeKey ? QStringLiteral(" class=\"active\"") : QString(),
                            escape(item.label));
        }
        html += QStringLiteral("</nav><form class=\"logout\" method=\"post\" action=\"/office/logout\">%1"
                               "<span class=\"who\">%2</span> <button type=\"submit\">Вийти</button></form></header>\n")
                    .arg(csrfField(frame.csrfToken), escape(frame.userLabel));
    }
    html += QLatin1String("<main>\n");
    html += body;
    html += QLatin1String("\n</main>\n</body>\n</html>\n");
    return html;
}

} // namespace poruch::server::office
