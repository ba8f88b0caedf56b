#pragma once

#include <QLoggingCategory>

// One category per server area. Log ids and counts, never personal data.
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
