#pragma once

#include "core/result.h"
#include "syncstatus.h"

#include <QDateTime>
#include <QString>

namespace poruch::records {
class RecordRepository;
}

namespace poruch::app {

struct DemoIds {
    QString caseId; // a household with a crisis notice, open deadlines and a draft home visit
    QString draftRecordId; // that draft
    QString finalRecordId; // its final notice
};

// Fictional households for screenshots and the self-test (never used with a real store).
Result<DemoIds> seedDemoData(
    records::RecordRepository& repository, const QString& userId, const QString& deviceId, const QDateTime& now);

// A conflict over the demo draft (the server changed two fields), for the conflicts page screenshot.
Result<SyncStatus::Conflict> demoConflict(records::RecordRepository& repository, const DemoIds& ids);

} // namespace poruch::app
