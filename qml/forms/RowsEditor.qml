import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Poruch.Backend
import "../components"

// table and participants fields: one bordered block per row with an input per column, "add row" and
// "remove". Participants have the fixed columns name, position, role, phone.
ColumnLayout {
    id: root

    property var field
    property FormController controller
    property bool readOnly: false
    readonly property var rows: controller ? (controller.value(field.key, controller.revision) || []) : []
    readonly property var columns: field.type === "participants"
        ? [{ key: "name", type: "text", label: qsTr("Full name"), required: true },
           { key: "position", type: "text", label: qsTr("Position") },
           field.options ? { key: "role", type: "choice", label: qsTr("Role"), options: field.options }
                         : { key: "role", type: "text", label: qsTr("Role") },
           { key: "phone", type: "text", label: qsTr("Phone") }]
        : (field.columns || [])

    spacing: 8

    Repeater {
        model: root.rows.length
        Rectangle {
            id: rowBox
            required property int index
            readonly property var cells: root.rows[index] || ({})
            Layout.fillWidth: true
            implicitHeight: rowColumn.implicitHeight + 24
            color: "#f8fafc"
            border.color: "#d9e0e8"
            radius: 6

            ColumnLayout {
                id: rowColumn
                anchors.fill: parent
                anchors.margins: 12
                spacing: 6
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        text: qsTr("Row %1").arg(rowBox.index + 1)
                        font.weight: Font.Medium
                        Layout.fillWidth: true
                    }
                    AppButton {
                        text: qsTr("Remove")
                        flat: true
                        visible: !root.readOnly
                        implicitHeight: 48
                        onClicked: root.controller.removeRow(root.field.key, rowBox.index)
                    }
                }
                Repeater {
                    model: root.columns
                    ColumnLayout {
                        id: cell
                        required property var modelData
                        readonly property var cellValue: rowBox.cells[modelData.key]
                        spacing: 2
                        Layout.fillWidth: true
                        Label {
                            text: cell.modelData.label + (cell.modelData.required ? " *" : "")
                            font.pixelSize: 14
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        TextField {
                            objectName: "cell_" + cell.modelData.key
                            visible: cell.modelData.type !== "yesno" && cell.modelData.type !== "choice"
                            text: cell.cellValue === undefined || cell.cellValue === null ? "" : String(cell.cellValue)
                            readOnly: root.readOnly
                            implicitHeight: 56
                            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                            placeholderText: cell.modelData.type === "date" ? qsTr("YYYY-MM-DD")
                                           : cell.modelData.type === "datetime" ? qsTr("YYYY-MM-DD HH:MM") : ""
                            Layout.fillWidth: true
                            onTextEdited: {
                                let value = text
                                if (cell.modelData.type === "number" && text.trim().length > 0 && !isNaN(Number(text)))
                                    value = Number(text)
                                root.controller.setCell(root.field.key, rowBox.index, cell.modelData.key, value)
                            }
                        }
                        CheckBox {
                            visible: cell.modelData.type === "yesno"
                            text: qsTr("Yes")
                            checked: cell.cellValue === true
                            enabled: !root.readOnly
                            implicitHeight: 48
                            onToggled: root.controller.setCell(root.field.key, rowBox.index, cell.modelData.key, checked)
                        }
                        ComboBox {
                            visible: cell.modelData.type === "choice"
                            model: cell.modelData.options || []
                            textRole: "label"
                            valueRole: "value"
                            enabled: !root.readOnly
                            implicitHeight: 56
                            currentIndex: (cell.modelData.options || []).findIndex(o => o.value === cell.cellValue)
                            displayText: currentIndex < 0 ? qsTr("Choose…") : currentText
                            Layout.fillWidth: true
                            onActivated: root.controller.setCell(root.field.key, rowBox.index, cell.modelData.key, currentValue)
                        }
                    }
                }
            }
        }
    }
    AppButton {
        objectName: "addRow"
        visible: !root.readOnly
        text: root.field.type === "participants" ? qsTr("Add participant") : qsTr("Add row")
        implicitHeight: 56
        onClicked: root.controller.addRow(root.field.key)
    }
}
