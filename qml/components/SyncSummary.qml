import QtQuick
import QtQuick.Controls
import Poruch.Backend

// One honest line about synchronisation: never "up to date" while anything waits or conflicts.
Label {
    text: {
        if (SyncStatus.state === SyncStatus.Syncing)
            return qsTr("Synchronising… %1 of %2").arg(SyncStatus.sent).arg(SyncStatus.total)
        if (SyncStatus.state === SyncStatus.Failed)
            return qsTr("Not synchronised, retrying (waiting: %1)").arg(SyncStatus.pending)
        if (SyncStatus.conflictCount > 0)
            return qsTr("Conflicts to resolve: %1").arg(SyncStatus.conflictCount)
        if (SyncStatus.pending > 0)
            return qsTr("Changes waiting to be sent: %1").arg(SyncStatus.pending)
        if (SyncStatus.upToDate)
            return qsTr("Everything sent")
        return SyncStatus.enrolled ? qsTr("Not synchronised yet") : qsTr("Tablet not enrolled")
    }
    color: SyncStatus.conflictCount > 0 || SyncStatus.state === SyncStatus.Failed ? "#b71c1c" : "#37474f"
    font.pixelSize: 15
    elide: Text.ElideRight
}
