import QtQuick
import QtQuick.Controls
import Poruch.Backend
import "../components"

// text and multiline fields: every keystroke is saved (autosave).
Item {
    id: root

    property var field
    property FormController controller
    property bool readOnly: false
    property bool multiline: false
    readonly property string value: controller ? (controller.value(field.key, controller.revision) || "") : ""

    implicitHeight: multiline ? area.implicitHeight : line.implicitHeight
    implicitWidth: 320

    TextField {
        id: line
        objectName: "input"
        visible: !root.multiline
        anchors.left: parent.left
        anchors.right: parent.right
        implicitHeight: 56
        text: root.value
        readOnly: root.readOnly
        maximumLength: root.field.maxLength || 1000
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        onTextEdited: root.controller.setValue(root.field.key, text)
    }
    TextArea {
        id: area
        objectName: "area"
        visible: root.multiline
        anchors.left: parent.left
        anchors.right: parent.right
        text: root.value
        readOnly: root.readOnly
        wrapMode: TextEdit.Wrap
        font.pixelSize: 16
        topPadding: 12
        bottomPadding: 12
        leftPadding: 12
        rightPadding: 12
        height: Math.max(112, implicitHeight)
        implicitHeight: Math.max(112, contentHeight + topPadding + bottomPadding)
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        background: Rectangle {
            color: "white"
            border.color: area.activeFocus ? "#1f4e79" : "#b0bec5"
            radius: 4
        }
        onTextChanged: {
            if (activeFocus && text !== root.value)
                root.controller.setValue(root.field.key, text)
        }
    }
}
