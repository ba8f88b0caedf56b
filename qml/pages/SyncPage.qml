import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Poruch.Backend

// Where the tablet stands with the sync server. Honest: says what is known, no more.
Page {
    id: page

    title: qsTr("Synchronisation")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 16

        Label {
            text: {
                switch (ServerConnection.state) {
                case ServerConnection.Online:
                    return qsTr("The server answers. Version %1.").arg(ServerConnection.serverVersion)
                case ServerConnection.Checking:
                    return qsTr("Checking whether the server answers…")
                case ServerConnection.Unreachable:
                    return qsTr("The server cannot be reached. Everything you record is kept on this tablet.")
                default:
                    return qsTr("No server is set. Everything you record is kept on this tablet.")
                }
            }
            wrapMode: Text.WordWrap
            font.pixelSize: 18
            Layout.fillWidth: true
        }
        Label {
            visible: ServerConnection.lastContact.getTime() > 0
            text: qsTr("Last contact: %1").arg(ServerConnection.lastContact.toLocaleString(Qt.locale(), Locale.ShortFormat))
            opacity: 0.7
            font.pixelSize: 16
        }
        Button {
            text: qsTr("Check now")
            enabled: ServerConnection.configured
            implicitHeight: 56
            onClicked: ServerConnection.check()
        }
        Item {
            Layout.fillHeight: true
        }
    }
}
