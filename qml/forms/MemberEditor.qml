import QtQuick
import QtQuick.Controls
import Poruch.Backend
import "../components"

// member fields: the household's members; one (radio) or several ("multiple": true).
Column {
    id: root

    property var field
    property FormController controller
    property bool readOnly: false
    readonly property var value: controller ? controller.value(field.key, controller.revision) : undefined

    Label {
        visible: root.controller && root.controller.members.length === 0
        text: qsTr("Add the household's members on the case card first.")
        opacity: 0.7
        font.pixelSize: 15
    }
    Repeater {
        model: root.controller ? root.controller.members : []
        CheckDelegate {
            required property var modelData
            width: root.width
            implicitHeight: 48
            text: modelData.name
            enabled: !root.readOnly
            checked: root.field.multiple ? (root.value || []).indexOf(modelData.id) >= 0 : root.value === modelData.id
            onToggled: root.controller.toggleMember(root.field.key, modelData.id, checked)
        }
    }
}
