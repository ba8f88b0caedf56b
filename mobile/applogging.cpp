#include "applogging.h"

Q_LOGGING_CATEGORY(lcApp, "poruch.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAppNetwork, "poruch.app.network", QtInfoMsg)
