import QtQuick
import QtQuick.Controls
import Poruch.Backend
import "../components"

// number fields: a number is saved as a JSON number; anything else as typed (the validator says why).
TextField {
    id: root

    property var field
    property FormController controller
    readOnly: false
    readonly property var value: controller ? controller.value(field.key, controller.revision) : undefined

    objectName: "input"
    implicitHeight: 56
    width: 200
    text: value === undefined || value === null ? "" : String(value)
    inputMethodHints: Qt.ImhFormattedNumbersOnly
    onTextEdited: {
        const trimmed = text.trim().replace(",", ".")
        const number = Number(trimmed)
        controller.setValue(field.key, trimmed.length > 0 && !isNaN(number) ? number : text)
    }
}
