#pragma once

#include <QLoggingCategory>

// poruch.records: log record/case ids and counts only, never names, addresses or body text.
Q_DECLARE_LOGGING_CATEGORY(lcRecords)
