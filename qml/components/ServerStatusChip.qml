import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Poruch.Backend

// A compact, honest indicator of whether the sync server answers right now.
ItemDelegate {
    id: chip

    // Without --server the enrolled sync client is what knows whether the server answers.
    readonly property int state: ServerConnection.configured || !SyncStatus.enrolled ? ServerConnection.state
                                : SyncStatus.state === SyncStatus.Failed ? ServerConnection.Unreachable
                                : SyncStatus.lastSyncAt.getTime() > 0 ? ServerConnection.Online
                                : ServerConnection.Checking
    readonly property string label: {
        switch (state) {
        case ServerConnection.Online:
            return qsTr("Server online")
        case ServerConnection.Checking:
            return qsTr("Checking server…")
        case ServerConnection.Unreachable:
            return qsTr("Offline")
        default:
            return qsTr("No server set")
        }
    }
    readonly property color dotColor: state === ServerConnection.Online ? "#4caf50"
                                     : state === ServerConnection.Unreachable ? "#ff9800" : "#b0bec5"

    implicitHeight: 48
    leftPadding: 12
    rightPadding: 12
    Accessible.name: label

    contentItem: Row {
        spacing: 8
        Rectangle {
            width: 12
            height: 12
            radius: 6
            color: chip.dotColor
            anchors.verticalCenter: parent.verticalCenter
        }
        Label {
            text: chip.label
            color: "white"
            font.pixelSize: 16
            anchors.verticalCenter: parent.verticalCenter
        }
    }
}
