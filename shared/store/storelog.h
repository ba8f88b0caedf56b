#pragma once

#include <QLoggingCategory>

// Logging of the store area: record ids, counts, error codes only; never keys, PINs or stored values.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
