#pragma once

#include <QString>

namespace poruch::records {

// The body field that says when what a record describes happened (receivedAt of a notice, visitedAt of a
// home visit, ...): what lists and titles date a record by, on the tablet and in the office. Empty for a
// type that has none.
QString momentField(const QString& typeId);

} // namespace poruch::records
