import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Poruch.Backend
import "../components"

// Text fields with "refersTo": "record" (e.g. the action's relatesTo): one line per record of this case —
// type, date, status and journal number — instead of an id typed by hand.
Column {
    id: root

    property var field
    property FormController controller
    property bool readOnly: false
    readonly property var value: controller ? controller.value(field.key, controller.revision) : undefined
    readonly property var records: controller ? controller.caseRecords : []

    Label {
        visible: root.records.length === 0
        text: qsTr("This case has no other records yet.")
        opacity: 0.7
        font.pixelSize: 15
    }
    Label {
        // A value that is not one of the case's records (e.g. from another device) stays visible.
        visible: !!root.value && !root.records.some(r => r.id === root.value)
        text: qsTr("Record not on this tablet: %1").arg(root.value || "")
        color: "#b3261e"
        font.pixelSize: 14
        wrapMode: Text.WordWrap
        width: root.width
    }
    Repeater {
        model: root.records
        RadioDelegate {
            required property var modelData
            objectName: "record_" + modelData.id
            width: root.width
            implicitHeight: Math.max(48, implicitContentHeight + topPadding + bottomPadding)
            checked: root.value === modelData.id
            enabled: !root.readOnly
            text: modelData.typeLabel
            contentItem: ColumnLayout {
                spacing: 0
                Label {
                    text: modelData.typeLabel
                    rightPadding: 48
                    font.pixelSize: 16
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Label {
                    text: [modelData.when, modelData.status,
                           modelData.journalNumber ? qsTr("journal No. %1").arg(modelData.journalNumber) : ""]
                          .filter(s => s.length > 0).join(" · ")
                    opacity: 0.7
                    font.pixelSize: 14
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                }
            }
            onClicked: root.controller.setValue(root.field.key, modelData.id)
        }
    }
}
