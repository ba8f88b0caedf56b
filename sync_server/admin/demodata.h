#pragma once

#include "core/result.h"

#include <QString>

namespace poruch::server {

class ServerStore;

struct DemoAccounts {
    QString officePassword; // printed once by the run command; never stored in clear
    QString workerUsername;
};

// Fills an empty store with invented demo data: an office user, a social worker with a small caseload
// of fictional families, notices (some about children, so they carry journal numbers) and a home visit.
// Refuses a store that already has users, so it can never touch real data.
Result<DemoAccounts> seedDemoData(ServerStore& store);

} // namespace poruch::server
