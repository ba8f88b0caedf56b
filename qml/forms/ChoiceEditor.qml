import QtQuick
import QtQuick.Controls
import Poruch.Backend
import "../components"

// choice fields: one radio line per option (labels can be long, so they wrap).
Column {
    id: root

    property var field
    property FormController controller
    property bool readOnly: false
    readonly property var value: controller ? controller.value(field.key, controller.revision) : undefined

    Repeater {
        model: root.field.options
        RadioDelegate {
            required property var modelData
            objectName: "option_" + modelData.value
            width: root.width
            implicitHeight: Math.max(48, implicitContentHeight + topPadding + bottomPadding)
            text: modelData.label
            checked: root.value === modelData.value
            enabled: !root.readOnly
            contentItem: Label {
                rightPadding: parent.indicator.width + parent.spacing
                text: parent.text
                wrapMode: Text.WordWrap
                font.pixelSize: 16
                verticalAlignment: Text.AlignVCenter
            }
            onClicked: root.controller.setValue(root.field.key, modelData.value)
        }
    }
}
