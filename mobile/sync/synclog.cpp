#include "sync/synclog.h"

Q_LOGGING_CATEGORY(lcSyncClient, "poruch.sync.client")
