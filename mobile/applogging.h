#pragma once

#include <QLoggingCategory>

// One category per app area. Log ids and counts, never personal data.
Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcAppNetwork)
