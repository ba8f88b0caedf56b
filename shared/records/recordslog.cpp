#include "records/recordslog.h"

Q_LOGGING_CATEGORY(lcRecords, "poruch.records")
