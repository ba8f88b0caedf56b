import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Poruch.Backend
import "../components"

// Records changed both here and on the server: both revisions side by side per field; pick one side
// (or edit a text) per field, then keep the result, which goes out with the next synchronisation.
Page {
    id: page

    title: qsTr("Conflicts")

    ConflictController {
        id: conflict
        recordId: SyncStatus.conflicts.length > 0 ? SyncStatus.conflicts[picker.currentIndex >= 0 ? picker.currentIndex : 0].recordId : ""
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        EmptyState {
            visible: SyncStatus.conflictCount === 0
            headline: qsTr("No conflicts")
            hint: qsTr("When a record was changed here and on the server at the same time, it appears here.")
            Layout.fillWidth: true
            Layout.topMargin: 48
        }
        ComboBox {
            id: picker
            visible: SyncStatus.conflictCount > 1
            model: SyncStatus.conflicts
            textRole: "typeLabel"
            implicitHeight: 56
            Layout.fillWidth: true
        }
        Label {
            visible: SyncStatus.conflictCount > 0
            text: conflict.title
            font.pixelSize: 20
            font.weight: Font.Medium
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        RowLayout {
            visible: SyncStatus.conflictCount > 0
            Layout.fillWidth: true
            spacing: 12
            Label { text: qsTr("Field"); font.weight: Font.Medium; Layout.preferredWidth: 2; Layout.fillWidth: true }
            Label { text: qsTr("On this tablet"); font.weight: Font.Medium; Layout.preferredWidth: 3; Layout.fillWidth: true }
            Label { text: qsTr("On the server"); font.weight: Font.Medium; Layout.preferredWidth: 3; Layout.fillWidth: true }
        }
        ListView {
            visible: SyncStatus.conflictCount > 0
            model: conflict.rows
            clip: true
            spacing: 8
            Layout.fillWidth: true
            Layout.fillHeight: true
            delegate: Rectangle {
                id: row
                required property var modelData
                width: ListView.view.width
                implicitHeight: cells.implicitHeight + 16
                color: modelData.differs ? "#fff8e1" : "white"
                border.color: "#d9e0e8"
                radius: 6
                RowLayout {
                    id: cells
                    anchors.fill: parent
                    anchors.margins: 8
                    spacing: 12
                    Label {
                        text: row.modelData.label
                        wrapMode: Text.WordWrap
                        font.pixelSize: 14
                        Layout.preferredWidth: 2
                        Layout.fillWidth: true
                    }
                    Repeater {
                        model: ["local", "remote"]
                        ItemDelegate {
                            required property string modelData
                            readonly property bool chosen: row.modelData.choice === modelData
                            enabled: row.modelData.differs
                            implicitHeight: Math.max(48, sideText.implicitHeight + 16)
                            Layout.preferredWidth: 3
                            Layout.fillWidth: true
                            onClicked: conflict.choose(row.modelData.key, modelData)
                            background: Rectangle {
                                color: parent.chosen && row.modelData.differs ? "#e3f2fd" : "transparent"
                                border.color: parent.chosen && row.modelData.differs ? "#1f4e79" : "transparent"
                                radius: 4
                            }
                            contentItem: Label {
                                id: sideText
                                text: (row.modelData[parent.modelData] || "—")
                                wrapMode: Text.WordWrap
                                font.pixelSize: 15
                            }
                        }
                    }
                }
            }
        }
        Label {
            visible: SyncStatus.conflictCount > 0 && (conflict.error.length > 0 || !conflict.remoteKnown)
            text: conflict.error.length > 0 ? conflict.error
                                            : qsTr("The server's version has not arrived yet. Synchronise first, then decide.")
            color: "#b3261e"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Flow {
            visible: SyncStatus.conflictCount > 0
            spacing: 12
            layoutDirection: Qt.RightToLeft
            Layout.fillWidth: true
            AppButton {
                objectName: "keepChosen"
                text: qsTr("Keep the chosen values")
                highlighted: true
                enabled: conflict.remoteKnown
                implicitHeight: 56
                onClicked: conflict.resolve()
            }
            AppButton {
                objectName: "keepTheirs"
                text: qsTr("Take the server's version")
                enabled: conflict.remoteKnown
                implicitHeight: 56
                onClicked: conflict.keepTheirs()
            }
            AppButton {
                objectName: "keepMine"
                text: qsTr("Keep this tablet's version")
                implicitHeight: 56
                onClicked: conflict.keepMine()
            }
        }
    }
}
