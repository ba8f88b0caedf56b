#pragma once

#include <QStringList>

namespace poruch::server {

// Parses and runs one poruch-admin command line; prints results on stdout, one clear error line on
// stderr. Returns the exit code: 0 done, 1 failed, 2 bad arguments.
int runAdminCommand(const QStringList& arguments);

} // namespace poruch::server
