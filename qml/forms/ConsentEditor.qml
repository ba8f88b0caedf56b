import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Poruch.Backend
import "../components"

// consent fields: what the consent is for, the decision (given / refused / not asked yet), who decided,
// and the reason when refused. The moment is stamped when a decision is made.
ColumnLayout {
    id: root

    property var field
    property FormController controller
    property bool readOnly: false
    readonly property var value: controller ? (controller.value(field.key, controller.revision) || ({})) : ({})

    spacing: 6

    Label {
        visible: !!root.field.purpose
        text: qsTr("Purpose: %1").arg(root.field.purpose || "")
        wrapMode: Text.WordWrap
        font.pixelSize: 15
        opacity: 0.8
        Layout.fillWidth: true
    }
    Flow {
        spacing: 8
        Layout.fillWidth: true
        Repeater {
            model: [{ value: "given", label: qsTr("Consent given") },
                    { value: "refused", label: qsTr("Consent refused") },
                    { value: "not_asked", label: qsTr("Not asked yet") }]
            AppButton {
                required property var modelData
                objectName: "decision_" + modelData.value
                text: modelData.label
                checkable: true
                checked: root.value.decision === modelData.value
                highlighted: checked
                enabled: !root.readOnly
                implicitHeight: 56
                onClicked: root.controller.setPart(root.field.key, "decision", modelData.value)
            }
        }
    }
    TextField {
        objectName: "by"
        visible: root.value.decision === "given" || root.value.decision === "refused"
        text: root.value.by || ""
        readOnly: root.readOnly
        placeholderText: qsTr("Who decided (full name)")
        implicitHeight: 56
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        Layout.fillWidth: true
        onTextEdited: root.controller.setPart(root.field.key, "by", text)
    }
    TextField {
        objectName: "refusalReason"
        visible: root.value.decision === "refused"
        text: root.value.refusalReason || ""
        readOnly: root.readOnly
        placeholderText: qsTr("Reason for the refusal")
        implicitHeight: 56
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        Layout.fillWidth: true
        onTextEdited: root.controller.setPart(root.field.key, "refusalReason", text)
    }
}
