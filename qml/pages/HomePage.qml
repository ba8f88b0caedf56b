import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Home: statutory deadlines first, then the caseload. Two columns in landscape, one in portrait.
Page {
    id: page

    title: qsTr("Caseload")

    GridLayout {
        anchors.fill: parent
        anchors.margins: 16
        columns: page.width > page.height ? 2 : 1
        columnSpacing: 16
        rowSpacing: 16

        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            Layout.preferredHeight: 1

            ColumnLayout {
                anchors.fill: parent
                spacing: 12
                Label {
                    text: qsTr("Statutory deadlines")
                    font.pixelSize: 20
                    font.weight: Font.Medium
                }
                EmptyState {
                    headline: qsTr("No open deadlines")
                    hint: qsTr("Deadlines appear here as soon as a notice or an act starts one.")
                    Layout.fillWidth: true
                    Layout.topMargin: 32
                }
                Item {
                    Layout.fillHeight: true
                }
            }
        }

        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            Layout.preferredHeight: 2

            ColumnLayout {
                anchors.fill: parent
                spacing: 12
                Label {
                    text: qsTr("Families and persons")
                    font.pixelSize: 20
                    font.weight: Font.Medium
                }
                TextField {
                    id: search
                    placeholderText: qsTr("Search by name, address or phone")
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    Layout.fillWidth: true
                    Layout.preferredHeight: 56
                }
                ListView {
                    id: caseList
                    model: 0
                    clip: true
                    Layout.fillWidth: true
                    Layout.fillHeight: true

                    EmptyState {
                        anchors.horizontalCenter: parent.horizontalCenter
                        y: 32
                        width: parent.width * 0.8
                        visible: caseList.count === 0
                        headline: qsTr("No cases on this tablet yet")
                        hint: qsTr("Cases assigned to you arrive with the next synchronisation.")
                    }
                }
            }
        }
    }
}
