import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// What Poruch is and how it treats the data it holds.
Page {
    id: page

    title: qsTr("About Poruch")

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: 12

            Label {
                text: qsTr("Poruch")
                font.pixelSize: 28
                font.weight: Font.Medium
                Layout.margins: 24
                Layout.bottomMargin: 0
            }
            Label {
                text: qsTr("Version %1").arg(Qt.application.version)
                opacity: 0.7
                Layout.leftMargin: 24
            }
            Label {
                text: qsTr("Poruch helps community social workers record notices of concern, home visits, child safety assessments, needs assessments and crisis interventions, with or without a mobile signal, and keeps every statutory deadline in view.")
                wrapMode: Text.WordWrap
                font.pixelSize: 16
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
            }
            Label {
                text: qsTr("Everything stored on this tablet is encrypted. Personal data is shared only with the people whose work needs it.")
                wrapMode: Text.WordWrap
                font.pixelSize: 16
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
            }
        }
    }
}
