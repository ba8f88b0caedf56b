#pragma once

#include <QByteArray>
#include <QStringList>

namespace poruch::server::office {

// CSV for spreadsheet programs: UTF-8 with a byte-order mark, ';' between fields (the list separator of
// Ukrainian-locale spreadsheets), CRLF line ends, fields quoted when needed. A field starting with
// = + - @ (or a tab / CR) gets a leading apostrophe, so a cell can never run as a formula.
class CsvWriter {
public:
    void row(const QStringList& fields);
    QByteArray bytes() const;
    static QString field(const QString& value);

private:
    QString m_text;
};

} // namespace poruch::server::office
