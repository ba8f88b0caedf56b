#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace poruch::server::office {

// HTML text and attribute escaping: & < > " ' become entities, so nothing stored can become markup.
QString escape(const QString& text);
// Percent-encodes a query value for a link (then escape() the whole href when writing it).
QString urlValue(const QString& text);

// Europe/Kyiv display of a moment: "27.03.2026 17:30"; "—" when invalid.
QString kyivDateTime(const QDateTime& moment);
QString kyivDate(const QDateTime& moment);
QDateTime toKyiv(const QDateTime& moment);

// One entry of the navigation bar.
struct NavItem {
    QString href;
    QString label;
    QString key;
};

// What every page shares: title, navigation (empty: none, e.g. the login page), the signed-in user and
// the CSRF token the logout form posts.
struct PageFrame {
    QString title;
    QString activeKey;
    QList<NavItem> nav;
    QString userLabel;
    QString csrfToken;
    bool printView = false;
};

// A complete HTML5 document in Ukrainian with the office stylesheet and script (external files only:
// the Content-Security-Policy allows no inline script or style).
QString page(const PageFrame& frame, const QString& body);

// A hidden CSRF field for a form.
QString csrfField(const QString& token);

} // namespace poruch::server::office
