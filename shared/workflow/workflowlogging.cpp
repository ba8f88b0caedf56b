#include "workflow/workflowlogging.h"

Q_LOGGING_CATEGORY(lcWorkflow, "poruch.workflow")
