#include "forms/formslogging.h"

Q_LOGGING_CATEGORY(lcForms, "poruch.forms")
