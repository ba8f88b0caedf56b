import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// Title, back navigation, the live server state and the app menu.
ToolBar {
    id: bar

    property string title
    property bool canGoBack: false

    signal backRequested
    signal syncRequested
    signal aboutRequested
    signal conflictsRequested
    signal lockRequested

    Material.foreground: "white"
    // Plain rectangle: Material's elevation shadow needs shaders the software renderer lacks.
    background: Rectangle {
        implicitHeight: 64
        color: bar.Material.primary
    }

    RowLayout {
        anchors.fill: parent
        spacing: 8

        ToolButton {
            objectName: "back"
            visible: bar.canGoBack
            text: "‹"
            font.pixelSize: 28
            implicitWidth: 56
            implicitHeight: 56
            Accessible.name: qsTr("Back")
            onClicked: bar.backRequested()
        }
        Label {
            text: bar.title
            font.pixelSize: 22
            font.weight: Font.Medium
            elide: Label.ElideRight
            leftPadding: bar.canGoBack ? 0 : 16
            Layout.fillWidth: true
        }
        ToolButton {
            objectName: "lock"
            text: qsTr("Lock")
            font.pixelSize: 16
            implicitHeight: 56
            Accessible.name: qsTr("Lock now")
            onClicked: bar.lockRequested()
        }
        ServerStatusChip {
            objectName: "serverChip"
            onClicked: bar.syncRequested()
        }
        ToolButton {
            text: "⋮"
            font.pixelSize: 24
            implicitWidth: 56
            implicitHeight: 56
            Accessible.name: qsTr("Menu")
            onClicked: menu.open()

            Menu {
                id: menu
                y: parent.height
                MenuItem {
                    text: qsTr("Synchronisation")
                    onTriggered: bar.syncRequested()
                }
                MenuItem {
                    text: qsTr("Conflicts")
                    onTriggered: bar.conflictsRequested()
                }
                MenuItem {
                    text: qsTr("Lock now")
                    onTriggered: bar.lockRequested()
                }
                MenuItem {
                    text: qsTr("About Poruch")
                    onTriggered: bar.aboutRequested()
                }
            }
        }
    }
}
