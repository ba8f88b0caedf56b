#pragma once

#include "core/result.h"
#include "syncstatus.h"

#include <QDateTime>
#include <QString>

namespace poruch::client {
class LocalSyncStore;
}

namespace poruch::app {

struct DemoIds {
    QString caseId; // a household with a crisis notice, open deadlines and a draft home visit
    QString draftRecordId; // that draft
    QString finalRecordId; // its final notice
    QString conflictRecordId; // a draft home visit of another household, for the demo conflict
};

// Fictional households for screenshots and the self-test (never used with a real store). Written
// through the sync store like everything the app saves, so they wait in the outbox.
Result<DemoIds> seedDemoData(
    client::LocalSyncStore& store, const QString& userId, const QString& deviceId, const QDateTime& now);

// A real kept conflict over the conflict draft (conflictRecordId), made the way a sync round makes one: the draft's
// push is answered "conflict" and the pull brings the server's revision (two fields changed). For the conflicts page in
// screenshots and the self-test; never used with a real store.
Result<void> makeDemoConflict(client::LocalSyncStore& store, const DemoIds& ids);

} // namespace poruch::app
