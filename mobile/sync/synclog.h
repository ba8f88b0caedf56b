#pragma once

#include <QLoggingCategory>

// poruch.sync.client: record ids, sequence numbers and counts only; never names or free text.
Q_DECLARE_LOGGING_CATEGORY(lcSyncClient)
