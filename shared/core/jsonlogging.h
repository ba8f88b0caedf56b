#pragma once

#include <QString>
#include <QtGlobal>

namespace poruch {

// Formats one log message as a single JSON line: {"ts":..,"level":..,"category":..,"msg":..}.
// Callers log ids and counts only, never names, addresses or free text of acts.
QString formatJsonLogLine(QtMsgType type, const char* category, const QString& message);

// Routes all Qt logging through formatJsonLogLine to stderr (used by the server and the app).
void installJsonLogging();

} // namespace poruch
