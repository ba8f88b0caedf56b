import QtQuick
import QtQuick.Controls
import Poruch.Backend
import "../components"

// yesno fields: two large buttons; neither is chosen until the worker answers (false is an answer).
Row {
    id: root

    property var field
    property FormController controller
    property bool readOnly: false
    readonly property var value: controller ? controller.value(field.key, controller.revision) : undefined

    spacing: 8

    AppButton {
        objectName: "yes"
        text: qsTr("Yes")
        checkable: true
        checked: root.value === true
        enabled: !root.readOnly
        implicitHeight: 56
        implicitWidth: 120
        highlighted: checked
        onClicked: root.controller.setValue(root.field.key, true)
    }
    AppButton {
        objectName: "no"
        text: qsTr("No")
        checkable: true
        checked: root.value === false
        enabled: !root.readOnly
        implicitHeight: 56
        implicitWidth: 120
        highlighted: checked
        onClicked: root.controller.setValue(root.field.key, false)
    }
}
