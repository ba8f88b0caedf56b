#include "serverlogging.h"

Q_LOGGING_CATEGORY(lcServer, "poruch.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "poruch.server.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConfig, "poruch.server.config", QtInfoMsg)
